import { sha256 } from '@oslojs/crypto/sha2'
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding'
import { type CborValue, encodeCbor } from './cbor.ts'

// A software authenticator for tests: it makes real key pairs with WebCrypto and answers
// WebAuthn registrations and sign-ins byte for byte as a browser and authenticator would
// (client data JSON, authenticator data, a CBOR attestation object with format `none`, DER
// ECDSA or PKCS#1 v1.5 RSA signatures). The server checks them with its real code; tests can
// also bend one field (the origin, the RP id, the counter) to see it refused.

export type PasskeyAlgorithm = 'ES256' | 'RS256'

export type CeremonyOverrides = {
  /** The page the browser reports (default: the authenticator's origin). */
  origin?: string
  /** The RP id the authenticator signs for (default: the options' RP id). */
  rpId?: string
  /** User verified (PIN, fingerprint). Default true. */
  userVerified?: boolean
  userPresent?: boolean
  /** The counter to report instead of the next one. */
  signCount?: number
  type?: string
}

const b64 = encodeBase64urlNoPadding
const fromB64 = decodeBase64urlIgnorePadding
const aaguid = new Uint8Array(16)

function derInteger(bytes: Uint8Array): number[] {
  let start = 0
  while (start < bytes.length - 1 && bytes[start] === 0) start++
  const trimmed = [...bytes.slice(start)]
  if ((trimmed[0] ?? 0) & 0x80) trimmed.unshift(0)
  return [0x02, trimmed.length, ...trimmed]
}

/** WebCrypto's ECDSA signature is r‖s; WebAuthn carries it DER-encoded. */
function derSignature(p1363: Uint8Array): Uint8Array {
  const r = derInteger(p1363.slice(0, 32))
  const s = derInteger(p1363.slice(32))
  return new Uint8Array([0x30, r.length + s.length, ...r, ...s])
}

function concat(...chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}

function uint32(n: number) {
  return new Uint8Array([(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff])
}

export type TestAuthenticator = Awaited<ReturnType<typeof createTestAuthenticator>>

/**
 * One passkey on one authenticator, for pages on `origin`. `counting: false` is an authenticator
 * that always reports 0 (as synced passkeys do).
 */
export async function createTestAuthenticator(options: {
  origin: string
  algorithm?: PasskeyAlgorithm
  counting?: boolean
}) {
  const algorithm = options.algorithm ?? 'ES256'
  const params =
    algorithm === 'ES256'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : {
          name: 'RSASSA-PKCS1-v1_5',
          modulusLength: 2048,
          publicExponent: new Uint8Array([1, 0, 1]),
          hash: 'SHA-256',
        }
  const keys = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair
  const jwk = await crypto.subtle.exportKey('jwk', keys.publicKey)
  const coseKey =
    algorithm === 'ES256'
      ? new Map<number, number | Uint8Array>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, fromB64(jwk.x ?? '')],
          [-3, fromB64(jwk.y ?? '')],
        ])
      : new Map<number, number | Uint8Array>([
          [1, 3],
          [3, -257],
          [-1, fromB64(jwk.n ?? '')],
          [-2, fromB64(jwk.e ?? '')],
        ])
  const credentialId = crypto.getRandomValues(new Uint8Array(16))
  let counter = 0
  let userHandle: string | null = null

  function clientData(type: string, challenge: string, o: CeremonyOverrides) {
    const json = JSON.stringify({
      type: o.type ?? type,
      challenge,
      origin: o.origin ?? options.origin,
      crossOrigin: false,
    })
    return new TextEncoder().encode(json)
  }

  function authenticatorData(rpId: string, o: CeremonyOverrides, attested?: Uint8Array) {
    const flags =
      (o.userPresent === false ? 0 : 0x01) |
      (o.userVerified === false ? 0 : 0x04) |
      (attested ? 0x40 : 0)
    if (options.counting !== false) counter++
    const count = o.signCount ?? (options.counting === false ? 0 : counter)
    const head = concat(
      sha256(new TextEncoder().encode(rpId)),
      new Uint8Array([flags]),
      uint32(count),
    )
    return attested ? concat(head, attested) : head
  }

  async function sign(data: Uint8Array): Promise<Uint8Array> {
    const signature = new Uint8Array(
      await crypto.subtle.sign(
        algorithm === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : 'RSASSA-PKCS1-v1_5',
        keys.privateKey,
        data as BufferSource,
      ),
    )
    return algorithm === 'ES256' ? derSignature(signature) : signature
  }

  return {
    credentialId: b64(credentialId),
    get counter() {
      return counter
    },

    /** Answers registration options (`POST /v1/auth/passkeys/register/options`). */
    register(
      createOptions: { challenge: string; rp: { id: string }; user: { id: string } },
      o: CeremonyOverrides = {},
    ) {
      userHandle = createOptions.user.id
      const attested = concat(
        aaguid,
        new Uint8Array([credentialId.length >> 8, credentialId.length & 0xff]),
        credentialId,
        encodeCbor(coseKey),
      )
      const authData = authenticatorData(o.rpId ?? createOptions.rp.id, o, attested)
      const attestationObject = encodeCbor(
        new Map<string, CborValue>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, CborValue>()],
          ['authData', authData],
        ]),
      )
      return {
        id: b64(credentialId),
        clientDataJSON: b64(clientData('webauthn.create', createOptions.challenge, o)),
        attestationObject: b64(attestationObject),
        transports: ['internal'],
      }
    },

    /** Answers sign-in options (`POST /v1/auth/passkeys/sign-in/options`). */
    async signIn(getOptions: { challenge: string; rpId: string }, o: CeremonyOverrides = {}) {
      const authData = authenticatorData(o.rpId ?? getOptions.rpId, o)
      const clientDataJSON = clientData('webauthn.get', getOptions.challenge, o)
      const signature = await sign(concat(authData, sha256(clientDataJSON)))
      return {
        id: b64(credentialId),
        clientDataJSON: b64(clientDataJSON),
        authenticatorData: b64(authData),
        signature: b64(signature),
        userHandle,
      }
    },
  }
}

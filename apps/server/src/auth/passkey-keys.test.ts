import { decodeBase64urlIgnorePadding } from '@oslojs/encoding'
import { COSEPublicKey, coseAlgorithmES256, coseEllipticCurveP256 } from '@oslojs/webauthn'
import { describe, expect, it } from 'vitest'
import { assertionSignatureValid, sec1Uncompressed, storablePublicKey } from './passkey-keys.ts'

/** A fresh P-256 key pair whose public `y` starts with a zero byte (one key in 256). */
async function keyWithLeadingZeroY() {
  for (;;) {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])
    const jwk = await crypto.subtle.exportKey('jwk', keys.publicKey)
    const x = decodeBase64urlIgnorePadding(jwk.x ?? '')
    const y = decodeBase64urlIgnorePadding(jwk.y ?? '')
    if (y[0] === 0) return { keys, x, y }
  }
}

/** WebCrypto's r‖s signature, DER-encoded as a WebAuthn authenticator sends it. */
function der(p1363: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0
    while (start < bytes.length - 1 && bytes[start] === 0) start++
    const trimmed = [...bytes.slice(start)]
    if ((trimmed[0] ?? 0) & 0x80) trimmed.unshift(0)
    return [0x02, trimmed.length, ...trimmed]
  }
  const r = integer(p1363.slice(0, 32))
  const s = integer(p1363.slice(32))
  return new Uint8Array([0x30, r.length + s.length, ...r, ...s])
}

describe('stored ES256 passkey keys', () => {
  it('encode both coordinates right-aligned, whatever their leading zeros', () => {
    expect(Buffer.from(sec1Uncompressed(5n, 7n)).toString('hex')).toBe(
      `04${'5'.padStart(64, '0')}${'7'.padStart(64, '0')}`,
    )
  })

  // Regression: one passkey in 256 (a `y` starting with a zero byte) was stored as another
  // point, and every sign-in with it failed with PASSKEY_INVALID_SIGNATURE.
  it('verify a signature of a key whose y starts with a zero byte', async () => {
    const { keys, x, y } = await keyWithLeadingZeroY()
    const cose = new COSEPublicKey({
      1: 2,
      3: coseAlgorithmES256,
      [-1]: coseEllipticCurveP256,
      [-2]: x,
      [-3]: y,
    })
    const stored = storablePublicKey(cose)
    expect(stored?.publicKey).toEqual(new Uint8Array([0x04, ...x, ...y]))
    const authenticatorData = crypto.getRandomValues(new Uint8Array(37))
    const clientDataJSON = new TextEncoder().encode('{"type":"webauthn.get"}')
    const clientDataHash = new Uint8Array(await crypto.subtle.digest('SHA-256', clientDataJSON))
    const signed = new Uint8Array(
      await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        keys.privateKey,
        new Uint8Array([...authenticatorData, ...clientDataHash]),
      ),
    )
    if (!stored) throw new Error('the key was not taken')
    expect(assertionSignatureValid(stored, authenticatorData, clientDataJSON, der(signed))).toBe(
      true,
    )
  })
})

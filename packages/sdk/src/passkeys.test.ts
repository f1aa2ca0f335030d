// Passkeys through the SDK against the real server (test/real-server.ts). Node has no WebAuthn,
// so a stand-in for the browser's `navigator.credentials` hands the SDK's options to the
// software authenticator of the server's tests (real keys, real CBOR) and its answers back as
// the browser's ArrayBuffers: what is checked is the SDK's own part, the base64url conversions
// both ways and the session it keeps. Chromium's virtual authenticator runs the same flow for
// real in apps/server/test/browser/passkeys.test.ts.
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { totpCode } from '../../../apps/server/test/helpers/operators.ts'
import {
  createTestAuthenticator,
  type TestAuthenticator,
} from '../../../apps/server/test/helpers/passkey-authenticator.ts'
import { failure } from '../test/failure.ts'
import { type RealServer, startRealServer } from '../test/real-server.ts'
import { type MembersScene, memberPassword as password, siteOrigin } from '../test/scene.ts'
import { createAuth } from './auth.ts'
import { createPasskeys } from './passkeys.ts'
import { memoryStorage } from './storage.ts'

// Pinned to the site's own host: the SDK here sends no Origin, as a page would, to default by.
const passkeysOn = { passkeys: true, passkeyRelyingPartyId: new URL(siteOrigin).hostname }

let real: RealServer
let server: MembersScene

beforeAll(async () => {
  real = await startRealServer()
}, 60_000)
afterAll(() => real?.close())
afterEach(async () => {
  vi.unstubAllGlobals()
  await server.close()
})

const buffer = (text: string | null) =>
  text === null ? null : (decodeBase64urlIgnorePadding(text).slice().buffer as ArrayBuffer)
const text = (bytes: Uint8Array) => encodeBase64urlNoPadding(bytes)

type Publicly = {
  challenge: Uint8Array
  rp?: { id: string }
  rpId?: string
  user?: { id: Uint8Array }
}

/** The browser stand-in: `device` answers; `userVerified` is what its PIN check says. */
function browserWith(device: TestAuthenticator, userVerified = true) {
  const seen: { kind: string; mediation?: string; allowCredentials?: unknown[] }[] = []
  vi.stubGlobal('PublicKeyCredential', class {})
  vi.stubGlobal('navigator', {
    credentials: {
      async create({ publicKey }: { publicKey: Publicly }) {
        seen.push({ kind: 'create' })
        const answer = device.register({
          challenge: text(publicKey.challenge),
          rp: { id: publicKey.rp?.id ?? '' },
          user: { id: text(publicKey.user?.id ?? new Uint8Array()) },
        })
        return {
          id: answer.id,
          response: {
            clientDataJSON: buffer(answer.clientDataJSON),
            attestationObject: buffer(answer.attestationObject),
            getTransports: () => answer.transports,
          },
        }
      },
      async get(request: {
        publicKey: Publicly & { allowCredentials: unknown[] }
        mediation?: string
      }) {
        const { publicKey, mediation } = request
        seen.push({
          kind: 'get',
          ...(mediation && { mediation }),
          allowCredentials: publicKey.allowCredentials,
        })
        const answer = await device.signIn(
          { challenge: text(publicKey.challenge), rpId: publicKey.rpId ?? '' },
          { userVerified },
        )
        return {
          id: answer.id,
          response: {
            clientDataJSON: buffer(answer.clientDataJSON),
            authenticatorData: buffer(answer.authenticatorData),
            signature: buffer(answer.signature),
            userHandle: buffer(answer.userHandle),
          },
        }
      },
    },
  })
  return seen
}

function browser() {
  return createAuth({ url: server.url, key: server.key, storage: memoryStorage() })
}

describe('passkeys through the SDK', () => {
  it('adds one, lists, renames, signs in with it in another browser, and removes it', async () => {
    server = await real.membersScene({ authSettings: passkeysOn })
    await server.addMember({ email: 'ada@example.com', displayName: 'Ada' })
    const device = await createTestAuthenticator({ origin: siteOrigin })
    const seen = browserWith(device)
    const laptop = browser()
    await laptop.login({ email: 'ada@example.com', password })
    const passkey = createPasskeys(laptop)
    expect(passkey.isSupported()).toBe(true)

    const added = await passkey.register('Work laptop')
    expect(added).toEqual({
      id: expect.stringMatching(/^pkey_/),
      name: 'Work laptop',
      createdAt: expect.any(Number),
      lastUsedAt: null,
    })
    expect(await passkey.list()).toEqual([added])
    expect(await passkey.rename(added.id, 'Laptop')).toMatchObject({ name: 'Laptop' })

    // Another browser: no email, no password; the options named no passkey.
    const other = browser()
    const account = await createPasskeys(other).signIn({ conditional: true })
    expect(account).toMatchObject({ email: 'ada@example.com' })
    expect(other.user?.email).toBe('ada@example.com')
    expect(seen.at(-1)).toEqual({ kind: 'get', mediation: 'conditional', allowCredentials: [] })
    const [used] = await createPasskeys(other).list()
    expect(used?.lastUsedAt).toEqual(expect.any(Number))

    // The password remains a way in: the only passkey may go.
    await passkey.remove(added.id)
    expect(await passkey.list()).toEqual([])
    expect(await failure(createPasskeys(browser()).signIn())).toMatchObject({
      status: 401,
      code: 'PASSKEY_UNKNOWN_CREDENTIAL',
    })
  })

  it('without user verification, asks for the TOTP step of a member who has it on', async () => {
    server = await real.membersScene({ authSettings: passkeysOn })
    await server.addMember({ email: 'bea@example.com', displayName: 'Bea' })
    const device = await createTestAuthenticator({ origin: siteOrigin })
    browserWith(device, false)
    const auth = browser()
    await auth.login({ email: 'bea@example.com', password })
    await createPasskeys(auth).register()
    const { secret } = await auth.totp.setup()
    await auth.totp.confirm(totpCode(secret, Date.now()))

    const other = browser()
    expect(await failure(createPasskeys(other).signIn())).toMatchObject({
      code: 'SECOND_STEP_REQUIRED',
      fields: { step: 'totp_required' },
    })
    expect(other.user).toBeNull()
    const account = await other.totp.signIn({ code: totpCode(secret, Date.now() + 30_000) })
    expect(account).toMatchObject({ email: 'bea@example.com' })
  })

  it('tells a closed prompt and a missing WebAuthn apart', async () => {
    server = await real.membersScene({ authSettings: passkeysOn })
    const passkey = createPasskeys(browser())
    expect(passkey.isSupported()).toBe(false)
    expect(await failure(passkey.signIn())).toMatchObject({
      status: 0,
      code: 'PASSKEY_UNSUPPORTED',
    })
    vi.stubGlobal('PublicKeyCredential', class {})
    vi.stubGlobal('navigator', {
      credentials: {
        get: async () => {
          throw new DOMException(
            'The operation either timed out or was not allowed.',
            'NotAllowedError',
          )
        },
      },
    })
    expect(await failure(passkey.signIn())).toMatchObject({ status: 0, code: 'PASSKEY_CANCELLED' })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateAuthSettings } from '../../src/auth/admin-settings.ts'
import { siteScope } from '../../src/sites/scope.ts'
import { createSite } from '../../src/sites/service.ts'
import {
  createTestAuthenticator,
  type TestAuthenticator,
} from '../helpers/passkey-authenticator.ts'
import { answerWith, type PageRequestOptions, pageRequest } from './page-request.ts'
import { startWorkerHarness, type WorkerHarness } from './worker-harness.ts'

// Passkeys inside the Worker build in workerd, on D1: a member adds a passkey made by the
// software authenticator, signs in with it (the signature checked by the Worker's own code),
// and a replay of the same answer is refused. The scenario tables run on Node
// (src/auth/passkey-*.test.ts); this checks that WebAuthn parsing and signature checks, which
// must not lean on Node's crypto, hold in workerd.

const origin = 'https://orchard.example'
const email = 'ada@example.com'
const password = 'apples ripen slowly in october'

let w: WorkerHarness
let site: Awaited<ReturnType<typeof createSite>>

const call = (method: string, path: string, options?: PageRequestOptions) =>
  pageRequest(w, { key: site.publishableKey, origin }, method, path, options)

const answer = (res: Awaited<ReturnType<WorkerHarness['fetch']>>, status: number) =>
  answerWith(w, res, status)

describe('on d1', () => {
  beforeAll(async () => {
    w = await startWorkerHarness({ database: 'd1' })
    site = await createSite(w.deps, { name: 'Orchard', origins: [origin] })
    await updateAuthSettings(w.deps.db, siteScope(site.id), { passkeys: true })
  }, 240_000)
  afterAll(async () => {
    await w?.close()
  })

  describe('passkeys on the Worker build', { timeout: 60_000 }, () => {
    let token: string
    let device: TestAuthenticator

    it('says the site offers passkeys', async () => {
      const methods = await answer(await call('GET', '/v1/auth/methods'), 200)
      expect(methods.passkeys).toBe(true)
    })

    it('adds a passkey to a signed-in member', async () => {
      await answer(
        await call('POST', '/v1/auth/register', {
          body: { email, password, displayName: 'Ada' },
        }),
        202,
      )
      const login = await answer(
        await call('POST', '/v1/auth/login', { body: { email, password } }),
        200,
      )
      token = login.token
      const options = await answer(
        await call('POST', '/v1/auth/passkeys/register/options', { token }),
        200,
      )
      expect(options.rp).toEqual({ id: 'orchard.example', name: 'Orchard' })
      device = await createTestAuthenticator({ origin })
      const added = await answer(
        await call('POST', '/v1/auth/passkeys', {
          token,
          body: { ...device.register(options), name: 'Ada’s laptop' },
        }),
        201,
      )
      expect(added).toMatchObject({ name: 'Ada’s laptop', lastUsedAt: null })
      const listed = await answer(await call('GET', '/v1/auth/passkeys', { token }), 200)
      expect(listed.passkeys).toEqual([added])
    })

    it('signs in with it, and refuses the same answer twice', async () => {
      const options = await answer(await call('POST', '/v1/auth/passkeys/sign-in/options'), 200)
      expect(options.allowCredentials).toEqual([])
      const assertion = await device.signIn(options)
      const body = await answer(
        await call('POST', '/v1/auth/passkeys/sign-in', { body: assertion }),
        200,
      )
      expect(body.account).toMatchObject({ email })
      expect(body.token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/)
      const who = await answer(await call('GET', '/v1/auth/session', { token: body.token }), 200)
      expect(who.account).toMatchObject({ email })

      const replayed = await answer(
        await call('POST', '/v1/auth/passkeys/sign-in', { body: assertion }),
        400,
      )
      expect(replayed.error.code).toBe('PASSKEY_CHALLENGE_INVALID')
      const [row] = await w.query<{ n: number }>(
        'SELECT count(*) AS n FROM passkey_challenges WHERE site_id = ?',
        site.id,
      )
      expect(row?.n).toBe(0)
    })

    it('refuses a bad signature and a page on another origin', async () => {
      const options = await answer(await call('POST', '/v1/auth/passkeys/sign-in/options'), 200)
      const other = await device.signIn(
        await answer(await call('POST', '/v1/auth/passkeys/sign-in/options'), 200),
      )
      const forged = { ...(await device.signIn(options)), signature: other.signature }
      const bad = await answer(
        await call('POST', '/v1/auth/passkeys/sign-in', { body: forged }),
        401,
      )
      expect(bad.error.code).toBe('PASSKEY_INVALID_SIGNATURE')
      const phished = await device.signIn(
        await answer(await call('POST', '/v1/auth/passkeys/sign-in/options'), 200),
        { origin: 'https://orchard.example.evil.test' },
      )
      const refused = await answer(
        await call('POST', '/v1/auth/passkeys/sign-in', { body: phished }),
        400,
      )
      expect(refused.error.code).toBe('PASSKEY_ORIGIN_MISMATCH')
    })
  })
})

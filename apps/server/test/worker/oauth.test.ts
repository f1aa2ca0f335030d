import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSite } from '../../src/sites/service.ts'
import {
  browseUntil,
  startTestOidcProvider,
  type TestOidcProvider,
} from '../oauth/oidc-provider.ts'
import { answerWith, type PageRequestOptions, pageRequest } from './page-request.ts'
import { formatLogs, startWorkerHarness, type WorkerHarness } from './worker-harness.ts'

// "Sign in with …" inside the Worker build in workerd, on D1, against the same real OpenID
// provider the Node tests use (oidc-provider on 127.0.0.1): the owner sets the provider up, a
// member starts, signs in at the provider, comes back through the callback and completes; the
// grant then works no more. The rules are tested on Node (test/oauth/); this checks the flow,
// its discovery, code exchange and userinfo requests hold in workerd.

const origin = 'https://garden.example'
// Development mode with a loopback PUBLIC_URL: the provider may then be plain http on 127.0.0.1
// (production refuses any http issuer; test/oauth/owner-routes.test.ts).
const publicUrl = 'http://localhost:8787'
const callbackUrl = `${publicUrl}/v1/auth/oauth/callback`

let w: WorkerHarness
let idp: TestOidcProvider
let site: Awaited<ReturnType<typeof createSite>>

const call = (method: string, path: string, options?: PageRequestOptions) =>
  pageRequest(w, { key: site.publishableKey, origin }, method, path, options)

const answer = (res: Awaited<ReturnType<WorkerHarness['fetch']>>, status: number) =>
  answerWith(w, res, status)

describe('on d1', () => {
  beforeAll(async () => {
    idp = await startTestOidcProvider({ redirectUri: callbackUrl })
    w = await startWorkerHarness({
      database: 'd1',
      extraVars: { PUBLIC_URL: publicUrl, ENVIRONMENT: 'development' },
    })
    site = await createSite(w.deps, { name: 'Garden', origins: [origin] })
  }, 240_000)
  afterAll(async () => {
    await w?.close()
    await idp?.close()
  })

  it('signs a new member in through the provider, once', { timeout: 60_000 }, async () => {
    // Read before the provider exists, so this isolate's site cache holds the empty list: the
    // owner's change must still show on the next call (sites/site-cache.ts).
    expect((await answer(await call('GET', '/v1/auth/methods'), 200)).providers).toEqual([])
    const setup = await w.fetch('/v1/admin/sign-in-providers/corp', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${site.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        kind: 'oidc',
        displayName: 'Corp',
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
      }),
    })
    expect(await answer(setup, 201)).toMatchObject({
      id: 'corp',
      clientSecretSet: true,
      callbackUrl,
    })
    const methods = await answer(await call('GET', '/v1/auth/methods'), 200)
    expect(methods.providers).toEqual([{ id: 'corp', name: 'Corp', kind: 'oidc' }])

    idp.accounts.set('sub-ada', { email: 'ada@example.com', emailVerified: true, name: 'Ada' })
    idp.signInAs('sub-ada')
    const browserKey = crypto.randomUUID()
    const started = await answer(
      await call('POST', '/v1/auth/oauth/start/corp', {
        body: { returnTo: `${origin}/account`, browserKey },
      }),
      200,
    )
    const back = await browseUntil(started.url, callbackUrl)
    const res = await w.fetch(back.slice(publicUrl.length), { redirect: 'manual' })
    expect(res.status, formatLogs(w.logs)).toBe(303)
    const location = new URL(res.headers.get('location') ?? '')
    expect(`${location.origin}${location.pathname}`).toBe(`${origin}/account`)
    const grant = new URLSearchParams(location.hash.slice(1)).get('porchlight_oauth') ?? ''
    expect(grant).not.toBe('')

    const signedIn = await answer(
      await call('POST', '/v1/auth/oauth/complete', { body: { grant, browserKey } }),
      200,
    )
    expect(signedIn.account).toMatchObject({ email: 'ada@example.com', emailVerified: true })
    const identities = await answer(
      await call('GET', '/v1/auth/identities', { token: signedIn.token }),
      200,
    )
    expect(identities.identities).toEqual([expect.objectContaining({ provider: 'corp' })])
    const again = await answer(
      await call('POST', '/v1/auth/oauth/complete', { body: { grant, browserKey } }),
      400,
    )
    expect(again.error.code).toBe('OAUTH_GRANT_INVALID')
    const replay = await w.fetch(back.slice(publicUrl.length), { redirect: 'manual' })
    expect((await answer(replay, 400)).error.code).toBe('OAUTH_STATE_INVALID')

    const removed = await w.fetch('/v1/admin/sign-in-providers/corp', {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${site.secretKey}` },
    })
    expect(removed.status).toBe(204)
    expect((await answer(await call('GET', '/v1/auth/methods'), 200)).providers).toEqual([])
  })
})

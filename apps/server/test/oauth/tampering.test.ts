import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { postJson, signedInMember, siteOrigin, storedMembers } from '../../src/auth/test-helpers.ts'
import { createTestSite } from '../helpers/app.ts'
import { apiError, rows } from '../helpers/http.ts'
import { browseUntil } from './oidc-provider.ts'
import {
  callback,
  callbackResult,
  callbackUrl,
  complete,
  createOAuthWorld,
  newBrowserKey,
  type OAuthWorld,
  returnTo,
  startFlow,
  startRequest,
  throughProvider,
} from './world.ts'

// Every binding of a sign-in with a provider, broken one at a time: `state` (ties the answer to
// a flow this server started), the nonce (ties the ID token to it), PKCE (makes a stolen code
// useless), the browser key (ties the result to the browser that started) and the grant's single
// use. Each is refused, and nobody is signed in or linked.

let w: OAuthWorld
beforeEach(async () => {
  w = await createOAuthWorld()
  w.idp.accounts.set('sub-ann', { email: 'ann@example.com', emailVerified: true })
})
afterEach(() => w.close())

async function nothingStored() {
  expect(await storedMembers(w.t)).toEqual([])
  expect(await rows(w.t.deps.client, 'SELECT * FROM member_identities')).toEqual([])
}

/** The provider's redirect back for a fresh flow, not yet followed. */
async function providerAnswer(browserKey = newBrowserKey()): Promise<string> {
  const url = await startFlow(w, { browserKey })
  w.idp.signInAs('sub-ann')
  return browseUntil(url, callbackUrl)
}

describe('state', () => {
  it.each([
    ['missing', (u: URL) => u.searchParams.delete('state')],
    ['wrong', (u: URL) => u.searchParams.set('state', 'x'.repeat(43))],
  ])('%s: refused with OAUTH_STATE_INVALID and no redirect', async (_, edit) => {
    const url = new URL(await providerAnswer())
    edit(url)
    const res = await callback(w, url.href)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual(apiError('OAUTH_STATE_INVALID'))
    await nothingStored()
  })

  it('replayed: the second use of a callback is refused', async () => {
    const answer = await providerAnswer()
    expect(callbackResult(await callback(w, answer)).grant).toBeDefined()
    const again = await callback(w, answer)
    expect(again.status).toBe(400)
    expect(await again.json()).toEqual(apiError('OAUTH_STATE_INVALID'))
  })

  it('expired: a flow older than 10 minutes is refused', async () => {
    const answer = await providerAnswer()
    w.clock.advance(10 * 60_000 + 1)
    const res = await callback(w, answer)
    expect(await res.json()).toEqual(apiError('OAUTH_STATE_INVALID'))
  })
})

it('a changed nonce: the ID token is refused', async () => {
  const result = await throughProvider(w, 'sub-ann', {
    browserKey: newBrowserKey(),
    // The provider puts the nonce it was sent into the ID token: one the flow did not make.
    editUrl: (url) => url.searchParams.set('nonce', 'a-nonce-this-flow-never-made'),
  })
  expect(result).toEqual({ page: returnTo, error: 'OAUTH_ID_TOKEN_INVALID' })
  expect(w.t.log.lines).toContainEqual(
    expect.objectContaining({
      message: 'oauth sign-in refused',
      reason: 'the ID token carries another nonce',
    }),
  )
  await nothingStored()
})

it('a wrong PKCE verifier: the provider refuses the code exchange', async () => {
  const result = await throughProvider(w, 'sub-ann', {
    browserKey: newBrowserKey(),
    // A challenge for a verifier this server does not hold, as if the code were stolen in transit.
    editUrl: (url) =>
      url.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'),
  })
  expect(result).toEqual({ page: returnTo, error: 'OAUTH_PROVIDER_ERROR' })
  expect(w.t.log.lines).toContainEqual(
    expect.objectContaining({ reason: 'code exchange refused: invalid_grant' }),
  )
  await nothingStored()
})

describe('the grant', () => {
  it('redeemed with another browser key is refused, and spent', async () => {
    const browserKey = newBrowserKey()
    const { grant = '' } = await throughProvider(w, 'sub-ann', { browserKey })
    const elsewhere = await complete(w, { grant, browserKey: newBrowserKey() })
    expect(elsewhere.status).toBe(403)
    expect(await elsewhere.json()).toEqual(apiError('OAUTH_OTHER_BROWSER'))
    await nothingStored()
    const here = await complete(w, { grant, browserKey })
    expect(await here.json()).toEqual(apiError('OAUTH_GRANT_INVALID'))
  })

  it('works once', async () => {
    const browserKey = newBrowserKey()
    const { grant = '' } = await throughProvider(w, 'sub-ann', { browserKey })
    expect((await complete(w, { grant, browserKey })).status).toBe(200)
    const twice = await complete(w, { grant, browserKey })
    expect(twice.status).toBe(400)
    expect(await twice.json()).toEqual(apiError('OAUTH_GRANT_INVALID'))
  })

  it('expires after 2 minutes', async () => {
    const browserKey = newBrowserKey()
    const { grant = '' } = await throughProvider(w, 'sub-ann', { browserKey })
    w.clock.advance(2 * 60_000)
    expect(await (await complete(w, { grant, browserKey })).json()).toEqual(
      apiError('OAUTH_GRANT_INVALID'),
    )
  })

  // The grant once carried the identity itself (base64url JSON): the member's address then sat in
  // the page's URL and its history. Now it is random, and the identity stays in the row.
  it('names no one: the URL back to the page carries no address, and a near-miss finds nothing', async () => {
    const browserKey = newBrowserKey()
    const answer = await providerAnswer(browserKey)
    const res = await callback(w, answer)
    const location = res.headers.get('location') ?? ''
    expect(location).not.toMatch(/@|%40/)
    const { grant = '' } = callbackResult(res)
    expect(grant).toMatch(/^[\w-]{40,}$/)
    const nearMiss = `${grant.slice(0, -1)}${grant.endsWith('A') ? 'B' : 'A'}`
    expect(await (await complete(w, { grant: nearMiss, browserKey })).json()).toEqual(
      apiError('OAUTH_GRANT_INVALID'),
    )
    expect(await rows(w.t.deps.client, 'SELECT * FROM member_identities')).toEqual([])
    expect((await complete(w, { grant, browserKey })).status).toBe(200)
  })

  it('for linking works only in the session that started it', async () => {
    const ann = await signedInMember(w, { email: 'ann.b@example.com' })
    const browserKey = newBrowserKey()
    const { grant = '' } = await throughProvider(w, 'sub-ann', {
      browserKey,
      purpose: 'link',
      token: ann,
    })
    const res = await complete(w, { grant, browserKey })
    expect(await res.json()).toEqual(apiError('OAUTH_GRANT_INVALID'))
    expect(await rows(w.t.deps.client, 'SELECT * FROM member_identities')).toEqual([])
  })
})

it('refuses to return to a page off the site’s origins (no open redirect for grants)', async () => {
  for (const page of ['https://evil.example/account', 'javascript:alert(1)', '/relative']) {
    const res = await startRequest(w, { returnTo: page, browserKey: newBrowserKey() })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(
      apiError('VALIDATION_FAILED', { returnTo: expect.any(String) }),
    )
  }
  expect(await rows(w.t.deps.client, 'SELECT * FROM oauth_flows')).toEqual([])
})

it('answers an unknown or disabled provider with OAUTH_PROVIDER_UNKNOWN', async () => {
  const unknown = await startRequest(
    w,
    { returnTo, browserKey: newBrowserKey() },
    undefined,
    'nope',
  )
  expect(unknown.status).toBe(404)
  expect(await unknown.json()).toEqual(apiError('OAUTH_PROVIDER_UNKNOWN'))
  await w.t.deps.client.execute('UPDATE sign_in_providers SET enabled = 0')
  const disabled = await startRequest(w, { returnTo, browserKey: newBrowserKey() })
  expect(await disabled.json()).toEqual(apiError('OAUTH_PROVIDER_UNKNOWN'))
})

it('limits starts to 30 per 10 minutes from one address', async () => {
  const start = () => startRequest(w, { returnTo, browserKey: newBrowserKey() })
  for (let i = 0; i < 30; i++) expect((await start()).status).toBe(200)
  const refused = await start()
  expect(refused.status).toBe(429)
  expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/)
  expect(await refused.json()).toEqual(apiError('RATE_LIMITED'))
})

it('keeps each site’s providers and grants to itself', async () => {
  const other = await createTestSite(w.t, { origins: [siteOrigin] })
  const elsewhere = { t: w.t, site: other }
  const start = await postJson(elsewhere, '/v1/auth/oauth/start/corp', {
    returnTo,
    browserKey: newBrowserKey(),
  })
  expect(await start.json()).toEqual(apiError('OAUTH_PROVIDER_UNKNOWN'))
  const browserKey = newBrowserKey()
  const { grant = '' } = await throughProvider(w, 'sub-ann', { browserKey })
  const res = await postJson(elsewhere, '/v1/auth/oauth/complete', { grant, browserKey })
  expect(await res.json()).toEqual(apiError('OAUTH_GRANT_INVALID'))
  // Still usable on its own site: the other site's attempt found nothing to spend.
  expect((await complete(w, { grant, browserKey })).status).toBe(200)
})

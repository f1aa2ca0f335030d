import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  queuedMails,
  registerMember,
  signedInMember,
  storedMembers,
} from '../../src/auth/test-helpers.ts'
import { apiError, rows } from '../helpers/http.ts'
import { browseToFormPost, browseUntil } from './oidc-provider.ts'
import {
  callback,
  callbackResult,
  callbackUrl,
  complete,
  createOAuthWorld,
  memberGet,
  newBrowserKey,
  type OAuthWorld,
  returnTo,
  signInThroughProvider,
  startFlow,
  throughProvider,
} from './world.ts'

// "Sign in with …" end to end against a real OpenID provider (oidc-provider on 127.0.0.1): the
// member's browser goes to the provider, signs in there, comes back through the callback, and
// the page completes with its grant. Which member that signs in follows the linking rules.

let w: OAuthWorld
beforeEach(async () => {
  w = await createOAuthWorld()
})
afterEach(() => w.close())

type Json = Record<string, unknown>

async function identities() {
  return rows(
    w.t.deps.client,
    'SELECT provider_id, subject, member_id, email FROM member_identities ORDER BY created_at',
  )
}

describe('a new member', () => {
  it('joins through the provider with the address it verified, and no password', async () => {
    w.idp.accounts.set('sub-new', {
      email: 'New.Person@Example.com',
      emailVerified: true,
      name: 'New Person',
    })
    const res = await signInThroughProvider(w, 'sub-new')
    expect(res.status, await res.clone().text()).toBe(200)
    const body = (await res.json()) as { token: string; account: Json }
    expect(body.account).toMatchObject({
      email: 'new.person@example.com',
      emailVerified: true,
      displayName: 'New Person',
    })
    const [member] = await storedMembers(w.t)
    expect(member).toMatchObject({ email: 'new.person@example.com', password_hash: '' })
    expect(member?.email_verified_at).not.toBeNull()
    expect(await identities()).toEqual([
      {
        provider_id: 'corp',
        subject: 'sub-new',
        member_id: member?.id,
        email: 'new.person@example.com',
      },
    ])
    // The session works, and signing in again is the same member.
    const session = await memberGet(w, body.token, '/v1/auth/session')
    expect(((await session.json()) as { account: Json }).account.id).toBe(member?.id)
    const again = await signInThroughProvider(w, 'sub-new')
    expect(((await again.json()) as { account: Json }).account.id).toBe(member?.id)
    expect(await storedMembers(w.t)).toHaveLength(1)
  })

  it('joins unverified, and is sent the usual confirmation, when the provider does not vouch', async () => {
    w.idp.accounts.set('sub-unsure', { email: 'unsure@example.com', emailVerified: false })
    const res = await signInThroughProvider(w, 'sub-unsure')
    expect(res.status).toBe(200)
    expect(((await res.json()) as { account: Json }).account.emailVerified).toBe(false)
    const mails = await queuedMails(w.t)
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [['unsure@example.com'], expect.stringContaining('Confirm your email')],
    ])
  })

  it('cannot join without an address', async () => {
    w.idp.accounts.set('sub-anon', { email: null, emailVerified: false })
    const res = await signInThroughProvider(w, 'sub-anon')
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('OAUTH_EMAIL_MISSING'))
    expect(await storedMembers(w.t)).toEqual([])
  })

  // Regression: the member was written first and its link to the provider account in a second
  // write, so a failure between them left a member with no password and no provider holding the
  // address: the next try was refused (OAUTH_EMAIL_IN_USE where the provider does not vouch).
  it.each([
    ['vouches for the address', true],
    ['does not vouch for it', false],
  ])('is written whole or not at all, when the provider %s', async (_, emailVerified) => {
    w.idp.accounts.set('sub-half', { email: 'half@example.com', emailVerified })
    // The link's insert fails inside the database itself, as a full disk or a lost connection
    // would make it.
    await w.t.deps.client.execute(
      "CREATE TRIGGER fail_identity_insert BEFORE INSERT ON member_identities BEGIN SELECT RAISE(ABORT, 'forced failure'); END",
    )
    const failed = await signInThroughProvider(w, 'sub-half')
    expect(failed.status).toBe(500)
    expect(await failed.json()).toEqual(apiError('INTERNAL_ERROR'))
    expect(await storedMembers(w.t)).toEqual([])
    expect(await identities()).toEqual([])
    expect(await queuedMails(w.t)).toEqual([])

    await w.t.deps.client.execute('DROP TRIGGER fail_identity_insert')
    const retried = await signInThroughProvider(w, 'sub-half')
    expect(retried.status, await retried.clone().text()).toBe(200)
    const [member] = await storedMembers(w.t)
    expect(await identities()).toEqual([
      {
        provider_id: 'corp',
        subject: 'sub-half',
        member_id: member?.id,
        email: 'half@example.com',
      },
    ])
  })
})

// The SDK keeps one browser key per browser and sends it with every start, so that sign-ins
// started in two tabs at once both finish (each start used to replace the key of the last).
it('one browser key serves sign-ins started at once, each grant once', async () => {
  w.idp.accounts.set('sub-tabs', { email: 'tabs@example.com', emailVerified: true })
  const browserKey = newBrowserKey()
  const firstUrl = await startFlow(w, { browserKey })
  const secondUrl = await startFlow(w, { browserKey })
  w.idp.signInAs('sub-tabs')
  const first = callbackResult(await callback(w, await browseUntil(firstUrl, callbackUrl)))
  const second = callbackResult(await callback(w, await browseUntil(secondUrl, callbackUrl)))
  const signedIn = async (grant = '') => {
    const res = await complete(w, { grant, browserKey })
    expect(res.status, await res.clone().text()).toBe(200)
    return ((await res.json()) as { account: Json }).account.id
  }
  const memberId = await signedIn(first.grant)
  expect(await signedIn(second.grant)).toBe(memberId)
  expect(await (await complete(w, { grant: first.grant ?? '', browserKey })).json()).toEqual(
    apiError('OAUTH_GRANT_INVALID'),
  )
  // Another browser's key still redeems nothing.
  const third = await throughProvider(w, 'sub-tabs', { browserKey: newBrowserKey() })
  const refused = await complete(w, { grant: third.grant ?? '', browserKey })
  expect(refused.status).toBe(403)
  expect(await refused.json()).toEqual(apiError('OAUTH_OTHER_BROWSER'))
})

describe('an existing member', () => {
  it('whose address is verified is linked and signed in by a provider that verified it too', async () => {
    const token = await signedInMember(w, { email: 'ann@example.com' })
    const me = (await (await memberGet(w, token, '/v1/auth/session')).json()) as { account: Json }
    w.idp.accounts.set('sub-ann', { email: 'ann@example.com', emailVerified: true })
    const res = await signInThroughProvider(w, 'sub-ann')
    expect(res.status).toBe(200)
    expect(((await res.json()) as { account: Json }).account.id).toBe(me.account.id)
    expect(await identities()).toEqual([
      expect.objectContaining({ subject: 'sub-ann', member_id: me.account.id }),
    ])
  })

  it('whose address is not verified is refused, never silently linked', async () => {
    expect((await registerMember(w, { email: 'bob@example.com' })).status).toBe(202)
    w.idp.accounts.set('sub-bob', { email: 'bob@example.com', emailVerified: true })
    const res = await signInThroughProvider(w, 'sub-bob')
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(apiError('OAUTH_ACCOUNT_NOT_VERIFIED'))
    expect(await identities()).toEqual([])
    expect(await storedMembers(w.t)).toHaveLength(1)
  })

  it('is not found by an address the provider does not vouch for', async () => {
    await signedInMember(w, { email: 'cat@example.com' })
    w.idp.accounts.set('sub-cat', { email: 'cat@example.com', emailVerified: false })
    const res = await signInThroughProvider(w, 'sub-cat')
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(apiError('OAUTH_EMAIL_IN_USE'))
    expect(await identities()).toEqual([])
  })

  it('who is banned is refused as at login', async () => {
    await signedInMember(w, { email: 'dan@example.com' })
    await w.t.deps.client.execute("UPDATE members SET status = 'banned'")
    w.idp.accounts.set('sub-dan', { email: 'dan@example.com', emailVerified: true })
    const res = await signInThroughProvider(w, 'sub-dan')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('INVALID_CREDENTIALS'))
  })
})

describe('linking from the account', () => {
  it('adds a provider account with another address, which then signs the member in', async () => {
    const token = await signedInMember(w, { email: 'eve@example.com' })
    w.idp.accounts.set('sub-eve-work', { email: 'eve@work.example', emailVerified: true })
    const browserKey = newBrowserKey()
    const result = await throughProvider(w, 'sub-eve-work', { browserKey, purpose: 'link', token })
    expect(result.page).toBe(returnTo)
    const res = await complete(w, { grant: result.grant ?? '', browserKey }, token)
    expect(await res.json()).toEqual({ status: 'linked', provider: 'corp' })
    const list = await memberGet(w, token, '/v1/auth/identities')
    expect(await list.json()).toEqual({
      identities: [
        {
          provider: 'corp',
          providerName: 'Corp SSO',
          kind: 'oidc',
          email: 'eve@work.example',
          createdAt: expect.any(Number),
          lastUsedAt: expect.any(Number),
        },
      ],
    })
    const signIn = await signInThroughProvider(w, 'sub-eve-work')
    expect(((await signIn.json()) as { account: Json }).account.email).toBe('eve@example.com')
  })

  it('refuses a provider account that signs in another member', async () => {
    w.idp.accounts.set('sub-taken', { email: 'fay@example.com', emailVerified: true })
    expect((await signInThroughProvider(w, 'sub-taken')).status).toBe(200)
    const token = await signedInMember(w, { email: 'gus@example.com' })
    const browserKey = newBrowserKey()
    const result = await throughProvider(w, 'sub-taken', { browserKey, purpose: 'link', token })
    const res = await complete(w, { grant: result.grant ?? '', browserKey }, token)
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(apiError('OAUTH_IDENTITY_IN_USE'))
  })

  it('needs a session to start', async () => {
    const { startRequest } = await import('./world.ts')
    const res = await startRequest(w, { returnTo, browserKey: newBrowserKey(), purpose: 'link' })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
  })

  // A provider linked from a stolen session would outlast the session's revocation.
  it('needs a sign-in from the last 10 minutes, and stores no flow without one', async () => {
    const { startRequest } = await import('./world.ts')
    const token = await signedInMember(w, { email: 'hal@example.com' })
    w.clock.advance(10 * 60_000)
    const res = await startRequest(
      w,
      { returnTo, browserKey: newBrowserKey(), purpose: 'link' },
      token,
    )
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('REAUTHENTICATION_REQUIRED'))
    expect(await rows(w.t.deps.client, 'SELECT * FROM oauth_flows')).toEqual([])
  })
})

it('tells the page when the member cancelled at the provider', async () => {
  const result = await throughProvider(w, null, { browserKey: newBrowserKey() })
  expect(result).toEqual({ page: returnTo, error: 'OAUTH_CANCELLED' })
})

it('takes the answer as a form post too (Apple’s response_mode=form_post)', async () => {
  w.idp.accounts.set('sub-form', { email: 'form@example.com', emailVerified: true })
  const browserKey = newBrowserKey()
  const url = new URL(await startFlow(w, { browserKey }))
  url.searchParams.set('response_mode', 'form_post')
  w.idp.signInAs('sub-form')
  // The provider answers a page that posts the code and state to the callback: post it so.
  const page = await browseToFormPost(url.href)
  expect(page.action).toBe(callbackUrl)
  const res = await w.t.app.request('/v1/auth/oauth/callback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(page.fields).toString(),
  })
  const { grant = '' } = callbackResult(res)
  const signedIn = await complete(w, { grant, browserKey })
  expect(((await signedIn.json()) as { account: Json }).account.email).toBe('form@example.com')
})

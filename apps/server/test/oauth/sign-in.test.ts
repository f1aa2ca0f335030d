import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  queuedMails,
  registerMember,
  signedInMember,
  storedMembers,
} from '../../src/auth/test-helpers.ts'
import { apiError, rows } from '../helpers/http.ts'
import { browseToFormPost } from './oidc-provider.ts'
import {
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

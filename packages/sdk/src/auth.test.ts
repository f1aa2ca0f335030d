// Membership through the SDK, against the real server on a socket (test/real-server.ts): a new
// site per test, members added as the operator would, and the emails the server sent.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { browserFetch } from '../test/browser-fetch.ts'
import { failure } from '../test/failure.ts'
import { type RealServer, startRealServer } from '../test/real-server.ts'
import { type MembersScene, memberPassword as password, siteOrigin } from '../test/scene.ts'
import { type Auth, createAuth } from './auth.ts'
import { memoryStorage } from './storage.ts'

let real: RealServer
let server: MembersScene
let auth: Auth

beforeAll(async () => {
  real = await startRealServer()
}, 60_000)
afterAll(() => real?.close())
beforeEach(async () => {
  server = await real.membersScene()
  auth = createAuth({ url: server.url, key: server.key, storage: memoryStorage() })
})
afterEach(() => server.close())

/** The last request the server saw, with its JSON body parsed. */
function lastRequest() {
  const req = server.seen.at(-1)
  return {
    method: req?.method,
    url: req?.url,
    body: req?.body ? JSON.parse(req.body) : undefined,
  }
}

/** Another device of the member, or a guest's, with storage of its own. */
function device() {
  return createAuth({ url: server.url, key: server.key, storage: memoryStorage() })
}

/** A browser showing the site's pages, with cookie sessions. */
function cookieDevice(storage = memoryStorage()) {
  return createAuth({
    url: server.url,
    key: server.key,
    storage,
    session: 'cookie',
    fetch: browserFetch(siteOrigin).fetch,
  })
}

/** Whether the server still takes this bearer token, as any device holding it would find out. */
async function tokenWorks(token: string | null) {
  const response = await fetch(`${server.url}/v1/auth/session`, {
    headers: { 'X-Porchlight-Key': server.key, Authorization: `Bearer ${token}` },
  })
  return response.status === 200
}

async function signedInAs(email: string) {
  const member = await server.addMember({ email, displayName: email.split('@')[0] })
  await auth.login({ email, password })
  return member
}

describe('registration and email verification', () => {
  it('registers, then finishes verification from the emailed link', async () => {
    const answer = await auth.register({
      email: 'ada@example.com',
      password,
      displayName: 'Ada',
      username: 'ada',
    })
    expect(answer).toEqual({ status: 'verification_sent' })
    expect(lastRequest()).toMatchObject({ method: 'POST', url: '/v1/auth/register' })
    expect(auth.user).toBeNull() // registering does not sign in

    const mail = await server.lastMail('ada@example.com')
    const link = auth.handleEmailLink(mail?.url)
    expect(link).toEqual({ action: 'verify-email', token: mail?.token })
    const account = await auth.verifyEmail(link?.token ?? '')
    expect(account).toMatchObject({ email: 'ada@example.com', emailVerified: true })
    expect(lastRequest().body).toEqual({ token: mail?.token })
    // A used link is refused.
    expect(await failure(auth.verifyEmail(link?.token ?? ''))).toMatchObject({
      status: 400,
      code: 'INVALID_TOKEN',
    })
  })

  it('updates the signed-in account when its address is verified', async () => {
    await auth.register({ email: 'ada@example.com', password, displayName: 'Ada' })
    await auth.login({ email: 'ada@example.com', password })
    expect(auth.user?.emailVerified).toBe(false)
    await auth.verifyEmail((await server.lastMail('ada@example.com'))?.token ?? '')
    expect(auth.user?.emailVerified).toBe(true)
  })

  it('reports a weak password per field', async () => {
    const error = await failure(
      auth.register({ email: 'ada@example.com', password: 'short', displayName: 'Ada' }),
    )
    expect(error).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' })
    expect(error.fields).toEqual({ password: 'Use at least 12 characters.' })
  })

  it('resends the verification email to the signed-in member', async () => {
    await server.addMember({ email: 'ada@example.com', verified: false })
    await auth.login({ email: 'ada@example.com', password })
    expect(await auth.resendVerification()).toEqual({ status: 'verification_sent' })
    expect(lastRequest()).toMatchObject({ method: 'POST', url: '/v1/auth/verify-email/resend' })
    expect((await server.lastMail('ada@example.com'))?.action).toBe('verify-email')
  })
})

describe('signing in and out', () => {
  it('signs in and returns the account', async () => {
    const member = await server.addMember({ email: 'ada@example.com', displayName: 'Ada' })
    const account = await auth.login({ email: 'ada@example.com', password })
    expect(account).toMatchObject({ id: member.id, email: 'ada@example.com', role: 'member' })
    expect(account).not.toHaveProperty('password')
    expect(auth.user).toEqual(account)
  })

  it('refuses wrong credentials and stays signed out', async () => {
    await server.addMember({ email: 'ada@example.com' })
    const error = await failure(auth.login({ email: 'ada@example.com', password: 'nope' }))
    expect(error).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' })
    expect(auth.user).toBeNull()
    expect(auth.session.token).toBeNull()
  })

  it('logout ends the session on the server and here', async () => {
    await signedInAs('ada@example.com')
    const token = auth.session.token
    await auth.logout()
    expect(lastRequest()).toMatchObject({ method: 'POST', url: '/v1/auth/logout' })
    expect(server.seen.at(-1)?.headers.authorization).toBe(`Bearer ${token}`)
    expect(await tokenWorks(token)).toBe(false)
    expect(auth.user).toBeNull()
  })

  it('logout of a session that already ended succeeds', async () => {
    const member = await signedInAs('ada@example.com')
    await server.endSessions(member.id)
    await auth.logout()
    expect(auth.user).toBeNull()
  })

  it('logout signs out here even when the server cannot be reached, and says so', async () => {
    await signedInAs('ada@example.com')
    await server.close()
    const error = await failure(auth.logout())
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' })
    expect(auth.user).toBeNull()
  })

  it('logoutEverywhere ends the member’s other sessions too', async () => {
    await signedInAs('ada@example.com')
    const other = device()
    await other.login({ email: 'ada@example.com', password })
    const tokens = [auth.session.token, other.session.token]

    await auth.logoutEverywhere()
    expect(lastRequest()).toMatchObject({ method: 'POST', url: '/v1/auth/logout-everywhere' })
    for (const token of tokens) expect(await tokenWorks(token)).toBe(false)
    expect(auth.user).toBeNull()
    // The other device learns on its next request.
    expect(await other.getSession()).toBeNull()
    expect(other.user).toBeNull()
  })
})

describe('getSession', () => {
  it('answers null without a request when signed out (bearer)', async () => {
    expect(await auth.getSession()).toBeNull()
    expect(server.seen).toHaveLength(0)
  })

  it('returns the account and the session, and refreshes user', async () => {
    const member = await signedInAs('ada@example.com')
    const other = device()
    await other.login({ email: 'ada@example.com', password })
    await other.updateProfile({ displayName: 'Ada (changed on another device)' })
    const current = await auth.getSession()
    expect(current?.account.id).toBe(member.id)
    expect(current?.session).toMatchObject({
      id: auth.session.token?.split('.')[0],
      transport: 'bearer',
      expiresAt: expect.any(Number),
    })
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/v1/auth/session' })
    expect(auth.user?.displayName).toBe('Ada (changed on another device)')
  })

  it('answers null, without throwing, for a session that ended', async () => {
    const member = await signedInAs('ada@example.com')
    await server.endSessions(member.id)
    expect(await auth.getSession()).toBeNull()
    expect(auth.user).toBeNull()
  })

  it('forgets an account kept without a token, as cookie sessions leave it', async () => {
    const storage = memoryStorage()
    await server.addMember({ email: 'ada@example.com' })
    const cookieAuth = cookieDevice(storage)
    await cookieAuth.login({ email: 'ada@example.com', password })
    // The site moves to bearer sessions.
    const bearerAuth = createAuth({ url: server.url, key: server.key, storage })
    expect(bearerAuth.user?.email).toBe('ada@example.com')
    expect(await bearerAuth.getSession()).toBeNull()
    expect(bearerAuth.user).toBeNull()
  })

  it('asks the server with cookie sessions, which the browser may have dropped', async () => {
    const cookieAuth = cookieDevice()
    expect(await cookieAuth.getSession()).toBeNull()
    expect(server.seen).toHaveLength(1)
  })
})

describe('password reset', () => {
  it('emails a link, sets the new password, and every old session ends', async () => {
    const member = await signedInAs('ada@example.com')
    const signedOut = device()

    expect(await signedOut.requestPasswordReset('ada@example.com')).toEqual({
      status: 'reset_sent',
    })
    expect(lastRequest()).toMatchObject({
      url: '/v1/auth/password-reset/request',
      body: { email: 'ada@example.com' },
    })
    // An unknown address gets the same answer.
    expect(await signedOut.requestPasswordReset('nobody@example.com')).toEqual({
      status: 'reset_sent',
    })

    const link = signedOut.handleEmailLink((await server.lastMail('ada@example.com'))?.url)
    expect(link?.action).toBe('reset-password')
    expect(await signedOut.resetPassword(link?.token ?? '', 'a brand new passphrase')).toEqual({
      status: 'password_reset',
    })
    expect(lastRequest()).toMatchObject({
      url: '/v1/auth/password-reset/confirm',
      body: { token: link?.token, password: 'a brand new passphrase' },
    })

    // This device's session ended with the reset: its next request forgets it.
    expect(await failure(auth.listSessions())).toMatchObject({ code: 'INVALID_SESSION' })
    expect(auth.user).toBeNull()
    // The old password no longer works; the new one does.
    expect(await failure(auth.login({ email: 'ada@example.com', password }))).toMatchObject({
      code: 'INVALID_CREDENTIALS',
    })
    await auth.login({ email: 'ada@example.com', password: 'a brand new passphrase' })
    expect(auth.user?.id).toBe(member.id)
  })

  it('refuses an unknown token', async () => {
    expect(await failure(auth.resetPassword('nope.nope', 'a brand new passphrase'))).toMatchObject({
      status: 400,
      code: 'INVALID_TOKEN',
    })
  })
})

describe('the member’s account', () => {
  it('updates the profile with only the fields given, null clearing one', async () => {
    await signedInAs('ada@example.com')
    const account = await auth.updateProfile({
      displayName: 'Ada L.',
      bio: null,
      avatarUrl: 'https://img.example/ada.png',
    })
    expect(lastRequest()).toEqual({
      method: 'PATCH',
      url: '/v1/account',
      body: { displayName: 'Ada L.', bio: null, avatarUrl: 'https://img.example/ada.png' },
    })
    expect(account.displayName).toBe('Ada L.')
    expect(auth.user).toEqual(account)
  })

  it('changes the password, keeping this session and ending the others by default', async () => {
    await signedInAs('ada@example.com')
    const other = device()
    await other.login({ email: 'ada@example.com', password })

    expect(
      await auth.changePassword({ currentPassword: password, newPassword: 'another passphrase' }),
    ).toEqual({ status: 'password_changed' })
    expect(lastRequest()).toEqual({
      method: 'POST',
      url: '/v1/account/password',
      body: { currentPassword: password, newPassword: 'another passphrase' },
    })
    expect(await auth.getSession()).not.toBeNull()
    expect(await other.getSession()).toBeNull()
    expect(
      await device().login({ email: 'ada@example.com', password: 'another passphrase' }),
    ).toBeTruthy()
  })

  it('passes signOutOtherSessions: false through, and reports a wrong current password', async () => {
    await signedInAs('ada@example.com')
    const error = await failure(
      auth.changePassword({
        currentPassword: 'wrong',
        newPassword: 'another passphrase',
        signOutOtherSessions: false,
      }),
    )
    expect(error).toMatchObject({ status: 403, code: 'INVALID_PASSWORD' })
    expect(lastRequest().body).toEqual({
      currentPassword: 'wrong',
      newPassword: 'another passphrase',
      signOutOtherSessions: false,
    })
  })

  it('changes the email through the link sent to the new address', async () => {
    await signedInAs('ada@example.com')
    expect(await auth.changeEmail({ password, newEmail: 'ada@new.example' })).toEqual({
      status: 'confirmation_sent',
    })
    expect(lastRequest()).toMatchObject({
      url: '/v1/account/email',
      body: { password, newEmail: 'ada@new.example' },
    })
    const link = auth.handleEmailLink((await server.lastMail('ada@new.example'))?.url)
    expect(link?.action).toBe('confirm-email-change')
    const account = await auth.confirmEmailChange(link?.token ?? '')
    expect(lastRequest()).toMatchObject({
      url: '/v1/auth/email-change/confirm',
      body: { token: link?.token },
    })
    expect(account.email).toBe('ada@new.example')
    expect(auth.user?.email).toBe('ada@new.example')
  })

  it('confirms an email change signed out, and leaves another member’s session alone', async () => {
    await signedInAs('ada@example.com')
    await auth.changeEmail({ password, newEmail: 'ada@new.example' })
    const token = (await server.lastMail('ada@new.example'))?.token ?? ''
    await auth.logout()
    await signedInAs('bob@example.com')
    const account = await auth.confirmEmailChange(token)
    expect(account.email).toBe('ada@new.example')
    expect(auth.user?.email).toBe('bob@example.com')
  })

  it('lists sessions and revokes another one', async () => {
    await signedInAs('ada@example.com')
    const other = device()
    await other.login({ email: 'ada@example.com', password })

    const sessions = await auth.listSessions()
    expect(sessions).toHaveLength(2)
    const elsewhere = sessions.find((s) => !s.current)
    expect(elsewhere?.id).toBe(other.session.token?.split('.')[0])

    await auth.revokeSession(elsewhere?.id ?? '')
    expect(lastRequest()).toMatchObject({
      method: 'DELETE',
      url: `/v1/auth/sessions/${elsewhere?.id}`,
    })
    expect(auth.user).not.toBeNull()
    expect(await other.getSession()).toBeNull()
    expect(await failure(auth.revokeSession('unknown'))).toMatchObject({
      status: 404,
      code: 'SESSION_NOT_FOUND',
    })
  })

  it('revoking this session signs out here (bearer: the token names it)', async () => {
    await signedInAs('ada@example.com')
    await auth.revokeSession(auth.session.token?.split('.')[0] ?? '')
    expect(auth.user).toBeNull()
  })

  it('revoking this cookie session signs out here too, once a listing named it', async () => {
    await server.addMember({ email: 'ada@example.com' })
    const cookieAuth = cookieDevice()
    await cookieAuth.login({ email: 'ada@example.com', password })
    const [current] = await cookieAuth.listSessions()
    await cookieAuth.revokeSession(current?.id ?? '')
    expect(cookieAuth.user).toBeNull()
  })

  it('deletes the account with the password and signs out', async () => {
    await signedInAs('ada@example.com')
    await auth.deleteAccount(password)
    expect(lastRequest()).toEqual({
      method: 'DELETE',
      url: '/v1/account',
      body: { password },
    })
    expect(auth.user).toBeNull()
    // The account is gone: signing in finds no such member.
    expect(await failure(auth.login({ email: 'ada@example.com', password }))).toMatchObject({
      code: 'INVALID_CREDENTIALS',
    })
  })

  it('keeps the session when deleting fails on a wrong password', async () => {
    await signedInAs('ada@example.com')
    expect(await failure(auth.deleteAccount('wrong'))).toMatchObject({
      status: 403,
      code: 'INVALID_PASSWORD',
    })
    expect(auth.user).not.toBeNull()
  })

  it('exports the member’s data as parsed JSON', async () => {
    const member = await signedInAs('ada@example.com')
    const data = await auth.exportData()
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/v1/account/export' })
    expect(data.account.id).toBe(member.id)
    expect(data.sessions[0]?.current).toBe(true)
    expect(data).toHaveProperty('submissions')
  })

  it('needs a session: SIGN_IN_REQUIRED for a guest', async () => {
    expect(await failure(auth.updateProfile({ displayName: 'X' }))).toMatchObject({
      status: 401,
      code: 'SIGN_IN_REQUIRED',
    })
  })
})

describe('handleEmailLink', () => {
  // It only reads a URL: no request, so no server.
  const auth = createAuth({
    url: 'https://api.ferns.example',
    key: 'pk_test',
    storage: memoryStorage(),
  })

  it('reads the server’s default link', () => {
    expect(
      auth.handleEmailLink(`${siteOrigin}/account?action=reset-password&token=abc.def`),
    ).toEqual({ action: 'reset-password', token: 'abc.def' })
  })

  it('reads links into hash routes, encoded values, and URL objects', () => {
    expect(auth.handleEmailLink(`${siteOrigin}/#/account?action=verify-email&token=a%2Eb`)).toEqual(
      { action: 'verify-email', token: 'a.b' },
    )
    expect(
      auth.handleEmailLink(new URL(`${siteOrigin}/me?token=t1&action=confirm-email-change#top`)),
    ).toEqual({ action: 'confirm-email-change', token: 't1' })
  })

  it('answers null for any other URL', () => {
    expect(auth.handleEmailLink(`${siteOrigin}/account`)).toBeNull()
    expect(auth.handleEmailLink(`${siteOrigin}/account?action=verify-email`)).toBeNull()
    expect(auth.handleEmailLink(`${siteOrigin}/account?action=delete-all&token=x`)).toBeNull()
    expect(auth.handleEmailLink(`${siteOrigin}/account?token=x`)).toBeNull()
    expect(auth.handleEmailLink('')).toBeNull()
  })

  it('reads location.href by default, and answers null where there is none', () => {
    expect(auth.handleEmailLink()).toBeNull() // Node: no location
    Object.assign(globalThis, {
      location: { href: `${siteOrigin}/account?action=verify-email&token=xyz` },
    })
    try {
      expect(auth.handleEmailLink()).toEqual({ action: 'verify-email', token: 'xyz' })
    } finally {
      delete (globalThis as { location?: unknown }).location
    }
  })
})

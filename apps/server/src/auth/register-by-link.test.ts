import { afterEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../test/helpers/smtp.ts'
import { createSmtpTransport, type SmtpTransport } from '../mail/smtp.ts'
import type { PasswordHasher } from './password.ts'
import {
  type AuthHarness,
  asMember,
  countRows,
  createAuthHarness,
  fastPasswords,
  linkToken,
  password,
  postJson,
  queuedMails,
  setAuthSettings,
  storedMembers,
  storedTokens,
} from './test-helpers.ts'

// Registration where the site has password sign-in off: no password taken, one emailed link
// that confirms the address and signs in (in the browser that registered), the same answer for
// a taken address; and how sign-in, resets and the account treat a member without a password.

let h: AuthHarness
afterEach(() => h.close())

const email = 'ann@example.com'
const noPasswords = { passwordSignIn: false, emailLinkSignIn: true }

type Json = Record<string, unknown>

function register(body: Json) {
  return postJson(h, '/v1/auth/register', { displayName: 'Ann Example', ...body })
}

async function browserKeyOf(res: Response): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(202)
  const body = (await res.json()) as Json
  expect(body).toEqual({ status: 'link_sent', browserKey: expect.stringMatching(/^[a-z2-7]+$/) })
  return body.browserKey as string
}

function redeem(body: Json) {
  return postJson(h, '/v1/auth/sign-in-link/redeem', body)
}

async function lastMailTo(address: string) {
  const mail = (await queuedMails(h.t)).findLast((m) => m.to.includes(address))
  if (!mail) throw new Error(`no mail to ${address}`)
  return mail
}

/** A member who joined without a password; signed in through the link, their bearer token. */
async function memberWithoutPassword(): Promise<string> {
  const browserKey = await browserKeyOf(await register({ email }))
  const res = await redeem({ token: linkToken(await lastMailTo(email)), browserKey })
  expect(res.status, await res.clone().text()).toBe(200)
  return ((await res.json()) as { token: string }).token
}

describe('registering where password sign-in is off', () => {
  let smtp: TestSmtpServer
  let mail: SmtpTransport

  it('mails a link, received over SMTP, that confirms the address and signs in here', async () => {
    smtp = await startTestSmtpServer()
    mail = createSmtpTransport({ url: smtp.url, timeoutMs: 2000, sendTimeoutMs: 5000 })
    h = await createAuthHarness({ mail, handlers: undefined, settings: noPasswords })
    try {
      const browserKey = await browserKeyOf(await register({ email, username: 'ann' }))
      const [member] = await storedMembers(h.t)
      expect(member).toMatchObject({ email, password_hash: '', email_verified_at: null })
      expect(await storedTokens(h.t)).toEqual([
        expect.objectContaining({ purpose: 'sign_in', expires_at: h.clock.now() + 15 * 60_000 }),
      ])

      await h.t.deps.outbox.kick()
      const [message] = await smtp.waitForMessages(1)
      expect(message?.recipients).toEqual([email])
      expect(message?.headers.get('subject')).toBe('Confirm your email and sign in to Test site')
      const href = /https:\/\/site\.example\/account\?action=sign-in&token=\S+/.exec(
        message?.parts.get('text/plain') ?? '',
      )
      const token = new URL(href?.[0] ?? 'https://x.invalid').searchParams.get('token') ?? ''

      // Opened in another browser, it does nothing and stays usable here.
      const elsewhere = await redeem({ token })
      expect(await elsewhere.json()).toEqual(apiError('SIGN_IN_LINK_OTHER_BROWSER'))
      const res = await redeem({ token, browserKey })
      expect(res.status, await res.clone().text()).toBe(200)
      const body = (await res.json()) as { token: string; account: Json }
      expect(body.account).toMatchObject({ email, emailVerified: true, hasPassword: false })
      const session = await asMember(h, body.token, '/v1/auth/session')
      expect(await session.json()).toMatchObject({ account: { email, hasPassword: false } })
    } finally {
      await h.t.deps.outbox.kick()
      await mail.close()
      await smtp.close()
    }
  })

  it('refuses a password with PASSWORD_NOT_ACCEPTED and stores nothing', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    const res = await register({ email, password })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(
      apiError('PASSWORD_NOT_ACCEPTED', { password: 'This site does not use passwords.' }),
    )
    expect(await countRows(h.t, 'members')).toBe(0)
    expect(await countRows(h.t, 'outbox')).toBe(0)
  })

  it('answers a taken address alike, and mails its owner a sign-in link for this browser', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    const fresh = await register({ email: 'bob@example.com' })
    await memberWithoutPassword()
    const before = await countRows(h.t, 'outbox')
    const again = await register({ email: ' ANN@example.com ', displayName: 'Someone' })
    // Status, headers and the body's shape: only the random key differs.
    const visible = (res: Response) =>
      [res.status, [...res.headers].filter(([name]) => name !== 'x-request-id')] as const
    expect(visible(again)).toEqual(visible(fresh))
    const browserKey = await browserKeyOf(again)
    expect(await countRows(h.t, 'members')).toBe(2) // Bob and Ann, no second Ann
    expect(await countRows(h.t, 'outbox')).toBe(before + 1)
    const mail = await lastMailTo(email)
    expect(mail.subject).toBe('You already have an account on Test site')
    expect(mail.text).toMatch(/action=sign-in&token=/)
    const res = await redeem({ token: linkToken(mail), browserKey })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ account: { email, displayName: 'Ann Example' } })
  })

  // Regression: each registration made a key of its own, so a browser that registered twice (or
  // asked for a sign-in link meanwhile) kept only the last key, and the first link failed.
  it('binds the link to the key the browser sends, as its sign-in links are', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    const browserKey = 'one-key-for-this-browser-2f9c'
    const res = await register({ email, browserKey })
    expect(await res.json()).toEqual({ status: 'link_sent', browserKey })
    const token = linkToken(await lastMailTo(email))
    await postJson(h, '/v1/auth/sign-in-link', { email: 'bob@example.com', browserKey })
    const elsewhere = await redeem({ token, browserKey: 'another-browsers-key-7d1e' })
    expect(await elsewhere.json()).toEqual(apiError('SIGN_IN_LINK_OTHER_BROWSER'))
    const here = await redeem({ token, browserKey })
    expect(here.status).toBe(200)
    expect(await here.json()).toMatchObject({ account: { email, emailVerified: true } })
  })

  it('still reports a taken username, which is public anyway', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    await browserKeyOf(await register({ email, username: 'ann' }))
    const res = await register({ email: 'bob@example.com', username: 'ANN' })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', { username: 'Taken' }))
  })
})

describe('registering where password sign-in is on', () => {
  it('still needs a password', async () => {
    h = await createAuthHarness()
    const res = await register({ email })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', { password: 'Required.' }))
    expect(await countRows(h.t, 'members')).toBe(0)
  })
})

describe('a member without a password', () => {
  it('signing in with any password gets INVALID_CREDENTIALS after the same scrypt work', async () => {
    const verified: string[] = []
    const counting: PasswordHasher = {
      ...fastPasswords(),
      async verify(typed, stored) {
        verified.push(stored)
        return fastPasswords().verify(typed, stored)
      },
    }
    h = await createAuthHarness({ passwords: counting, settings: noPasswords })
    await memberWithoutPassword()
    // The owner turns passwords on later; this member still has none.
    await setAuthSettings(h.t, h.site, { passwordSignIn: true, emailLinkSignIn: true })
    for (const typed of [password, 'another guess', ' ']) {
      const res = await postJson(h, '/v1/auth/login', { email, password: typed })
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual(apiError('INVALID_CREDENTIALS'))
    }
    // Each attempt ran scrypt against a real hash (the dummy), never against the empty one.
    expect(verified).toHaveLength(3)
    expect(verified.every((stored) => stored.startsWith('$scrypt$'))).toBe(true)
  })

  it('sets a first password with a reset link where the site uses passwords', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    await memberWithoutPassword()
    await setAuthSettings(h.t, h.site, { passwordSignIn: true, emailLinkSignIn: true })
    const asked = await postJson(h, '/v1/auth/password-reset/request', { email })
    expect(asked.status).toBe(202)
    const reset = await postJson(h, '/v1/auth/password-reset/confirm', {
      token: linkToken(await lastMailTo(email)),
      password,
    })
    expect(reset.status, await reset.clone().text()).toBe(200)
    const login = await postJson(h, '/v1/auth/login', { email, password })
    expect(login.status).toBe(200)
    expect(await login.json()).toMatchObject({ account: { email, hasPassword: true } })
  })

  it('cannot reset a password where the site uses none: SIGN_IN_METHOD_DISABLED', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    await memberWithoutPassword()
    const mailsBefore = await countRows(h.t, 'outbox')
    const asked = await postJson(h, '/v1/auth/password-reset/request', { email })
    expect(asked.status).toBe(403)
    expect(await asked.json()).toEqual(apiError('SIGN_IN_METHOD_DISABLED'))
    const confirm = await postJson(h, '/v1/auth/password-reset/confirm', {
      token: 'a'.repeat(32),
      password,
    })
    expect(await confirm.json()).toEqual(apiError('SIGN_IN_METHOD_DISABLED'))
    expect(await countRows(h.t, 'outbox')).toBe(mailsBefore)
    expect((await storedMembers(h.t))[0]?.password_hash).toBe('')
  })

  it('asked for the current password (to change it), is told it has none', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    const token = await memberWithoutPassword()
    const res = await h.t.app.request('/v1/account/password', {
      method: 'POST',
      headers: {
        'X-Porchlight-Key': h.site.publishableKey,
        Origin: 'https://site.example',
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ currentPassword: 'anything at all', newPassword: password }),
    })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('PASSWORD_NOT_SET'))
    expect((await storedMembers(h.t))[0]?.password_hash).toBe('')
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { apiError, rows } from '../../test/helpers/http.ts'
import { startTestSmtpServer } from '../../test/helpers/smtp.ts'
import { createSmtpTransport } from '../mail/smtp.ts'
import { recentSignInMs } from './recent-sign-in.ts'
import {
  type AuthHarness,
  countRows,
  createAuthHarness,
  keyHeaders,
  linkToken,
  password,
  postJson,
  queuedMails,
  signedInMember,
  storedMembers,
} from './test-helpers.ts'

// Regression: a member who joined without a password (sign-in link, passkey, "Sign in with …")
// was answered 403 PASSWORD_NOT_SET by every change that asks for the password again, so they
// could neither delete their account nor change their address. Now a sign-in from the last
// 10 minutes stands in for the password they do not have; a member with a password still gives
// it. (Two-factor settings: recent-sign-in-totp.test.ts.)

let h: AuthHarness
afterEach(() => h.close())

const email = 'ann@example.com'
const noPasswords = { passwordSignIn: false, emailLinkSignIn: true }

type Json = Record<string, unknown>

function send(token: string, method: string, path: string, body: unknown) {
  return h.t.app.request(path, {
    method,
    headers: keyHeaders(h.site, {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    }),
    body: JSON.stringify(body),
  })
}

async function lastMailTo(address: string) {
  const mail = (await queuedMails(h.t)).findLast((m) => m.to.includes(address))
  if (!mail) throw new Error(`no mail to ${address}`)
  return mail
}

async function redeemLink(browserKey: string): Promise<string> {
  const res = await postJson(h, '/v1/auth/sign-in-link/redeem', {
    token: linkToken(await lastMailTo(email)),
    browserKey,
  })
  expect(res.status, await res.clone().text()).toBe(200)
  return ((await res.json()) as { token: string }).token
}

/** Registers without a password and signs in through the emailed link; the bearer token. */
async function joinWithoutPassword(): Promise<string> {
  const res = await postJson(h, '/v1/auth/register', { email, displayName: 'Ann Example' })
  expect(res.status, await res.clone().text()).toBe(202)
  return redeemLink(((await res.json()) as { browserKey: string }).browserKey)
}

/** Signs in again through a fresh emailed link, as the page does after REAUTHENTICATION_REQUIRED. */
async function signInAgainByLink(): Promise<string> {
  const res = await postJson(h, '/v1/auth/sign-in-link', { email })
  expect(res.status, await res.clone().text()).toBe(202)
  return redeemLink(((await res.json()) as { browserKey: string }).browserKey)
}

async function emailChangeLinks() {
  return rows(h.t.deps.client, "SELECT id FROM member_tokens WHERE purpose = 'change_email'")
}

describe('a member without a password, just signed in by link', () => {
  it('deletes their account with no password; the last email arrives over SMTP', async () => {
    const smtp = await startTestSmtpServer()
    const mail = createSmtpTransport({ url: smtp.url, timeoutMs: 2000, sendTimeoutMs: 5000 })
    h = await createAuthHarness({ mail, handlers: undefined, settings: noPasswords })
    try {
      const registered = await postJson(h, '/v1/auth/register', { email, displayName: 'Ann' })
      const { browserKey } = (await registered.json()) as { browserKey: string }
      await h.t.deps.outbox.kick()
      const [welcome] = await smtp.waitForMessages(1)
      const redeemed = await postJson(h, '/v1/auth/sign-in-link/redeem', {
        token: linkToken({ text: welcome?.parts.get('text/plain') ?? '' }),
        browserKey,
      })
      expect(redeemed.status, await redeemed.clone().text()).toBe(200)
      const { token } = (await redeemed.json()) as { token: string }
      expect((await storedMembers(h.t))[0]?.password_hash).toBe('')

      h.clock.advance(recentSignInMs - 1) // the last moment it still counts
      const res = await send(token, 'DELETE', '/v1/account', {})
      expect(res.status, await res.clone().text()).toBe(204)
      expect(await countRows(h.t, 'members')).toBe(0)
      expect(await countRows(h.t, 'sessions')).toBe(0)

      await h.t.deps.outbox.kick()
      const [, goodbye] = await smtp.waitForMessages(2)
      expect(goodbye?.recipients).toEqual([email])
      expect(goodbye?.headers.get('subject')).toBe('Your Test site account was deleted')
    } finally {
      await h.t.deps.outbox.kick()
      await mail.close()
      await smtp.close()
    }
  })

  it('changes their email with no password, confirmed from the new address', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    const token = await joinWithoutPassword()
    const res = await send(token, 'POST', '/v1/account/email', { newEmail: 'ann@new.example' })
    expect(res.status, await res.clone().text()).toBe(202)
    expect((await lastMailTo(email)).subject).toBe('Your Test site email is about to change')
    const confirmation = await lastMailTo('ann@new.example')
    expect(confirmation.subject).toBe('Confirm your new email for Test site')
    const confirmed = await postJson(h, '/v1/auth/email-change/confirm', {
      token: linkToken(confirmation),
    })
    expect(confirmed.status, await confirmed.clone().text()).toBe(200)
    expect(await confirmed.json()).toMatchObject({ email: 'ann@new.example', hasPassword: false })
  })

  it('is refused a password it does not have (422), and nothing changes', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    const token = await joinWithoutPassword()
    const mailsBefore = await countRows(h.t, 'outbox')
    const refused = {
      password: 'This account has no password: leave it out. A recent sign-in confirms it is you.',
    }
    const deleting = await send(token, 'DELETE', '/v1/account', { password: 'a guess' })
    expect(deleting.status).toBe(422)
    expect(await deleting.json()).toEqual(apiError('VALIDATION_FAILED', refused))
    const moving = await send(token, 'POST', '/v1/account/email', {
      password: 'a guess',
      newEmail: 'ann@new.example',
    })
    expect(moving.status).toBe(422)
    expect(await moving.json()).toEqual(apiError('VALIDATION_FAILED', refused))
    expect(await countRows(h.t, 'members')).toBe(1)
    expect(await countRows(h.t, 'outbox')).toBe(mailsBefore)
    expect(await emailChangeLinks()).toEqual([])
  })
})

describe('a member without a password, signed in more than 10 minutes ago', () => {
  it('gets REAUTHENTICATION_REQUIRED and nothing changes, until they sign in again', async () => {
    h = await createAuthHarness({ settings: noPasswords })
    const stale = await joinWithoutPassword()
    h.clock.advance(recentSignInMs)
    const mailsBefore = await countRows(h.t, 'outbox')

    const deleting = await send(stale, 'DELETE', '/v1/account', {})
    expect(deleting.status).toBe(403)
    const answer = (await deleting.json()) as { error: Json }
    expect(answer).toEqual(apiError('REAUTHENTICATION_REQUIRED'))
    expect(answer.error.message).toMatch(/^Sign in again/)
    const moving = await send(stale, 'POST', '/v1/account/email', { newEmail: 'ann@new.example' })
    expect(moving.status).toBe(403)
    expect(await moving.json()).toEqual(apiError('REAUTHENTICATION_REQUIRED'))

    expect(await storedMembers(h.t)).toEqual([expect.objectContaining({ email })])
    expect(await countRows(h.t, 'outbox')).toBe(mailsBefore)
    expect(await emailChangeLinks()).toEqual([])
    // The old session still works for everything else: only these changes need a fresh sign-in.
    const account = await h.t.app.request('/v1/account', {
      headers: keyHeaders(h.site, { Authorization: `Bearer ${stale}` }),
    })
    expect(account.status).toBe(200)

    const fresh = await signInAgainByLink()
    expect((await send(fresh, 'DELETE', '/v1/account', {})).status).toBe(204)
    expect(await countRows(h.t, 'members')).toBe(0)
  })
})

describe('a member with a password', () => {
  it('still needs it however recent the sign-in: none is 422, a wrong one INVALID_PASSWORD', async () => {
    h = await createAuthHarness()
    const token = await signedInMember(h, { email })
    const mailsBefore = await countRows(h.t, 'outbox')
    for (const [method, path, body] of [
      ['DELETE', '/v1/account', {}],
      ['POST', '/v1/account/email', { newEmail: 'ann@new.example' }],
    ] as const) {
      const missing = await send(token, method, path, body)
      expect(missing.status).toBe(422)
      expect(await missing.json()).toEqual(apiError('VALIDATION_FAILED', { password: 'Required.' }))
      const wrong = await send(token, method, path, { ...body, password: 'not my password' })
      expect(wrong.status).toBe(403)
      expect(await wrong.json()).toEqual(apiError('INVALID_PASSWORD'))
    }
    expect(await countRows(h.t, 'members')).toBe(1)
    expect(await countRows(h.t, 'outbox')).toBe(mailsBefore)
    expect(await emailChangeLinks()).toEqual([])

    // And with it, long after signing in, as before.
    h.clock.advance(24 * 3_600_000)
    expect((await send(token, 'DELETE', '/v1/account', { password })).status).toBe(204)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import {
  type ReceivedMessage,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../../test/helpers/smtp.ts'
import { createSmtpTransport, type SmtpTransport } from '../mail/smtp.ts'
import {
  type AccountHarness,
  call,
  createAccountHarness,
  firstPassword,
  secondPassword,
  signIn,
  signUp,
  type TestMember,
} from './account-test-helpers.ts'

// The flows end to end through a real SMTP server (smtp-server on loopback, AUTH required) and
// the app's own SMTP transport: a member follows the link in the message they received, as they
// would from their inbox.

let smtp: TestSmtpServer
let mail: SmtpTransport
let h: AccountHarness
let ann: TestMember

beforeEach(async () => {
  smtp = await startTestSmtpServer()
  mail = createSmtpTransport({ url: smtp.url, timeoutMs: 2000, sendTimeoutMs: 5000 })
  h = await createAccountHarness({ mail, env: { MAIL_FROM: 'Acme Garden <hello@acme.example>' } })
  ann = await signUp(h, { email: 'ann@example.com' })
})

afterEach(async () => {
  // Deliveries first, then the client before the server (which waits for it), the database last.
  await h?.t.deps.outbox.kick()
  await mail?.close()
  await smtp?.close()
  await h?.t.close()
})

/** Delivers what is queued and returns the first message to `to` whose subject starts so. */
async function receive(to: string, subject: string): Promise<ReceivedMessage> {
  await h.t.deps.outbox.kick()
  const deadline = Date.now() + 5000
  for (;;) {
    const found = smtp.received.find(
      (m) => m.recipients.includes(to) && m.headers.get('subject')?.startsWith(subject),
    )
    if (found) return found
    if (Date.now() > deadline) throw new Error(`no message "${subject}" to ${to}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The link in a message's plain-text part, as a member would click it. */
function linkIn(message: ReceivedMessage): URL {
  const href = /https:\/\/site\.example\/account\?\S+/.exec(message.parts.get('text/plain') ?? '')
  if (!href) throw new Error(`no link in:\n${message.raw}`)
  return new URL(href[0])
}

describe('through a real SMTP server', () => {
  it('resets a forgotten password from the emailed link, ending every old session', async () => {
    const laptop = await signIn(h, ann.email, firstPassword)
    const requested = await call(h, 'POST', '/auth/password-reset/request', {
      body: { email: ann.email },
    })
    expect(requested.status).toBe(202)

    const message = await receive(ann.email, 'Reset your password for Acme Garden')
    expect(message.headers.get('from')).toBe('Acme Garden <hello@acme.example>')
    const link = linkIn(message)
    expect(link.searchParams.get('action')).toBe('reset-password')
    const token = link.searchParams.get('token') ?? ''

    const confirmed = await call(h, 'POST', '/auth/password-reset/confirm', {
      body: { token, password: secondPassword },
    })
    expect(confirmed.status).toBe(200)
    expect(await confirmed.json()).toEqual({ status: 'password_reset' })

    for (const old of [ann.token, laptop]) {
      const res = await call(h, 'GET', '/account', { token: old })
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual(apiError('INVALID_SESSION'))
    }
    const fresh = await signIn(h, ann.email, secondPassword)
    const account = await call(h, 'GET', '/account', { token: fresh })
    expect(await account.json()).toMatchObject({ email: ann.email, emailVerified: true })

    const notice = await receive(ann.email, 'Your Acme Garden password was changed')
    expect(notice.parts.get('text/plain')).toContain('was just changed')
    // The link worked once; clicking it again is refused.
    const again = await call(h, 'POST', '/auth/password-reset/confirm', {
      body: { token, password: 'a third password, long' },
    })
    expect(again.status).toBe(400)
  })

  it('changes the email from the link sent to the new address, with a notice to the old one', async () => {
    const res = await call(h, 'POST', '/account/email', {
      token: ann.token,
      body: { password: firstPassword, newEmail: 'ann@new.example' },
    })
    expect(res.status).toBe(202)
    const notice = await receive(ann.email, 'Your Acme Garden email is about to change')
    expect(notice.parts.get('text/plain')).toContain('ann@new.example')
    const confirmation = await receive('ann@new.example', 'Confirm your new email for Acme Garden')
    expect(confirmation.recipients).toEqual(['ann@new.example'])
    const token = linkIn(confirmation).searchParams.get('token') ?? ''
    const confirmed = await call(h, 'POST', '/auth/email-change/confirm', { body: { token } })
    expect(confirmed.status).toBe(200)
    expect(await confirmed.json()).toMatchObject({ email: 'ann@new.example', emailVerified: true })
  })

  it('sends a notice when the password is changed, and a last email when the account is deleted', async () => {
    const changed = await call(h, 'POST', '/account/password', {
      token: ann.token,
      body: { currentPassword: firstPassword, newPassword: secondPassword },
    })
    expect(changed.status).toBe(200)
    await receive(ann.email, 'Your Acme Garden password was changed')
    const deleted = await call(h, 'DELETE', '/account', {
      token: ann.token,
      body: { password: secondPassword },
    })
    expect(deleted.status).toBe(204)
    const farewell = await receive(ann.email, 'Your Acme Garden account was deleted')
    expect(farewell.recipients).toEqual([ann.email])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError, rows } from '../../test/helpers/http.ts'
import {
  type AccountHarness,
  call,
  createAccountHarness,
  firstPassword,
  linkToken,
  mailsQueuedBy,
  memberRow,
  queuedMails,
  secondPassword,
  sessionCount,
  signIn,
  signUp,
  type TestMember,
  tokenRows,
} from './account-test-helpers.ts'
import { resetRequestsPerAddressPerHour, resetRequestsPerEmailPerHour } from './password-reset.ts'

// POST /v1/auth/password-reset/request and /confirm, scenario by scenario: the answer, the rows
// written (tokens, password hash, sessions) and the emails queued in the same batch.

let h: AccountHarness
let ann: TestMember
afterEach(() => h.close())

const resetSent = { status: 'reset_sent' }
const minute = 60_000

beforeEach(async () => {
  h = await createAccountHarness()
  ann = await signUp(h, { email: 'ann@example.com' })
})

/** Requests a reset for `email` and returns the token from the email it queued. */
async function resetToken(email = ann.email) {
  const mails = await mailsQueuedBy(h.t, () =>
    call(h, 'POST', '/auth/password-reset/request', { body: { email } }),
  )
  const mail = mails.find((m) => m.subject.startsWith('Reset your password'))
  if (!mail) throw new Error('no reset email')
  return linkToken(mail.text, 'reset-password')
}

describe('POST /v1/auth/password-reset/request', () => {
  const scenarios: {
    name: string
    body: unknown
    status: number
    answer: unknown
    tokens: number
    mailTo: string[]
  }[] = [
    {
      name: 'a member: a 30-minute token and a reset email',
      body: { email: 'ann@example.com' },
      status: 202,
      answer: resetSent,
      tokens: 1,
      mailTo: ['ann@example.com'],
    },
    {
      name: 'a member, typed with capitals and spaces: the same',
      body: { email: '  Ann@EXAMPLE.com ' },
      status: 202,
      answer: resetSent,
      tokens: 1,
      mailTo: ['ann@example.com'],
    },
    {
      name: 'an address with no account: the same answer, nothing stored or sent',
      body: { email: 'nobody@example.com' },
      status: 202,
      answer: resetSent,
      tokens: 0,
      mailTo: [],
    },
    {
      name: 'not an email address',
      body: { email: 'ann' },
      status: 422,
      answer: apiError('VALIDATION_FAILED', { email: 'Not a valid email address.' }),
      tokens: 0,
      mailTo: [],
    },
    {
      name: 'an unknown field',
      body: { email: 'ann@example.com', redirect: 'https://evil.example' },
      status: 422,
      answer: apiError('VALIDATION_FAILED', { redirect: 'Unknown field.' }),
      tokens: 0,
      mailTo: [],
    },
  ]
  for (const s of scenarios) {
    it(s.name, async () => {
      let res: Response | undefined
      const mails = await mailsQueuedBy(h.t, async () => {
        res = await call(h, 'POST', '/auth/password-reset/request', { body: s.body })
      })
      expect(res?.status).toBe(s.status)
      expect(await res?.json()).toEqual(s.answer)
      const tokens = await tokenRows(h.t, ann.id, 'reset_password')
      expect(tokens).toHaveLength(s.tokens)
      expect(mails.map((m) => m.to)).toEqual(s.mailTo.map((to) => [to]))
      if (s.tokens === 0) return
      const token = linkToken(mails[0]?.text ?? '', 'reset-password')
      // The link goes to the site; only a hash of the token's secret is stored.
      expect(mails[0]?.text).toContain(
        `${'https://site.example'}/account?action=reset-password&token=${token}`,
      )
      expect(mails[0]?.subject).toBe('Reset your password for Acme Garden')
      expect(tokens[0]).toMatchObject({
        id: token.split('.')[0],
        expires_at: h.clock.now() + 30 * minute,
        used_at: null,
      })
      expect(String(tokens[0]?.secret_hash)).not.toContain(token.split('.')[1])
    })
  }

  it('needs the publishable key', async () => {
    const res = await h.t.app.request('/v1/auth/password-reset/request', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: ann.email }),
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('INVALID_PUBLISHABLE_KEY'))
  })

  it(`limits each address to ${resetRequestsPerEmailPerHour} an hour, counted alike whether or not it has an account`, async () => {
    for (const email of [ann.email, 'nobody@example.com']) {
      const answers: number[] = []
      for (let i = 0; i <= resetRequestsPerEmailPerHour; i++) {
        const res = await call(h, 'POST', '/auth/password-reset/request', { body: { email } })
        answers.push(res.status)
        if (res.status === 429) {
          expect(await res.json()).toEqual(apiError('RATE_LIMITED'))
          expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
        }
      }
      expect(answers).toEqual([...Array(resetRequestsPerEmailPerHour).fill(202), 429])
    }
    expect(await tokenRows(h.t, ann.id, 'reset_password')).toHaveLength(
      resetRequestsPerEmailPerHour,
    )
    // The bucket names hold a hash, not the address typed.
    const buckets = await rows(h.t.deps.client, 'SELECT bucket FROM rate_limits')
    expect(JSON.stringify(buckets)).not.toContain('example.com')
    h.clock.advance(2 * 3_600_000)
    const later = await call(h, 'POST', '/auth/password-reset/request', {
      body: { email: ann.email },
    })
    expect(later.status).toBe(202)
  })

  it(`limits each client address to ${resetRequestsPerAddressPerHour} an hour`, async () => {
    const answers: number[] = []
    for (let i = 0; i <= resetRequestsPerAddressPerHour; i++) {
      const res = await call(h, 'POST', '/auth/password-reset/request', {
        body: { email: `person${i}@example.com` },
      })
      answers.push(res.status)
    }
    expect(answers).toEqual([...Array(resetRequestsPerAddressPerHour).fill(202), 429])
  })
})

describe('POST /v1/auth/password-reset/confirm', () => {
  it('sets the new password, marks the email verified, ends every session, spends the link and sends a notice', async () => {
    const otherDevice = await signIn(h, ann.email, firstPassword)
    expect(await sessionCount(h.t, ann.id)).toBe(2)
    expect((await memberRow(h.t, ann.id))?.email_verified_at).toBeNull()
    const token = await resetToken()
    h.clock.advance(29 * minute)

    let res: Response | undefined
    const mails = await mailsQueuedBy(h.t, async () => {
      res = await call(h, 'POST', '/auth/password-reset/confirm', {
        body: { token, password: secondPassword },
      })
    })
    expect(res?.status).toBe(200)
    expect(await res?.json()).toEqual({ status: 'password_reset' })

    const member = await memberRow(h.t, ann.id)
    expect(await h.t.deps.passwords.verify(secondPassword, String(member?.password_hash))).toBe(
      true,
    )
    expect(member?.email_verified_at).toBe(h.clock.now())
    expect(await sessionCount(h.t, ann.id)).toBe(0)
    expect((await tokenRows(h.t, ann.id, 'reset_password'))[0]?.used_at).toBe(h.clock.now())
    expect(mails).toEqual([
      {
        to: [ann.email],
        subject: 'Your Acme Garden password was changed',
        text: expect.stringContaining('was just changed'),
      },
    ])
    for (const old of [ann.token, otherDevice]) {
      const stale = await call(h, 'GET', '/account', { token: old })
      expect(stale.status).toBe(401)
      expect(await stale.json()).toEqual(apiError('INVALID_SESSION'))
    }
    const oldLogin = await call(h, 'POST', '/auth/login', {
      body: { email: ann.email, password: firstPassword },
    })
    expect(oldLogin.status).toBe(401)
    expect(await signIn(h, ann.email, secondPassword)).toMatch(/\./)
  })

  it('keeps an earlier verification time', async () => {
    await h.t.deps.client.execute({
      sql: 'UPDATE members SET email_verified_at = 1 WHERE id = ?',
      args: [ann.id],
    })
    const token = await resetToken()
    await call(h, 'POST', '/auth/password-reset/confirm', {
      body: { token, password: secondPassword },
    })
    expect((await memberRow(h.t, ann.id))?.email_verified_at).toBe(1)
  })

  it('refuses a password the policy refuses (422) and leaves the link usable', async () => {
    const token = await resetToken()
    const before = (await memberRow(h.t, ann.id))?.password_hash
    for (const [password, problem] of [
      ['short', 'Use at least 12 characters.'],
      ['qwerty123456', expect.stringContaining('most common passwords')],
      ['AnnExample-2026', expect.stringContaining('your name or email')],
    ] as const) {
      const res = await call(h, 'POST', '/auth/password-reset/confirm', {
        body: { token, password },
      })
      expect(res.status).toBe(422)
      expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', { password: problem }))
    }
    expect((await memberRow(h.t, ann.id))?.password_hash).toBe(before)
    expect((await tokenRows(h.t, ann.id, 'reset_password'))[0]?.used_at).toBeNull()
    expect(await sessionCount(h.t, ann.id)).toBe(1)
    const res = await call(h, 'POST', '/auth/password-reset/confirm', {
      body: { token, password: secondPassword },
    })
    expect(res.status).toBe(200)
  })

  it('accepts a link once', async () => {
    const token = await resetToken()
    const first = await call(h, 'POST', '/auth/password-reset/confirm', {
      body: { token, password: secondPassword },
    })
    expect(first.status).toBe(200)
    const again = await call(h, 'POST', '/auth/password-reset/confirm', {
      body: { token, password: 'a third password, long' },
    })
    expect(again.status).toBe(400)
    expect(await again.json()).toEqual(apiError('INVALID_TOKEN'))
    const member = await memberRow(h.t, ann.id)
    expect(await h.t.deps.passwords.verify(secondPassword, String(member?.password_hash))).toBe(
      true,
    )
  })

  it('refuses a link after 30 minutes', async () => {
    const token = await resetToken()
    h.clock.advance(30 * minute)
    const res = await call(h, 'POST', '/auth/password-reset/confirm', {
      body: { token, password: secondPassword },
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual(apiError('INVALID_TOKEN'))
    expect(await sessionCount(h.t, ann.id)).toBe(1)
  })

  it('spends every other reset link and pending email change when one is used', async () => {
    const first = await resetToken()
    const second = await resetToken()
    const change = await call(h, 'POST', '/account/email', {
      token: ann.token,
      body: { password: firstPassword, newEmail: 'thief@example.net' },
    })
    expect(change.status).toBe(202)
    const used = await call(h, 'POST', '/auth/password-reset/confirm', {
      body: { token: second, password: secondPassword },
    })
    expect(used.status).toBe(200)
    for (const purpose of ['reset_password', 'change_email']) {
      const tokens = await tokenRows(h.t, ann.id, purpose)
      expect(tokens.map((t) => t.used_at)).toEqual(tokens.map(() => h.clock.now()))
    }
    const stale = await call(h, 'POST', '/auth/password-reset/confirm', {
      body: { token: first, password: 'a third password, long' },
    })
    expect(stale.status).toBe(400)
  })

  const badTokens: [string, () => Promise<string>][] = [
    ['malformed', async () => 'not-a-token'],
    ['unknown', async () => `${'a'.repeat(32)}.${'b'.repeat(32)}`],
    [
      'a known id with the wrong secret',
      async () => `${(await resetToken()).split('.')[0]}.${'b'.repeat(32)}`,
    ],
    [
      'an email-verification token',
      async () => {
        const mail = (await queuedMails(h.t)).find((m) =>
          m.subject.startsWith('Confirm your email'),
        )
        return linkToken(mail?.text ?? '', 'verify-email')
      },
    ],
  ]
  for (const [name, makeToken] of badTokens) {
    it(`answers 400 INVALID_TOKEN for a token that is ${name}`, async () => {
      const token = await makeToken()
      const res = await call(h, 'POST', '/auth/password-reset/confirm', {
        body: { token, password: secondPassword },
      })
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual(apiError('INVALID_TOKEN'))
      expect(await sessionCount(h.t, ann.id)).toBe(1)
    })
  }

  it('refuses a link from another site', async () => {
    const token = await resetToken()
    const res = await call(h, 'POST', '/auth/password-reset/confirm', {
      site: h.otherSite,
      body: { token, password: secondPassword },
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual(apiError('INVALID_TOKEN'))
  })

  it('slows down a client that keeps sending bad tokens', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const res = await call(h, 'POST', '/auth/password-reset/confirm', {
        body: { token: 'nope', password: secondPassword },
      })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([...Array(30).fill(400), 429])
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { apiError, rows } from '../../test/helpers/http.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../test/helpers/smtp.ts'
import { createSmtpTransport, type SmtpTransport } from '../mail/smtp.ts'
import {
  type AuthHarness,
  countRows,
  createAuthHarness,
  keyHeaders,
  linkToken,
  password,
  postJson,
  queuedMails,
  registerMember,
  storedMembers,
  storedTokens,
} from './test-helpers.ts'

// POST /v1/auth/register, scenario by scenario: the answer, the member and token rows written,
// and the email queued in the same batch. Enumeration timing is in enumeration.test.ts.

let h: AuthHarness
afterEach(() => h.close())

const accepted = { status: 'verification_sent' }
const hourMs = 3_600_000

describe('a new address', () => {
  it('creates an unverified member, a 24 h verification token and the email, and answers 202', async () => {
    h = await createAuthHarness()
    const res = await registerMember(h, {
      email: '  Ann@Example.COM ',
      displayName: ' Ann Example ',
      username: 'Ann_1',
    })
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual(accepted)

    const [member, ...others] = await storedMembers(h.t)
    expect(others).toEqual([])
    expect(member).toEqual({
      id: expect.stringMatching(/^mem_[a-z2-7]{24}$/),
      site_id: h.site.id,
      email: 'ann@example.com',
      email_verified_at: null,
      display_name: 'Ann Example',
      username: 'Ann_1',
      username_key: 'ann_1',
      role: 'member',
      status: 'active',
      password_hash: expect.stringMatching(/^\$scrypt\$ln=10,r=8,p=1\$/),
    })
    expect(await storedTokens(h.t)).toEqual([
      {
        member_id: member?.id,
        purpose: 'verify_email',
        expires_at: h.clock.now() + 24 * hourMs,
        used_at: null,
      },
    ])
    const mails = await queuedMails(h.t)
    expect(mails).toEqual([
      {
        siteId: h.site.id,
        to: ['ann@example.com'],
        subject: 'Confirm your email for Test site',
        text: expect.stringContaining('https://site.example/account?action=verify-email&token='),
      },
    ])
    // Only a hash of the emailed secret is stored.
    const [secret] = linkToken(mails[0] ?? { text: '' })
      .split('.')
      .slice(1)
    const stored = await rows(h.t.deps.client, 'SELECT secret_hash FROM member_tokens')
    expect(JSON.stringify(stored)).not.toContain(String(secret))
  })

  it('uses the site’s link template for the emailed link', async () => {
    h = await createAuthHarness({
      settings: { linkTemplate: 'https://site.example/welcome/{action}?t={token}' },
    })
    await registerMember(h, { email: 'ann@example.com' })
    const [mail] = await queuedMails(h.t)
    expect(mail?.text).toMatch(/https:\/\/site\.example\/welcome\/verify-email\?t=[a-z2-7]{32}\./)
  })
})

describe('an address that already has an account', () => {
  it('answers exactly as for a new one, creates nothing, and mails the owner a reset link', async () => {
    h = await createAuthHarness()
    await registerMember(h, { email: 'ann@example.com', displayName: 'Ann' })
    const [before] = await storedMembers(h.t)

    const res = await registerMember(h, {
      email: 'ANN@example.com',
      password: 'a different long passphrase',
      displayName: 'Someone Else',
    })
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual(accepted)
    expect(await storedMembers(h.t)).toEqual([before])
    expect((await storedTokens(h.t)).map((t) => [t.purpose, t.expires_at])).toEqual([
      ['verify_email', h.clock.now() + 24 * hourMs],
      ['reset_password', h.clock.now() + 30 * 60_000],
    ])
    const [, mail] = await queuedMails(h.t)
    expect(mail).toEqual({
      siteId: h.site.id,
      to: ['ann@example.com'],
      subject: 'You already have an account on Test site',
      text: expect.stringContaining('https://site.example/account?action=reset-password&token='),
    })
  })

  it('mails the owner at most 3 times an hour, still answering 202', async () => {
    h = await createAuthHarness()
    await registerMember(h, { email: 'ann@example.com' })
    for (let i = 0; i < 5; i++) {
      const res = await registerMember(h, { email: 'ann@example.com' })
      expect(res.status).toBe(202)
      expect(await res.json()).toEqual(accepted)
    }
    // The first registration counts against the address too: a verification, then 2 more.
    expect((await queuedMails(h.t)).map((m) => m.subject)).toEqual([
      'Confirm your email for Test site',
      'You already have an account on Test site',
      'You already have an account on Test site',
    ])
    h.clock.advance(2 * hourMs)
    await registerMember(h, { email: 'ann@example.com' })
    expect(await queuedMails(h.t)).toHaveLength(4)
  })
})

describe('refused registrations store and send nothing', () => {
  const long = (n: number) => 'x'.repeat(n)
  it.each([
    {
      name: 'a malformed email',
      body: { email: 'ann@' },
      fields: { email: 'Not a valid email address.' },
    },
    {
      name: 'an empty display name',
      body: { displayName: '   ' },
      fields: { displayName: 'Required.' },
    },
    {
      name: 'a display name of 81',
      body: { displayName: long(81) },
      fields: { displayName: 'At most 80 characters.' },
    },
    {
      name: 'a short username',
      body: { username: 'ab' },
      fields: { username: 'Use 3 to 30 letters, digits, "_" or "-".' },
    },
    {
      name: 'a username with spaces',
      body: { username: 'ann smith' },
      fields: { username: 'Use 3 to 30 letters, digits, "_" or "-".' },
    },
    {
      name: 'a look-alike username',
      body: { username: 'аnn' },
      fields: { username: 'Use 3 to 30 letters, digits, "_" or "-".' },
    },
    {
      name: 'an all-digit username',
      body: { username: '12345' },
      fields: { username: 'Must not be only digits.' },
    },
    { name: 'an unknown field', body: { role: 'admin' }, fields: { role: 'Unknown field.' } },
    {
      name: 'every bad field at once',
      body: { email: 'x', displayName: '', password: '' },
      fields: {
        email: 'Not a valid email address.',
        displayName: 'Required.',
        password: 'Required.',
      },
    },
    {
      name: 'a password of 11 characters',
      body: { password: 'abcdefghijk' },
      fields: { password: 'Use at least 12 characters.' },
    },
    {
      name: 'a password of 257 characters',
      body: { password: long(257) },
      fields: { password: 'Use at most 256 characters.' },
    },
    {
      name: 'a common password, in any case',
      body: { password: 'QWERTY123456' },
      fields: {
        password: 'This is one of the most common passwords; choose one that is harder to guess.',
      },
    },
    {
      name: 'a password containing the email’s local part',
      body: { email: 'annabelle@example.com', password: 'Annabelle-is-great' },
      fields: { password: 'Do not use your name or email address in your password.' },
    },
    {
      name: 'a password that is the display name',
      body: { displayName: 'Maximilian Mustermann', password: 'maximilian mustermann' },
      fields: { password: 'Do not use your name or email address in your password.' },
    },
  ])('$name → 422', async ({ body, fields }) => {
    h = await createAuthHarness()
    const res = await postJson(h, '/v1/auth/register', {
      email: 'ann@example.com',
      password,
      displayName: 'Ann',
      ...body,
    })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', fields))
    expect(await countRows(h.t, 'members')).toBe(0)
    expect(await countRows(h.t, 'outbox')).toBe(0)
  })

  it('counts characters, not bytes, against the site’s minimum', async () => {
    h = await createAuthHarness({ settings: { passwordMinLength: 16 } })
    const fifteen = await registerMember(h, {
      email: 'ann@example.com',
      password: 'fifteen chars!!',
    })
    expect(await fifteen.json()).toEqual(
      apiError('VALIDATION_FAILED', { password: 'Use at least 16 characters.' }),
    )
    // 16 emoji are 64 bytes of UTF-8 but 16 characters: long enough, and allowed.
    const emoji = await registerMember(h, {
      email: 'ann@example.com',
      password: '🔥🌲🦊🍞🚲🎻🧀🌙🐝🍄🪁🧭🎈🦉🍋🌊',
    })
    expect(emoji.status).toBe(202)
  })

  it('reports a taken username, whatever its case, even for an existing address', async () => {
    h = await createAuthHarness()
    await registerMember(h, { email: 'ann@example.com', username: 'Ann_1' })
    for (const email of ['bob@example.com', 'ann@example.com']) {
      const res = await registerMember(h, { email, username: 'ANN_1' })
      expect(res.status).toBe(422)
      expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', { username: 'Taken' }))
    }
    expect(await countRows(h.t, 'members')).toBe(1)
    expect(await countRows(h.t, 'outbox')).toBe(1)
  })

  it('limits one address to 10 registrations an hour (429 with Retry-After), not others', async () => {
    h = await createAuthHarness({ env: { TRUST_PROXY: 'x-forwarded-for' } })
    const from = (ip: string, i: number) =>
      registerMember(h, { email: `m${i}@example.com` }, { 'X-Forwarded-For': ip })
    for (let i = 0; i < 10; i++) expect((await from('198.51.100.1', i)).status).toBe(202)
    const refused = await from('198.51.100.1', 10)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.json()).toEqual(apiError('RATE_LIMITED'))
    expect((await from('198.51.100.2', 11)).status).toBe(202)
    expect(await countRows(h.t, 'members')).toBe(11)
  })
})

describe('tenant isolation', () => {
  it('lets an address registered on site A register on site B, as a separate member', async () => {
    h = await createAuthHarness()
    const b = await createTestSite(h.t, { name: 'Site B', origins: ['https://b.example'] })
    await registerMember(h, { email: 'ann@example.com' })
    const res = await h.t.app.request('/v1/auth/register', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...keyHeaders(b, { Origin: 'https://b.example' }),
      },
      body: JSON.stringify({ email: 'ann@example.com', password, displayName: 'Ann on B' }),
    })
    expect(res.status).toBe(202)
    const members = await storedMembers(h.t)
    expect(members.map((m) => [m.site_id, m.email, m.display_name])).toEqual([
      [h.site.id, 'ann@example.com', 'Ann Example'],
      [b.id, 'ann@example.com', 'Ann on B'],
    ])
    expect((await queuedMails(h.t)).map((m) => [m.siteId, m.subject])).toEqual([
      [h.site.id, 'Confirm your email for Test site'],
      [b.id, 'Confirm your email for Site B'],
    ])
  })
})

describe('through a real SMTP server', () => {
  let smtp: TestSmtpServer
  let mail: SmtpTransport
  afterEach(async () => {
    await mail.close()
    await smtp.close()
  })

  it('delivers the verification email and the "already registered" email', async () => {
    smtp = await startTestSmtpServer()
    mail = createSmtpTransport({ url: smtp.url, timeoutMs: 2000, sendTimeoutMs: 5000 })
    h = await createAuthHarness({
      mail,
      handlers: undefined,
      env: { MAIL_FROM: 'Test site <members@site.example>' },
    })
    await registerMember(h, { email: 'ann@example.com' })
    await registerMember(h, { email: 'ann@example.com' })
    await h.t.deps.outbox.kick()
    const [verify, again] = await smtp.waitForMessages(2)
    expect(verify?.recipients).toEqual(['ann@example.com'])
    expect(verify?.headers.get('subject')).toBe('Confirm your email for Test site')
    expect(verify?.parts.get('text/plain')).toMatch(
      /https:\/\/site\.example\/account\?action=verify-email&token=[a-z2-7]{32}\.[a-z2-7]{32}/,
    )
    expect(again?.recipients).toEqual(['ann@example.com'])
    expect(again?.headers.get('subject')).toBe('You already have an account on Test site')
    expect(again?.parts.get('text/plain')).toMatch(/action=reset-password&token=/)
    expect(await rows(h.t.deps.client, "SELECT status FROM outbox WHERE kind = 'email'")).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
    ])
  })
})

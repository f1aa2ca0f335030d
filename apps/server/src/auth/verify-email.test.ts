import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { apiError, jsonRequest, rows } from '../../test/helpers/http.ts'
import {
  type AuthHarness,
  asMember,
  createAuthHarness,
  keyHeaders,
  linkToken,
  postJson,
  queuedMails,
  registerMember,
  setAuthSettings,
  signedInMember,
  signIn,
  storedTokens,
} from './test-helpers.ts'

// POST /v1/auth/verify-email and POST /v1/auth/verify-email/resend: the answer, the member and
// token rows, and the emails queued.

let h: AuthHarness
beforeEach(async () => {
  h = await createAuthHarness()
})
afterEach(() => h.close())

const hourMs = 3_600_000

/** Registers ann@example.com and returns the token of the verification email. */
async function registeredToken(email = 'ann@example.com') {
  await registerMember(h, { email })
  const mail = (await queuedMails(h.t)).findLast((m) => m.to.includes(email))
  return linkToken(mail ?? { text: '' })
}

const verify = (token: string) => postJson(h, '/v1/auth/verify-email', { token })

async function verifiedAt(email = 'ann@example.com') {
  const [row] = await rows(
    h.t.deps.client,
    'SELECT email_verified_at FROM members WHERE email = ?',
    email,
  )
  return row?.email_verified_at
}

describe('verify-email', () => {
  it('marks the address verified, spends the token, and answers with the account', async () => {
    const token = await registeredToken()
    h.clock.advance(60_000)
    const res = await verify(token)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      account: {
        id: expect.stringMatching(/^mem_/),
        email: 'ann@example.com',
        emailVerified: true,
        displayName: 'Ann Example',
        username: null,
        avatarUrl: null,
        bio: null,
        role: 'member',
        status: 'active',
        suspendedUntil: null,
        createdAt: h.clock.now() - 60_000,
        hasPassword: true,
      },
    })
    expect(await verifiedAt()).toBe(h.clock.now())
    expect(await storedTokens(h.t)).toEqual([
      expect.objectContaining({ purpose: 'verify_email', used_at: h.clock.now() }),
    ])
  })

  it.each([
    { name: 'a malformed token', token: () => 'not-a-token' },
    { name: 'an unknown token', token: () => `${'a'.repeat(32)}.${'b'.repeat(32)}` },
    {
      name: 'a token whose secret is wrong',
      token: async () => `${(await registeredToken()).split('.')[0]}.${'c'.repeat(32)}`,
    },
  ])('refuses $name with 400 INVALID_TOKEN', async ({ token }) => {
    const res = await verify(await token())
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual(apiError('INVALID_TOKEN'))
  })

  it('refuses a token used once already (reuse → 400), keeping the first verification time', async () => {
    const token = await registeredToken()
    expect((await verify(token)).status).toBe(200)
    const first = await verifiedAt()
    h.clock.advance(60_000)
    const again = await verify(token)
    expect(again.status).toBe(400)
    expect(await again.json()).toEqual(apiError('INVALID_TOKEN'))
    expect(await verifiedAt()).toBe(first)
  })

  it('refuses a token after its 24 hours, and the address stays unverified', async () => {
    const token = await registeredToken()
    h.clock.advance(24 * hourMs)
    const res = await verify(token)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual(apiError('INVALID_TOKEN'))
    expect(await verifiedAt()).toBeNull()
  })

  it('still accepts a token a moment before it expires', async () => {
    const token = await registeredToken()
    h.clock.advance(24 * hourMs - 1)
    expect((await verify(token)).status).toBe(200)
  })

  it('refuses a password-reset token: tokens work only for their own purpose', async () => {
    await registerMember(h, { email: 'ann@example.com' })
    await registerMember(h, { email: 'ann@example.com' }) // mails a reset link instead
    const [, resetMail] = await queuedMails(h.t)
    const res = await verify(linkToken(resetMail ?? { text: '' }))
    expect(res.status).toBe(400)
    expect(await verifiedAt()).toBeNull()
  })

  it('refuses site A’s token with site B’s key', async () => {
    const token = await registeredToken()
    const b = await createTestSite(h.t, { name: 'Site B', origins: ['https://b.example'] })
    const res = await h.t.app.request(
      '/v1/auth/verify-email',
      jsonRequest('POST', { token }, keyHeaders(b, { Origin: 'https://b.example' })),
    )
    expect(res.status).toBe(400)
    expect(await verifiedAt()).toBeNull()
    // …and the token still works where it belongs.
    expect((await verify(token)).status).toBe(200)
  })
})

describe('verify-email/resend', () => {
  const resend = (token: string) =>
    asMember(h, token, '/v1/auth/verify-email/resend', { method: 'POST' })

  it('mails a new link to a signed-in unverified member; either link verifies, once', async () => {
    await registerMember(h, { email: 'ann@example.com' })
    const login = await signIn(h, { email: 'ann@example.com' })
    const { token } = (await login.json()) as { token: string }
    const res = await resend(token)
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ status: 'verification_sent' })
    const mails = await queuedMails(h.t)
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [['ann@example.com'], 'Confirm your email for Test site'],
      [['ann@example.com'], 'Confirm your email for Test site'],
    ])
    const [first, second] = mails.map((m) => linkToken(m))
    expect((await verify(String(second))).status).toBe(200)
    // Using one link spends the other: a leaked older email is worth nothing afterwards.
    expect((await verify(String(first))).status).toBe(400)
  })

  it('allows 3 resends an hour, then 429 with Retry-After, then again after the hour', async () => {
    await registerMember(h, { email: 'ann@example.com' })
    const { token } = (await (await signIn(h, { email: 'ann@example.com' })).json()) as {
      token: string
    }
    for (let i = 0; i < 3; i++) expect((await resend(token)).status).toBe(202)
    const refused = await resend(token)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await refused.json()).toEqual(apiError('RATE_LIMITED'))
    expect(await queuedMails(h.t)).toHaveLength(4)
    h.clock.advance(2 * hourMs)
    expect((await resend(token)).status).toBe(202)
    expect(await queuedMails(h.t)).toHaveLength(5)
  })

  it('sends nothing to a member who is verified already', async () => {
    const token = await signedInMember(h, { email: 'ann@example.com' })
    const before = await queuedMails(h.t)
    const res = await resend(token)
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ status: 'already_verified' })
    expect(await queuedMails(h.t)).toEqual(before)
  })

  it('needs a session: a guest gets 401 SIGN_IN_REQUIRED', async () => {
    const res = await postJson(h, '/v1/auth/verify-email/resend', {})
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
  })
})

describe('sites that refuse unverified sign-ins', () => {
  it('let the member in once the address is verified', async () => {
    await setAuthSettings(h.t, h.site, { allowUnverifiedSignIn: false })
    const token = await registeredToken()
    const before = await signIn(h, { email: 'ann@example.com' })
    expect(before.status).toBe(403)
    expect(await before.json()).toEqual(apiError('EMAIL_NOT_VERIFIED'))
    expect((await verify(token)).status).toBe(200)
    expect((await signIn(h, { email: 'ann@example.com' })).status).toBe(200)
  })
})

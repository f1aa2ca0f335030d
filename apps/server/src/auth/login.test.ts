import { afterEach, describe, expect, it } from 'vitest'
import { apiError, rows } from '../../test/helpers/http.ts'
import { createPasswordHasher } from './password.ts'
import {
  type AuthHarness,
  asMember,
  countRows,
  createAuthHarness,
  keyHeaders,
  password,
  registerMember,
  setAuthSettings,
  signIn,
  socketAddress,
  storedSessions,
} from './test-helpers.ts'

// POST /v1/auth/login, scenario by scenario: the answer (body, cookie), the session row, and the
// uniform failures. Growing delays are in login-throttle.test.ts, timing in enumeration.test.ts.

let h: AuthHarness
afterEach(() => h.close())

const dayMs = 86_400_000
const email = 'ann@example.com'

async function withMember(options: Parameters<typeof createAuthHarness>[0] = {}) {
  h = await createAuthHarness(options)
  await registerMember(h, { email, username: 'ann' })
}

function setMember(columns: string, ...args: (string | number | null)[]) {
  return h.t.deps.client.execute({ sql: `UPDATE members SET ${columns}`, args })
}

const account = () => ({
  id: expect.stringMatching(/^mem_/),
  email,
  emailVerified: false,
  displayName: 'Ann Example',
  username: 'ann',
  avatarUrl: null,
  bio: null,
  role: 'member',
  status: 'active',
  suspendedUntil: null,
  createdAt: expect.any(Number),
  hasPassword: true,
})

describe('bearer sign-in (the default)', () => {
  it('answers the token, the account and the expiry, and stores only the session', async () => {
    await withMember()
    const res = await signIn(h, { email: ' ANN@example.com ' }, { 'User-Agent': 'Firefox/140' })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('set-cookie')).toBeNull()
    const body = (await res.json()) as { token: string }
    expect(body).toEqual({
      token: expect.stringMatching(/^[a-z2-7]{32}\.[a-z2-7]{32}$/),
      account: account(),
      // 30 days of inactivity come before 90 days of age.
      expiresAt: h.clock.now() + 30 * dayMs,
    })
    const [id, secret] = body.token.split('.')
    expect(await storedSessions(h.t)).toEqual([
      {
        id,
        member_id: expect.stringMatching(/^mem_/),
        transport: 'bearer',
        created_at: h.clock.now(),
        last_used_at: h.clock.now(),
        user_agent: 'Firefox/140',
        ip: socketAddress,
      },
    ])
    const stored = await rows(h.t.deps.client, 'SELECT * FROM sessions')
    expect(JSON.stringify(stored)).not.toContain(String(secret))
    expect((await asMember(h, body.token, '/v1/auth/session')).status).toBe(200)
  })

  it('upgrades a hash made with older parameters, and the password still works', async () => {
    await withMember()
    const older = createPasswordHasher({ maxConcurrent: 1, params: { logN: 11, r: 8, p: 1 } })
    await setMember('password_hash = ?', await older.hash(password))
    expect((await signIn(h, { email })).status).toBe(200)
    const [row] = await rows(h.t.deps.client, 'SELECT password_hash FROM members')
    expect(row?.password_hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/)
    expect((await signIn(h, { email })).status).toBe(200)
  })
})

describe('cookie sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax cookie and keeps the token out of the body', async () => {
    await withMember()
    const res = await signIn(h, { email, transport: 'cookie' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ account: account(), expiresAt: h.clock.now() + 30 * dayMs })
    const cookie = res.headers.get('set-cookie') ?? ''
    // Plain-HTTP PUBLIC_URL (local development): no Secure, so no __Host- prefix either.
    expect(cookie).toMatch(
      /^porchlight_session=[a-z2-7]{32}\.[a-z2-7]{32}; Max-Age=7776000; Path=\/; HttpOnly; SameSite=Lax$/,
    )
    const [session] = await storedSessions(h.t)
    expect(session?.transport).toBe('cookie')
    const check = await h.t.app.request('/v1/auth/session', {
      headers: keyHeaders(h.site, { Cookie: cookie.split(';')[0] ?? '' }),
    })
    expect(await check.json()).toMatchObject({
      account: { email },
      session: { transport: 'cookie' },
    })
  })

  it('is Secure with the __Host- prefix when PUBLIC_URL is https', async () => {
    await withMember({ env: { PUBLIC_URL: 'https://api.site.example' } })
    const res = await signIn(h, { email, transport: 'cookie' })
    expect(res.headers.get('set-cookie')).toMatch(
      /^__Host-porchlight_session=[a-z2-7.]{65}; Max-Age=7776000; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    )
  })

  it('lives as long as the site’s absolute session lifetime', async () => {
    await withMember({ settings: { sessionAbsoluteDays: 7 } })
    const res = await signIn(h, { email, transport: 'cookie' })
    expect(res.headers.get('set-cookie')).toContain('; Max-Age=604800;')
    expect(await res.json()).toMatchObject({ expiresAt: h.clock.now() + 7 * dayMs })
  })
})

describe('refused sign-ins', () => {
  it.each([
    { name: 'an unknown email', body: { email: 'bob@example.com' } },
    { name: 'a malformed email', body: { email: 'not an address' } },
    { name: 'a wrong password', body: { email, password: 'not the right passphrase' } },
    { name: 'a banned member, right password', body: { email }, setup: "status = 'banned'" },
    {
      name: 'a member suspended with no end, right password',
      body: { email },
      setup: "status = 'suspended', suspended_until = NULL",
    },
  ])('$name → the same 401 INVALID_CREDENTIALS, no session', async ({ body, setup }) => {
    await withMember()
    if (setup) await setMember(setup)
    const res = await signIn(h, body)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'The email or password is incorrect.' },
    })
    expect(await countRows(h.t, 'sessions')).toBe(0)
  })

  it('tells a suspended member until when, only once the password was right', async () => {
    await withMember()
    const until = h.clock.now() + 2 * dayMs
    await setMember("status = 'suspended', suspended_until = ?", until)
    const wrong = await signIn(h, { email, password: 'not the right passphrase' })
    expect(wrong.status).toBe(401)
    const right = await signIn(h, { email })
    expect(right.status).toBe(403)
    expect(await right.json()).toEqual({
      error: {
        code: 'ACCOUNT_SUSPENDED',
        message: 'This account is suspended until 2026-11-23T12:00:00.000Z.',
        fields: { suspendedUntil: '2026-11-23T12:00:00.000Z' },
      },
    })
    expect(await countRows(h.t, 'sessions')).toBe(0)
    h.clock.advance(2 * dayMs)
    expect((await signIn(h, { email })).status).toBe(200)
  })

  // Regression: a member signing in after their suspension ended was told `status: "suspended"`
  // with the past end date (the row's value), while the owner's API already said `active`.
  it('shows a member whose suspension has ended as active, as the owner sees them', async () => {
    await withMember()
    await setMember("status = 'suspended', suspended_until = ?", h.clock.now() + dayMs)
    h.clock.advance(dayMs)
    const res = await signIn(h, { email })
    expect(res.status).toBe(200)
    const { token, account: signedIn } = (await res.json()) as { token: string; account: unknown }
    expect(signedIn).toEqual(account())
    const session = await asMember(h, token, '/v1/auth/session')
    expect(await session.json()).toMatchObject({ account: account() })
    const { rows: stored } = await h.t.deps.client.execute('SELECT status FROM members')
    expect(stored[0]?.status).toBe('suspended')
  })

  it('tells an unverified member to verify, only once the password was right, if the site asks', async () => {
    await withMember({ settings: { allowUnverifiedSignIn: false } })
    expect((await signIn(h, { email, password: 'not the right passphrase' })).status).toBe(401)
    const right = await signIn(h, { email })
    expect(right.status).toBe(403)
    expect(await right.json()).toEqual(apiError('EMAIL_NOT_VERIFIED'))
    expect(await countRows(h.t, 'sessions')).toBe(0)
    // The default lets unverified members sign in.
    await setAuthSettings(h.t, h.site, {})
    expect((await signIn(h, { email })).status).toBe(200)
  })

  it.each([
    { body: { email }, fields: { password: expect.any(String) } },
    { body: { email, password, transport: 'jwt' }, fields: { transport: expect.any(String) } },
    { body: { email, password, remember: true }, fields: { remember: 'Unknown field.' } },
  ])('refuses a malformed request with 422: $fields', async ({ body, fields }) => {
    await withMember()
    const res = await h.t.app.request('/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...keyHeaders(h.site) },
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', fields))
  })

  it('needs the publishable key', async () => {
    await withMember()
    const res = await h.t.app.request('/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('INVALID_PUBLISHABLE_KEY'))
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { apiError, rows } from '../../test/helpers/http.ts'
import {
  type AuthHarness,
  asMember,
  countRows,
  createAuthHarness,
  keyHeaders,
  signedInMember,
  signIn,
  storedSessions,
} from './test-helpers.ts'

// The member's sessions: GET /v1/auth/session and /sessions, DELETE /sessions/:id, logout and
// logout-everywhere. Expiry by inactivity and by age, revocation on the very next request, and
// the cross-site checks of cookie sessions.

let h: AuthHarness
beforeEach(async () => {
  h = await createAuthHarness()
})
afterEach(() => h.close())

const dayMs = 86_400_000
const hourMs = 3_600_000
const email = 'ann@example.com'

const session = (token: string) => asMember(h, token, '/v1/auth/session')

async function expectInvalid(res: Response) {
  expect(res.status).toBe(401)
  expect(await res.json()).toEqual(apiError('INVALID_SESSION'))
}

/** Another session for the member, as from another device. */
async function anotherDevice(userAgent = 'Phone/1') {
  const res = await signIn(h, { email }, { 'User-Agent': userAgent })
  return ((await res.json()) as { token: string }).token
}

describe('GET /v1/auth/session', () => {
  it('answers the account and the session to a member', async () => {
    const token = await signedInMember(h, { email })
    const res = await session(token)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const now = h.clock.now()
    expect(await res.json()).toEqual({
      account: expect.objectContaining({ email, emailVerified: true }),
      session: {
        id: token.split('.')[0],
        createdAt: now,
        lastUsedAt: now,
        expiresAt: now + 30 * dayMs,
        transport: 'bearer',
      },
    })
  })

  it('answers { account: null } to a guest', async () => {
    const res = await h.t.app.request('/v1/auth/session', { headers: keyHeaders(h.site) })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ account: null })
  })

  it.each([
    ['a malformed token', 'nonsense'],
    ['an unknown token', `${'a'.repeat(32)}.${'b'.repeat(32)}`],
  ])('answers 401 INVALID_SESSION to %s', async (_, token) => {
    await expectInvalid(await session(token))
  })

  it('answers 401 INVALID_SESSION to a token whose secret is wrong', async () => {
    const token = await signedInMember(h, { email })
    await expectInvalid(await session(`${token.split('.')[0]}.${'c'.repeat(32)}`))
    expect((await session(token)).status).toBe(200)
  })
})

describe('expiry', () => {
  it('ends a session after 30 days without use, and deletes it', async () => {
    const token = await signedInMember(h, { email })
    h.clock.advance(30 * dayMs - 1)
    expect((await session(token)).status).toBe(200)
    h.clock.advance(30 * dayMs)
    await expectInvalid(await session(token))
    expect(await countRows(h.t, 'sessions')).toBe(0)
  })

  it('ends a session used every day after 90 days all the same', async () => {
    const token = await signedInMember(h, { email })
    for (let day = 1; day < 90; day++) {
      h.clock.advance(dayMs)
      expect((await session(token)).status, `day ${day}`).toBe(200)
    }
    h.clock.advance(dayMs)
    await expectInvalid(await session(token))
  })

  it('follows the site’s settings', async () => {
    await h.t.deps.client.execute({
      sql: 'UPDATE sites SET auth_settings = ? WHERE id = ?',
      args: [JSON.stringify({ sessionInactivityDays: 1, sessionAbsoluteDays: 2 }), h.site.id],
    })
    const token = await signedInMember(h, { email })
    h.clock.advance(dayMs - 1)
    expect((await session(token)).status).toBe(200)
    h.clock.advance(dayMs - 1)
    expect((await session(token)).status).toBe(200)
    h.clock.advance(2)
    await expectInvalid(await session(token))
  })

  it('writes the last-used time at most hourly', async () => {
    const token = await signedInMember(h, { email })
    const start = h.clock.now()
    const lastUsed = async () => (await storedSessions(h.t))[0]?.last_used_at
    h.clock.advance(hourMs - 1)
    await session(token)
    expect(await lastUsed()).toBe(start)
    h.clock.advance(1)
    await session(token)
    expect(await lastUsed()).toBe(start + hourMs)
    h.clock.advance(30 * 60_000)
    await session(token)
    expect(await lastUsed()).toBe(start + hourMs)
  })
})

describe('listing and revoking sessions', () => {
  it('lists the member’s live sessions, most recent first, the current one marked', async () => {
    const token = await signedInMember(h, { email })
    h.clock.advance(30 * 60_000)
    const phone = await anotherDevice('Phone/1')
    await signedInMember(h, { email: 'bob@example.com' }) // not Ann's: never listed
    const res = await asMember(h, token, '/v1/auth/sessions')
    expect(res.status).toBe(200)
    const now = h.clock.now()
    const earlier = now - 30 * 60_000
    expect(await res.json()).toEqual({
      sessions: [
        {
          id: phone.split('.')[0],
          current: false,
          createdAt: now,
          lastUsedAt: now,
          expiresAt: now + 30 * dayMs,
          userAgent: 'Phone/1',
          ip: '203.0.113.9',
          transport: 'bearer',
        },
        {
          id: token.split('.')[0],
          current: true,
          createdAt: earlier,
          lastUsedAt: earlier,
          expiresAt: earlier + 30 * dayMs,
          userAgent: null,
          ip: '203.0.113.9',
          transport: 'bearer',
        },
      ],
    })
  })

  it('revokes another of the member’s sessions, effective on its next request', async () => {
    const token = await signedInMember(h, { email })
    const phone = await anotherDevice()
    const res = await asMember(h, token, `/v1/auth/sessions/${phone.split('.')[0]}`, {
      method: 'DELETE',
    })
    expect(res.status).toBe(204)
    await expectInvalid(await session(phone))
    expect((await session(token)).status).toBe(200)
    expect(await countRows(h.t, 'sessions')).toBe(1)
  })

  it.each([
    ['another member’s session', true],
    ['an unknown id', false],
  ])('answers 404 SESSION_NOT_FOUND for %s, and ends nothing', async (_, ofOther) => {
    const token = await signedInMember(h, { email })
    const bob = await signedInMember(h, { email: 'bob@example.com' })
    const id = ofOther ? bob.split('.')[0] : 'a'.repeat(32)
    const res = await asMember(h, token, `/v1/auth/sessions/${id}`, { method: 'DELETE' })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual(apiError('SESSION_NOT_FOUND'))
    expect((await session(bob)).status).toBe(200)
    expect(await countRows(h.t, 'sessions')).toBe(2)
  })

  it('needs a session', async () => {
    const res = await h.t.app.request('/v1/auth/sessions', { headers: keyHeaders(h.site) })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
  })
})

describe('logout', () => {
  it('deletes the session on the server: the token is refused on its next request', async () => {
    const token = await signedInMember(h, { email })
    const phone = await anotherDevice()
    const res = await asMember(h, token, '/v1/auth/logout', { method: 'POST' })
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
    await expectInvalid(await session(token))
    expect((await session(phone)).status).toBe(200)
  })

  it('everywhere: ends all the member’s sessions and nobody else’s', async () => {
    const token = await signedInMember(h, { email })
    const phone = await anotherDevice()
    const bob = await signedInMember(h, { email: 'bob@example.com' })
    const res = await asMember(h, token, '/v1/auth/logout-everywhere', { method: 'POST' })
    expect(res.status).toBe(204)
    await expectInvalid(await session(token))
    await expectInvalid(await session(phone))
    expect((await session(bob)).status).toBe(200)
    expect(await countRows(h.t, 'sessions')).toBe(1)
  })

  it('answers a guest 401 SIGN_IN_REQUIRED', async () => {
    const res = await h.t.app.request('/v1/auth/logout', {
      method: 'POST',
      headers: keyHeaders(h.site),
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
  })
})

describe('cookie sessions and cross-site requests', () => {
  /** Signs in with a cookie; the `Cookie` header a browser would send back. */
  async function cookieSession(): Promise<string> {
    await signedInMember(h, { email })
    const res = await signIn(h, { email, transport: 'cookie' })
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  }

  const withCookie = (cookie: string, path: string, method: string, headers = {}) =>
    h.t.app.request(path, {
      method,
      headers: { 'X-Porchlight-Key': h.site.publishableKey, Cookie: cookie, ...headers },
    })

  const stillSignedIn = async (cookie: string) =>
    expect(
      (await withCookie(cookie, '/v1/auth/session', 'GET', { 'Sec-Fetch-Site': 'same-origin' }))
        .status,
    ).toBe(200)

  it('logs out from the site’s own page, clearing the cookie', async () => {
    const cookie = await cookieSession()
    const res = await withCookie(cookie, '/v1/auth/logout', 'POST', {
      Origin: 'https://site.example',
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('set-cookie')).toMatch(/^porchlight_session=; Max-Age=0; Path=\//)
    await expectInvalid(await withCookie(cookie, '/v1/auth/session', 'GET'))
  })

  it('accepts a same-origin request that sends no Origin (Sec-Fetch-Site: same-origin)', async () => {
    const cookie = await cookieSession()
    const res = await withCookie(cookie, '/v1/auth/logout', 'POST', {
      'Sec-Fetch-Site': 'same-origin',
    })
    expect(res.status).toBe(204)
  })

  it('refuses a logout from another website’s page (Origin), and the session lives on', async () => {
    const cookie = await cookieSession()
    const res = await withCookie(cookie, '/v1/auth/logout', 'POST', {
      Origin: 'https://evil.example',
    })
    // The site middleware refuses a foreign Origin before the session is even read.
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('ORIGIN_NOT_ALLOWED'))
    await stillSignedIn(cookie)
  })

  it.each([
    ['POST', '/v1/auth/logout'],
    ['POST', '/v1/auth/logout-everywhere'],
    ['POST', '/v1/auth/verify-email/resend'],
    ['DELETE', `/v1/auth/sessions/${'a'.repeat(32)}`],
  ])('refuses %s %s without Origin when Sec-Fetch-Site is cross-site', async (method, path) => {
    const cookie = await cookieSession()
    const res = await withCookie(cookie, path, method, { 'Sec-Fetch-Site': 'cross-site' })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('CROSS_SITE_REQUEST'))
    await stillSignedIn(cookie)
  })

  it('refuses a cross-site HTML form post to logout, and the session lives on', async () => {
    const cookie = await cookieSession()
    // What a browser sends for <form method=post action="…/v1/auth/logout?key=pk_…"> on another
    // site, where it omits Origin: the cookie rides along, Sec-Fetch-Site gives it away.
    const res = await h.t.app.request(
      `/v1/auth/logout?key=${encodeURIComponent(h.site.publishableKey)}`,
      {
        method: 'POST',
        body: 'submit=1',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: cookie,
          'Sec-Fetch-Site': 'cross-site',
          'Sec-Fetch-Mode': 'navigate',
        },
      },
    )
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('CROSS_SITE_REQUEST'))
    await stillSignedIn(cookie)
    expect(await countRows(h.t, 'sessions')).toBe(2)
  })

  it('lets a cross-site GET read nothing it could not anyway: reads are not state changes', async () => {
    const cookie = await cookieSession()
    const res = await withCookie(cookie, '/v1/auth/session', 'GET', {
      'Sec-Fetch-Site': 'cross-site',
    })
    // Allowed, but no CORS header for a foreign origin, so another site's script cannot read it.
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('tenant isolation', () => {
  it('makes site A’s session worthless with site B’s key, and leaves it working on A', async () => {
    const token = await signedInMember(h, { email })
    const b = await createTestSite(h.t, { name: 'Site B', origins: ['https://b.example'] })
    const res = await h.t.app.request('/v1/auth/session', {
      headers: keyHeaders(b, { Origin: 'https://b.example', Authorization: `Bearer ${token}` }),
    })
    await expectInvalid(res)
    const logout = await h.t.app.request('/v1/auth/logout', {
      method: 'POST',
      headers: keyHeaders(b, { Origin: 'https://b.example', Authorization: `Bearer ${token}` }),
    })
    await expectInvalid(logout)
    expect((await session(token)).status).toBe(200)
    expect(await rows(h.t.deps.client, 'SELECT site_id FROM sessions')).toEqual([
      { site_id: h.site.id },
    ])
  })
})

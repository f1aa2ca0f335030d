import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import {
  type AccountHarness,
  call,
  createAccountHarness,
  firstPassword,
  mailsQueuedBy,
  memberRow,
  otherOrigin,
  secondPassword,
  signIn,
  signUp,
  siteOrigin,
  type TestMember,
} from './account-test-helpers.ts'

// Across every account route: a session is worth nothing on another site, and a cookie session
// accepts changes only from the site's own pages.

let h: AccountHarness
let ann: TestMember
afterEach(() => h.close())

beforeEach(async () => {
  h = await createAccountHarness()
  ann = await signUp(h, { email: 'ann@example.com' })
})

describe('tenant isolation', () => {
  const requests: [method: string, path: string, body?: unknown][] = [
    ['GET', '/account'],
    ['PATCH', '/account', { displayName: 'Mallory' }],
    ['POST', '/account/password', { currentPassword: firstPassword, newPassword: secondPassword }],
    ['POST', '/account/email', { password: firstPassword, newEmail: 'ann@other.example' }],
    ['DELETE', '/account', { password: firstPassword }],
    ['GET', '/account/export'],
  ]
  for (const [method, path, body] of requests) {
    it(`answers a session from site A 401 INVALID_SESSION on site B: ${method} ${path}`, async () => {
      let res: Response | undefined
      const mails = await mailsQueuedBy(h.t, async () => {
        res = await call(h, method, path, {
          site: h.otherSite,
          token: ann.token,
          ...(body !== undefined && { body }),
        })
      })
      expect(res?.status).toBe(401)
      expect(await res?.json()).toEqual(apiError('INVALID_SESSION'))
      expect(mails).toEqual([])
      expect(await memberRow(h.t, ann.id)).toMatchObject({ display_name: 'Ann Example' })
      // Still good where it belongs.
      expect((await call(h, 'GET', '/account', { token: ann.token })).status).toBe(200)
    })
  }

  it('keeps one address on two sites as two accounts', async () => {
    const other = await signUp(h, { email: 'ann@example.com', site: h.otherSite })
    const reset = await mailsQueuedBy(h.t, () =>
      call(h, 'POST', '/auth/password-reset/request', {
        site: h.otherSite,
        body: { email: 'ann@example.com' },
      }),
    )
    expect(reset.map((m) => m.subject)).toEqual(['Reset your password for Other Site'])
    const deleted = await call(h, 'DELETE', '/account', {
      token: ann.token,
      body: { password: firstPassword },
    })
    expect(deleted.status).toBe(204)
    const res = await call(h, 'GET', '/account', { site: h.otherSite, token: other.token })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: other.id, email: 'ann@example.com' })
  })
})

describe('cookie sessions and cross-site requests', () => {
  let cookie: string
  beforeEach(async () => {
    cookie = await signIn(h, ann.email, firstPassword, { transport: 'cookie' })
  })

  const rename = { displayName: 'Renamed' }
  const cases: {
    name: string
    origin: string | null
    headers?: Record<string, string>
    status: number
    code?: string
  }[] = [
    { name: "from the site's own page", origin: siteOrigin, status: 200 },
    {
      name: 'same-origin by Sec-Fetch-Site, without Origin',
      origin: null,
      headers: { 'Sec-Fetch-Site': 'same-origin' },
      status: 200,
    },
    // The publishable key's origin check answers first: another website's page cannot even
    // name the site. Either way the change is refused with 403.
    {
      name: 'from another website',
      origin: 'https://evil.example',
      status: 403,
      code: 'ORIGIN_NOT_ALLOWED',
    },
    {
      name: 'cross-site by Sec-Fetch-Site, without Origin',
      origin: null,
      headers: { 'Sec-Fetch-Site': 'cross-site' },
      status: 403,
      code: 'CROSS_SITE_REQUEST',
    },
    {
      name: 'with neither Origin nor Sec-Fetch-Site',
      origin: null,
      status: 403,
      code: 'CROSS_SITE_REQUEST',
    },
  ]
  for (const s of cases) {
    it(`PATCH /v1/account with a cookie ${s.name}: ${s.status}`, async () => {
      const res = await call(h, 'PATCH', '/account', {
        cookie,
        origin: s.origin,
        body: rename,
        ...(s.headers && { headers: s.headers }),
      })
      expect(res.status).toBe(s.status)
      if (s.code) expect(await res.json()).toEqual(apiError(s.code))
      expect((await memberRow(h.t, ann.id))?.display_name).toBe(
        s.status === 200 ? 'Renamed' : 'Ann Example',
      )
    })
  }

  it('refuses a cross-site form post that rides on the cookie', async () => {
    for (const origin of [otherOrigin, 'null']) {
      const res = await h.t.app.request(`/v1/account/email?key=${h.site.publishableKey}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: `porchlight_session=${cookie}`,
          Origin: origin,
        },
        body: new URLSearchParams({
          password: firstPassword,
          newEmail: 'x@evil.example',
        }).toString(),
      })
      expect(res.status).toBe(403)
    }
  })

  it('lets a page read its own account with the cookie', async () => {
    const res = await call(h, 'GET', '/account', { cookie, origin: null })
    expect(res.status).toBe(200)
  })
})

it('answers a wrong method 405 with the methods /v1/account accepts', async () => {
  const res = await call(h, 'PUT', '/account', { token: ann.token, body: {} })
  expect(res.status).toBe(405)
  expect(res.headers.get('allow')).toBe('DELETE, GET, HEAD, OPTIONS, PATCH')
})

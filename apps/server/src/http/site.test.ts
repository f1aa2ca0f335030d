import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { apiError, bearer, everyStoredValue, rows } from '../../test/helpers/http.ts'
import { parseSecretKey } from '../sites/keys.ts'

let clock: ReturnType<typeof manualClock>
let t: TestApp
let site: TestSite

beforeEach(async () => {
  clock = manualClock()
  t = await createTestApp({ clock })
  site = await createTestSite(t, { name: 'Bakery', origins: ['https://bakery.example'] })
})
afterEach(() => t.close())

describe('publishable keys (public API)', () => {
  const scenarios: {
    name: string
    path: (s: TestSite) => string
    headers: (s: TestSite) => Record<string, string>
    status: number
    body: unknown
  }[] = [
    {
      name: 'key in the header',
      path: () => '/v1/site',
      headers: (s) => ({ 'X-Porchlight-Key': s.publishableKey }),
      status: 200,
      body: { id: expect.stringMatching(/^site_/), name: 'Bakery' },
    },
    {
      name: 'key in ?key= (plain HTML forms cannot set headers)',
      path: (s) => `/v1/site?key=${s.publishableKey}`,
      headers: () => ({}),
      status: 200,
      body: { id: expect.stringMatching(/^site_/), name: 'Bakery' },
    },
    {
      name: 'key from an allowed origin',
      path: () => '/v1/site',
      headers: (s) => ({ 'X-Porchlight-Key': s.publishableKey, Origin: 'https://bakery.example' }),
      status: 200,
      body: { id: expect.stringMatching(/^site_/), name: 'Bakery' },
    },
    {
      name: 'no key',
      path: () => '/v1/site',
      headers: () => ({}),
      status: 401,
      body: apiError('INVALID_PUBLISHABLE_KEY'),
    },
    {
      name: 'unknown key',
      path: () => '/v1/site',
      headers: () => ({ 'X-Porchlight-Key': 'pk_aaaaaaaaaaaaaaaaaaaaaaaa' }),
      status: 401,
      body: apiError('INVALID_PUBLISHABLE_KEY'),
    },
    {
      name: 'a secret key where the publishable key belongs',
      path: () => '/v1/site',
      headers: (s) => ({ 'X-Porchlight-Key': s.secretKey }),
      status: 401,
      body: apiError('INVALID_PUBLISHABLE_KEY'),
    },
    {
      name: 'key from another origin',
      path: () => '/v1/site',
      headers: (s) => ({ 'X-Porchlight-Key': s.publishableKey, Origin: 'https://evil.example' }),
      status: 403,
      body: apiError('ORIGIN_NOT_ALLOWED'),
    },
    {
      name: 'key from an opaque origin (sandboxed iframe, file://)',
      path: () => '/v1/site',
      headers: (s) => ({ 'X-Porchlight-Key': s.publishableKey, Origin: 'null' }),
      status: 403,
      body: apiError('ORIGIN_NOT_ALLOWED'),
    },
    {
      name: 'key from the allowed host over plain http',
      path: () => '/v1/site',
      headers: (s) => ({ 'X-Porchlight-Key': s.publishableKey, Origin: 'http://bakery.example' }),
      status: 403,
      body: apiError('ORIGIN_NOT_ALLOWED'),
    },
  ]

  it.each(scenarios)('$name → $status', async ({ path, headers, status, body }) => {
    const res = await t.app.request(path(site), { headers: headers(site) })
    expect(res.status).toBe(status)
    const json = await res.json()
    expect(json).toEqual(body)
    if (status === 200) expect(json.id).toBe(site.id)
  })
})

describe('secret keys (owner API)', () => {
  const invalidSecretKey = {
    error: {
      code: 'INVALID_SECRET_KEY',
      message: 'Send a valid, unrevoked secret key in the Authorization header: Bearer sk_…',
    },
  }
  const someoneElsesShape = 'sk_aaaaaaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'
  const refused: { name: string; authorization: (s: TestSite) => string | undefined }[] = [
    { name: 'no Authorization header', authorization: () => undefined },
    { name: 'not a Bearer token', authorization: (s) => `Basic ${s.secretKey}` },
    { name: 'malformed key', authorization: () => 'Bearer sk_short' },
    { name: 'publishable key', authorization: (s) => `Bearer ${s.publishableKey}` },
    { name: 'unknown key id', authorization: () => `Bearer ${someoneElsesShape}` },
    {
      name: 'right id, wrong secret',
      authorization: (s) => `Bearer ${s.secretKey.slice(0, -4)}aaaa`,
    },
    { name: 'key with trailing junk', authorization: (s) => `Bearer ${s.secretKey}x` },
  ]

  it.each(refused)('$name → 401 INVALID_SECRET_KEY, same body as any other', async (c) => {
    const authorization = c.authorization(site)
    const res = await t.app.request('/v1/admin/site', {
      headers: authorization ? { Authorization: authorization } : {},
    })
    expect(res.status).toBe(401)
    // Identical answers: a caller cannot tell a real key id from an invented one.
    expect(await res.json()).toEqual(invalidSecretKey)
  })

  it('refuses a revoked key with the same answer', async () => {
    const second = await t.app.request('/v1/admin/keys', {
      method: 'POST',
      headers: { ...bearer(site.secretKey), 'Content-Type': 'application/json' },
      body: '{}',
    })
    const { key } = (await second.json()) as { key: string }
    const id = parseSecretKey(site.secretKey)?.id
    const revoked = await t.app.request(`/v1/admin/keys/${id}`, {
      method: 'DELETE',
      headers: bearer(key),
    })
    expect(revoked.status).toBe(204)

    const res = await t.app.request('/v1/admin/site', { headers: bearer(site.secretKey) })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(invalidSecretKey)
  })

  it('accepts a valid key, case-insensitively on the scheme', async () => {
    const res = await t.app.request('/v1/admin/site', {
      headers: { Authorization: `bearer ${site.secretKey}` },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: site.id, name: 'Bakery' })
  })

  it('limits repeated failures from one address with 429 and Retry-After', async () => {
    const wrong = { Authorization: `Bearer ${someoneElsesShape}` }
    for (let i = 0; i < 30; i++) {
      expect((await t.app.request('/v1/admin/site', { headers: wrong })).status).toBe(401)
    }
    const limited = await t.app.request('/v1/admin/site', { headers: wrong })
    expect(limited.status).toBe(429)
    expect(await limited.json()).toEqual(apiError('RATE_LIMITED'))
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60)

    // The limit spares the database; it must not lock the owner out with their real key.
    expect(
      (await t.app.request('/v1/admin/site', { headers: bearer(site.secretKey) })).status,
    ).toBe(200)
    // And it passes with the windows.
    clock.advance(120_000)
    expect((await t.app.request('/v1/admin/site', { headers: wrong })).status).toBe(401)
  })

  it('records when a key was last used, at most once a minute', async () => {
    const keyId = parseSecretKey(site.secretKey)?.id ?? ''
    const lastUsed = async () =>
      (await rows(t.deps.client, 'SELECT last_used_at FROM secret_keys WHERE id = ?', keyId))[0]
        ?.last_used_at
    expect(await lastUsed()).toBeNull()

    const use = () => t.app.request('/v1/admin/site', { headers: bearer(site.secretKey) })
    const first = clock.now()
    await use()
    expect(await lastUsed()).toBe(first)

    clock.advance(30_000)
    await use()
    expect(await lastUsed()).toBe(first)

    clock.advance(31_000)
    await use()
    expect(await lastUsed()).toBe(first + 61_000)

    // The owner's view shows it too.
    const res = await use()
    const body = (await res.json()) as { secretKeys: { id: string; lastUsedAt: number }[] }
    expect(body.secretKeys).toEqual([
      expect.objectContaining({ id: keyId, lastUsedAt: first + 61_000 }),
    ])
  })

  it('stores only a SHA-256 of the secret, never the key or the secret', async () => {
    const created = await t.app.request('/v1/admin/keys', {
      method: 'POST',
      headers: { ...bearer(site.secretKey), 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'CI' }),
    })
    const { key } = (await created.json()) as { key: string }

    const stored = (await everyStoredValue(t.deps.client)).join('\n')
    for (const k of [site.secretKey, key]) {
      const parsed = parseSecretKey(k)
      expect(parsed).not.toBeNull()
      expect(stored).not.toContain(k)
      expect(stored).not.toContain(parsed?.secret)
      // The id is the lookup key, so it is stored; the hash beside it is 64 hex digits.
      const [row] = await rows(
        t.deps.client,
        'SELECT secret_hash FROM secret_keys WHERE id = ?',
        parsed?.id ?? '',
      )
      const expected = new Uint8Array(
        await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parsed?.secret)),
      )
      expect(row?.secret_hash).toBe(Buffer.from(expected).toString('hex'))
    }
  })
})

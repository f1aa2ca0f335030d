import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { apiError, bearer, jsonRequest, rows } from '../../test/helpers/http.ts'
import { parseSecretKey } from './keys.ts'

let clock: ReturnType<typeof manualClock>
let t: TestApp
let site: TestSite
let keyId: string

beforeEach(async () => {
  clock = manualClock()
  t = await createTestApp({ clock })
  site = await createTestSite(t, { name: 'Bakery', origins: ['https://bakery.example'] })
  keyId = parseSecretKey(site.secretKey)?.id ?? ''
})
afterEach(() => t.close())

const admin = (path: string, init: RequestInit = {}, key = site.secretKey) =>
  t.app.request(`/v1/admin${path}`, {
    ...init,
    headers: { ...bearer(key), ...(init.headers as Record<string, string>) },
  })

const storedOrigins = async () =>
  (
    await rows(
      t.deps.client,
      'SELECT origin FROM site_origins WHERE site_id = ? ORDER BY origin',
      site.id,
    )
  ).map((r) => r.origin)

const publicRequest = (publishableKey: string) =>
  t.app.request('/v1/site', { headers: { 'X-Porchlight-Key': publishableKey } })

describe('GET /v1/admin/site', () => {
  it("shows the owner their site, origins and active keys, but no key's secret", async () => {
    const res = await admin('/site')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toEqual({
      id: site.id,
      name: 'Bakery',
      publishableKey: site.publishableKey,
      createdAt: clock.now(),
      origins: ['https://bakery.example'],
      secretKeys: [
        {
          id: keyId,
          label: 'Default',
          createdAt: clock.now(),
          lastUsedAt: clock.now(),
          hint: `sk_${keyId}_…`,
        },
      ],
    })
    expect(JSON.stringify(body)).not.toContain(parseSecretKey(site.secretKey)?.secret)
  })
})

describe('PATCH /v1/admin/site', () => {
  it('renames the site', async () => {
    const res = await admin('/site', jsonRequest('PATCH', { name: '  Bakery & Café  ' }))
    expect(res.status).toBe(204)
    expect(await rows(t.deps.client, 'SELECT name FROM sites')).toEqual([{ name: 'Bakery & Café' }])
    expect(await (await publicRequest(site.publishableKey)).json()).toMatchObject({
      name: 'Bakery & Café',
    })
  })

  it.each([
    { name: 'empty', body: { name: '' } },
    { name: 'too long', body: { name: 'x'.repeat(101) } },
    { name: 'not a string', body: { name: 42 } },
    { name: 'missing', body: {} },
  ])('refuses a name that is $name with 422', async ({ body }) => {
    const res = await admin('/site', jsonRequest('PATCH', body))
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', { name: expect.any(String) }))
    expect(await rows(t.deps.client, 'SELECT name FROM sites')).toEqual([{ name: 'Bakery' }])
  })

  // Regression: libSQL returns text only up to its first NUL, so "a\u0000b" was stored and then
  // read back as "a". Control characters are refused instead.
  it.each(['Bakery\u0000 hidden', 'Two\nlines', 'Bell\u0007'])(
    'refuses a name with control characters (%j) with 422',
    async (name) => {
      const res = await admin('/site', jsonRequest('PATCH', { name }))
      expect(res.status).toBe(422)
      expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', { name: expect.any(String) }))
      expect(await rows(t.deps.client, 'SELECT name FROM sites')).toEqual([{ name: 'Bakery' }])
    },
  )

  it.each([
    "'; DROP TABLE sites;--",
    '<script>alert(1)</script>',
    'Robert"); DELETE FROM secret_keys; --',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
    '${process.env.SECRET} {{7*7}} %s 😀 Ünïcödé',
  ])('stores %j verbatim and returns it as JSON, tables intact', async (name) => {
    const tablesBefore = await rows(t.deps.client, 'SELECT name FROM sqlite_master ORDER BY name')
    expect((await admin('/site', jsonRequest('PATCH', { name }))).status).toBe(204)

    expect(await rows(t.deps.client, 'SELECT name FROM sites WHERE id = ?', site.id)).toEqual([
      { name },
    ])
    const res = await publicRequest(site.publishableKey)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toEqual({ id: site.id, name })
    expect(await rows(t.deps.client, 'SELECT name FROM sqlite_master ORDER BY name')).toEqual(
      tablesBefore,
    )
    expect(await rows(t.deps.client, 'SELECT count(*) AS n FROM secret_keys')).toEqual([{ n: 1 }])
  })
})

describe('origins', () => {
  it.each([
    ['HTTPS://Example.com/', 'https://example.com'],
    ['https://example.com:443', 'https://example.com'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['  https://shop.example.org  ', 'https://shop.example.org'],
    ['https://BÜCHER.example', 'https://xn--bcher-kva.example'],
  ])('adds %j as %j', async (input, origin) => {
    const res = await admin('/origins', jsonRequest('POST', { origin: input }))
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ origin })
    expect(await storedOrigins()).toContain(origin)
    // Browsers send the normalised form, and it now works with the publishable key.
    const visit = await t.app.request('/v1/site', {
      headers: { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
    })
    expect(visit.status).toBe(200)
  })

  it('refuses an origin that is already allowed, however it is written', async () => {
    const res = await admin('/origins', jsonRequest('POST', { origin: 'https://Bakery.example/' }))
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(apiError('ORIGIN_EXISTS'))
    expect(await storedOrigins()).toEqual(['https://bakery.example'])
  })

  it.each([
    'bakery.example',
    'ftp://bakery.example',
    'https://bakery.example/contact',
    'https://bakery.example?x=1',
    'https://user:pw@bakery.example',
    'javascript:alert(1)',
    '',
  ])('refuses %j with 422', async (origin) => {
    const res = await admin('/origins', jsonRequest('POST', { origin }))
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', { origin: expect.any(String) }))
    expect(await storedOrigins()).toEqual(['https://bakery.example'])
  })

  it('lists an unknown field beside a bad origin', async () => {
    const res = await admin('/origins', jsonRequest('POST', { origin: 'nope', site: 'other' }))
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(
      apiError('VALIDATION_FAILED', { origin: expect.any(String), site: 'Unknown field.' }),
    )
  })

  it('removes an origin named in the path, URL-encoded', async () => {
    const res = await admin(`/origins/${encodeURIComponent('https://bakery.example')}`, {
      method: 'DELETE',
    })
    expect(res.status).toBe(204)
    expect(await storedOrigins()).toEqual([])
    const visit = await t.app.request('/v1/site', {
      headers: { 'X-Porchlight-Key': site.publishableKey, Origin: 'https://bakery.example' },
    })
    expect(visit.status).toBe(403)
  })

  it('removes an origin written differently from how it was stored', async () => {
    const res = await admin(`/origins/${encodeURIComponent('HTTPS://BAKERY.example/')}`, {
      method: 'DELETE',
    })
    expect(res.status).toBe(204)
    expect(await storedOrigins()).toEqual([])
  })

  it.each([
    {
      what: 'an origin the site does not have',
      origin: 'https://other.example',
      status: 404,
      code: 'ORIGIN_NOT_FOUND',
    },
    {
      what: 'something that is not an origin',
      origin: 'not an origin',
      status: 422,
      code: 'VALIDATION_FAILED',
    },
  ])('answers removing $what with $status', async ({ origin, status, code }) => {
    const res = await admin(`/origins/${encodeURIComponent(origin)}`, { method: 'DELETE' })
    expect(res.status).toBe(status)
    expect((await res.json()).error.code).toBe(code)
    expect(await storedOrigins()).toEqual(['https://bakery.example'])
  })
})

describe('secret keys', () => {
  it('creates a key that is shown once and works at once', async () => {
    clock.advance(1000)
    const res = await admin('/keys', jsonRequest('POST', { label: 'Deploy bot' }))
    expect(res.status).toBe(201)
    const created = await res.json()
    expect(created).toEqual({
      id: expect.stringMatching(/^[a-z2-7]{16}$/),
      label: 'Deploy bot',
      key: expect.stringMatching(/^sk_[a-z2-7]{16}_[a-z2-7]{32}$/),
      hint: `sk_${created.id}_…`,
      createdAt: clock.now(),
    })
    expect(created.key.startsWith(`sk_${created.id}_`)).toBe(true)

    const withNewKey = await admin('/site', {}, created.key)
    expect(withNewKey.status).toBe(200)
    const listed = (await withNewKey.json()).secretKeys
    expect(listed.map((k: { id: string }) => k.id)).toEqual([keyId, created.id])
    expect(JSON.stringify(listed)).not.toContain(created.key)
  })

  it('labels a key "API key" when no label is given', async () => {
    const res = await admin('/keys', jsonRequest('POST', {}))
    expect(res.status).toBe(201)
    expect((await res.json()).label).toBe('API key')
  })

  it('refuses a bad label and unknown fields together', async () => {
    const res = await admin('/keys', jsonRequest('POST', { label: 'x'.repeat(61), scope: 'all' }))
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(
      apiError('VALIDATION_FAILED', { label: expect.any(String), scope: 'Unknown field.' }),
    )
    expect(await rows(t.deps.client, 'SELECT count(*) AS n FROM secret_keys')).toEqual([{ n: 1 }])
  })

  it('revokes a key; its very next request is refused', async () => {
    const created = await (await admin('/keys', jsonRequest('POST', { label: 'Old' }))).json()
    expect((await admin('/site', {}, created.key)).status).toBe(200)

    clock.advance(5000)
    const res = await admin(`/keys/${created.id}`, { method: 'DELETE' })
    expect(res.status).toBe(204)

    expect((await admin('/site', {}, created.key)).status).toBe(401)
    expect(
      await rows(t.deps.client, 'SELECT revoked_at FROM secret_keys WHERE id = ?', created.id),
    ).toEqual([{ revoked_at: clock.now() }])
    // Revoked keys drop out of the owner's list; the row stays for the record.
    const listed = (await (await admin('/site')).json()).secretKeys
    expect(listed.map((k: { id: string }) => k.id)).toEqual([keyId])
  })

  it('lets a key revoke itself while another remains', async () => {
    const created = await (await admin('/keys', jsonRequest('POST', {}))).json()
    expect((await admin(`/keys/${keyId}`, { method: 'DELETE' })).status).toBe(204)
    expect((await admin('/site')).status).toBe(401)
    expect((await admin('/site', {}, created.key)).status).toBe(200)
  })

  it('refuses to revoke the last active key with 409 LAST_SECRET_KEY', async () => {
    const res = await admin(`/keys/${keyId}`, { method: 'DELETE' })
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(apiError('LAST_SECRET_KEY'))
    expect((await admin('/site')).status).toBe(200)
    expect(await rows(t.deps.client, 'SELECT revoked_at FROM secret_keys')).toEqual([
      { revoked_at: null },
    ])
  })

  it('refuses to revoke both of two keys at once, whichever request wins', async () => {
    const created = await (await admin('/keys', jsonRequest('POST', {}))).json()
    const [a, b] = await Promise.all([
      admin(`/keys/${keyId}`, { method: 'DELETE' }),
      admin(`/keys/${created.id}`, { method: 'DELETE' }, created.key),
    ])
    expect([a.status, b.status].sort()).toEqual([204, 409])
    expect(
      await rows(t.deps.client, 'SELECT count(*) AS n FROM secret_keys WHERE revoked_at IS NULL'),
    ).toEqual([{ n: 1 }])
  })

  it.each([
    ['an unknown id', 'aaaaaaaaaaaaaaaa'],
    ['an id too long to be one', 'a'.repeat(65)],
  ])('answers revoking %s with 404 KEY_NOT_FOUND', async (_, id) => {
    const res = await admin(`/keys/${id}`, { method: 'DELETE' })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual(apiError('KEY_NOT_FOUND'))
  })

  it('answers revoking an already revoked key with 404 KEY_NOT_FOUND', async () => {
    const created = await (await admin('/keys', jsonRequest('POST', {}))).json()
    expect((await admin(`/keys/${created.id}`, { method: 'DELETE' })).status).toBe(204)
    const again = await admin(`/keys/${created.id}`, { method: 'DELETE' })
    expect(again.status).toBe(404)
    expect(await again.json()).toEqual(apiError('KEY_NOT_FOUND'))
  })
})

describe('POST /v1/admin/publishable-key/rotate', () => {
  it('replaces the publishable key; the old one stops working at once', async () => {
    const res = await admin('/publishable-key/rotate', { method: 'POST' })
    expect(res.status).toBe(200)
    const { publishableKey } = await res.json()
    expect(publishableKey).toMatch(/^pk_[a-z2-7]{24}$/)
    expect(publishableKey).not.toBe(site.publishableKey)

    expect(await rows(t.deps.client, 'SELECT publishable_key FROM sites')).toEqual([
      { publishable_key: publishableKey },
    ])
    expect((await publicRequest(site.publishableKey)).status).toBe(401)
    expect((await publicRequest(publishableKey)).status).toBe(200)
    // Secret keys are untouched.
    expect((await admin('/site')).status).toBe(200)
  })
})

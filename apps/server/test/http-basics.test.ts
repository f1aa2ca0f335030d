import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, createTestSite, type TestApp, type TestSite } from './helpers/app.ts'
import { apiError, bearer, jsonRequest, rows } from './helpers/http.ts'

// The behaviour every endpoint shares: one error envelope, honest HTTP statuses, request ids,
// security headers and structured logs. Features test their own rules; this file tests the frame.

let t: TestApp
let site: TestSite

beforeEach(async () => {
  t = await createTestApp({ env: { MAX_BODY_BYTES: '1024' } })
  site = await createTestSite(t, { name: 'Original name' })
})
afterEach(() => t.close())

async function storedName() {
  const [row] = await rows(t.deps.client, 'SELECT name FROM sites WHERE id = ?', site.id)
  return row?.name
}

describe('error envelope', () => {
  const admin = () => bearer(site.secretKey)
  const scenarios: {
    name: string
    request: () => [string, RequestInit]
    status: number
    body: unknown
    headers?: Record<string, string>
  }[] = [
    {
      name: 'unknown route',
      request: () => ['/no/such/thing', {}],
      status: 404,
      body: apiError('NOT_FOUND'),
    },
    {
      name: 'known public path, wrong method',
      request: () => ['/v1/site', { method: 'POST' }],
      status: 405,
      body: apiError('METHOD_NOT_ALLOWED'),
      headers: { allow: 'GET, HEAD, OPTIONS' },
    },
    {
      name: 'known admin path, wrong method',
      request: () => ['/v1/admin/site', { method: 'PUT', headers: admin() }],
      status: 405,
      body: apiError('METHOD_NOT_ALLOWED'),
      headers: { allow: 'GET, HEAD, OPTIONS, PATCH' },
    },
    {
      name: 'body over MAX_BODY_BYTES',
      request: () => ['/v1/admin/site', jsonRequest('PATCH', { name: 'x'.repeat(2000) }, admin())],
      status: 413,
      body: apiError('PAYLOAD_TOO_LARGE'),
    },
    {
      name: 'body over MAX_BODY_BYTES without a Content-Length (streamed)',
      request: () => [
        '/v1/admin/site',
        {
          method: 'PATCH',
          headers: { ...admin(), 'Content-Type': 'application/json' },
          body: new Blob([JSON.stringify({ name: 'x'.repeat(2000) })]).stream(),
          duplex: 'half',
        } as RequestInit,
      ],
      status: 413,
      body: apiError('PAYLOAD_TOO_LARGE'),
    },
    {
      name: 'JSON route posted as text/plain',
      request: () => [
        '/v1/admin/site',
        {
          method: 'PATCH',
          headers: { ...admin(), 'Content-Type': 'text/plain' },
          body: '{"name":"Sneaky"}',
        },
      ],
      status: 415,
      body: apiError('UNSUPPORTED_MEDIA_TYPE'),
    },
    {
      name: 'JSON route posted form-encoded',
      request: () => [
        '/v1/admin/site',
        {
          method: 'PATCH',
          headers: { ...admin(), 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'name=Sneaky',
        },
      ],
      status: 415,
      body: apiError('UNSUPPORTED_MEDIA_TYPE'),
    },
    {
      name: 'JSON route with no content type',
      request: () => ['/v1/admin/site', { method: 'PATCH', headers: admin(), body: '{}' }],
      status: 415,
      body: apiError('UNSUPPORTED_MEDIA_TYPE'),
    },
    {
      name: 'malformed JSON',
      request: () => [
        '/v1/admin/site',
        {
          method: 'PATCH',
          headers: { ...admin(), 'Content-Type': 'application/json' },
          body: '{"name": "unterminated',
        },
      ],
      status: 400,
      body: apiError('INVALID_JSON'),
    },
    {
      name: 'every bad field listed, unknown ones included',
      request: () => [
        '/v1/admin/site',
        jsonRequest('PATCH', { name: '   ', colour: 'red', owner: { id: 1 } }, admin()),
      ],
      status: 422,
      body: apiError('VALIDATION_FAILED', {
        name: expect.any(String),
        colour: 'Unknown field.',
        owner: 'Unknown field.',
      }),
    },
    {
      name: 'a body that is not an object',
      request: () => ['/v1/admin/site', jsonRequest('PATCH', ['Renamed'], admin())],
      status: 422,
      body: apiError('VALIDATION_FAILED', { _: expect.any(String) }),
    },
  ]

  it.each(scenarios)('$name → $status', async ({ request, status, body, headers }) => {
    const res = await t.app.request(...request())
    expect(res.status).toBe(status)
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toEqual(body)
    for (const [name, value] of Object.entries(headers ?? {})) {
      expect(res.headers.get(name)).toBe(value)
    }
    // Nothing that was refused may have changed anything.
    expect(await storedName()).toBe('Original name')
  })

  it('accepts a JSON content type with parameters', async () => {
    const res = await t.app.request('/v1/admin/site', {
      method: 'PATCH',
      headers: { ...admin(), 'Content-Type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({ name: 'Renamed' }),
    })
    expect(res.status).toBe(204)
    expect(await storedName()).toBe('Renamed')
  })

  it('answers an unexpected failure with a bare 500 and logs it with the request id', async () => {
    // A database that has gone away is the most likely unexpected failure in production.
    t.client.close()
    const res = await t.app.request('/v1/site', {
      headers: { 'X-Porchlight-Key': site.publishableKey, 'X-Request-Id': 'trace-500' },
    })

    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side.' },
    })
    expect(text).not.toMatch(/libsql|closed|stack|sql/i)
    expect(res.headers.get('x-request-id')).toBe('trace-500')
    const logged = t.log.lines.find((l) => l.message === 'unhandled error')
    expect(logged).toMatchObject({
      level: 'error',
      requestId: 'trace-500',
      path: '/v1/site',
      error: expect.stringMatching(/closed/i),
      stack: expect.any(String),
    })
  })
})

describe('request ids', () => {
  it('gives every response an id, errors included', async () => {
    const ids = new Set<string>()
    for (const path of ['/healthz', '/no/such/thing', '/v1/site', '/v1/admin/site']) {
      const res = await t.app.request(path)
      const id = res.headers.get('x-request-id')
      expect(id, path).toMatch(/^[0-9a-f-]{36}$/)
      ids.add(id ?? '')
    }
    expect(ids.size).toBe(4)
  })

  it.each([
    { sent: 'edge-7f3a_2=', kept: true },
    { sent: 'has spaces', kept: false },
    { sent: '<script>', kept: false },
    { sent: 'x'.repeat(256), kept: false },
  ])('accepts a well-formed id from the client ($sent → kept: $kept)', async ({ sent, kept }) => {
    const res = await t.app.request('/healthz', { headers: { 'X-Request-Id': sent } })
    const id = res.headers.get('x-request-id')
    if (kept) expect(id).toBe(sent)
    else expect(id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('writes one JSON log line per request, carrying the request id', async () => {
    const res = await t.app.request('/no/such/thing', { headers: { 'X-Request-Id': 'trace-1' } })
    expect(res.status).toBe(404)
    expect(t.log.lines).toContainEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'info',
      message: 'request',
      requestId: 'trace-1',
      method: 'GET',
      path: '/no/such/thing',
      // The route template, for grouping lines; a path that matches no route has none.
      route: 'unmatched',
      status: 404,
      ms: expect.any(Number),
    })
  })
})

describe('security headers', () => {
  // The split by kind of answer, page by page, is in security-headers.test.ts.
  it.each([['/healthz'], ['/no/such/thing'], ['/v1/admin/site']])(
    'the API set is on %s',
    async (path) => {
      const res = await t.app.request(path)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      )
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
      expect(res.headers.has('x-powered-by')).toBe(false)
    },
  )

  it('the browser-page set is on the landing page', async () => {
    const res = await t.app.request('/')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    expect(res.headers.has('x-powered-by')).toBe(false)
  })

  it('the landing page forbids scripts', async () => {
    const res = await t.app.request('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect(await res.text()).toContain('Porchlight is running')
  })
})

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { apiError, bearer } from '../../test/helpers/http.ts'
import { startTestNodeServer, type TestNodeServer } from '../../test/helpers/node-server.ts'
import { createSite } from '../sites/service.ts'

let t: TestApp
let a: TestSite
let b: TestSite

beforeEach(async () => {
  t = await createTestApp()
  a = await createTestSite(t, { name: 'A', origins: ['https://a.example'] })
  b = await createTestSite(t, { name: 'B', origins: ['https://b.example'] })
})
afterEach(() => t.close())

const preflight = (
  origin: string | undefined,
  requestHeaders = 'content-type',
  path = '/v1/site',
) =>
  t.app.request(path, {
    method: 'OPTIONS',
    headers: {
      ...(origin && { Origin: origin }),
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': requestHeaders,
    },
  })

describe('preflight (OPTIONS) on the public API', () => {
  it('answers an origin some site allows with 204 and exactly that origin', async () => {
    const res = await preflight(
      'https://b.example',
      'Content-Type, X-Porchlight-Key, X-Evil, cookie',
    )
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://b.example')
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    // Only headers the API reads are allowed, whatever the page asks for.
    expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type, X-Porchlight-Key')
    expect(res.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/)
    expect(res.headers.get('access-control-max-age')).toBe('600')
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/)
    expect(await res.text()).toBe('')
  })

  it.each([
    { name: 'an origin no site allows', origin: 'https://evil.example' },
    { name: 'a known host on another scheme', origin: 'http://a.example' },
    { name: 'a known origin with a trailing slash', origin: 'https://a.example/' },
    { name: 'an opaque origin', origin: 'null' },
    { name: 'no origin at all', origin: undefined },
  ])('refuses $name with 403 and no CORS headers', async ({ origin }) => {
    const res = await preflight(origin)
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('ORIGIN_NOT_ALLOWED'))
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })
})

describe('actual requests on the public API', () => {
  it("let the site's own origin read the answer", async () => {
    const res = await t.app.request('/v1/site', {
      headers: { Origin: 'https://a.example', 'X-Porchlight-Key': a.publishableKey },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://a.example')
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Retry-After/)
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/)
  })

  it('refuse an origin no site allows with a 403 that page cannot read', async () => {
    const res = await t.app.request('/v1/site', {
      headers: { Origin: 'https://evil.example', 'X-Porchlight-Key': a.publishableKey },
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/)
  })

  it('let a known origin read a bad-key error, so a developer sees the real error', async () => {
    const res = await t.app.request('/v1/site', {
      headers: { Origin: 'https://b.example', 'X-Porchlight-Key': 'pk_wrong' },
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('INVALID_PUBLISHABLE_KEY'))
    expect(res.headers.get('access-control-allow-origin')).toBe('https://b.example')
    // Without a site there are no credentials to share.
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('never answer with a wildcard', async () => {
    for (const origin of ['https://a.example', 'https://b.example', 'https://evil.example']) {
      const res = await t.app.request('/v1/site', {
        headers: { Origin: origin, 'X-Porchlight-Key': b.publishableKey },
      })
      expect(res.headers.get('access-control-allow-origin')).not.toBe('*')
    }
  })
})

describe("the owner's API", () => {
  it('never carries CORS headers, even for an origin the site allows', async () => {
    const responses = [
      await preflight('https://a.example', 'authorization', '/v1/admin/site'),
      await t.app.request('/v1/admin/site', {
        headers: { Origin: 'https://a.example', ...bearer(a.secretKey) },
      }),
      await t.app.request('/v1/admin/site', { headers: { Origin: 'https://a.example' } }),
    ]
    expect(responses.map((r) => r.status)).toEqual([401, 200, 401])
    for (const res of responses) {
      for (const name of res.headers.keys()) expect(name).not.toMatch(/^access-control-/)
    }
  })
})

// On Node's production server the CORS headers go with the response head, not into the answer
// (security-headers-node.ts): the same answers, checked over a real socket.
describe('actual requests over a Node socket', () => {
  let server: TestNodeServer
  let site: { publishableKey: string }
  beforeAll(async () => {
    server = await startTestNodeServer()
    site = await createSite(server.deps, { name: 'A', origins: ['https://a.example'] })
    await createSite(server.deps, { name: 'B', origins: ['https://b.example'] })
  })
  afterAll(() => server.close())

  const get = (origin: string | undefined, key: string) =>
    server.request('/v1/site', {
      headers: { ...(origin && { Origin: origin }), 'X-Porchlight-Key': key },
    })

  it("let the site's own origin read the answer, with credentials", async () => {
    const res = await get('https://a.example', site.publishableKey)
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://a.example')
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-expose-headers')).toMatch(/Retry-After/)
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/)
    expect(res.headers.get('x-request-id')).toBeTruthy()
  })

  it('keep an origin no site allows, and a request with none, from reading it', async () => {
    for (const origin of ['https://evil.example', undefined]) {
      const res = await get(origin, site.publishableKey)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      expect(res.headers.get('access-control-allow-credentials')).toBeNull()
      expect(res.headers.get('vary')).toMatch(/\bOrigin\b/)
    }
  })

  it("give another site's origin only the refusal, without credentials", async () => {
    const res = await get('https://b.example', site.publishableKey)
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('ORIGIN_NOT_ALLOWED'))
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('let a known origin read a bad-key error, without credentials', async () => {
    const res = await get('https://b.example', 'pk_wrong')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('INVALID_PUBLISHABLE_KEY'))
    expect(res.headers.get('access-control-allow-origin')).toBe('https://b.example')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { failure } from '../test/failure.ts'
import { json, startServer } from '../test/server.ts'
import { createClient } from './client.ts'
import { isPorchlightError } from './errors.ts'

const key = 'pk_3mzq7kx2vbn4tr6wd5yh2fja'
let server: Awaited<ReturnType<typeof startServer>>

afterEach(() => server?.close())

describe('createClient', () => {
  it('fetches the site with the key header and parses the JSON answer', async () => {
    server = await startServer((_req, res) => json(res, 200, { id: 'site_1', name: 'Ferns' }))
    const client = createClient({ url: `${server.url}/`, key })

    expect(await client.site()).toEqual({ id: 'site_1', name: 'Ferns' })
    const [req] = server.seen
    expect(req?.method).toBe('GET')
    expect(req?.url).toBe('/v1/site')
    expect(req?.headers['x-porchlight-key']).toBe(key)
    expect(req?.headers['content-type']).toBeUndefined()
  })

  it('sends a body as JSON and the query without undefined values', async () => {
    server = await startServer((_req, res) => res.writeHead(204).end())
    const client = createClient({ url: server.url, key })

    const result = await client.request('POST', '/v1/things', {
      body: { email: 'a@example.com' },
      query: { limit: 20, after: undefined, draft: false },
    })
    expect(result).toBeUndefined()
    const [req] = server.seen
    expect(req?.url).toBe('/v1/things?limit=20&draft=false')
    expect(req?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(req?.body ?? '')).toEqual({ email: 'a@example.com' })
  })

  it('leaves null query values out, as a last page’s cursor is', async () => {
    server = await startServer((_req, res) => json(res, 200, {}))
    await createClient({ url: server.url, key }).request('GET', '/v1/things', {
      query: { cursor: null, limit: 5 },
    })
    expect(server.seen[0]?.url).toBe('/v1/things?limit=5')
  })

  it('shows onResponse the headers, and resolves a 304 to undefined', async () => {
    server = await startServer((req, res) => {
      if (req.headers['if-none-match'] === 'W/"1"') return res.writeHead(304).end()
      json(res, 200, { items: [] }, { ETag: 'W/"1"' })
    })
    const client = createClient({ url: server.url, key })
    let etag: string | null = null
    const first = await client.request('GET', '/v1/things', {
      onResponse: (response) => {
        etag = response.headers.get('ETag')
      },
    })
    expect(first).toEqual({ items: [] })
    expect(etag).toBe('W/"1"')
    const again = await client.request('GET', '/v1/things', {
      headers: { 'If-None-Match': 'W/"1"' },
    })
    expect(again).toBeUndefined()
  })

  it('turns the error envelope into a PorchlightError with fields', async () => {
    server = await startServer((_req, res) =>
      json(res, 422, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Some fields are invalid.',
          fields: { email: 'Invalid' },
        },
      }),
    )
    const client = createClient({ url: server.url, key })

    const error = await failure(client.request('POST', '/v1/things', { body: {} }))
    expect(error).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
      message: 'Some fields are invalid.',
    })
    expect(error.fields).toEqual({ email: 'Invalid' })
    expect(error.name).toBe('PorchlightError')
    expect(error.retryAfter).toBeUndefined()
    expect(isPorchlightError(error)).toBe(true)
    expect(isPorchlightError(new Error('x'))).toBe(false)
  })

  it('gives an empty fields object when the envelope has none', async () => {
    server = await startServer((_req, res) =>
      json(res, 401, { error: { code: 'INVALID_PUBLISHABLE_KEY', message: 'Unknown key' } }),
    )
    const error = await failure(createClient({ url: server.url, key }).site())
    expect(error).toMatchObject({ status: 401, code: 'INVALID_PUBLISHABLE_KEY', fields: {} })
  })

  it('passes on a code this version does not know, as a newer server may send', async () => {
    server = await startServer((_req, res) =>
      json(res, 409, { error: { code: 'SOME_FUTURE_CODE', message: 'Newer than this SDK' } }),
    )
    const error = await failure(createClient({ url: server.url, key }).site())
    expect(error).toMatchObject({ status: 409, code: 'SOME_FUTURE_CODE' })
  })

  it('reads Retry-After on 429', async () => {
    server = await startServer((_req, res) =>
      json(
        res,
        429,
        { error: { code: 'RATE_LIMITED', message: 'Slow down' } },
        { 'Retry-After': '30' },
      ),
    )
    const error = await failure(createClient({ url: server.url, key }).site())
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: 30 })
  })

  it('reads Retry-After given as an HTTP date', async () => {
    const at = new Date(Date.now() + 10_000).toUTCString()
    server = await startServer((_req, res) =>
      json(
        res,
        429,
        { error: { code: 'RATE_LIMITED', message: 'Slow down' } },
        { 'Retry-After': at },
      ),
    )
    const { retryAfter } = await failure(createClient({ url: server.url, key }).site())
    expect(retryAfter).toBeGreaterThanOrEqual(9)
    expect(retryAfter).toBeLessThanOrEqual(10)
  })

  it('reads Retry-After on a 503 too', async () => {
    server = await startServer((_req, res) =>
      json(
        res,
        503,
        { error: { code: 'DATABASE_UNAVAILABLE', message: 'Back soon' } },
        { 'Retry-After': '120' },
      ),
    )
    const error = await failure(createClient({ url: server.url, key }).site())
    expect(error).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: 120 })
  })

  it('reports a non-JSON error page as UNEXPECTED_RESPONSE with its status', async () => {
    server = await startServer((_req, res) =>
      res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>'),
    )
    const error = await failure(createClient({ url: server.url, key }).site())
    expect(error).toMatchObject({ status: 502, code: 'UNEXPECTED_RESPONSE', fields: {} })
  })

  it('reports a refused connection as NETWORK_ERROR with status 0', async () => {
    server = await startServer(() => {})
    await server.close() // the port is now free, so connecting is refused
    const error = await failure(createClient({ url: server.url, key }).site())
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' })
  })

  it('gives up on a slow server with TIMEOUT', async () => {
    server = await startServer(() => {}) // never answers
    const error = await failure(createClient({ url: server.url, key, timeout: 50 }).site())
    expect(error).toMatchObject({ status: 0, code: 'TIMEOUT' })
  })

  it('reports the caller aborting as ABORTED', async () => {
    server = await startServer(() => {})
    const controller = new AbortController()
    const call = createClient({ url: server.url, key }).site({ signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    const error = await failure(call)
    expect(error).toMatchObject({ status: 0, code: 'ABORTED' })
  })

  it('still honours the caller’s signal where AbortSignal.any is missing (Safari < 17.4)', async () => {
    server = await startServer(() => {})
    const any = AbortSignal.any
    Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true })
    try {
      const controller = new AbortController()
      const call = createClient({ url: server.url, key }).site({ signal: controller.signal })
      setTimeout(() => controller.abort(), 20)
      expect(await failure(call)).toMatchObject({ status: 0, code: 'ABORTED' })
    } finally {
      Object.defineProperty(AbortSignal, 'any', { value: any, configurable: true })
    }
  })

  it('uses the fetch it is given', async () => {
    const urls: string[] = []
    const client = createClient({
      url: 'https://api.example.com',
      key,
      fetch: async (input) => {
        urls.push(String(input))
        return Response.json({ id: 's', name: 'n' })
      },
    })
    await client.site()
    expect(urls).toEqual(['https://api.example.com/v1/site'])
  })
})

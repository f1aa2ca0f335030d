import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../logger.ts'
import type { AppEnv } from './env.ts'
import { requestBasics } from './request-basics.ts'

function appLoggingAt(level: 'info' | 'warn') {
  const lines: Record<string, unknown>[] = []
  const log = createLogger({ level, write: (line) => lines.push(JSON.parse(line)) })
  const app = new Hono<AppEnv>()
    .use(requestBasics(log))
    .get('/json', (c) => c.json({ ok: true }))
    // A route that answers with a Response of its own, not through the context.
    .get('/raw', () => new Response('raw', { headers: { 'Content-Type': 'text/plain' } }))
    .get('/embeddable', (c) => {
      c.header('Cross-Origin-Resource-Policy', 'cross-origin')
      return c.text('for other sites')
    })
    .get('/fails', () => {
      throw new Error('boom')
    })
    .onError((_, c) => c.json({ error: { code: 'INTERNAL_ERROR' } }, 500))
  return { app, lines }
}

const expectedSecurityHeaders = {
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
}

describe('what every request gets', () => {
  it.each(['/json', '/raw', '/fails'])(
    '%s: the security headers and a request id',
    async (path) => {
      const { app } = appLoggingAt('warn')
      const res = await app.request(path)
      const headers = Object.fromEntries(res.headers)
      expect(headers).toMatchObject(expectedSecurityHeaders)
      expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    },
  )

  it('lets a route choose its own value for a header', async () => {
    const { app } = appLoggingAt('warn')
    const res = await app.request('/embeddable')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('keeps a plain request id from the caller, and replaces one it could not log safely', async () => {
    const { app } = appLoggingAt('warn')
    const kept = await app.request('/json', { headers: { 'X-Request-Id': 'trace-42_a=' } })
    expect(kept.headers.get('x-request-id')).toBe('trace-42_a=')
    for (const sent of ['two words', 'a'.repeat(256), '{"level":"error"}']) {
      const res = await app.request('/json', { headers: { 'X-Request-Id': sent } })
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('logs one line per request at info, carrying the request id', async () => {
    const { app, lines } = appLoggingAt('info')
    const res = await app.request('/json')
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        message: 'request',
        requestId: res.headers.get('x-request-id'),
        method: 'GET',
        path: '/json',
        status: 200,
      }),
    ])
  })

  it('logs nothing at warn for a request that went well', async () => {
    const { app, lines } = appLoggingAt('warn')
    expect((await app.request('/json')).status).toBe(200)
    expect(lines).toEqual([])
  })
})

import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import {
  expectedApiHeaders as apiHeaders,
  expectedPageOnlyHeaders as pageOnlyHeaders,
} from '../../test/helpers/security-headers.ts'
import { createLogger } from '../logger.ts'
import type { AppEnv } from './env.ts'
import { requestBasics } from './request-basics.ts'

function appLoggingAt(level: 'info' | 'warn', https = true) {
  const lines: Record<string, unknown>[] = []
  const log = createLogger({ level, write: (line) => lines.push(JSON.parse(line)) })
  const app = new Hono<AppEnv>()
    .use(requestBasics(log, { https }))
    .get('/json', (c) => c.json({ ok: true }))
    .get('/page', (c) => c.html('<!doctype html><title>A page</title>'))
    // A page that is a Response of its own, with a media type in capitals and a parameter.
    .get(
      '/raw-page',
      () => new Response('<p>raw</p>', { headers: { 'Content-Type': 'TEXT/HTML; charset=utf-8' } }),
    )
    .get('/own-policy', (c) => {
      c.header('Content-Security-Policy', "default-src 'self'")
      return c.html('<p>with its own policy</p>')
    })
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

describe('what every request gets', () => {
  it.each(['/json', '/raw', '/fails'])(
    '%s: the API security headers, none of the page ones, and a request id',
    async (path) => {
      const { app } = appLoggingAt('warn')
      const res = await app.request(path)
      const headers = Object.fromEntries(res.headers)
      expect(headers).toMatchObject(apiHeaders)
      for (const name of Object.keys(pageOnlyHeaders)) expect(headers).not.toHaveProperty(name)
      expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    },
  )

  it.each(['/page', '/raw-page'])('%s: an HTML page gets the full browser set', async (path) => {
    const { app } = appLoggingAt('warn')
    const res = await app.request(path)
    expect(Object.fromEntries(res.headers)).toMatchObject({ ...apiHeaders, ...pageOnlyHeaders })
  })

  it('keeps a page’s own policy', async () => {
    const { app } = appLoggingAt('warn')
    const res = await app.request('/own-policy')
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'")
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
  })

  it('sends HSTS on API answers only when the server is reached over https', async () => {
    const { app } = appLoggingAt('warn', false)
    expect((await app.request('/json')).headers.has('strict-transport-security')).toBe(false)
    // A page pins https whatever the configured address: the first https visit keeps it.
    expect((await app.request('/page')).headers.get('strict-transport-security')).toMatch(
      /max-age=\d+/,
    )
  })

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

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort } from '../../../../test/support/free-port.ts'
import { memoryLogger } from '../../test/helpers/app.ts'
import { apiError } from '../../test/helpers/http.ts'
import { sampleValue } from '../../test/helpers/prometheus-text.ts'
import { loadConfig } from '../config.ts'
import { type NodeServer, startNodeServer } from '../entry/node.ts'

// Who can read /metrics, over real sockets: nobody unless the operator turned metrics on; with
// METRICS_TOKEN, whoever sends it; with METRICS_PORT, whoever reaches that port (loopback by
// default), and never through the public port.

const token = 'metrics-token-0123456789abcdef0123456789'
let server: NodeServer | undefined
let dir: string | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
  if (dir) rmSync(dir, { recursive: true, force: true })
})

async function serve(env: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-metrics-'))
  const config = {
    ...loadConfig({ DATABASE_URL: `file:${join(dir, 'test.db')}`, ...env }),
    port: 0,
  }
  server = await startNodeServer({ config, log: memoryLogger() })
  return server
}

describe('/metrics', () => {
  it('does not exist unless metrics are configured', async () => {
    const s = await serve({})
    const res = await fetch(`${s.url}/metrics`)
    expect(res.status).toBe(404)
    expect(s.metricsUrl).toBeUndefined()
  })

  it('with METRICS_TOKEN, answers only the bearer of that token', async () => {
    const s = await serve({ METRICS_TOKEN: token })
    for (const authorization of [
      undefined,
      `Bearer ${token.slice(0, -1)}x`,
      `Bearer ${token}x`,
      `Basic ${btoa(`metrics:${token}`)}`,
    ]) {
      const res = await fetch(`${s.url}/metrics`, {
        headers: authorization ? { Authorization: authorization } : {},
      })
      expect(res.status, authorization).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"')
      expect(await res.json()).toEqual(apiError('INVALID_METRICS_TOKEN'))
    }

    const res = await fetch(`${s.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const text = await res.text()
    // The refused scrapes above were requests like any other.
    expect(
      sampleValue(text, 'porchlight_http_requests_total', {
        method: 'GET',
        route: '/metrics',
        status: '401',
      }),
    ).toBe(4)
    // prom-client's process metrics: memory and event-loop lag.
    expect(sampleValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(0)
    expect(sampleValue(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0)
    expect(sampleValue(text, 'porchlight_outbox_jobs', { status: 'pending' })).toBe(0)
  })

  it('with METRICS_PORT, is served on that port alone, on loopback, without a token', async () => {
    const port = await freePort()
    const s = await serve({ METRICS_PORT: String(port) })
    expect(s.metricsUrl).toBe(`http://127.0.0.1:${port}`)
    expect((await fetch(`${s.url}/metrics`)).status).toBe(404)

    const res = await fetch(`${s.metricsUrl}/metrics`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('porchlight_http_requests_total')
    // Nothing else is served there: not the API, not the pages.
    for (const path of ['/', '/healthz', '/v1/site']) {
      const other = await fetch(`${s.metricsUrl}${path}`)
      expect(other.status, path).toBe(404)
      expect(await other.json()).toEqual(apiError('NOT_FOUND'))
    }
  })

  it('with both, asks for the token on the metrics port too', async () => {
    const port = await freePort()
    const s = await serve({ METRICS_PORT: String(port), METRICS_TOKEN: token })
    expect((await fetch(`${s.metricsUrl}/metrics`)).status).toBe(401)
    const res = await fetch(`${s.metricsUrl}/metrics`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(200)
  })

  it('stops answering when the server has shut down', async () => {
    const port = await freePort()
    const s = await serve({ METRICS_PORT: String(port) })
    await s.close()
    await expect(fetch(`${s.metricsUrl}/metrics`)).rejects.toThrow()
  })
})

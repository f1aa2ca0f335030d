import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { memoryLogger } from '../../test/helpers/app.ts'
import { bearer, rows } from '../../test/helpers/http.ts'
import { loadConfig } from '../config.ts'
import { enqueue, type Job } from '../outbox/jobs.ts'
import { siteScope } from '../sites/scope.ts'
import { createSite } from '../sites/service.ts'
import { type NodeServer, openDatabase, startNodeServer } from './node.ts'

// The Node entry over real sockets and a real database file.

let dir: string
let servers: NodeServer[]

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-node-'))
  servers = []
})
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()))
  rmSync(dir, { recursive: true, force: true })
})

const databaseUrl = () => `file:${join(dir, 'nested', 'folder', 'porchlight.db')}`

async function start(handlers: Record<string, (job: Job) => Promise<void>> = {}) {
  const config = { ...loadConfig({ DATABASE_URL: databaseUrl(), LOG_LEVEL: 'debug' }), port: 0 }
  const server = await startNodeServer({ config, log: memoryLogger(), handlers })
  servers.push(server)
  return server
}

describe('startNodeServer', () => {
  it('creates the database folder, migrates, and answers over HTTP', async () => {
    const server = await start()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)

    const ready = await fetch(`${server.url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })
    expect(ready.headers.get('x-request-id')).toBeTruthy()
  })

  it('rate-limits by the socket address', async () => {
    const server = await start()
    const res = await fetch(`${server.url}/v1/admin/site`, { headers: bearer('sk_nope') })
    expect(res.status).toBe(401)
    const [row] = await rows(server.deps.client, 'SELECT bucket FROM rate_limits')
    expect(row?.bucket).toMatch(/^secret-key-failure:(::ffff:)?127\.0\.0\.1$/)
  })

  it('keeps its data across a restart on the same file', async () => {
    const first = await start()
    const site = await createSite(first.deps, { name: 'Persistent', origins: [] })
    await first.close()

    const second = await start()
    const res = await fetch(`${second.url}/v1/site`, {
      headers: { 'X-Porchlight-Key': site.publishableKey },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ id: site.id, name: 'Persistent' })
    expect(
      (await fetch(`${second.url}/v1/admin/site`, { headers: bearer(site.secretKey) })).status,
    ).toBe(200)
  })

  it('close() lets a request in flight finish, then stops listening and closes the database', async () => {
    const server = await start()
    const site = await createSite(server.deps, { name: 'Before', origins: [] })
    const body = JSON.stringify({ name: 'After' })

    // A client that has sent its headers and half its body when shutdown begins.
    const inFlight = request(`${server.url}/v1/admin/site`, {
      method: 'PATCH',
      headers: {
        ...bearer(site.secretKey),
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
      },
    })
    const response = new Promise<{ status?: number; connection?: string }>((resolve, reject) => {
      inFlight.on('response', (res) => {
        res.resume()
        resolve({ status: res.statusCode, connection: res.headers.connection })
      })
      inFlight.on('error', reject)
    })
    inFlight.write(body.slice(0, 5))
    onTestFinished(() => void inFlight.destroy())
    // The key's last-used time is written once the request is inside the app.
    await waitFor(async () => {
      const [row] = await rows(server.deps.client, 'SELECT last_used_at FROM secret_keys')
      return row?.last_used_at != null
    })

    let closed = false
    const closing = server.close().then(() => {
      closed = true
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(closed).toBe(false)
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()

    inFlight.end(body.slice(5))
    // Regression: the response said keep-alive, so close() waited out the client's keep-alive
    // timeout (5 s) before it resolved.
    expect(await response).toEqual({ status: 204, connection: 'close' })
    const answered = Date.now()
    await closing
    expect(Date.now() - answered).toBeLessThan(1000)
    expect(server.client.closed).toBe(true)

    const reopened = await openDatabase({ url: databaseUrl() })
    try {
      expect(await rows(reopened, 'SELECT name FROM sites')).toEqual([{ name: 'After' }])
    } finally {
      reopened.close()
    }
  })

  it('close() does not wait for idle keep-alive connections', async () => {
    const server = await start()
    // fetch keeps its connection open for reuse, as browsers and proxies do.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const started = Date.now()
    await server.close()
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('close() delivers what is due before closing the database', async () => {
    const delivered: string[] = []
    const server = await start({ 'test.record': async (job) => void delivered.push(job.id) })
    const site = await createSite(server.deps, { name: 'Outbox', origins: [] })
    const { db, clock } = server.deps
    await db.batch([enqueue(db, clock, siteScope(site.id), { kind: 'test.record', payload: {} })])

    await server.close()
    expect(delivered).toHaveLength(1)
    const reopened = await openDatabase({ url: databaseUrl() })
    try {
      expect(await rows(reopened, 'SELECT id, status FROM outbox')).toEqual([
        { id: delivered[0], status: 'delivered' },
      ])
    } finally {
      reopened.close()
    }
  })
})

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, memoryLogger, type TestApp } from '../test/helpers/app.ts'
import { apiError, rows } from '../test/helpers/http.ts'
import { contractChecked } from '../test/support/contract.ts'
import { createApp } from './app.ts'
import { createDeps } from './deps.ts'
import { openDatabase } from './entry/node.ts'

let t: TestApp
afterEach(() => t.close())

describe('/healthz and /readyz', () => {
  it('both answer on a migrated database', async () => {
    t = await createTestApp()
    for (const [path, status] of [
      ['/healthz', 'ok'],
      ['/readyz', 'ready'],
    ]) {
      const res = await t.app.request(path ?? '')
      expect(res.status, path).toBe(200)
      expect(await res.json()).toEqual({ status })
    }
  })

  it('/readyz says 503 MIGRATIONS_PENDING on a database that was never migrated', async () => {
    t = await createTestApp()
    // A second app over a fresh file that no one migrated, as during a rolling deploy.
    const client = await openDatabase({ url: t.config.database.url.replace(/\.db$/, '-new.db') })
    try {
      const app = contractChecked(
        createApp(createDeps({ config: t.config, client, log: memoryLogger() })),
      )

      const ready = await app.request('/readyz')
      expect(ready.status).toBe(503)
      expect(await ready.json()).toEqual(apiError('MIGRATIONS_PENDING'))
      // The process itself is fine, so a supervisor must not restart it.
      expect((await app.request('/healthz')).status).toBe(200)
      // Checking readiness applied nothing.
      expect(await rows(client, "SELECT name FROM sqlite_master WHERE name = 'sites'")).toEqual([])
    } finally {
      client.close()
    }
  })

  it('/readyz says 503 DATABASE_UNAVAILABLE, and logs why, when the database is gone', async () => {
    t = await createTestApp()
    t.client.close()

    const res = await t.app.request('/readyz')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual(apiError('DATABASE_UNAVAILABLE'))
    expect(t.log.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'readiness check failed',
        requestId: res.headers.get('x-request-id'),
      }),
    )
    expect((await t.app.request('/healthz')).status).toBe(200)
  })

  it('/readyz says 503 SHUTTING_DOWN once shutdown began, while /healthz still answers', async () => {
    t = await createTestApp({ draining: () => true })
    const res = await t.app.request('/readyz')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual(apiError('SHUTTING_DOWN'))
    expect((await t.app.request('/healthz')).status).toBe(200)
  })

  it('/readyz says 503 UNSAFE_CONFIGURATION in production with the development mail transport', async () => {
    t = await createTestApp({
      env: { NODE_ENV: 'production', PUBLIC_URL: 'https://api.bakery.example' },
    })
    const res = await t.app.request('/readyz')
    expect(res.status).toBe(503)
    const body = await res.json()
    expect(body).toEqual(apiError('UNSAFE_CONFIGURATION'))
    // The setting is named, its value is not.
    expect(body.error.message).toContain('MAIL_TRANSPORT')
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { bearer, jsonRequest } from '../../test/helpers/http.ts'
import { samplesOf, sampleValue } from '../../test/helpers/prometheus-text.ts'
import { holdWriteLock } from '../../test/support/lock-holder.ts'
import { createPrometheusMetrics, type PrometheusMetrics } from './prometheus.ts'

// The database as the counters see it: every call timed, and a lock held by another process
// (a real second process here, as `sqlite3` or a backup would) counted as a busy fault when a
// request gives up waiting for it.

const origin = 'https://site.example'
let t: TestApp
let site: TestSite
let metrics: PrometheusMetrics

beforeEach(async () => {
  metrics = createPrometheusMetrics()
  // A short wait keeps the test quick; production waits 5 s (DATABASE_BUSY_TIMEOUT_MS).
  t = await createTestApp({ metrics, env: { DATABASE_BUSY_TIMEOUT_MS: '200' } })
  site = await createTestSite(t, { origins: [origin] })
  const form = await t.app.request(
    '/v1/admin/forms',
    jsonRequest(
      'POST',
      {
        id: 'contact',
        name: 'Contact',
        settings: { fields: { message: { required: true } }, spam: { proofOfWork: 'off' } },
      },
      bearer(site.secretKey),
    ),
  )
  expect(form.status).toBe(201)
})
afterEach(() => t.close())

const scrape = async () => (await metrics.scrape()).body
const submit = () =>
  t.app.request(
    '/v1/forms/contact/submissions',
    jsonRequest(
      'POST',
      { message: 'Hello' },
      { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
    ),
  )

describe('database metrics', () => {
  it('time every call, statements and batches apart', async () => {
    expect((await submit()).status).toBe(201)
    const text = await scrape()
    const count = 'porchlight_database_query_duration_seconds_count'
    expect(sampleValue(text, count, { operation: 'execute' })).toBeGreaterThan(0)
    // The submission and its notification jobs are written in one batch.
    expect(sampleValue(text, count, { operation: 'batch' })).toBeGreaterThan(0)
  })

  it('count a write that gave up waiting for another process’s lock as busy', async () => {
    expect(sampleValue(await scrape(), 'porchlight_database_faults_total', { fault: 'busy' })).toBe(
      0,
    )
    const holder = await holdWriteLock(t.config.database.url.slice('file:'.length))
    try {
      const res = await submit()
      expect(res.status).toBe(503)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DATABASE_BUSY')
    } finally {
      await holder.release()
    }
    const text = await scrape()
    expect(sampleValue(text, 'porchlight_database_faults_total', { fault: 'busy' })).toBe(1)
    expect(
      samplesOf(text, 'porchlight_http_requests_total', { status: '503' }).map((s) => s.value),
    ).toEqual([1])
    // Once the lock is gone, the same request goes through.
    expect((await submit()).status).toBe(201)
  })
})

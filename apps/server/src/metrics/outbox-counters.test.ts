import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { bearer, jsonRequest } from '../../test/helpers/http.ts'
import { sampleValue } from '../../test/helpers/prometheus-text.ts'
import { type Receiver, startReceiver } from '../../test/helpers/webhook-receiver.ts'
import { enqueue } from '../outbox/jobs.ts'
import { siteScope } from '../sites/scope.ts'
import { backlogCacheMs, cachedOutboxBacklog } from './outbox-backlog.ts'
import { createPrometheusMetrics, type PrometheusMetrics } from './prometheus.ts'

// The outbox through an operator's eyes: emails and webhooks sent or failed, attempts by kind,
// and the backlog gauges read from the database at scrape time. The email goes through the
// development transport; the webhook to a real receiver on loopback that answers 500.

const origin = 'https://site.example'
let t: TestApp
let site: TestSite
let metrics: PrometheusMetrics
let receiver: Receiver
let clock: ReturnType<typeof manualClock>

beforeEach(async () => {
  clock = manualClock()
  receiver = await startReceiver({ statuses: [500] })
  metrics = createPrometheusMetrics()
  t = await createTestApp({ metrics, clock, env: { ALLOW_PRIVATE_WEBHOOKS: 'true' } })
  metrics.measureOutbox(cachedOutboxBacklog(t.deps))
  site = await createTestSite(t, { origins: [origin] })
  const form = await t.app.request(
    '/v1/admin/forms',
    jsonRequest(
      'POST',
      {
        id: 'contact',
        name: 'Contact',
        settings: {
          fields: { message: { required: true } },
          spam: { proofOfWork: 'off' },
          notify: ['owner@site.example'],
          webhookUrl: receiver.url,
        },
      },
      bearer(site.secretKey),
    ),
  )
  expect(form.status).toBe(201)
})
afterEach(async () => {
  await t.deps.outbox.close(Date.now() + 5000)
  await receiver.close()
  await t.close()
})

const scrape = async () => (await metrics.scrape()).body

describe('outbox metrics', () => {
  it('count a sent email and a failed webhook, and show the retry waiting', async () => {
    const submitted = await t.app.request(
      '/v1/forms/contact/submissions',
      jsonRequest(
        'POST',
        { message: 'Hello' },
        { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
      ),
    )
    expect(submitted.status).toBe(201)
    await t.deps.outbox.kick()
    expect(receiver.deliveries).toHaveLength(1)

    clock.advance(90_000)
    const text = await scrape()
    expect(sampleValue(text, 'porchlight_mail_messages_total', { result: 'sent' })).toBe(1)
    expect(sampleValue(text, 'porchlight_webhook_deliveries_total', { result: 'failed' })).toBe(1)
    const attempts = 'porchlight_outbox_attempts_total'
    expect(sampleValue(text, attempts, { kind: 'email', outcome: 'delivered' })).toBe(1)
    expect(sampleValue(text, attempts, { kind: 'webhook', outcome: 'retry' })).toBe(1)
    // The webhook waits for its retry: pending, retrying, queued 90 s ago.
    expect(sampleValue(text, 'porchlight_outbox_jobs', { status: 'pending' })).toBe(1)
    expect(sampleValue(text, 'porchlight_outbox_jobs', { status: 'dead' })).toBe(0)
    expect(sampleValue(text, 'porchlight_outbox_retrying_jobs')).toBe(1)
    expect(sampleValue(text, 'porchlight_outbox_oldest_pending_age_seconds')).toBe(90)
  })

  it('count a job no handler knows as dead, under `unknown`, and show it dead', async () => {
    await t.deps.db.batch([
      enqueue(t.deps.db, clock, siteScope(site.id), { kind: 'no.such.kind', payload: {} }),
    ])
    await t.deps.outbox.kick()
    const text = await scrape()
    expect(
      sampleValue(text, 'porchlight_outbox_attempts_total', { kind: 'unknown', outcome: 'dead' }),
    ).toBe(1)
    expect(text).not.toContain('no.such.kind')
    expect(sampleValue(text, 'porchlight_outbox_jobs', { status: 'dead' })).toBe(1)
  })

  it('read the backlog at most once per cache period, however often it is scraped', async () => {
    expect(sampleValue(await scrape(), 'porchlight_outbox_jobs', { status: 'pending' })).toBe(0)
    // A job delayed an hour (as a digest is) is pending, but not yet waiting for anything.
    await t.deps.db.batch([
      enqueue(t.deps.db, clock, siteScope(site.id), {
        kind: 'no.such.kind',
        payload: {},
        delayMs: 3_600_000,
      }),
    ])
    expect(sampleValue(await scrape(), 'porchlight_outbox_jobs', { status: 'pending' })).toBe(0)
    clock.advance(backlogCacheMs)
    const text = await scrape()
    expect(sampleValue(text, 'porchlight_outbox_jobs', { status: 'pending' })).toBe(1)
    expect(sampleValue(text, 'porchlight_outbox_oldest_pending_age_seconds')).toBe(0)
  })
})

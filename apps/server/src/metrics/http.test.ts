import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { bearer, jsonRequest } from '../../test/helpers/http.ts'
import { samplesOf, sampleValue } from '../../test/helpers/prometheus-text.ts'
import { createPrometheusMetrics, type PrometheusMetrics } from './prometheus.ts'

// Requests as the counters see them: one series per route template, method and status, however
// many different paths, ids and methods clients send.

const origin = 'https://site.example'
let t: TestApp
let site: TestSite
let metrics: PrometheusMetrics

beforeEach(async () => {
  metrics = createPrometheusMetrics()
  t = await createTestApp({ metrics })
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
const submitTo = (formId: string) =>
  t.app.request(
    `/v1/forms/${formId}/submissions`,
    jsonRequest(
      'POST',
      { message: 'Hello' },
      { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
    ),
  )

describe('HTTP request metrics', () => {
  it('count a submission under its route template and status, and time it', async () => {
    expect((await submitTo('contact')).status).toBe(201)
    const text = await scrape()
    const route = '/v1/forms/:formId/submissions'
    expect(
      sampleValue(text, 'porchlight_http_requests_total', { method: 'POST', route, status: '201' }),
    ).toBe(1)
    expect(
      sampleValue(text, 'porchlight_http_request_duration_seconds_count', {
        method: 'POST',
        route,
        status_class: '2xx',
      }),
    ).toBe(1)
  })

  it('give 100 paths that match nothing one label, `unmatched`', async () => {
    for (let i = 0; i < 100; i++) {
      expect((await t.app.request(`/scan/wp-admin-${i}.php`)).status).toBe(404)
    }
    const text = await scrape()
    expect(
      sampleValue(text, 'porchlight_http_requests_total', {
        method: 'GET',
        route: 'unmatched',
        status: '404',
      }),
    ).toBe(100)
    expect(text).not.toContain('wp-admin')
  })

  it('give 100 unknown form ids the one route of submissions', async () => {
    for (let i = 0; i < 100; i++) expect((await submitTo(`form-${i}`)).status).toBe(404)
    const text = await scrape()
    const routes = new Set(
      samplesOf(text, 'porchlight_http_requests_total', { status: '404' }).map(
        (s) => s.labels.route,
      ),
    )
    expect([...routes]).toEqual(['/v1/forms/:formId/submissions'])
    expect(
      sampleValue(text, 'porchlight_http_requests_total', {
        route: '/v1/forms/:formId/submissions',
        status: '404',
      }),
    ).toBe(100)
    expect(text).not.toContain('form-1')
  })

  it('count a made-up method as OTHER, not by its name', async () => {
    const res = await t.app.request('/v1/site', { method: 'PROPFIND-42' })
    expect(res.status).toBeGreaterThanOrEqual(400)
    const text = await scrape()
    expect(samplesOf(text, 'porchlight_http_requests_total', { method: 'OTHER' })).toHaveLength(1)
    expect(text).not.toContain('PROPFIND')
  })

  it('label a request refused by middleware with the middleware’s pattern', async () => {
    // A wrong secret key: the owner API's middleware answers before any route is chosen.
    for (let i = 0; i < 5; i++) {
      const res = await t.app.request(`/v1/admin/forms/x-${i}`, { headers: bearer(`sk_wrong${i}`) })
      expect(res.status).toBe(401)
    }
    const text = await scrape()
    expect(
      sampleValue(text, 'porchlight_http_requests_total', {
        method: 'GET',
        route: '/v1/admin/*',
        status: '401',
      }),
    ).toBe(5)
  })
})

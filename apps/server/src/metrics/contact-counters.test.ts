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

// What the contact counters tell an operator after real submissions through the app: how many
// were stored, how many were spam and why, and how many a rate limit refused.

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
        settings: {
          fields: { message: { required: true } },
          spam: { proofOfWork: 'off', blockedWords: ['casino'] },
          rateLimits: { perAddressPerHour: 3 },
        },
      },
      bearer(site.secretKey),
    ),
  )
  expect(form.status).toBe(201)
})
afterEach(() => t.close())

const scrape = async () => (await metrics.scrape()).body
const submit = (body: Record<string, string>) =>
  t.app.request(
    '/v1/forms/contact/submissions',
    jsonRequest('POST', body, { 'X-Porchlight-Key': site.publishableKey, Origin: origin }),
  )

describe('contact metrics', () => {
  it('count a spam submission under each of its reasons, and a clean one as clean', async () => {
    expect((await submit({ message: 'Hello there' })).status).toBe(201)
    // Answered like any other submission (a bot learns nothing), but counted as spam, twice over.
    expect((await submit({ message: 'Best casino', _gotcha: 'filled by a bot' })).status).toBe(201)

    const text = await scrape()
    const submissions = 'porchlight_contact_submissions_total'
    expect(sampleValue(text, submissions, { verdict: 'clean' })).toBe(1)
    expect(sampleValue(text, submissions, { verdict: 'spam' })).toBe(1)
    const reasons = 'porchlight_contact_spam_reasons_total'
    expect(sampleValue(text, reasons, { reason: 'honeypot' })).toBe(1)
    expect(sampleValue(text, reasons, { reason: 'blocked_word' })).toBe(1)
    // Every other reason is there at 0, so rate() sees the first one the moment it comes.
    expect(sampleValue(text, reasons, { reason: 'too_many_links' })).toBe(0)
  })

  it('count nothing for a submission that was refused and not stored', async () => {
    expect((await submit({})).status).toBe(422)
    const text = await scrape()
    expect(samplesOf(text, 'porchlight_contact_submissions_total').map((s) => s.value)).toEqual([
      0, 0,
    ])
  })

  it('count what a rate limit refuses by the limit, never by the address', async () => {
    for (let i = 0; i < 3; i++) expect((await submit({ message: `Note ${i}` })).status).toBe(201)
    expect((await submit({ message: 'One too many' })).status).toBe(429)

    const text = await scrape()
    expect(sampleValue(text, 'porchlight_rate_limited_total', { limit: 'submit' })).toBe(1)
    expect(text).not.toContain('203.0.113.9')
  })
})

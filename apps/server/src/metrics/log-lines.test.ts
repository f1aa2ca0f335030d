import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  memoryLogger,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { bearer, jsonRequest } from '../../test/helpers/http.ts'
import { logLineMetrics } from './log-lines.ts'

// The Workers way (no process to scrape): each event is a JSON log line named after its
// Prometheus counter, and the request line carries the route template. Here through the same
// app in-process; test/worker/metrics.test.ts checks the Worker build writes them in workerd.

const origin = 'https://site.example'
let t: TestApp
let site: TestSite
let log: ReturnType<typeof memoryLogger>

beforeEach(async () => {
  log = memoryLogger()
  t = await createTestApp({ log, metrics: logLineMetrics(log) })
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

describe('metrics as log lines', () => {
  it('write a spam submission as one line with its reasons, and the route on the request line', async () => {
    const res = await t.app.request(
      '/v1/forms/contact/submissions',
      jsonRequest(
        'POST',
        { message: 'Hello', _gotcha: 'bot' },
        { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
      ),
    )
    expect(res.status).toBe(201)
    const metricLines = log.lines.filter((line) => line.message === 'metric')
    expect(metricLines).toEqual([
      expect.objectContaining({
        level: 'info',
        metric: 'porchlight_contact_submissions_total',
        verdict: 'spam',
        reasons: ['honeypot'],
      }),
    ])
    expect(log.lines.filter((line) => line.message === 'request').at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/forms/contact/submissions',
      route: '/v1/forms/:formId/submissions',
      status: 201,
    })
  })

  it('write a refused sign-in as a line, and a database call as none', async () => {
    const res = await t.app.request(
      '/v1/auth/login',
      jsonRequest(
        'POST',
        { email: 'nobody@example.com', password: 'not a real password' },
        { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
      ),
    )
    expect(res.status).toBe(401)
    expect(log.lines.filter((line) => line.message === 'metric')).toEqual([
      expect.objectContaining({
        metric: 'porchlight_member_sign_ins_total',
        result: 'invalid_credentials',
      }),
    ])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSite } from '../../src/sites/service.ts'
import { formatLogs, startWorkerHarness, type WorkerHarness } from './worker-harness.ts'

// A Worker has no process to scrape: the Worker build writes its metrics as JSON log lines, one
// per event, for Workers Logs or Logpush to count (docs/deployment.md, "Metrics"). Proven here
// in workerd, on D1 (the database makes no difference to what is logged), with LOG_LEVEL=info
// as a deployment that keeps them would set it.

const origin = 'https://bakery.example'
let w: WorkerHarness
let site: Awaited<ReturnType<typeof createSite>>

beforeAll(async () => {
  w = await startWorkerHarness({ database: 'd1', extraVars: { LOG_LEVEL: 'info' } })
  site = await createSite(w.deps, { name: 'Bakery', origins: [origin] })
}, 240_000)
afterAll(async () => {
  await w?.close()
})

/** Porchlight's own JSON lines among everything workerd reported. */
function porchlightLines(): Record<string, unknown>[] {
  return w.logs.flatMap((log) => {
    try {
      const line: unknown = JSON.parse(log.message)
      return typeof line === 'object' && line !== null ? [line as Record<string, unknown>] : []
    } catch {
      return []
    }
  })
}

describe('metrics on the Worker build', { timeout: 60_000 }, () => {
  it('logs a spam submission as a metric line with its reasons, and the route on the request line', async () => {
    const form = await w.fetch('/v1/admin/forms', {
      method: 'POST',
      headers: { Authorization: `Bearer ${site.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: 'contact',
        name: 'Contact',
        settings: { fields: { message: { required: true } }, spam: { proofOfWork: 'off' } },
      }),
    })
    expect(form.status, formatLogs(w.logs)).toBe(201)

    const res = await w.fetch('/v1/forms/contact/submissions', {
      method: 'POST',
      headers: {
        'X-Porchlight-Key': site.publishableKey,
        Origin: origin,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ message: 'Cheap pills', _gotcha: 'filled by a bot' }),
    })
    expect(res.status, formatLogs(w.logs)).toBe(201)

    const lines = porchlightLines()
    expect(lines).toContainEqual(
      expect.objectContaining({
        message: 'metric',
        metric: 'porchlight_contact_submissions_total',
        verdict: 'spam',
        reasons: ['honeypot'],
      }),
    )
    expect(lines).toContainEqual(
      expect.objectContaining({
        message: 'request',
        method: 'POST',
        route: '/v1/forms/:formId/submissions',
        status: 201,
      }),
    )
  })
})

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.ts'
import { type NodeServer, startNodeServer } from '../src/entry/node.ts'
import { createSite } from '../src/sites/service.ts'
import { memoryLogger } from './helpers/app.ts'
import { bearer, jsonRequest } from './helpers/http.ts'
import {
  hasPrometheusFor,
  type PrometheusServer,
  promtool,
  startPrometheus,
} from './support/prometheus.ts'

// The proof for metrics: a real Prometheus (Debian's package) scrapes a real Porchlight
// server the way the deployment guide sets it up (METRICS_TOKEN, sent by Prometheus as a bearer
// token), a request increments a counter, and the counter is read back through Prometheus's own
// query API. The shipped alert rules are loaded into it, and every query of the shipped Grafana
// dashboard is run against what it scraped.

const docs = fileURLToPath(new URL('../../../docs/ops/', import.meta.url))
const origin = 'https://site.example'
const token = 'prometheus-test-token-5f0c2a9e8d7b6a41'

/** Asks until `check` passes: Prometheus stores a change at its next scrape (every 1 s here). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 20_000
  let value = await read()
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`)
    await sleep(250)
    value = await read()
  }
  return value
}

// Prometheus takes up to ~5 s to start scraping a new target; slow machines take longer.
describe.skipIf(!hasPrometheusFor('the Prometheus tests'))(
  'a real Prometheus',
  { timeout: 60_000 },
  () => {
    let dir: string
    let server: NodeServer
    let prometheus: PrometheusServer
    let site: Awaited<ReturnType<typeof createSite>>

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'porchlight-scraped-'))
      const config = {
        ...loadConfig({ DATABASE_URL: `file:${join(dir, 'porchlight.db')}`, METRICS_TOKEN: token }),
        port: 0,
      }
      server = await startNodeServer({ config, log: memoryLogger() })
      site = await createSite(server.deps, { name: 'Scraped', origins: [origin] })
      const form = await fetch(
        `${server.url}/v1/admin/forms`,
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
      prometheus = await startPrometheus({
        target: { address: new URL(server.url).host, bearerToken: token },
        ruleFiles: [join(docs, 'alerts.yml')],
      })
    }, 60_000)

    afterAll(async () => {
      await prometheus?.close()
      await server?.close()
      rmSync(dir, { recursive: true, force: true })
    })

    it('scrapes /metrics with the token and reads back the counter a submission incremented', async () => {
      const up = await eventually(
        () => prometheus.query('up{job="porchlight"}'),
        (result) => result.length === 1,
        'the first scrape',
      )
      expect(up[0]?.value, prometheus.log()).toBe(1)
      // Before: the counter exists (every verdict starts at 0) and is 0.
      const clean = 'porchlight_contact_submissions_total{job="porchlight",verdict="clean"}'
      expect(await prometheus.query(clean)).toMatchObject([{ value: 0 }])

      const res = await fetch(
        `${server.url}/v1/forms/contact/submissions`,
        jsonRequest(
          'POST',
          { message: 'Counted by Prometheus' },
          { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
        ),
      )
      expect(res.status).toBe(201)

      const after = await eventually(
        () => prometheus.query(clean),
        (result) => result[0]?.value === 1,
        'the submission counted in Prometheus',
      )
      expect(after[0]?.metric).toMatchObject({
        __name__: 'porchlight_contact_submissions_total',
        job: 'porchlight',
        verdict: 'clean',
      })
      const requests = await prometheus.query(
        'porchlight_http_requests_total{route="/v1/forms/:formId/submissions",status="201"}',
      )
      expect(requests.map((r) => r.value)).toEqual([1])
    })

    it('loads the shipped alert rules, all healthy and none firing', async () => {
      type Rules = { groups: { rules: { name: string; health: string; state: string }[] }[] }
      const rules = await eventually(
        () => prometheus.api<Rules>('/api/v1/rules'),
        (r) => r.groups.flatMap((g) => g.rules).every((rule) => rule.health === 'ok'),
        'the alert rules evaluated',
      )
      const all = rules.groups.flatMap((g) => g.rules)
      expect(all.map((rule) => rule.name).sort()).toEqual([
        'PorchlightDatabaseBusy',
        'PorchlightDatabaseUnavailable',
        'PorchlightDown',
        'PorchlightHighErrorRate',
        'PorchlightOutboxBacklogOld',
        'PorchlightOutboxDeadJobs',
      ])
      expect(all.filter((rule) => rule.state !== 'inactive')).toEqual([])
    })

    it('answers every query of the Grafana dashboard, on metrics the server exposes', async () => {
      const dashboard = JSON.parse(readFileSync(join(docs, 'grafana-dashboard.json'), 'utf8')) as {
        panels: { title: string; targets?: { expr: string }[] }[]
      }
      const queries = dashboard.panels.flatMap((panel) =>
        (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })),
      )
      expect(queries.length).toBeGreaterThan(20)
      // Declared, whether or not anything has happened yet (an outbox attempt, a rate limit).
      const scrape = await fetch(`${server.url}/metrics`, { headers: bearer(token) })
      const declared = new Set(
        [...(await scrape.text()).matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1] as string),
      )
      for (const { panel, expr } of queries) {
        // Grafana's variables, as it would fill them in.
        const concrete = expr
          .replaceAll('$__rate_interval', '1m')
          .replaceAll('$job', 'porchlight')
          .replaceAll('$instance', '.*')
        await expect(prometheus.query(concrete), `${panel}: ${concrete}`).resolves.toBeDefined()
        for (const name of concrete.match(/\b(?:porchlight|process|nodejs)_[a-z0-9_]+/g) ?? []) {
          const metric = name.replace(/_(bucket|count|sum)$/, '')
          expect(declared.has(metric), `${panel}: ${name} is not exposed`).toBe(true)
        }
      }
    })
  },
)

describe.skipIf(!hasPrometheusFor('the alert-rule checks'))('docs/ops/alerts.yml', () => {
  it('passes promtool check rules', async () => {
    expect(await promtool(['check', 'rules', 'alerts.yml'], docs)).toContain('SUCCESS: 6 rules')
  })

  it('fires as its unit tests expect (promtool test rules alerts.test.yml)', async () => {
    expect(await promtool(['test', 'rules', 'alerts.test.yml'], docs)).toContain('SUCCESS')
  })
})

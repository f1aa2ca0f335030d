import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { ownerApi } from '../../test/helpers/owner-api.ts'
import { dayMs, manySubmissions, storedRows } from '../../test/helpers/stored-rows.ts'
import type { SqlClient } from '../db/client.ts'
import { createHousekeeping } from './housekeeping.ts'
import { formRetentionSweeps, sessionSweeps } from './site-sweeps.ts'
import type { Sweep } from './sweep.ts'
import { deploymentSweeps } from './sweeps.ts'

// How housekeeping deletes: in bounded statements, each found through an index, so a backlog of
// any size never holds the write lock for long and never scans a table.

let t: TestApp
let clock: ReturnType<typeof manualClock>
let site: TestSite

beforeEach(async () => {
  clock = manualClock()
  t = await createTestApp({ clock, handlers: {} })
  site = await createTestSite(t)
})
afterEach(() => t.close())

/** The test database's client, keeping what each delete statement removed. */
function countingClient(client: SqlClient) {
  const deletes: number[] = []
  const counting: SqlClient = {
    async execute(stmt) {
      const result = await client.execute(stmt)
      const sql = typeof stmt === 'string' ? stmt : stmt.sql
      if (sql.startsWith('DELETE')) deletes.push(result.rows.length)
      return result
    },
    batch: (stmts, mode) => client.batch(stmts, mode),
  }
  return { client: counting, deletes }
}

describe('a large backlog', () => {
  it('goes in statements of at most 500 rows, at most 20 a run, over several runs', async () => {
    const start = clock.now()
    await manySubmissions(t.client, {
      siteId: site.id,
      formId: 'contact',
      status: 'spam',
      count: 12_000,
      at: start,
    })
    await manySubmissions(t.client, {
      siteId: site.id,
      formId: 'contact',
      status: 'new',
      count: 50,
      at: start,
    })
    clock.advance(31 * dayMs)
    const { client, deletes } = countingClient(t.client)
    const housekeeping = createHousekeeping({
      client,
      clock,
      log: t.log,
      retention: t.config.retention,
    })

    const runs: { statements: number; finished: boolean }[] = []
    for (let run = 0; run < 5 && !runs.at(-1)?.finished; run++) {
      const before = deletes.length
      const report = await housekeeping.run()
      runs.push({ statements: deletes.length - before, finished: report.finished })
    }
    expect(Math.max(...deletes)).toBe(500)
    expect(runs.every((run) => run.statements <= 20)).toBe(true)
    expect(runs.length).toBeGreaterThan(1)
    expect(runs.at(-1)?.finished).toBe(true)
    expect(deletes.reduce((sum, n) => sum + n, 0)).toBe(12_000)
    expect(
      await rows(t.client, 'SELECT status, count(*) AS n FROM submissions GROUP BY status'),
    ).toEqual([{ status: 'new', n: 50 }])
  })

  it('through the tick as the server runs it: the log says when it is done', async () => {
    const start = clock.now()
    await manySubmissions(t.client, {
      siteId: site.id,
      formId: 'contact',
      status: 'spam',
      count: 12_000,
      at: start,
    })
    clock.advance(31 * dayMs)

    await t.deps.outbox.tick()
    const left = await rows(t.client, 'SELECT count(*) AS n FROM submissions')
    expect(Number(left[0]?.n)).toBeGreaterThan(0)
    for (let tick = 0; tick < 4; tick++) await t.deps.outbox.tick()
    expect(await rows(t.client, 'SELECT count(*) AS n FROM submissions')).toEqual([{ n: 0 }])
    const reports = t.log.lines.filter((l) => l.message === 'housekeeping removed old rows')
    expect(reports.map((l) => l.finished)).toEqual([...reports.slice(0, -1).map(() => false), true])
  })
})

describe('every sweep', () => {
  it('finds its rows through an index: no statement scans the table it deletes from', async () => {
    await ownerApi(t, site).createForm({
      id: 'contact',
      name: 'Contact',
      settings: { retentionDays: 7 },
    })
    await storedRows(t.deps.db).member(site.id)
    const now = clock.now()
    const sweeps: Sweep[] = [
      ...deploymentSweeps(t.config.retention, now),
      ...(await sessionSweeps(t.client, now)),
      ...(await formRetentionSweeps(t.client, now)),
    ]
    expect(new Set(sweeps.map((s) => s.name)).size).toBe(15)
    for (const sweep of sweeps) {
      const selected = `SELECT ${sweep.rowid ?? 'rowid'} FROM ${sweep.from ?? sweep.table} WHERE ${sweep.where} LIMIT 500`
      const plan = await rows(t.client, `EXPLAIN QUERY PLAN ${selected}`, ...sweep.args)
      const details = plan.map((step) => String(step.detail))
      const alias = sweep.from ? sweep.rowid?.split('.')[0] : sweep.table
      expect(details, sweep.name).toContainEqual(
        expect.stringMatching(new RegExp(`^SEARCH ${alias} USING (COVERING )?INDEX`)),
      )
      expect(
        details.filter((d) => d.startsWith(`SCAN ${alias}`)),
        sweep.name,
      ).toEqual([])
    }
  })
})

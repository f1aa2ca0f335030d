import type { D1Database } from '@cloudflare/workers-types'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createD1Database,
  type Database,
  d1SqlClient,
  type SqlClient,
} from '../../src/db/client.ts'
import { migrate } from '../../src/db/migrate.ts'
import { forms, sites } from '../../src/db/schema.ts'
import { createHousekeeping } from '../../src/maintenance/housekeeping.ts'
import { manualClock, memoryLogger } from '../helpers/app.ts'
import { rows } from '../helpers/http.ts'
import { dayMs, manySubmissions, storedIds, storedRows } from '../helpers/stored-rows.ts'

// Housekeeping's statements on D1 itself (miniflare's D1, workerd's SQLite), where a Worker's
// cron trigger runs them: a JSON list bound as one parameter (D1 takes at most 100), the CROSS
// JOIN over json_each for per-form retention, DELETE with a LIMITed subquery, and the changed-row
// counts D1 reports in its own shape.

let mf: Miniflare
let client: SqlClient
let db: Database

beforeAll(async () => {
  mf = new Miniflare({
    workers: [
      {
        config: {
          name: 'd1',
          compatibilityDate: '2026-11-01',
          env: { DB: { type: 'd1', id: 'porchlight-retention' } },
          manifest: {
            mainModule: 'index.js',
            modules: {
              'index.js': {
                type: 'esm',
                contents: new TextEncoder().encode(
                  'export default { fetch: () => new Response(null, { status: 204 }) }',
                ),
              },
            },
          },
        },
      },
    ],
    enableDevRegistry: false,
  })
  const binding = (await mf.getD1Database('DB')) as unknown as D1Database
  client = d1SqlClient(binding)
  db = createD1Database(binding)
  await migrate(client)
}, 60_000)

afterAll(async () => {
  await mf?.dispose()
})

describe('housekeeping on D1', () => {
  it('removes what each rule says, in batches, and leaves other sites and forms alone', async () => {
    const clock = manualClock()
    const start = clock.now()
    for (const id of ['site_a', 'site_b']) {
      await db.insert(sites).values({
        id,
        name: id,
        publishableKey: `pk_${id}`,
        signingSecret: 's',
        // Site A ends sessions after a day without use.
        authSettings: id === 'site_a' ? { sessionInactivityDays: 1 } : {},
        createdAt: 0,
      })
      await db.insert(forms).values({
        siteId: id,
        id: 'contact',
        name: 'Contact',
        settings: id === 'site_a' ? { retentionDays: 7 } : {},
        webhookSecret: 'whsec_x',
        createdAt: 0,
        updatedAt: 0,
      })
    }
    const seed = storedRows(db)
    const memberA = await seed.member('site_a')
    const memberB = await seed.member('site_b')
    // Last used two days ago when housekeeping runs: ended on site A's settings, not on B's.
    const sessionB = await seed.session({
      siteId: 'site_b',
      memberId: memberB,
      createdAt: start,
      lastUsedAt: start + 29 * dayMs,
    })
    await seed.session({
      siteId: 'site_a',
      memberId: memberA,
      createdAt: start,
      lastUsedAt: start + 29 * dayMs,
    })
    await manySubmissions(client, {
      siteId: 'site_b',
      formId: 'contact',
      status: 'spam',
      count: 1_200,
      at: start,
    })
    const keptB = await seed.submission({
      siteId: 'site_b',
      formId: 'contact',
      status: 'read',
      createdAt: start,
    })
    await seed.submission({ siteId: 'site_a', formId: 'contact', status: 'read', createdAt: start })
    clock.advance(31 * dayMs)

    const log = memoryLogger()
    const deletes: number[] = []
    const housekeeping = createHousekeeping({
      client: {
        async execute(stmt) {
          const result = await client.execute(stmt)
          if (typeof stmt !== 'string' && stmt.sql.startsWith('DELETE')) {
            deletes.push(result.rows.length)
          }
          return result
        },
        batch: (stmts) => client.batch(stmts),
      },
      clock,
      log,
      retention: {
        spamDays: 30,
        readNotificationsDays: 90,
        deliveredJobsDays: 14,
        deadJobsDays: 60,
      },
    })
    // Counts of submissions, not of D1's changes, which include the search index's trigger rows:
    // counted that way, the first version reported 4,820 spam submissions removed here.
    expect(await housekeeping.run()).toEqual({
      removed: {
        'spam submissions': 1_200,
        "submissions past their form's retention": 1,
        'expired sessions': 1,
      },
      finished: true,
    })
    // 1,200 spam rows: two full batches of 500 and one of 200.
    expect(deletes.filter((n) => n > 0).sort((x, y) => y - x)).toEqual([500, 500, 200, 1, 1])
    expect(await storedIds(client, 'sessions')).toEqual([sessionB])
    expect(await rows(client, 'SELECT id, site_id FROM submissions')).toEqual([
      { id: keptB, site_id: 'site_b' },
    ])
  })
})

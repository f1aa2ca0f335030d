import type { D1Database } from '@cloudflare/workers-types'
import { lt, sql } from 'drizzle-orm'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  changedRows,
  createD1Database,
  type Database,
  d1SqlClient,
  type SqlClient,
} from '../../src/db/client.ts'
import { migrate, pendingMigrations } from '../../src/db/migrate.ts'
import { migrations } from '../../src/db/migrations.generated.ts'
import { sites, spentTokens } from '../../src/db/schema.ts'

// The D1 side of the data layer against D1 itself (miniflare's, workerd's SQLite), from Node
// through the binding: the places where the D1 driver answers differently from libSQL's. The
// Worker's scenario files run every feature on D1 end to end; these pin the differences.

let mf: Miniflare
let binding: D1Database
let client: SqlClient
let db: Database

beforeAll(async () => {
  mf = new Miniflare({
    workers: [
      {
        config: {
          name: 'd1',
          compatibilityDate: '2026-11-01',
          env: { DB: { type: 'd1', id: 'porchlight-test' } },
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
  binding = (await mf.getD1Database('DB')) as unknown as D1Database
  client = d1SqlClient(binding)
  db = createD1Database(binding)
}, 60_000)

afterAll(async () => {
  await mf?.dispose()
})

describe('Porchlight on D1', () => {
  it('applies every migration, the search index’s FTS5 table and triggers included', async () => {
    expect(await migrate(client)).toEqual({ applied: migrations.map((m) => m.tag) })
    expect(await pendingMigrations(client)).toEqual([])
    const { rows } = await client.execute(
      "SELECT type, name FROM sqlite_master WHERE name LIKE 'forum_search%' OR type = 'trigger' ORDER BY type, name",
    )
    expect(rows).toEqual(
      expect.arrayContaining([
        { type: 'table', name: 'forum_search' },
        { type: 'trigger', name: 'posts_search_insert' },
        { type: 'trigger', name: 'threads_search_title' },
      ]),
    )
    // A second start finds nothing to do.
    expect(await migrate(client)).toEqual({ applied: [] })
  })

  it('runs a raw statement with parameters inside a batch', async () => {
    // Regression: drizzle-orm 0.45's D1 batch threw "Cannot read properties of undefined
    // (reading 'bind')" for `db.run(sql`…`)` with parameters, so starting a forum thread failed.
    await db.batch([
      db.insert(sites).values({
        id: 'site_a',
        name: 'A',
        publishableKey: 'pk_a',
        signingSecret: 's',
        createdAt: 1,
      }),
      db.run(sql`UPDATE ${sites} SET name = ${'A, renamed'} WHERE id = ${'site_a'}`),
    ])
    const { rows } = await client.execute("SELECT name FROM sites WHERE id = 'site_a'")
    expect(rows).toEqual([{ name: 'A, renamed' }])
  })

  it('counts changed rows from D1’s result shape', async () => {
    await db.insert(spentTokens).values([
      { siteId: 'site_a', tokenHash: 'old-1', expiresAt: 10 },
      { siteId: 'site_a', tokenHash: 'old-2', expiresAt: 20 },
      { siteId: 'site_a', tokenHash: 'fresh', expiresAt: 5_000 },
    ])
    const expired = await db.delete(spentTokens).where(lt(spentTokens.expiresAt, 1_000))
    expect(changedRows(expired)).toBe(2)
    expect(changedRows(await db.delete(spentTokens))).toBe(1)

    const write = await client.execute({
      sql: 'UPDATE sites SET name = ? WHERE id = ?',
      args: ['A again', 'site_a'],
    })
    expect(write.rowsAffected).toBe(1)
  })

  it('runs a batch in one transaction: a failing statement undoes the ones before it', async () => {
    await expect(
      client.batch([
        { sql: 'UPDATE sites SET name = ? WHERE id = ?', args: ['lost', 'site_a'] },
        { sql: 'INSERT INTO sites (id) VALUES (?)', args: ['site_without_columns'] },
      ]),
    ).rejects.toThrow()
    const { rows } = await client.execute("SELECT name FROM sites WHERE id = 'site_a'")
    expect(rows).toEqual([{ name: 'A again' }])
  })
})

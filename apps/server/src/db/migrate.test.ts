import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '@libsql/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readMigrations, renderMigrationsModule } from '../../scripts/bundle-migrations.ts'
import { createTestApp, createTestSite } from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { openDatabase } from '../entry/node.ts'
import { enqueue } from '../outbox/jobs.ts'
import { siteScope } from '../sites/scope.ts'
import { migrate, pendingMigrations } from './migrate.ts'
import { migrations as bundled } from './migrations.generated.ts'

const tags = bundled.map((m) => m.tag)
let dir: string
let clients: Client[]

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-migrate-'))
  clients = []
})
afterEach(() => {
  for (const client of clients) client.close()
  rmSync(dir, { recursive: true, force: true })
})

async function open(name = 'fresh.db') {
  const client = await openDatabase({ url: `file:${join(dir, name)}` })
  clients.push(client)
  return client
}

const ledger = async (client: Client) =>
  (await rows(client, 'SELECT tag FROM porchlight_migrations ORDER BY tag')).map((r) => r.tag)

describe('the bundled migrations', () => {
  it('match the SQL files (run `npm run db:generate` after changing the schema)', () => {
    const generated = readFileSync(new URL('./migrations.generated.ts', import.meta.url), 'utf8')
    expect(generated).toBe(renderMigrationsModule())
  })

  it('are in journal order with at least one statement each', () => {
    expect(readMigrations().map((m) => m.tag)).toEqual(tags)
    expect(tags[0]).toBe('0000_init')
    for (const m of bundled) expect(m.statements.length, m.tag).toBeGreaterThan(0)
  })
})

describe('migrate', () => {
  it('applies everything to a fresh database, then nothing more', async () => {
    const client = await open()
    expect(await pendingMigrations(client)).toEqual(bundled)

    expect(await migrate(client)).toEqual({ applied: tags })
    expect(await ledger(client)).toEqual([...tags].sort())
    const tables = (await rows(client, "SELECT name FROM sqlite_master WHERE type = 'table'")).map(
      (r) => r.name,
    )
    expect(tables).toEqual(
      expect.arrayContaining(['sites', 'site_origins', 'secret_keys', 'outbox', 'rate_limits']),
    )

    expect(await migrate(client)).toEqual({ applied: [] })
    expect(await pendingMigrations(client)).toEqual([])
    expect(await ledger(client)).toEqual([...tags].sort())
  })

  it('lets two processes migrate the same fresh file at once', async () => {
    const [first, second] = [await open(), await open()] as [Client, Client]
    const results = await Promise.all([migrate(first), migrate(second)])

    // Each migration was applied by exactly one of them, and both finished without error.
    expect(results.flatMap((r) => r.applied).sort()).toEqual([...tags].sort())
    expect(await ledger(first)).toEqual([...tags].sort())
    expect(await pendingMigrations(second)).toEqual([])
  })

  it('applies a new migration later, and rolls a failing one back entirely', async () => {
    const client = await open()
    await migrate(client)
    const added = { tag: '9000_added', statements: ['CREATE TABLE added (x INTEGER)'] }
    const broken = {
      tag: '9001_broken',
      statements: ['CREATE TABLE half_done (x INTEGER)', 'INSERT INTO no_such_table VALUES (1)'],
    }

    expect(await pendingMigrations(client, [...bundled, added])).toEqual([added])
    expect(await migrate(client, [...bundled, added])).toEqual({ applied: ['9000_added'] })

    await expect(migrate(client, [...bundled, added, broken])).rejects.toThrow(/no_such_table/)
    expect(await rows(client, "SELECT name FROM sqlite_master WHERE name = 'half_done'")).toEqual(
      [],
    )
    expect(await ledger(client)).not.toContain('9001_broken')
    expect(await pendingMigrations(client, [...bundled, added, broken])).toEqual([broken])
  })
})

describe('the schema', () => {
  it('enforces foreign keys: deleting a site deletes everything of its own, nothing else', async () => {
    const t = await createTestApp()
    try {
      const gone = await createTestSite(t, { origins: ['https://gone.example'] })
      const kept = await createTestSite(t, { origins: ['https://kept.example'] })
      const { db, clock } = t.deps
      await db.batch([
        enqueue(db, clock, siteScope(gone.id), { kind: 'x', payload: {} }),
        enqueue(db, clock, siteScope(kept.id), { kind: 'x', payload: {} }),
      ])

      await t.deps.client.execute({ sql: 'DELETE FROM sites WHERE id = ?', args: [gone.id] })

      for (const table of ['site_origins', 'secret_keys', 'outbox']) {
        expect(await rows(t.deps.client, `SELECT DISTINCT site_id FROM ${table}`), table).toEqual([
          { site_id: kept.id },
        ])
      }
      await expect(
        t.deps.client.execute({
          sql: 'INSERT INTO site_origins (site_id, origin, created_at) VALUES (?, ?, 0)',
          args: ['site_nonexistent', 'https://orphan.example'],
        }),
      ).rejects.toThrow(/FOREIGN KEY/)
    } finally {
      await t.close()
    }
  })
})

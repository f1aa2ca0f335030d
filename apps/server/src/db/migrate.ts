import type { SqlClient } from './client.ts'
import { migrations as bundled } from './migrations.generated.ts'

type Migration = { tag: string; statements: readonly string[] }

const createLedger = `CREATE TABLE IF NOT EXISTS porchlight_migrations (
  tag TEXT PRIMARY KEY NOT NULL,
  applied_at INTEGER NOT NULL
)`

/**
 * Tags of the bundled migrations not yet applied to this database. Read-only, so a readiness
 * probe can ask it as often as it likes.
 */
export async function pendingMigrations(client: SqlClient, list: readonly Migration[] = bundled) {
  const ledger = await client.execute(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'porchlight_migrations'",
  )
  if (ledger.rows.length === 0) return [...list]
  const rows = (await client.execute('SELECT tag FROM porchlight_migrations')).rows
  const applied = new Set(rows.map((r) => String(r.tag)))
  return list.filter((m) => !applied.has(m.tag))
}

/**
 * Applies pending migrations, each in one batch (one transaction, one round trip to Turso) with
 * its ledger row, so a migration is either wholly applied and recorded or not at all. Works the
 * same over a local file and over HTTP, which is why it does not use drizzle's file-reading
 * migrator. Two processes starting at once are safe: the loser's ledger insert conflicts, its
 * batch rolls back, and it finds the migration applied.
 */
export async function migrate(client: SqlClient, list: readonly Migration[] = bundled) {
  await client.execute(createLedger)
  const applied: string[] = []
  for (const migration of await pendingMigrations(client, list)) {
    try {
      await client.batch(
        [
          ...migration.statements,
          {
            sql: 'INSERT INTO porchlight_migrations (tag, applied_at) VALUES (?, ?)',
            args: [migration.tag, Date.now()],
          },
        ],
        'write',
      )
      applied.push(migration.tag)
    } catch (error) {
      const stillPending = await pendingMigrations(client, [migration])
      if (stillPending.length > 0) throw error
    }
  }
  return { applied }
}

import { existsSync } from 'node:fs'
import { getTableName } from 'drizzle-orm'
import { migrations } from '../db/migrations.generated.ts'
import { schema } from '../db/schema.ts'
import { BackupError } from './errors.ts'
import { openSqliteFile } from './sqlite-file.ts'

/** What a sound Porchlight database file holds. */
export type DatabaseReport = {
  /** The migrations applied to it, in order. */
  migrations: string[]
  /** Rows in each of Porchlight's tables (those it has). */
  rowCounts: Record<string, number>
}

const known = new Set(migrations.map((m) => m.tag))
const tables = Object.values(schema).map((table) => getTableName(table))

/**
 * Checks that `path` holds a Porchlight database this version can run, reading it without
 * changing it: SQLite's integrity check passes (every page, index and constraint of the file),
 * the migrations ledger is there, and it names no migration this version lacks (a backup made by
 * a newer Porchlight). Resolves to its migrations and row counts, and throws a `BackupError`
 * saying what is wrong otherwise. `what` names the file in messages.
 *
 * @example const { rowCounts } = await checkPorchlightDatabase('/backups/porchlight.db')
 */
export async function checkPorchlightDatabase(
  path: string,
  what = `The file ${path}`,
): Promise<DatabaseReport> {
  if (!existsSync(path)) throw new BackupError('BACKUP_NOT_FOUND', `${what} does not exist.`)
  const file = openSqliteFile(path)
  try {
    await file.exec('PRAGMA query_only = ON')
    const problems = (await file.query('PRAGMA integrity_check')).map((r) =>
      String(Object.values(r)[0]),
    )
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new BackupError(
        'INTEGRITY_CHECK_FAILED',
        `${what} is damaged; SQLite's integrity check found: ${problems.slice(0, 3).join('; ')}`,
      )
    }
    const present = new Set(
      (await file.query("SELECT name FROM sqlite_master WHERE type = 'table'")).map((r) =>
        String(r.name),
      ),
    )
    if (!present.has('porchlight_migrations')) {
      throw new BackupError(
        'NOT_A_PORCHLIGHT_DATABASE',
        `${what} is an SQLite database, but not Porchlight's: it has no porchlight_migrations table.`,
      )
    }
    const applied = (await file.query('SELECT tag FROM porchlight_migrations ORDER BY tag')).map(
      (r) => String(r.tag),
    )
    const unknown = applied.filter((tag) => !known.has(tag))
    if (unknown.length > 0) {
      throw new BackupError(
        'NEWER_SCHEMA',
        `${what} was made by a newer Porchlight (migrations ${unknown.join(', ')} are unknown to this one): upgrade Porchlight first.`,
      )
    }
    const rowCounts: Record<string, number> = {}
    for (const table of tables.filter((name) => present.has(name))) {
      const [row] = await file.query(`SELECT count(*) AS n FROM "${table}"`)
      rowCounts[table] = Number(row?.n ?? 0)
    }
    return { migrations: applied, rowCounts }
  } catch (error) {
    if (error instanceof BackupError) throw error
    const code = (error as { code?: unknown }).code
    if (code === 'SQLITE_NOTADB') {
      throw new BackupError('NOT_A_DATABASE', `${what} is not an SQLite database.`)
    }
    // Damage bad enough that SQLite stops reading before its integrity check can list it.
    if (code === 'SQLITE_CORRUPT') {
      throw new BackupError('INTEGRITY_CHECK_FAILED', `${what} is damaged: SQLite cannot read it.`)
    }
    throw error
  } finally {
    file.close()
  }
}

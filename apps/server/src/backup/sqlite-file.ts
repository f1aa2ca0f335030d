import Database from 'libsql/promise'

type Row = Record<string, unknown>

/** A connection to one database file whose statements run off the event loop. */
export type SqliteFile = {
  /** All rows of a statement, `?` bound to `args` (run on libSQL's own threads). */
  query(sql: string, args?: unknown[]): Promise<Row[]>
  /** Runs statements without results (on libSQL's own threads). */
  exec(sql: string): Promise<void>
  /**
   * Closes the connection. After `query`, libSQL keeps the file open until its statements are
   * collected: a caller that needs the file given back awaits `releaseClosedConnections()`
   * (db/release-closed.ts) once its work is done.
   */
  close(): void
}

/**
 * Opens a database file on a connection of its own, separate from the one requests use, for
 * work that reads a whole database (a backup, an integrity check): libSQL's promise API runs
 * `exec` and `query` on its own threads, so a server keeps answering requests meanwhile, where
 * the synchronous binding would stop the event loop for seconds. Creates the file if missing:
 * callers check first where that matters.
 *
 * @example
 * const file = openSqliteFile('data/porchlight.db')
 * try { await file.exec(`VACUUM INTO ${sqlString('/backups/x.db')}`) } finally { file.close() }
 */
export function openSqliteFile(path: string, options: { timeoutMs?: number } = {}): SqliteFile {
  const db = new Database(path, { timeout: options.timeoutMs ?? 5000 })
  return {
    async query(sql, args = []) {
      const statement = await db.prepare(sql)
      return (await statement.all(args)) as Row[]
    },
    async exec(sql) {
      await db.exec(sql)
    },
    close() {
      db.close()
    },
  }
}

/**
 * `text` as an SQL string literal, for a path in `VACUUM INTO` run through `exec`: a statement
 * prepared to bind it would stay open in libSQL after `close`, and with it the connection and
 * its lock on the database, until garbage collection.
 */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

import Database from 'libsql'
import { isBusyError } from '../db/faults.ts'
import { BackupError } from './errors.ts'

/** The database held for this process alone, until `release`. */
export type ClaimedDatabase = { release(): void }

/**
 * Takes a database file for this process alone, or refuses with DATABASE_IN_USE while any other
 * process has it open: a server, the CLI, `sqlite3`.
 *
 * How it knows, and why that is reliable: in WAL mode every SQLite connection holds a shared lock
 * on the database file for as long as it is open, idle or not (that is how the last one to close
 * knows it may checkpoint and delete the -wal). A connection in `locking_mode = EXCLUSIVE` must
 * take an exclusive lock on the file to read it, which the system refuses while any such shared
 * lock exists, on any process; nothing is written to find out, and nothing goes stale when a
 * process dies (the system drops its locks). The serving process also holds a connection that
 * is never closed and reopened (`holdDatabasePresence`), so there is no moment in its life when
 * it holds none. A heartbeat or a pid file would be a guess where this is the lock itself. Locks
 * on a network file system are not to be trusted, which is why the docs ask for a local disk.
 *
 * Held, the database is switched out of WAL mode, which first checkpoints everything in the -wal
 * into the file: the file is then complete on its own, and closing this connection later deletes
 * nothing by name (a WAL connection deletes `<path>-wal` as it closes, which after a rename could
 * be another file's).
 *
 * @example
 * const claim = claimDatabase('data/porchlight.db')
 * try { ... } finally { claim.release() }
 */
export function claimDatabase(path: string): ClaimedDatabase {
  const conn = new Database(path, { timeout: 0 })
  const release = () => {
    try {
      conn.close()
    } catch {
      // Closing gives the lock back either way.
    }
  }
  try {
    conn.exec('PRAGMA locking_mode = EXCLUSIVE')
    // Run with exec, not a prepared statement: libSQL keeps a connection with a statement open
    // after `close` until garbage collection, and with it the lock.
    conn.exec('SELECT count(*) FROM sqlite_master')
    conn.exec('PRAGMA journal_mode = DELETE')
    // A write in exclusive mode keeps the exclusive lock until the connection closes, so no
    // process can open the file from here on, not even to read it.
    conn.exec('BEGIN EXCLUSIVE; COMMIT')
    return { release }
  } catch (error) {
    if (isBusyError(error)) {
      release()
      throw new BackupError(
        'DATABASE_IN_USE',
        `Another process has ${path} open: a running server, or another porchlight command. Stop it first (the server: systemctl stop porchlight, or Ctrl-C), then run this again.`,
      )
    }
    // A damaged file is what a restore is often for: it is moved aside as it is. (A process using
    // it would have held its lock, and been found above.)
    const code = (error as { code?: unknown }).code
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return { release }
    release()
    throw error
  }
}

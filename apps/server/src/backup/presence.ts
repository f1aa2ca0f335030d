import Database from 'libsql'

/**
 * Keeps a connection to the database file open, idle, for as long as the server runs, so that
 * `porchlight restore` (`claimDatabase`) sees the file in use at every moment. The connection
 * requests use is not enough on its own: it is closed and reopened after a lock failure
 * (db/local-client.ts), and until the next query the process would hold no lock at all.
 * An idle WAL connection costs a file handle, blocks no reader, writer or checkpoint, and its
 * shared lock is what a restore looks for.
 *
 * @example
 * const presence = holdDatabasePresence('data/porchlight.db')
 * // … serve …
 * presence.release()
 */
export function holdDatabasePresence(path: string): { release(): void } {
  const conn = new Database(path, { timeout: 5000 })
  try {
    // The lock is taken when the connection first reads the file; exec leaves no statement that
    // would keep the connection (and the lock) open past `release` (see claim.ts).
    conn.exec('SELECT count(*) FROM sqlite_master')
  } catch (error) {
    conn.close()
    throw error
  }
  return {
    release() {
      conn.close()
    },
  }
}

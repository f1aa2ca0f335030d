import {
  type Client,
  type InArgs,
  type InStatement,
  LibsqlError,
  type ResultSet,
  type TransactionMode,
} from '@libsql/client'
import Database from 'libsql'
import { isBusyError } from './faults.ts'
import { type PreparedConnection, prepareConnection } from './prepared-connection.ts'
import { releaseClosedConnections } from './release-closed.ts'
import { createWaitQueue } from './wait-queue.ts'

export type LocalClientOptions = {
  /** The database file (`:memory:` for a private in-memory database). */
  path: string
  /** An embedded replica of this remote database (Turso), kept in `path`. */
  syncUrl?: string
  authToken?: string
  /** Seconds between background syncs of an embedded replica. */
  syncInterval?: number
  /**
   * How long one call may wait, in all, for a lock held by another process (a second server, the
   * CLI, a backup) before it fails with `SQLITE_BUSY`. The app answers that with a 503.
   */
  busyBudgetMs?: number
  /**
   * How many prepared statements to keep for reuse, by SQL text (0: prepare every statement
   * again, as before). Porchlight's routes send a few hundred distinct statements; the rest of
   * the room holds shapes that vary with their input (`IN (?, ?, …)` lists), dropped oldest first.
   */
  statementCacheSize?: number
}

/** A local client, and what it keeps prepared (for tests and the bench). */
export type LocalClient = Client & {
  /** How many statements the current connection keeps prepared; 0 before its first call. */
  readonly preparedStatements: number
  /**
   * Closes the client, and resolves once the database file is really given back: `close()`
   * alone leaves it open, and locked, until garbage collection (`release-closed.ts`). Call this
   * before anything in the same process needs the file free (a restore, a shutdown).
   */
  release(): Promise<void>
}

const defaultStatementCacheSize = 500

/**
 * How long SQLite itself may wait for a lock inside one call. SQLite waits synchronously, so this
 * is time the whole event loop stands still: kept short, and the rest of the budget is waited
 * out asynchronously (see `wait-queue.ts`).
 */
const nativeBusyTimeoutMs = 50

/**
 * A libSQL `Client` for a local file or an embedded replica, on one connection that it owns.
 *
 * Why not `@libsql/client`'s own: when a statement fails with `SQLITE_BUSY` (another process
 * holds the write lock), the native binding leaves that statement in progress. Every later
 * `COMMIT` on the connection then fails, and worse, later autocommit writes succeed into a
 * transaction that is never committed while the connection keeps the write lock: acknowledged
 * writes are lost and every other process is locked out (tursodatabase/libsql-client-ts#352).
 * That client returns the connection to its pool before the caller even sees the error, so no
 * wrapper can stop the next call from using it. Here the connection is closed in the same
 * synchronous step that saw the error, and a fresh one, with the same pragmas, serves the next
 * call. Every call is synchronous once it starts, so one connection serves all of them in turn.
 *
 * Statements are prepared once per connection and reused (`prepared-connection.ts`): preparing
 * each one again was a fifth of the server's busy time under load.
 *
 * Calls that meet a lock wait for it without blocking the event loop, up to `busyBudgetMs`.
 *
 * @example
 * const client = createLocalClient({ path: 'data/porchlight.db' })
 * await client.execute('SELECT 1')
 */
export function createLocalClient(options: LocalClientOptions): LocalClient {
  const replica = options.syncUrl !== undefined
  let connection: PreparedConnection | undefined
  let firstOpen = true
  let closed = false
  // SQLite's own wait; none while other calls already wait for the same lock (wait-queue.ts).
  let patienceMs = nativeBusyTimeoutMs

  function open(): PreparedConnection {
    const conn = new Database(options.path, {
      timeout: patienceMs,
      ...(replica && {
        syncUrl: options.syncUrl,
        ...(options.authToken && { authToken: options.authToken }),
        ...(options.syncInterval && { syncPeriod: options.syncInterval }),
      }),
    })
    try {
      if (!replica) {
        // WAL lets readers work while a write commits (set once: it is stored in the file).
        // NORMAL is durable in WAL mode except across a power loss within a checkpoint window.
        if (firstOpen && options.path !== ':memory:') conn.exec('PRAGMA journal_mode = WAL')
        conn.exec('PRAGMA synchronous = NORMAL')
      }
      // SQLite leaves foreign keys off unless asked, on every connection.
      conn.exec('PRAGMA foreign_keys = ON')
    } catch (error) {
      conn.close()
      throw toLibsqlError(error)
    }
    firstOpen = false
    return prepareConnection(conn, options.statementCacheSize ?? defaultStatementCacheSize)
  }

  function current(): PreparedConnection {
    if (closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
    connection ??= open()
    return connection
  }

  /** Closes a connection that may hold a half-run statement; the next call opens a new one. */
  function discard() {
    const conn = connection
    connection = undefined
    try {
      conn?.native.close()
    } catch {
      // Nothing more can be done with it; what matters is that nobody uses it again.
    }
  }

  /** Runs one synchronous unit of work; any lock failure retires the connection it ran on. */
  function attempt<T>(work: (conn: PreparedConnection) => T): T {
    const conn = current()
    try {
      return work(conn)
    } catch (error) {
      const failure = toLibsqlError(error)
      // A private in-memory database has nobody to contend with, and would be lost with its
      // connection.
      const replaceable = options.path !== ':memory:'
      if (replaceable && (isBusyError(failure) || (conn.native.open && conn.native.inTransaction)))
        discard()
      throw failure
    }
  }

  /**
   * Whether the write lock is free now, found with `exec`, which leaves no statement behind: a
   * prepared statement that meets the lock poisons its connection (see `attempt`), and each
   * retired connection keeps its file handle until garbage collection (release-closed.ts).
   */
  function writeLockFree(): boolean {
    // An embedded replica sends writes to its primary; its local file is not contended.
    if (replica) return true
    let conn: PreparedConnection
    try {
      conn = current()
    } catch {
      return true // let the waiting call meet the failure itself
    }
    try {
      conn.native.exec('BEGIN IMMEDIATE')
    } catch (error) {
      return !isBusyError(toLibsqlError(error))
    }
    try {
      conn.native.exec('ROLLBACK')
    } catch {
      discard()
    }
    return true
  }

  const queue = createWaitQueue({
    attempt,
    lockFree: writeLockFree,
    budgetMs: options.busyBudgetMs ?? 5000,
    onContention(contended) {
      patienceMs = contended ? 0 : nativeBusyTimeoutMs
      try {
        connection?.native.exec(`PRAGMA busy_timeout = ${patienceMs}`)
      } catch {
        discard()
      }
    },
  })

  const client: LocalClient = {
    async execute(stmtOrSql: InStatement, args?: InArgs): Promise<ResultSet> {
      const stmt = typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql
      return queue.run((conn) => conn.execute(stmt), { writes: mayWrite(stmt) })
    },

    async batch(stmts, mode: TransactionMode = 'deferred') {
      const normalized = stmts.map((s) =>
        Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s,
      ) as InStatement[]
      return queue.run((conn) => conn.batch(normalized, mode), {
        writes: mode !== 'read' && normalized.some(mayWrite),
      })
    },

    async migrate(stmts) {
      return client.batch(stmts, 'write')
    },

    async transaction(): Promise<never> {
      // One connection serves every call in turn; an interactive transaction would hold it across
      // awaits and interleave with other requests' statements. Porchlight writes atomically with
      // `batch` instead (db/client.ts).
      throw new LibsqlError(
        'Interactive transactions are not supported on this client; use batch().',
        'TRANSACTION_NOT_SUPPORTED',
      )
    },

    async executeMultiple(sql) {
      return queue.run((conn) => {
        conn.native.exec(sql)
        if (conn.native.inTransaction) conn.native.exec('ROLLBACK')
      })
    },

    async sync() {
      if (!replica) return undefined
      const report = await queue.run((conn) => conn.native.sync())
      return { frame_no: report.frame_no, frames_synced: report.frames_synced }
    },

    close() {
      closed = true
      discard()
    },

    async release() {
      client.close()
      await releaseClosedConnections()
    },

    reconnect() {
      discard()
      closed = false
    },

    get closed() {
      return closed
    },

    get preparedStatements() {
      return connection?.preparedStatements ?? 0
    },

    protocol: 'file',
  }
  return client
}

/**
 * Whether a statement may need the write lock, judged by its first word: a query (`SELECT`, or
 * `WITH` before one) is tried at once even while writes wait for a lock.
 * A write taken for a read only costs a try that fails; a read taken for a write waits its turn.
 */
function mayWrite(stmt: InStatement): boolean {
  const sql = typeof stmt === 'string' ? stmt : stmt.sql
  return !/^\s*(select|with)\b/i.test(sql)
}

/** The binding's errors as libSQL's clients report them: same class, same `code`. */
function toLibsqlError(error: unknown): unknown {
  if (error instanceof LibsqlError || !(error instanceof Error)) return error
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error
  const rawCode = (error as { rawCode?: unknown }).rawCode
  return new LibsqlError(
    `${code}: ${error.message}`,
    code,
    undefined,
    typeof rawCode === 'number' ? rawCode : undefined,
    error,
  )
}

import { Buffer } from 'node:buffer'
import {
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  LibsqlError,
  type ResultSet,
  type Row,
  type TransactionMode,
} from '@libsql/client'
import Database from 'libsql'
import { isBusyError } from './faults.ts'
import { createWaitQueue } from './wait-queue.ts'

type Connection = InstanceType<typeof Database>

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
}

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
 * Calls that meet a lock wait for it without blocking the event loop, up to `busyBudgetMs`.
 *
 * @example
 * const client = createLocalClient({ path: 'data/porchlight.db' })
 * await client.execute('SELECT 1')
 */
export function createLocalClient(options: LocalClientOptions): Client {
  const replica = options.syncUrl !== undefined
  let connection: Connection | undefined
  let firstOpen = true
  let closed = false
  // SQLite's own wait; none while other calls already wait for the same lock (wait-queue.ts).
  let patienceMs = nativeBusyTimeoutMs

  function open(): Connection {
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
    return conn
  }

  function current(): Connection {
    if (closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
    connection ??= open()
    return connection
  }

  /** Closes a connection that may hold a half-run statement; the next call opens a new one. */
  function discard() {
    const conn = connection
    connection = undefined
    try {
      conn?.close()
    } catch {
      // Nothing more can be done with it; what matters is that nobody uses it again.
    }
  }

  /** Runs one synchronous unit of work; any lock failure retires the connection it ran on. */
  function attempt<T>(work: (conn: Connection) => T): T {
    const conn = current()
    try {
      return work(conn)
    } catch (error) {
      const failure = toLibsqlError(error)
      // A private in-memory database has nobody to contend with, and would be lost with its
      // connection.
      const replaceable = options.path !== ':memory:'
      if (replaceable && (isBusyError(failure) || (conn.open && conn.inTransaction))) discard()
      throw failure
    }
  }

  const queue = createWaitQueue({
    attempt,
    budgetMs: options.busyBudgetMs ?? 5000,
    onContention(contended) {
      patienceMs = contended ? 0 : nativeBusyTimeoutMs
      try {
        connection?.exec(`PRAGMA busy_timeout = ${patienceMs}`)
      } catch {
        discard()
      }
    },
  })

  const client: Client = {
    async execute(stmtOrSql: InStatement, args?: InArgs): Promise<ResultSet> {
      const stmt = typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql
      return queue.run((conn) => runStatement(conn, stmt))
    },

    async batch(stmts, mode: TransactionMode = 'deferred') {
      const normalized = stmts.map((s) =>
        Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s,
      ) as InStatement[]
      return queue.run((conn) => runBatch(conn, normalized, mode))
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
        conn.exec(sql)
        if (conn.inTransaction) conn.exec('ROLLBACK')
      })
    },

    async sync() {
      if (!replica) return undefined
      const report = await queue.run((conn) => conn.sync())
      return { frame_no: report.frame_no, frames_synced: report.frames_synced }
    },

    close() {
      closed = true
      discard()
    },

    reconnect() {
      discard()
      closed = false
    },

    get closed() {
      return closed
    },

    protocol: 'file',
  }
  return client
}

function runBatch(conn: Connection, stmts: InStatement[], mode: TransactionMode): ResultSet[] {
  conn.exec(mode === 'write' ? 'BEGIN IMMEDIATE' : mode === 'read' ? 'BEGIN' : 'BEGIN DEFERRED')
  try {
    const results = stmts.map((stmt) => runStatement(conn, stmt))
    conn.exec('COMMIT')
    return results
  } catch (error) {
    if (conn.inTransaction) conn.exec('ROLLBACK')
    throw error
  }
}

function runStatement(conn: Connection, stmt: InStatement): ResultSet {
  const { sql, args } = typeof stmt === 'string' ? { sql: stmt, args: [] } : stmt
  const prepared = conn.prepare(sql)
  const params = bindable(args ?? [])
  if (!prepared.reader) {
    const info = prepared.run(params)
    return resultSet([], [], Number(info.changes), BigInt(info.lastInsertRowid))
  }
  prepared.raw(true)
  const columns = prepared.columns().map((c) => c.name)
  const rows = (prepared.all(params) as unknown[][]).map((values) => toRow(values, columns))
  return resultSet(columns, rows, 0, undefined)
}

function resultSet(
  columns: string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet {
  return {
    columns,
    columnTypes: columns.map(() => ''),
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({
      columns,
      rows: rows.map((r) => Array.from(r as ArrayLike<unknown>)),
      rowsAffected,
      lastInsertRowid: lastInsertRowid === undefined ? null : String(lastInsertRowid),
    }),
  }
}

/**
 * A row as libSQL's clients shape it, and as drizzle reads it: values by index (not enumerable)
 * and by column name (enumerable; the first column of a name wins).
 */
function toRow(values: unknown[], columns: string[]): Row {
  const row: Record<string | number, unknown> = {}
  Object.defineProperty(row, 'length', { value: values.length })
  for (let i = 0; i < values.length; i++) {
    const raw = values[i]
    const value = raw instanceof Buffer ? toArrayBuffer(raw) : raw
    Object.defineProperty(row, i, { value })
    const name = columns[i]
    if (name !== undefined && !Object.hasOwn(row, name)) {
      Object.defineProperty(row, name, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      })
    }
  }
  return row as Row
}

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength,
  ) as ArrayBuffer
}

function bindable(args: InArgs): unknown[] | Record<string, unknown> {
  if (Array.isArray(args)) return args.map(bindValue)
  const named: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(args)) {
    named[/^[@$:]/.test(key) ? key.slice(1) : key] = bindValue(value)
  }
  return named
}

function bindValue(value: InValue): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.valueOf()
  if (value instanceof ArrayBuffer) return Buffer.from(value)
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length)
  return value
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

/**
 * Runs Hrana stream requests against one real libSQL connection (the `libsql` npm package).
 * The HTTP side (batons, streams, auth) lives in libsql-http-server.ts; this file is only "what
 * does sqld do with this request on this connection", modelled on libsql-server/src/hrana
 * (stmt.rs, batch.rs, http/request.rs) and libsql-server/src/connection/program.rs.
 */
import Database from 'libsql'
import {
  type BatchCond,
  type BatchStep,
  encodeValue,
  HranaError,
  type JsonBatchResult,
  type JsonDescribeResult,
  type JsonStmtResult,
  type JsonStreamResponse,
  ProtocolError,
  type SqlRef,
  type SqlValue,
  type Stmt,
  type StreamRequest,
} from './hrana-protocol.ts'
import { type ScannedStatement, splitStatements } from './sql-scan.ts'

export type Connection = Database.Database

/** Per-stream state that requests read and change. `db` is null once the stream got `close`. */
export interface StreamState {
  db: Connection | null
  /** SQL texts stored with `store_sql`, by id. */
  sqls: Map<number, string>
}

export interface EngineOptions {
  /** The database file every stream connects to. */
  path: string
  /** How long a statement keeps retrying while another connection holds the write lock. */
  busyTimeoutMs: number
}

// sqld's limits for `store_sql` (libsql-server/src/hrana/http/request.rs).
const MAX_STORED_SQLS = 50
const MAX_STORED_SQL_BYTES = 5 * 1024

/**
 * Opens a connection set up as our Node entry sets up its own: WAL, foreign keys on, and a busy
 * timeout. The busy timeout is the one deliberate difference: SQLite's own busy handler would
 * sleep *synchronously*, freezing this single-threaded server, including the request that would
 * release the lock (the COMMIT of an interactive transaction on another stream). So SQLite's is
 * set to 0 and `retryWhileBusy` waits asynchronously for up to `busyTimeoutMs` instead.
 */
export async function openConnection(options: EngineOptions): Promise<Connection> {
  const db = new Database(options.path)
  try {
    db.exec('PRAGMA busy_timeout = 0')
    await retryWhileBusy(() => db.exec('PRAGMA journal_mode = WAL'), options.busyTimeoutMs)
    db.exec('PRAGMA foreign_keys = ON')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Handles one request of a pipeline. Throws HranaError (reported in its slot) or ProtocolError. */
export async function handleStreamRequest(
  stream: StreamState,
  request: StreamRequest,
  options: EngineOptions,
): Promise<JsonStreamResponse> {
  switch (request.type) {
    case 'close':
      stream.db?.close()
      stream.db = null
      return { type: 'close' }
    case 'execute': {
      const compiled = compileStmt(openDb(stream), request.stmt, stream.sqls)
      return { type: 'execute', result: await executeStmt(stream, compiled, options) }
    }
    case 'batch':
      return { type: 'batch', result: await executeBatch(stream, request.steps, options) }
    case 'sequence':
      await executeSequence(stream, resolveSql(request, stream.sqls), options)
      return { type: 'sequence' }
    case 'describe':
      return {
        type: 'describe',
        result: describe(openDb(stream), resolveSql(request, stream.sqls)),
      }
    case 'store_sql':
      storeSql(stream.sqls, request.sqlId, request.sql)
      return { type: 'store_sql' }
    case 'close_sql':
      stream.sqls.delete(request.sqlId)
      return { type: 'close_sql' }
    case 'get_autocommit':
      return { type: 'get_autocommit', is_autocommit: !openDb(stream).inTransaction }
  }
}

function openDb(stream: StreamState): Connection {
  if (stream.db === null) throw new ProtocolError('The stream for this baton has been closed')
  return stream.db
}

function storeSql(sqls: Map<number, string>, sqlId: number, sql: string): void {
  if (sqls.has(sqlId)) throw new ProtocolError(`SQL text with id ${sqlId} already exists`)
  if (sqls.size >= MAX_STORED_SQLS) {
    throw new HranaError(
      'SQL_STORE_TOO_MANY',
      `The server already stores ${sqls.size} SQL texts, it cannot store more`,
    )
  }
  if (Buffer.byteLength(sql) > MAX_STORED_SQL_BYTES) {
    throw new HranaError('SQL_STORE_TOO_LARGE', 'The statement is too large to be stored')
  }
  sqls.set(sqlId, sql)
}

function resolveSql(ref: SqlRef, sqls: Map<number, string>): string {
  if (ref.sql !== undefined && ref.sqlId !== undefined) {
    throw new ProtocolError('Only one of `sql` and `sql_id` may be given')
  }
  if (ref.sql !== undefined) return ref.sql
  if (ref.sqlId === undefined) throw new ProtocolError('One of `sql` and `sql_id` must be given')
  const sql = sqls.get(ref.sqlId)
  if (sql === undefined) throw new ProtocolError(`SQL text with id ${ref.sqlId} was not found`)
  return sql
}

// --- statements --------------------------------------------------------------------------------

/** A statement checked and ready to run: one statement, its arguments, what to return. */
interface CompiledStmt {
  statement: ScannedStatement
  args: SqlValue[]
  namedArgs: Map<string, SqlValue>
  wantRows: boolean
}

/**
 * What sqld checks before running anything: the text holds exactly one statement, it parses, and
 * arguments are not both positional and named. These failures fail the whole request (for a
 * batch: the whole batch, before any step runs), not one step.
 */
function compileStmt(db: Connection, stmt: Stmt, sqls: Map<number, string>): CompiledStmt {
  const statements = splitStatements(resolveSql(stmt, sqls))
  const statement = statements[0]
  if (statement === undefined) {
    throw new HranaError('SQL_NO_STATEMENT', 'SQL string does not contain any statement')
  }
  if (statements.length > 1) {
    throw new HranaError('SQL_MANY_STATEMENTS', 'SQL string contains more than one statement')
  }
  if (stmt.args.length > 0 && stmt.namedArgs.size > 0) {
    throw new HranaError(
      'ARGS_BOTH_POSITIONAL_AND_NAMED',
      'Specifying both positional and named arguments is not supported',
    )
  }
  checkSyntax(db, statement.sql)
  return { statement, args: stmt.args, namedArgs: stmt.namedArgs, wantRows: stmt.wantRows }
}

/**
 * sqld parses SQL before it runs any of it, so a syntax error is a request error (code
 * SQL_PARSE_ERROR). SQLite's prepare is our parser; any other prepare failure (say, a table that
 * an earlier batch step creates) is left for execution to report.
 */
function checkSyntax(db: Connection, sql: string): void {
  try {
    db.prepare(sql)
  } catch (error) {
    const failure = sqliteFailure(error, 'prepare')
    if (failure.code === 'SQL_PARSE_ERROR') throw failure
  }
}

async function executeStmt(
  stream: StreamState,
  compiled: CompiledStmt,
  options: EngineOptions,
): Promise<JsonStmtResult> {
  const values = bindValues(compiled)
  const started = performance.now()
  const outcome = await runStatement(stream, compiled.statement, values, options)
  const rows = compiled.wantRows ? outcome.rows.map((row) => row.map(encodeValue)) : []
  return {
    cols: outcome.cols,
    rows,
    affected_row_count: outcome.affectedRowCount,
    last_insert_rowid: outcome.lastInsertRowid,
    // sqld reads these from SQLite's statement counters, which the `libsql` package does not
    // expose; rows returned and rows changed are the nearest honest stand-ins.
    rows_read: outcome.rows.length,
    rows_written: outcome.affectedRowCount,
    query_duration_ms: performance.now() - started,
  }
}

interface RunOutcome {
  cols: { name: string | null; decltype: string | null }[]
  rows: unknown[][]
  affectedRowCount: number
  lastInsertRowid: string | null
}

/**
 * Prepares and runs one statement, waiting out SQLITE_BUSY. The wait re-runs the *same* prepared
 * statement: a statement stopped by SQLITE_BUSY stays pending inside SQLite (a later step resumes
 * it), and while it is pending SQLite holds back the commit of any later autocommit write on that
 * connection. Running it to completion clears that; preparing a fresh copy would not.
 */
async function runStatement(
  stream: StreamState,
  statement: ScannedStatement,
  values: SqlValue[],
  options: EngineOptions,
): Promise<RunOutcome> {
  const db = openDb(stream)
  const prepared = await retryWhileBusy(() => prepare(db, statement.sql), options.busyTimeoutMs)
  try {
    return await retryWhileBusy(
      () => runPrepared(db, prepared, statement, values),
      options.busyTimeoutMs,
    )
  } catch (error) {
    if (isRetryableBusy(error)) await abandonPendingStatement(stream, options)
    throw error
  }
}

function prepare(db: Connection, sql: string): Database.Statement {
  try {
    return db.prepare(sql)
  } catch (error) {
    throw sqliteFailure(error, 'prepare')
  }
}

function runPrepared(
  db: Connection,
  prepared: Database.Statement,
  statement: ScannedStatement,
  values: SqlValue[],
): RunOutcome {
  try {
    // `raw()` is only allowed on statements that return rows (SELECT, ... RETURNING, some PRAGMAs).
    const reader = prepared.reader
    const cols = reader ? prepared.columns().map((c) => ({ name: c.name, decltype: c.type })) : []
    const rows = reader ? (prepared.raw(true).safeIntegers(true).all(values) as unknown[][]) : []
    if (!reader) prepared.run(values)
    return { cols, rows, ...changeCounters(db, statement) }
  } catch (error) {
    throw sqliteFailure(error, 'step')
  }
}

/**
 * After giving up on SQLITE_BUSY the statement is still pending, and `libsql` can neither reset
 * nor finalize it. Outside a transaction nothing is lost by swapping in a fresh connection, so we
 * do. Inside one we keep the connection (the client will usually roll back); a later COMMIT on it
 * may then fail, where sqld's would not.
 */
async function abandonPendingStatement(stream: StreamState, options: EngineOptions): Promise<void> {
  const db = openDb(stream)
  if (db.inTransaction) return
  db.close()
  stream.db = null
  stream.db = await openConnection(options)
}

/**
 * sqlite3_changes() keeps the count of the last INSERT/UPDATE/DELETE even after a SELECT or DDL,
 * so sqld reports it only for those statements (and the rowid only for INSERT).
 */
function changeCounters(db: Connection, statement: ScannedStatement) {
  if (!statement.isIud) return { affectedRowCount: 0, lastInsertRowid: null }
  const row = db
    .prepare('SELECT changes(), last_insert_rowid()')
    .raw(true)
    .safeIntegers(true)
    .get() as [bigint, bigint]
  return {
    affectedRowCount: Number(row[0]),
    lastInsertRowid: statement.isInsert ? row[1].toString() : null,
  }
}

/**
 * sqld's binding rules (libsql-server/src/query.rs): walk SQLite's parameters in index order;
 * `?` and `?NNN` take positional arguments, `:name` takes the named argument "`:name`" or, failing
 * that, "`name`". A missing value or too many arguments is ARGS_INVALID. (The `libsql` package
 * alone would bind a missing value as NULL, ignore extras, and cannot take named arguments for a
 * statement that also has `?`.) The result is always positional, one value per SQLite index.
 */
function bindValues({ statement, args, namedArgs }: CompiledStmt): SqlValue[] {
  const given = args.length + namedArgs.size
  if (given > statement.params.length) {
    throw argsInvalid(`too many parameters, expected ${statement.params.length} found ${given}`)
  }
  return statement.params.map((slot, i) => {
    const value =
      slot.kind === 'positional'
        ? args[i]
        : slot.kind === 'numbered'
          ? args[slot.position - 1]
          : (namedArgs.get(slot.name) ?? namedArgs.get(slot.name.slice(1)))
    if (value !== undefined) return value
    if (statement.isExplain) return null // sqld lets EXPLAIN run with parameters unbound
    const label =
      slot.kind === 'named' ? slot.name : slot.kind === 'numbered' ? `?${slot.position}` : i + 1
    throw argsInvalid(`value for parameter ${label} not found`)
  })
}

function argsInvalid(reason: string): HranaError {
  return new HranaError('ARGS_INVALID', `Arguments do not match SQL parameters: ${reason}`)
}

// --- batches and sequences ---------------------------------------------------------------------

/**
 * Runs steps in order. A step whose condition is false is skipped: both its result and its error
 * are null. As in sqld, a step "succeeded" only if it ran without error, so `error` of a skipped
 * step is true.
 */
async function executeBatch(
  stream: StreamState,
  steps: BatchStep[],
  options: EngineOptions,
): Promise<JsonBatchResult> {
  const compiled = steps.map((step, i) => {
    if (step.condition !== undefined) checkCondSteps(step.condition, i)
    return compileStmt(openDb(stream), step.stmt, stream.sqls)
  })
  const succeeded: boolean[] = []
  const result: JsonBatchResult = { step_results: [], step_errors: [] }
  for (const [i, stmt] of compiled.entries()) {
    const condition = steps[i]?.condition
    const isAutocommit = !openDb(stream).inTransaction
    const enabled = condition === undefined || evalCond(condition, succeeded, isAutocommit)
    let stepResult: JsonStmtResult | null = null
    let stepError: HranaError | null = null
    if (enabled) {
      try {
        stepResult = await executeStmt(stream, stmt, options)
      } catch (error) {
        if (!(error instanceof HranaError)) throw error
        stepError = error
      }
    }
    succeeded.push(stepResult !== null)
    result.step_results.push(stepResult)
    result.step_errors.push(stepError?.toJson() ?? null)
  }
  return result
}

/** A condition may only look at earlier steps; anything else is a protocol error in sqld. */
function checkCondSteps(cond: BatchCond, stepIndex: number): void {
  switch (cond.type) {
    case 'ok':
    case 'error':
      if (cond.step < 0 || cond.step >= stepIndex) {
        throw new ProtocolError(`Batch condition of step ${stepIndex} refers to step ${cond.step}`)
      }
      return
    case 'not':
      return checkCondSteps(cond.cond, stepIndex)
    case 'and':
    case 'or':
      for (const c of cond.conds) checkCondSteps(c, stepIndex)
      return
    case 'is_autocommit':
      return
  }
}

function evalCond(cond: BatchCond, succeeded: boolean[], isAutocommit: boolean): boolean {
  switch (cond.type) {
    case 'ok':
      return succeeded[cond.step] === true
    case 'error':
      return succeeded[cond.step] !== true
    case 'not':
      return !evalCond(cond.cond, succeeded, isAutocommit)
    case 'and':
      return cond.conds.every((c) => evalCond(c, succeeded, isAutocommit))
    case 'or':
      return cond.conds.some((c) => evalCond(c, succeeded, isAutocommit))
    case 'is_autocommit':
      return isAutocommit
  }
}

/**
 * `executeMultiple()`: run each statement of the text, without arguments (a parameter is
 * ARGS_INVALID), stopping at the first error. The text is split here rather than handed to
 * SQLite's exec so that a statement waiting for the write lock is retried alone, without
 * re-running the ones before it.
 */
async function executeSequence(
  stream: StreamState,
  sql: string,
  options: EngineOptions,
): Promise<void> {
  const statements = splitStatements(sql)
  for (const statement of statements) checkSyntax(openDb(stream), statement.sql)
  for (const statement of statements) {
    const values = bindValues({ statement, args: [], namedArgs: new Map(), wantRows: false })
    await runStatement(stream, statement, values, options)
  }
}

/**
 * Minimal `describe`: columns from the prepared statement, parameters from our lexer. sqld's
 * `is_readonly` comes from sqlite3_stmt_readonly(), which `libsql` does not expose; "returns rows
 * and is not INSERT/UPDATE/DELETE" approximates it.
 */
function describe(db: Connection, sql: string): JsonDescribeResult {
  const statement = splitStatements(sql)[0]
  if (statement === undefined) {
    throw new HranaError('SQL_NO_STATEMENT', 'SQL string does not contain any statement')
  }
  const prepared = prepare(db, statement.sql)
  const reader = prepared.reader
  return {
    params: statement.params.map((slot) => ({
      name:
        slot.kind === 'named' ? slot.name : slot.kind === 'numbered' ? `?${slot.position}` : null,
    })),
    cols: reader ? prepared.columns().map((c) => ({ name: c.name, decltype: c.type })) : [],
    is_explain: statement.isExplain,
    is_readonly: reader && !statement.isIud,
  }
}

// --- SQLite errors -----------------------------------------------------------------------------

const SQLITE_ERROR = 1
const SQLITE_BUSY = 5
const SQLITE_BUSY_SNAPSHOT = 517

/**
 * sqld names errors by SQLite's *primary* result code, through rusqlite's ErrorCode, which has no
 * variant for SQLITE_ERROR (1): a generic error is reported as SQLITE_UNKNOWN.
 */
const PRIMARY_CODE_NAMES: Record<number, string> = {
  2: 'SQLITE_INTERNAL',
  3: 'SQLITE_PERM',
  4: 'SQLITE_ABORT',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY',
  9: 'SQLITE_INTERRUPT',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  12: 'SQLITE_NOTFOUND',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  15: 'SQLITE_PROTOCOL',
  17: 'SQLITE_SCHEMA',
  18: 'SQLITE_TOOBIG',
  19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH',
  21: 'SQLITE_MISUSE',
  22: 'SQLITE_NOLFS',
  23: 'SQLITE_AUTH',
  25: 'SQLITE_RANGE',
  26: 'SQLITE_NOTADB',
}

/**
 * Turns an error thrown by `libsql` into the error sqld would report. Failures while preparing
 * are about the SQL text: syntax errors are SQL_PARSE_ERROR (sqld's own parser rejects them) and
 * the rest (no such table, no such column) SQL_INPUT_ERROR. sqld appends "(at offset N)" to the
 * latter; `libsql` does not tell us the offset.
 */
function sqliteFailure(error: unknown, phase: 'prepare' | 'step'): HranaError {
  if (error instanceof HranaError) return error
  const rawCode = (error as { rawCode?: unknown }).rawCode
  if (!(error instanceof Error) || typeof rawCode !== 'number') throw error // not SQLite's: a bug here
  const primary = rawCode & 0xff
  if (phase === 'prepare' && primary === SQLITE_ERROR) {
    if (/syntax error|incomplete input|unrecognized token/.test(error.message)) {
      return new HranaError(
        'SQL_PARSE_ERROR',
        `SQL string could not be parsed: ${error.message}`,
        rawCode,
      )
    }
    return new HranaError('SQL_INPUT_ERROR', `SQL input error: ${error.message}`, rawCode)
  }
  const code = PRIMARY_CODE_NAMES[primary] ?? 'SQLITE_UNKNOWN'
  return new HranaError(code, `SQLite error: ${error.message}`, rawCode)
}

/**
 * Retries `attempt` while it fails with SQLITE_BUSY (another connection holds the lock), sleeping
 * between tries so other requests, including the lock holder's, can run. A busy snapshot (a
 * transaction that read before another one wrote) cannot succeed by waiting, so it fails at once.
 */
export async function retryWhileBusy<T>(attempt: () => T, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    try {
      return attempt()
    } catch (error) {
      if (!isRetryableBusy(error) || Date.now() + delay > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}

function isRetryableBusy(error: unknown): boolean {
  const code =
    error instanceof HranaError
      ? error.sqliteCode
      : (error as { rawCode?: unknown } | null)?.rawCode
  return typeof code === 'number' && (code & 0xff) === SQLITE_BUSY && code !== SQLITE_BUSY_SNAPSHOT
}

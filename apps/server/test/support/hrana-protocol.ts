/**
 * The JSON shapes of Hrana over HTTP (versions 2 and 3), as the test libSQL HTTP server reads and
 * writes them. Field names follow what @libsql/hrana-client encodes (http/json_encode.js,
 * shared/json_encode.js) and decodes (http/json_decode.js, shared/json_decode.js).
 *
 * Requests are parsed into small typed values and checked on the way in: a malformed body is a
 * `ProtocolError`, which sqld answers with HTTP 400 for the whole pipeline.
 */

/** The Hrana version of the endpoint a request came in on (/v2/pipeline or /v3/pipeline). */
export type HranaVersion = 2 | 3

/** A value as the libSQL engine binds and returns it (integers as bigint, blobs as bytes). */
export type SqlValue = null | bigint | number | string | Uint8Array

export interface Stmt {
  sql?: string
  sqlId?: number
  args: SqlValue[]
  namedArgs: Map<string, SqlValue>
  wantRows: boolean
}

export type BatchCond =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: BatchCond }
  | { type: 'and' | 'or'; conds: BatchCond[] }
  | { type: 'is_autocommit' }

export interface BatchStep {
  condition?: BatchCond
  stmt: Stmt
}

/** `sql` or `sql_id` (stored earlier with `store_sql`): exactly one must be given. */
export interface SqlRef {
  sql?: string
  sqlId?: number
}

export type StreamRequest =
  | { type: 'close' }
  | { type: 'execute'; stmt: Stmt }
  | { type: 'batch'; steps: BatchStep[] }
  | ({ type: 'sequence' } & SqlRef)
  | ({ type: 'describe' } & SqlRef)
  | { type: 'store_sql'; sqlId: number; sql: string }
  | { type: 'close_sql'; sqlId: number }
  | { type: 'get_autocommit' }

export interface PipelineRequest {
  baton: string | null
  requests: StreamRequest[]
}

// --- what goes back on the wire ----------------------------------------------------------------

export type JsonValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string }

export interface JsonError {
  message: string
  code: string
}

export interface JsonCol {
  name: string | null
  decltype: string | null
}

export interface JsonStmtResult {
  cols: JsonCol[]
  rows: JsonValue[][]
  affected_row_count: number
  last_insert_rowid: string | null
  rows_read: number
  rows_written: number
  query_duration_ms: number
}

export interface JsonBatchResult {
  step_results: (JsonStmtResult | null)[]
  step_errors: (JsonError | null)[]
}

export interface JsonDescribeResult {
  params: { name: string | null }[]
  cols: { name: string; decltype: string | null }[]
  is_explain: boolean
  is_readonly: boolean
}

export type JsonStreamResponse =
  | { type: 'close' | 'sequence' | 'store_sql' | 'close_sql' }
  | { type: 'execute'; result: JsonStmtResult }
  | { type: 'batch'; result: JsonBatchResult }
  | { type: 'describe'; result: JsonDescribeResult }
  | { type: 'get_autocommit'; is_autocommit: boolean }

export type JsonStreamResult =
  | { type: 'ok'; response: JsonStreamResponse }
  | { type: 'error'; error: JsonError }

export interface JsonPipelineResponse {
  baton: string | null
  base_url: string | null
  results: JsonStreamResult[]
}

// --- errors ------------------------------------------------------------------------------------

/** The client broke the protocol. The whole HTTP request fails with 400 (as in sqld). */
export class ProtocolError extends Error {
  override name = 'ProtocolError'
}

/**
 * A request (or batch step) failed; reported in its result slot as `{ message, code }` while the
 * rest of the pipeline carries on. `sqliteCode` keeps SQLite's extended result code, if any.
 */
export class HranaError extends Error {
  override name = 'HranaError'
  readonly code: string
  readonly sqliteCode: number | undefined

  constructor(code: string, message: string, sqliteCode?: number) {
    super(message)
    this.code = code
    this.sqliteCode = sqliteCode
  }

  toJson(): JsonError {
    return { message: this.message, code: this.code }
  }
}

// --- parsing requests --------------------------------------------------------------------------

type Json = Record<string, unknown>

export function parsePipelineRequest(body: unknown, version: HranaVersion): PipelineRequest {
  const obj = object(body, 'pipeline request body')
  return {
    baton: optString(obj.baton, 'baton') ?? null,
    requests: array(obj.requests, 'requests').map((r) => parseStreamRequest(r, version)),
  }
}

function parseStreamRequest(value: unknown, version: HranaVersion): StreamRequest {
  const obj = object(value, 'stream request')
  const type = string(obj.type, 'stream request type')
  switch (type) {
    case 'close':
      return { type }
    case 'execute':
      return { type, stmt: parseStmt(obj.stmt) }
    case 'batch': {
      const batch = object(obj.batch, 'batch')
      return { type, steps: array(batch.steps, 'batch steps').map((s) => parseStep(s, version)) }
    }
    case 'sequence':
    case 'describe':
      return { type, ...parseSqlRef(obj) }
    case 'store_sql':
      return { type, sqlId: integer(obj.sql_id, 'sql_id'), sql: string(obj.sql, 'sql') }
    case 'close_sql':
      return { type, sqlId: integer(obj.sql_id, 'sql_id') }
    case 'get_autocommit':
      requireVersion(version, 3, 'The `get_autocommit` request')
      return { type }
    default:
      throw new ProtocolError(`Unknown stream request type ${JSON.stringify(type)}`)
  }
}

function parseSqlRef(obj: Json): SqlRef {
  const sql = optString(obj.sql, 'sql')
  const sqlId = obj.sql_id == null ? undefined : integer(obj.sql_id, 'sql_id')
  return { ...(sql !== undefined && { sql }), ...(sqlId !== undefined && { sqlId }) }
}

function parseStmt(value: unknown): Stmt {
  const obj = object(value, 'stmt')
  const args = obj.args == null ? [] : array(obj.args, 'args').map(decodeValue)
  const namedArgs = new Map<string, SqlValue>()
  for (const arg of obj.named_args == null ? [] : array(obj.named_args, 'named_args')) {
    const named = object(arg, 'named arg')
    namedArgs.set(string(named.name, 'named arg name'), decodeValue(named.value))
  }
  // sqld: "want_rows" defaults to true when absent.
  const wantRows = obj.want_rows == null ? true : boolean(obj.want_rows, 'want_rows')
  return { ...parseSqlRef(obj), args, namedArgs, wantRows }
}

function parseStep(value: unknown, version: HranaVersion): BatchStep {
  const obj = object(value, 'batch step')
  const stmt = parseStmt(obj.stmt)
  return obj.condition == null ? { stmt } : { condition: parseCond(obj.condition, version), stmt }
}

function parseCond(value: unknown, version: HranaVersion): BatchCond {
  const obj = object(value, 'batch condition')
  const type = string(obj.type, 'batch condition type')
  switch (type) {
    case 'ok':
    case 'error':
      return { type, step: integer(obj.step, 'condition step') }
    case 'not':
      return { type, cond: parseCond(obj.cond, version) }
    case 'and':
    case 'or':
      return { type, conds: array(obj.conds, 'conds').map((c) => parseCond(c, version)) }
    case 'is_autocommit':
      requireVersion(version, 3, 'BatchCond of type `is_autocommit`')
      return { type }
    default:
      throw new ProtocolError(`Unknown batch condition type ${JSON.stringify(type)}`)
  }
}

function requireVersion(version: HranaVersion, min: HranaVersion, what: string): void {
  if (version < min) {
    throw new ProtocolError(`${what} is only supported in protocol version ${min} and higher`)
  }
}

// --- values ------------------------------------------------------------------------------------

const I64_MIN = -(2n ** 63n)
const I64_MAX = 2n ** 63n - 1n

/** Hrana sends integers as decimal strings so that all 64 bits survive JSON. */
export function decodeValue(value: unknown): SqlValue {
  const obj = object(value, 'value')
  switch (obj.type) {
    case 'null':
      return null
    case 'integer': {
      const text = typeof obj.value === 'number' ? String(obj.value) : string(obj.value, 'integer')
      if (!/^-?\d+$/.test(text)) throw new ProtocolError(`Invalid integer value ${text}`)
      const n = BigInt(text)
      if (n < I64_MIN || n > I64_MAX)
        throw new ProtocolError(`Integer ${text} does not fit in 64 bits`)
      return n
    }
    case 'float':
      return number(obj.value, 'float')
    case 'text':
      return string(obj.value, 'text')
    case 'blob':
      return Buffer.from(string(obj.base64, 'blob base64'), 'base64')
    default:
      throw new ProtocolError(`Unknown value type ${JSON.stringify(obj.type)}`)
  }
}

/**
 * Encodes a value read back from libSQL. The statements run with safe integers on, so INTEGERs
 * arrive as bigint and REALs as number, even a REAL such as 2.0. (A REAL that is infinite has no
 * JSON form and would reach the client as null, as a JSON serializer like sqld's writes it.)
 */
export function encodeValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return { type: 'null' }
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() }
  if (typeof value === 'number') return { type: 'float', value }
  if (typeof value === 'string') return { type: 'text', value }
  if (value instanceof Uint8Array) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    return { type: 'blob', base64: bytes.toString('base64') }
  }
  throw new Error(`libsql returned a value of unexpected type ${typeof value}`)
}

// --- small JSON readers ------------------------------------------------------------------------

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError(`Expected ${what} to be an object`)
  }
  return value as Json
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new ProtocolError(`Expected ${what} to be an array`)
  return value
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new ProtocolError(`Expected ${what} to be a string`)
  return value
}

function optString(value: unknown, what: string): string | undefined {
  return value == null ? undefined : string(value, what)
}

function number(value: unknown, what: string): number {
  if (typeof value !== 'number') throw new ProtocolError(`Expected ${what} to be a number`)
  return value
}

function integer(value: unknown, what: string): number {
  if (!Number.isInteger(value)) throw new ProtocolError(`Expected ${what} to be an integer`)
  return value as number
}

function boolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new ProtocolError(`Expected ${what} to be a boolean`)
  return value
}

/**
 * A stand-in for Turso/sqld in tests: a small Hrana-over-HTTP server in front of a real libSQL
 * database file. The Worker build talks to Turso through `@libsql/client/web`, which speaks Hrana
 * over HTTP; pointing it (from workerd, or from Node) at this server exercises that exact client
 * code path against the real libSQL engine. Only the protocol front is ours.
 *
 * What the client sends (read from @libsql/client 0.18 and @libsql/hrana-client 0.10):
 * - `createClient` from `@libsql/client/web` opens the Hrana HTTP client at protocol version 2
 *   and never probes: every call is a JSON `POST /v2/pipeline`. (With protocol version 3, the
 *   hrana client would `GET /v3-protobuf` and fall back to v2 on a non-2xx answer; its JSON v3
 *   endpoint is commented out. We answer 404 there, so JSON v2 is what any client ends up on.)
 * - `execute()` is one request: `[execute, close]` on a new stream.
 * - `batch(stmts, mode)` is one request: a `store_sql` per distinct statement (the client's SQL
 *   cache), one `batch` of `BEGIN <mode>`, each statement conditioned on the previous step being
 *   `ok`, `COMMIT`, and a `ROLLBACK` conditioned on `not ok(COMMIT)`, then `close`.
 * - `transaction()` keeps a stream: each `execute`/`batch` on it is one request carrying the
 *   previous response's baton (the first one sends `BEGIN` in the same `batch`);
 *   `commit()`/`rollback()` send the statement together with `close`.
 * - `executeMultiple()` is `[sequence, close]`.
 *
 * Covered: POST /v2/pipeline and /v3/pipeline (JSON) with requests `execute`, `batch` (conditions
 * ok, error, not, and, or, is_autocommit), `sequence`, `describe` (minimal), `store_sql`,
 * `close_sql`, `get_autocommit` (v3) and `close`; streams named by batons that change on every
 * response, each stream owning its own libSQL connection to the file (WAL, foreign keys on), so an
 * interactive transaction spans HTTP requests; streams idle for `idleTimeoutMs` are closed (their
 * transaction rolled back) and later requests get STREAM_EXPIRED, like sqld; values (null, integer
 * as a decimal string, float, text, blob as base64); positional and named arguments with sqld's
 * binding rules; `affected_row_count`, `last_insert_rowid` (string), `cols` with decltype; errors
 * `{ message, code }` per request or batch step with sqld's codes (SQLITE_CONSTRAINT,
 * SQL_INPUT_ERROR, SQL_PARSE_ERROR, ARGS_INVALID, ...); protocol violations as HTTP 400; an
 * optional bearer token (HTTP 401 otherwise).
 *
 * Not covered: the WebSocket transport; protobuf encoding and the cursor endpoint (/v3/cursor;
 * the client only uses cursors on v3); replication and sync (embedded replicas, `replication_index`,
 * `base_url` redirects); real sqld auth (JWT validation, permissions, read-only tokens: the token
 * is compared as an opaque string); namespaces; Turso's network (latency, limits, cold starts), so
 * timings here say nothing about production. `rows_read`/`rows_written` are approximations (see
 * hrana-engine.ts), error messages follow sqld's wording but are not byte-identical, and requests
 * are handled on one thread, so a statement waiting for the write lock waits asynchronously
 * (see `openConnection`).
 *
 * Layout: this file is the HTTP side (routing, auth, streams and batons); hrana-protocol.ts holds
 * the wire shapes and request parsing; hrana-engine.ts runs requests on a libSQL connection the
 * way sqld does; sql-scan.ts is the small SQL lexer the engine needs.
 *
 * Usage: `const db = await startLibsqlHttpServer({ path })`, then
 * `createClient({ url: db.url })` from `@libsql/client/web` (or the URL as the Worker's Turso
 * URL binding), and `await db.close()` when done.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  type EngineOptions,
  handleStreamRequest,
  openConnection,
  type StreamState,
} from './hrana-engine.ts'
import {
  HranaError,
  type HranaVersion,
  type JsonPipelineResponse,
  type JsonStreamResult,
  ProtocolError,
  parsePipelineRequest,
  type StreamRequest,
} from './hrana-protocol.ts'

export interface LibsqlHttpServerOptions {
  /** Database file. Created if missing; each stream opens its own connection to it. */
  path: string
  /** When set, requests must carry `Authorization: Bearer <authToken>`. */
  authToken?: string
  /** Close streams unused for this long (sqld: 10 s). */
  idleTimeoutMs?: number
  /** How long a statement waits for another connection's write lock before SQLITE_BUSY. */
  busyTimeoutMs?: number
}

export interface LibsqlHttpServer {
  /** Base URL for `createClient({ url })`, e.g. http://127.0.0.1:54321 */
  url: string
  /** HTTP requests received so far, of any kind (proof that traffic went over HTTP). */
  readonly requests: number
  /** Streams whose libSQL connection is open (interactive transactions, unclosed streams). */
  readonly openStreams: number
  close(): Promise<void>
}

interface Stream extends StreamState {
  id: string
  /** Sequence number the next baton must carry; batons are single-use, as in sqld. */
  seq: number
  /** An HTTP request is using this stream right now. */
  busy: boolean
  idleTimer: NodeJS.Timeout | undefined
}

/** The stream has been closed for inactivity. sqld answers HTTP 500 with this code. */
class StreamExpiredError extends Error {}

export async function startLibsqlHttpServer(
  options: LibsqlHttpServerOptions,
): Promise<LibsqlHttpServer> {
  const engine: EngineOptions = {
    path: options.path,
    busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
  }
  const idleTimeoutMs = options.idleTimeoutMs ?? 10_000
  const streams = new Map<string, Stream>()
  const expiredIds = new Set<string>()
  let requests = 0

  // --- streams and batons ----------------------------------------------------------------------

  async function acquireStream(baton: string | null): Promise<Stream> {
    if (baton === null) {
      const db = await openConnection(engine)
      const stream: Stream = {
        id: randomUUID(),
        seq: 0,
        db,
        sqls: new Map(),
        busy: true,
        idleTimer: undefined,
      }
      streams.set(stream.id, stream)
      return stream
    }
    const [id = '', seq] = baton.split('.')
    const stream = streams.get(id)
    if (stream === undefined) {
      if (expiredIds.has(id))
        throw new StreamExpiredError('The stream has expired due to inactivity')
      throw new ProtocolError('The baton is invalid')
    }
    if (stream.busy || seq !== String(stream.seq)) {
      throw new ProtocolError(
        'The baton has already been used (requests on a stream must be sequential)',
      )
    }
    clearTimeout(stream.idleTimer)
    stream.busy = true
    stream.seq++
    return stream
  }

  /** Hands the stream back for the next request; returns its new baton, or null once closed. */
  function releaseStream(stream: Stream): string | null {
    stream.busy = false
    if (stream.db === null) {
      streams.delete(stream.id)
      return null
    }
    stream.idleTimer = setTimeout(() => expireStream(stream), idleTimeoutMs)
    stream.idleTimer.unref()
    return `${stream.id}.${stream.seq}`
  }

  function expireStream(stream: Stream): void {
    discardStream(stream)
    expiredIds.add(stream.id)
  }

  /** Closing the connection rolls back whatever transaction the stream left open. */
  function discardStream(stream: Stream): void {
    clearTimeout(stream.idleTimer)
    stream.db?.close()
    stream.db = null
    streams.delete(stream.id)
  }

  // --- HTTP --------------------------------------------------------------------------------------

  async function handlePipeline(req: IncomingMessage, res: ServerResponse, version: HranaVersion) {
    const body = parsePipelineRequest(await readJson(req), version)
    const stream = await acquireStream(body.baton)
    const results: JsonStreamResult[] = []
    try {
      for (const request of body.requests) {
        results.push(await runStreamRequest(stream, request))
      }
    } catch (error) {
      // As in sqld, a request that fails as a whole takes its stream with it.
      discardStream(stream)
      throw error
    }
    const response: JsonPipelineResponse = { baton: releaseStream(stream), base_url: null, results }
    sendJson(res, 200, response)
  }

  async function runStreamRequest(
    stream: Stream,
    request: StreamRequest,
  ): Promise<JsonStreamResult> {
    try {
      return { type: 'ok', response: await handleStreamRequest(stream, request, engine) }
    } catch (error) {
      if (error instanceof HranaError) return { type: 'error', error: error.toJson() }
      throw error
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    // Version probes are not authenticated: the hrana client probes with a bare GET.
    if (req.method === 'GET' && (path === '/' || path === '/health'))
      return sendText(res, 200, 'ok')
    if (req.method === 'GET' && (path === '/v2' || path === '/v3')) {
      return sendText(res, 200, `Hello, this is HTTP API ${path.slice(1)} (Hrana over HTTP)`)
    }
    if (
      options.authToken !== undefined &&
      req.headers.authorization !== `Bearer ${options.authToken}`
    ) {
      return sendJson(res, 401, { error: 'Unauthorized: missing or invalid bearer token' })
    }
    if (req.method === 'POST' && path === '/v2/pipeline') return handlePipeline(req, res, 2)
    if (req.method === 'POST' && path === '/v3/pipeline') return handlePipeline(req, res, 3)
    sendText(
      res,
      404,
      `Not found: ${req.method} ${path} (this test server speaks Hrana JSON pipelines only)`,
    )
  }

  const server = createServer((req, res) => {
    requests++
    route(req, res).catch((error: unknown) => sendError(res, error))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests
    },
    get openStreams() {
      return streams.size
    },
    async close() {
      for (const stream of [...streams.values()]) discardStream(stream)
      // fetch keeps connections alive; without this, close() would wait for them to time out.
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
    },
  }
}

// --- responses -----------------------------------------------------------------------------------

/**
 * sqld's answers for failures of a whole request: protocol errors are 400 with a text body (the
 * client reports "Server returned HTTP status 400: ..."); an expired stream is 500 with a JSON
 * error the client turns into a LibsqlError with code STREAM_EXPIRED. Anything else is a bug in
 * this server, reported loudly so a test does not mistake it for database behaviour.
 */
function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) return void res.destroy()
  if (error instanceof ProtocolError) return sendText(res, 400, error.message)
  if (error instanceof StreamExpiredError) {
    return sendJson(res, 500, { message: error.message, code: 'STREAM_EXPIRED' })
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
  console.error('libsql-http-server: internal error:', message)
  sendJson(res, 500, {
    message: `libsql-http-server internal error: ${message}`,
    code: 'INTERNAL_ERROR',
  })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

function sendText(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' }).end(body)
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new ProtocolError('Could not deserialize JSON request body')
  }
}

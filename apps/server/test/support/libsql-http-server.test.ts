import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  type Client,
  type Config,
  createClient,
  type InStatement,
  LibsqlBatchError,
  LibsqlError,
} from '@libsql/client/web'
import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql/web'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import Database from 'libsql'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  type LibsqlHttpServer,
  type LibsqlHttpServerOptions,
  startLibsqlHttpServer,
} from './libsql-http-server.ts'

let dir: string
let dbPath: string
let server: LibsqlHttpServer
let client: Client
const cleanups: (() => unknown)[] = []

async function startServer(options: Partial<LibsqlHttpServerOptions> = {}) {
  const started = await startLibsqlHttpServer({ path: dbPath, ...options })
  cleanups.push(() => started.close())
  return started
}

function connect(config: Partial<Config> & { url: string }): Client {
  const c = createClient(config)
  cleanups.push(() => c.close())
  return c
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-libsql-http-'))
  dbPath = join(dir, 'test.db')
  server = await startServer()
  client = connect({ url: server.url })
})

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  rmSync(dir, { recursive: true, force: true })
})

async function count(table: string, c: Client = client): Promise<number> {
  const rs = await c.execute(`SELECT count(*) AS n FROM ${table}`)
  return Number(rs.rows[0]?.n)
}

async function rejection(promise: Promise<unknown>): Promise<LibsqlError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(LibsqlError)
  return error as LibsqlError
}

describe('@libsql/client/web against the test libSQL HTTP server', () => {
  it('executes statements over HTTP with positional and named arguments', async () => {
    const before = server.requests
    await client.execute(
      'CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL, score REAL)',
    )
    const inserted = await client.execute({
      sql: 'INSERT INTO notes (title, score) VALUES (?, ?)',
      args: ['first', 1.5],
    })
    expect(inserted.rowsAffected).toBe(1)
    expect(inserted.lastInsertRowid).toBe(1n)
    await client.execute({
      sql: 'INSERT INTO notes (title, score) VALUES (:title, @score)',
      args: { title: 'second', score: 2 },
    })
    await client.execute({
      sql: 'INSERT INTO notes (title) VALUES ($title)',
      args: { $title: 'third' },
    })

    const rs = await client.execute({
      sql: 'SELECT id, title, score FROM notes WHERE id >= ?1 ORDER BY id',
      args: [1],
    })
    expect(rs.columns).toEqual(['id', 'title', 'score'])
    expect(rs.columnTypes).toEqual(['INTEGER', 'TEXT', 'REAL'])
    expect(rs.rows.map((row) => ({ ...row }))).toEqual([
      { id: 1, title: 'first', score: 1.5 },
      { id: 2, title: 'second', score: 2 },
      { id: 3, title: 'third', score: null },
    ])
    expect(rs.rowsAffected).toBe(0)
    expect(rs.lastInsertRowid).toBeUndefined()

    const updated = await client.execute({
      sql: 'UPDATE notes SET score = 0 WHERE id > ?',
      args: [1],
    })
    expect(updated.rowsAffected).toBe(2)
    expect(updated.lastInsertRowid).toBeUndefined()
    // One HTTP request per execute(): the traffic really went over HTTP.
    expect(server.requests - before).toBe(6)
  })

  it('round-trips null, big integers, floats, text and blobs', async () => {
    const c = connect({ url: server.url, intMode: 'bigint' })
    await c.execute('CREATE TABLE vals (i INTEGER, f REAL, t TEXT, b BLOB, n ANY)')
    const big = 2n ** 62n + 1n
    const min = -(2n ** 63n)
    const bytes = new Uint8Array([0, 1, 2, 250, 255])
    await c.batch(
      [
        {
          sql: 'INSERT INTO vals VALUES (?, ?, ?, ?, ?)',
          args: [big, 2.5, 'héllo ✓ 🎉', bytes, null],
        },
        {
          sql: 'INSERT INTO vals VALUES (?, ?, ?, ?, ?)',
          args: [min, 1, '', new Uint8Array(0), null],
        },
      ],
      'write',
    )

    const rs = await c.execute(
      'SELECT i, f, t, b, n, typeof(f) AS tf, typeof(b) AS tb FROM vals ORDER BY rowid',
    )
    const [first, second] = rs.rows
    expect(first?.i).toBe(big)
    expect(first?.f).toBe(2.5)
    expect(first?.t).toBe('héllo ✓ 🎉')
    expect(new Uint8Array(first?.b as ArrayBuffer)).toEqual(bytes)
    expect(first?.n).toBeNull()
    expect(second?.i).toBe(min)
    // In bigint mode an INTEGER would come back as a bigint: a number means it stayed a REAL.
    expect(second?.f).toBe(1)
    expect(second?.tf).toBe('real')
    expect((second?.b as ArrayBuffer | undefined)?.byteLength).toBe(0)
    expect(second?.tb).toBe('blob')

    const literal = await c.execute(
      "SELECT 9223372036854775807 AS max, 0.1 + 0.2 AS sum, x'cafe' AS blob",
    )
    expect(literal.rows[0]?.max).toBe(2n ** 63n - 1n)
    expect(literal.rows[0]?.sum).toBe(0.1 + 0.2)
    expect(new Uint8Array(literal.rows[0]?.blob as ArrayBuffer)).toEqual(
      new Uint8Array([0xca, 0xfe]),
    )
  })

  it("runs batch(..., 'write') atomically: a failing statement rolls back the earlier ones", async () => {
    await client.execute('CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)')

    const error = await rejection(
      client.batch(
        [
          { sql: 'INSERT INTO users (email) VALUES (?)', args: ['a@example.com'] },
          { sql: 'INSERT INTO users (email) VALUES (?)', args: ['b@example.com'] },
          { sql: 'INSERT INTO users (email) VALUES (?)', args: ['a@example.com'] },
        ],
        'write',
      ),
    )
    expect(error).toBeInstanceOf(LibsqlBatchError)
    expect(error.code).toBe('SQLITE_CONSTRAINT')
    expect((error as LibsqlBatchError).statementIndex).toBe(2)
    expect(await count('users')).toBe(0)

    const results = await client.batch(
      [
        { sql: 'INSERT INTO users (email) VALUES (?)', args: ['a@example.com'] },
        { sql: 'INSERT INTO users (email) VALUES (?)', args: ['b@example.com'] },
        'SELECT email FROM users ORDER BY id',
      ],
      'write',
    )
    expect(results.map((r) => r.rowsAffected)).toEqual([1, 1, 0])
    expect(results[1]?.lastInsertRowid).toBe(2n)
    expect(results[2]?.rows.map((r) => r.email)).toEqual(['a@example.com', 'b@example.com'])
  })

  it('commits an interactive transaction that spans several HTTP requests', async () => {
    await client.execute('CREATE TABLE t (v INTEGER)')
    const tx = await client.transaction('write')
    const before = server.requests
    await tx.execute({ sql: 'INSERT INTO t VALUES (?)', args: [1] })
    await tx.execute({ sql: 'INSERT INTO t VALUES (?)', args: [2] })
    expect(await count('t', tx as unknown as Client)).toBe(2)
    expect(server.openStreams).toBe(1)
    // Another stream (another connection) does not see uncommitted rows.
    expect(await count('t')).toBe(0)
    await tx.commit()

    expect(server.requests - before).toBe(5) // 3 in the transaction, 1 outside, 1 commit
    expect(server.openStreams).toBe(0)
    expect(await count('t')).toBe(2)
  })

  it('rolls back an interactive transaction', async () => {
    await client.execute('CREATE TABLE t (v INTEGER)')
    const tx = await client.transaction('write')
    await tx.execute('INSERT INTO t VALUES (1)')
    await tx.batch(['INSERT INTO t VALUES (2)', 'INSERT INTO t VALUES (3)'])
    await tx.rollback()
    expect(server.openStreams).toBe(0)
    expect(await count('t')).toBe(0)
  })

  it('keeps a transaction usable after a statement in it fails', async () => {
    await client.execute('CREATE TABLE t (v INTEGER UNIQUE)')
    const tx = await client.transaction('write')
    await tx.execute('INSERT INTO t VALUES (1)')
    const error = await rejection(tx.execute('INSERT INTO t VALUES (1)'))
    expect(error.code).toBe('SQLITE_CONSTRAINT')
    await tx.execute('INSERT INTO t VALUES (2)')
    await tx.commit()
    expect(await count('t')).toBe(2)
  })

  it('reports errors with the codes sqld uses', async () => {
    await client.batch(
      [
        'CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT UNIQUE)',
        'CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parents(id))',
        "INSERT INTO parents (name) VALUES ('p')",
      ],
      'write',
    )
    const codeOf = async (stmt: InStatement) => {
      const error = await rejection(client.execute(stmt))
      return { code: error.code, message: error.message }
    }

    expect(await codeOf("INSERT INTO parents (name) VALUES ('p')")).toEqual({
      code: 'SQLITE_CONSTRAINT',
      message: 'SQLITE_CONSTRAINT: SQLite error: UNIQUE constraint failed: parents.name',
    })
    // foreign_keys=ON on the server's connections
    expect(await codeOf('INSERT INTO children (parent_id) VALUES (42)')).toMatchObject({
      code: 'SQLITE_CONSTRAINT',
      message: expect.stringContaining('FOREIGN KEY constraint failed'),
    })
    expect(await codeOf('SELECT * FROM missing')).toEqual({
      code: 'SQL_INPUT_ERROR',
      message: 'SQL_INPUT_ERROR: SQL input error: no such table: missing',
    })
    expect((await codeOf('SELEC 1')).code).toBe('SQL_PARSE_ERROR')
    expect((await codeOf('SELECT 1; SELECT 2')).code).toBe('SQL_MANY_STATEMENTS')
    expect((await codeOf('')).code).toBe('SQL_NO_STATEMENT')
    expect((await codeOf({ sql: 'SELECT ?, ?', args: [1] })).code).toBe('ARGS_INVALID')
    expect((await codeOf({ sql: 'SELECT ?', args: [1, 2] })).code).toBe('ARGS_INVALID')
    expect((await codeOf({ sql: 'SELECT :a', args: { b: 1 } })).code).toBe('ARGS_INVALID')
    expect((await codeOf('COMMIT')).code).toBe('SQLITE_UNKNOWN') // generic SQLITE_ERROR, as rusqlite names it
  })

  it('runs executeMultiple() scripts, trigger bodies included, stopping at the first error', async () => {
    await client.executeMultiple(`
      CREATE TABLE a (x INTEGER);
      CREATE TABLE log (x INTEGER, note TEXT);
      CREATE TRIGGER a_log AFTER INSERT ON a BEGIN
        INSERT INTO log VALUES (new.x, 'one;');
        INSERT INTO log VALUES (new.x * 10, 'two');
      END;
      INSERT INTO a VALUES (1); -- a comment; still fine
    `)
    const log = await client.execute('SELECT x, note FROM log ORDER BY x')
    expect(log.rows.map((r) => [r.x, r.note])).toEqual([
      [1, 'one;'],
      [10, 'two'],
    ])

    const error = await rejection(
      client.executeMultiple(
        'INSERT INTO a VALUES (2); INSERT INTO nope VALUES (1); INSERT INTO a VALUES (3);',
      ),
    )
    expect(error.code).toBe('SQL_INPUT_ERROR')
    const a = await client.execute('SELECT x FROM a ORDER BY x')
    expect(a.rows.map((r) => r.x)).toEqual([1, 2])
  })

  it('client.close() closes the client and its open streams, rolling back their transactions', async () => {
    await client.execute('CREATE TABLE t (v INTEGER)')
    const tx = await client.transaction('write')
    await tx.execute('INSERT INTO t VALUES (1)')
    expect(server.openStreams).toBe(1)

    client.close()
    expect(client.closed).toBe(true)
    await expect(client.execute('SELECT 1')).rejects.toThrow()
    // The client sends `close` for the transaction's stream on its way out.
    await vi.waitFor(() => expect(server.openStreams).toBe(0))

    expect(await count('t', connect({ url: server.url }))).toBe(0)
  })

  it('enforces the auth token', async () => {
    const secured = await startServer({ authToken: 's3cret' })

    for (const authToken of [undefined, 'wrong']) {
      const c = connect({ url: secured.url, ...(authToken !== undefined && { authToken }) })
      const error = await rejection(c.execute('SELECT 1'))
      expect(error.code).toBe('SERVER_ERROR')
      expect(error.message).toContain('401')
    }

    const ok = connect({ url: secured.url, authToken: 's3cret' })
    const rs = await ok.execute('SELECT 1 AS one')
    expect(rs.rows[0]?.one).toBe(1)
  })

  it('writes to the file that libsql opens directly, and reads what it writes', async () => {
    await client.batch(
      ['CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)', "INSERT INTO t (v) VALUES ('over http')"],
      'write',
    )

    const direct = new Database(dbPath)
    try {
      expect(direct.prepare('PRAGMA journal_mode').raw(true).get()).toEqual(['wal'])
      expect(direct.prepare('SELECT v FROM t').raw(true).all()).toEqual([['over http']])
      direct.prepare('INSERT INTO t (v) VALUES (?)').run(['direct'])
    } finally {
      direct.close()
    }

    const rs = await client.execute('SELECT v FROM t ORDER BY id')
    expect(rs.rows.map((r) => r.v)).toEqual(['over http', 'direct'])
  })

  it('serves drizzle-orm through the web client', async () => {
    const people = sqliteTable('people', {
      id: integer('id').primaryKey({ autoIncrement: true }),
      name: text('name').notNull().unique(),
      createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    })
    const db = drizzle({ client })
    await client.execute(
      'CREATE TABLE people (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL)',
    )

    const when = new Date('2026-01-02T03:04:05.678Z')
    const [ada] = await db.insert(people).values({ name: 'Ada', createdAt: when }).returning()
    expect(ada).toEqual({ id: 1, name: 'Ada', createdAt: when })

    const [, all] = await db.batch([
      db.insert(people).values({ name: 'Grace', createdAt: when }),
      db.select({ name: people.name }).from(people).orderBy(people.id),
    ])
    expect(all).toEqual([{ name: 'Ada' }, { name: 'Grace' }])

    const found = await db.select().from(people).where(eq(people.name, 'Grace'))
    expect(found).toEqual([{ id: 2, name: 'Grace', createdAt: when }])

    // drizzle wraps the driver's error; the cause is the client's LibsqlError.
    await expect(db.insert(people).values({ name: 'Ada', createdAt: when })).rejects.toMatchObject({
      cause: {
        code: 'SQLITE_CONSTRAINT',
        message: expect.stringContaining('UNIQUE constraint failed'),
      },
    })
  })

  it('makes a writer wait for an interactive transaction without blocking the server', async () => {
    await client.execute('CREATE TABLE t (v INTEGER)')
    const tx = await client.transaction('write')
    await tx.execute('INSERT INTO t VALUES (1)')

    const started = Date.now()
    const waitingWrite = client.execute('INSERT INTO t VALUES (2)') // needs the write lock
    await sleep(100)
    // The server still answers while that write waits (WAL: readers are not blocked).
    expect(await count('t', connect({ url: server.url }))).toBe(0)
    await tx.commit()
    await waitingWrite

    expect(Date.now() - started).toBeLessThan(2_000)
    expect(await count('t')).toBe(2)
  })

  it('gives up with SQLITE_BUSY after busyTimeoutMs', async () => {
    const impatient = await startServer({ busyTimeoutMs: 150 })
    const c = connect({ url: impatient.url })
    await c.execute('CREATE TABLE t (v INTEGER)')
    const tx = await c.transaction('write')
    await tx.execute('INSERT INTO t VALUES (1)')

    const started = Date.now()
    const error = await rejection(c.batch(['INSERT INTO t VALUES (2)'], 'write'))
    expect(error.code).toBe('SQLITE_BUSY')
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)
    await tx.commit()
    expect(await count('t', c)).toBe(1)
  })

  it('expires idle streams like sqld, rolling back their transaction', async () => {
    const quick = await startServer({ idleTimeoutMs: 100 })
    const c = connect({ url: quick.url })
    await c.execute('CREATE TABLE t (v INTEGER)')
    const tx = await c.transaction('write')
    await tx.execute('INSERT INTO t VALUES (1)')
    await vi.waitFor(() => expect(quick.openStreams).toBe(0))

    const error = await rejection(tx.execute('SELECT 1'))
    expect(error.code).toBe('STREAM_EXPIRED')
    expect(await count('t', c)).toBe(0)
  })
})

describe('the Hrana protocol on the wire', () => {
  async function post(path: string, body: unknown) {
    const res = await fetch(new URL(path, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const text = await res.text()
    const json =
      res.headers.get('content-type') === 'application/json' ? JSON.parse(text) : undefined
    return { status: res.status, text, json }
  }

  it('the web client never probes the version: it only POSTs JSON to /v2/pipeline', async () => {
    const seen: string[] = []
    const recording = connect({
      url: server.url,
      fetch: (request: Request) => {
        seen.push(
          `${request.method} ${new URL(request.url).pathname} ${request.headers.get('content-type')}`,
        )
        return fetch(request)
      },
    })
    await recording.execute('SELECT 1')
    await recording.batch(['SELECT 1', 'SELECT 2'], 'read')
    const tx = await recording.transaction('write')
    await tx.execute('SELECT 1')
    await tx.commit()
    expect(new Set(seen)).toEqual(new Set(['POST /v2/pipeline application/json']))
    expect(seen).toHaveLength(4)
  })

  it('answers the version probes: JSON v2 and v3, no protobuf', async () => {
    const status = async (path: string) => (await fetch(new URL(path, server.url))).status
    expect(await status('/v2')).toBe(200)
    expect(await status('/v3')).toBe(200)
    expect(await status('/v3-protobuf')).toBe(404)
  })

  it('encodes values, stores SQL texts and describes statements', async () => {
    const { status, json } = await post('/v3/pipeline', {
      baton: null,
      requests: [
        { type: 'store_sql', sql_id: 1, sql: 'SELECT ?1 AS i, ?2 AS f, ?3 AS t, ?4 AS b, ?5 AS n' },
        {
          type: 'execute',
          stmt: {
            sql_id: 1,
            args: [
              { type: 'integer', value: '9007199254740993' },
              { type: 'float', value: 0.5 },
              { type: 'text', value: 'x' },
              { type: 'blob', base64: 'AQID' },
              { type: 'null' },
            ],
          },
        },
        { type: 'close_sql', sql_id: 1 },
        { type: 'execute', stmt: { sql: 'SELECT 1 AS one', want_rows: false } },
        { type: 'describe', sql: 'SELECT :a AS a, ?2 AS b' },
        { type: 'close' },
      ],
    })
    expect(status).toBe(200)
    expect(json.baton).toBeNull()
    expect(json.results.map((r: { type: string }) => r.type)).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
    ])
    const executed = json.results[1].response.result
    expect(executed).toMatchObject({
      cols: [
        { name: 'i', decltype: null },
        { name: 'f', decltype: null },
        { name: 't', decltype: null },
        { name: 'b', decltype: null },
        { name: 'n', decltype: null },
      ],
      rows: [
        [
          { type: 'integer', value: '9007199254740993' },
          { type: 'float', value: 0.5 },
          { type: 'text', value: 'x' },
          { type: 'blob', base64: 'AQID' },
          { type: 'null' },
        ],
      ],
      affected_row_count: 0,
      last_insert_rowid: null,
      rows_read: 1,
      rows_written: 0,
    })
    expect(json.results[3].response.result).toMatchObject({ cols: [{ name: 'one' }], rows: [] })
    expect(json.results[4].response.result).toEqual({
      params: [{ name: ':a' }, { name: '?2' }],
      cols: [
        { name: 'a', decltype: null },
        { name: 'b', decltype: null },
      ],
      is_explain: false,
      is_readonly: true,
    })
  })

  it('evaluates batch conditions and reports autocommit state (v3)', async () => {
    const step = (sql: string, condition?: unknown) => ({
      stmt: { sql },
      ...(condition !== undefined && { condition }),
    })
    const { status, json } = await post('/v3/pipeline', {
      baton: null,
      requests: [
        {
          type: 'batch',
          batch: {
            steps: [
              step('BEGIN'), // 0 runs
              step('SELECT 1', { type: 'is_autocommit' }), // 1 skipped: in a transaction
              step('SELECT 2', { type: 'not', cond: { type: 'is_autocommit' } }), // 2 runs
              step('SELECT * FROM nope'), // 3 fails
              step('SELECT 4', { type: 'error', step: 3 }), // 4 runs
              step('SELECT 5', {
                type: 'and',
                conds: [
                  { type: 'ok', step: 2 },
                  { type: 'ok', step: 3 },
                ],
              }), // 5 skipped
              step('SELECT 6', {
                type: 'or',
                conds: [
                  { type: 'ok', step: 3 },
                  { type: 'ok', step: 4 },
                ],
              }), // 6 runs
              step('SELECT 7', { type: 'error', step: 1 }), // 7 runs: a skipped step counts as not ok
            ],
          },
        },
        { type: 'get_autocommit' },
        { type: 'execute', stmt: { sql: 'ROLLBACK' } },
        { type: 'get_autocommit' },
      ],
    })
    expect(status).toBe(200)
    const batch = json.results[0].response.result
    const ran = batch.step_results.map((r: unknown) => r !== null)
    expect(ran).toEqual([true, false, true, false, true, false, true, true])
    expect(batch.step_errors.map((e: { code: string } | null) => e?.code ?? null)).toEqual([
      null,
      null,
      null,
      'SQL_INPUT_ERROR',
      null,
      null,
      null,
      null,
    ])
    expect(json.results[1].response).toEqual({ type: 'get_autocommit', is_autocommit: false })
    expect(json.results[3].response).toEqual({ type: 'get_autocommit', is_autocommit: true })
    expect(typeof json.baton).toBe('string')
    expect(server.openStreams).toBe(1)
  })

  it('treats batons as single-use and rejects protocol violations with HTTP 400', async () => {
    const first = await post('/v2/pipeline', {
      baton: null,
      requests: [{ type: 'execute', stmt: { sql: 'SELECT 1' } }],
    })
    const baton = first.json.baton as string
    const second = await post('/v2/pipeline', { baton, requests: [] })
    expect(second.status).toBe(200)
    expect(second.json.baton).not.toBe(baton)

    expect((await post('/v2/pipeline', { baton, requests: [] })).status).toBe(400) // reused
    expect((await post('/v2/pipeline', { baton: 'made-up', requests: [] })).status).toBe(400)
    expect(
      (await post('/v2/pipeline', { baton: null, requests: [{ type: 'get_autocommit' }] })).status,
    ).toBe(400) // v3 only
    const badStep = {
      type: 'batch',
      batch: { steps: [{ condition: { type: 'ok', step: 0 }, stmt: { sql: 'SELECT 1' } }] },
    }
    expect((await post('/v2/pipeline', { baton: null, requests: [badStep] })).status).toBe(400)
    expect(
      (
        await post('/v2/pipeline', {
          baton: null,
          requests: [{ type: 'execute', stmt: { sql_id: 9 } }],
        })
      ).status,
    ).toBe(400)
    const notJson = await fetch(new URL('/v2/pipeline', server.url), { method: 'POST', body: '{' })
    expect(notJson.status).toBe(400)
  })

  it('leaves a stream healthy after a statement gave up on SQLITE_BUSY', async () => {
    const impatient = await startServer({ busyTimeoutMs: 100 })
    const c = connect({ url: impatient.url })
    await c.execute('CREATE TABLE t (v INTEGER)')
    const tx = await c.transaction('write')
    await tx.execute('INSERT INTO t VALUES (1)')

    const postTo = (body: unknown) =>
      fetch(new URL('/v2/pipeline', impatient.url), {
        method: 'POST',
        body: JSON.stringify(body),
      }).then((res) => res.json())
    const busy = await postTo({
      baton: null,
      requests: [{ type: 'execute', stmt: { sql: 'INSERT INTO t VALUES (2)' } }],
    })
    expect(busy.results[0].error.code).toBe('SQLITE_BUSY')
    await tx.commit()
    // SQLite keeps a statement stopped by SQLITE_BUSY pending, which would hold back this autocommit
    // write's commit on the same connection; the server must not let that happen.
    const later = await postTo({
      baton: busy.baton,
      requests: [{ type: 'execute', stmt: { sql: 'INSERT INTO t VALUES (3)' } }, { type: 'close' }],
    })
    expect(later.results[0].type).toBe('ok')
    const rows = await c.execute('SELECT v FROM t ORDER BY v')
    expect(rows.rows.map((r) => r.v)).toEqual([1, 3])
  })

  it('reports a statement error in its own slot and carries on with the pipeline', async () => {
    const { status, json } = await post('/v2/pipeline', {
      baton: null,
      requests: [
        { type: 'execute', stmt: { sql: 'SELECT * FROM nope' } },
        { type: 'execute', stmt: { sql: 'SELECT 2 AS two' } },
        { type: 'close' },
      ],
    })
    expect(status).toBe(200)
    expect(json.results[0]).toEqual({
      type: 'error',
      error: { message: 'SQL input error: no such table: nope', code: 'SQL_INPUT_ERROR' },
    })
    expect(json.results[1].response.result.rows).toEqual([[{ type: 'integer', value: '2' }]])
  })
})

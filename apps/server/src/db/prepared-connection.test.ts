import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'libsql'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type Connection,
  type PreparedConnection,
  prepareConnection,
} from './prepared-connection.ts'
import { byPosition } from './result-set.ts'

let dir: string
let native: Connection
let conn: PreparedConnection
/** How often each statement's column names were asked of the binding, by SQL text. */
let columnReads: Map<string, number>

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-prepared-connection-'))
  native = new Database(join(dir, 'test.db'))
  native.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, data BLOB);
    INSERT INTO notes VALUES (1, 'one', x'0102'), (2, 'two', NULL)`)
  columnReads = new Map()
  const prepare = native.prepare.bind(native)
  native.prepare = ((sql: string) => {
    const statement = prepare(sql)
    const columns = statement.columns.bind(statement)
    statement.columns = () => {
      columnReads.set(sql, (columnReads.get(sql) ?? 0) + 1)
      return columns()
    }
    return statement
  }) as Connection['prepare']
  conn = prepareConnection(native, 10)
})

afterEach(() => {
  native.close()
  rmSync(dir, { recursive: true, force: true })
})

function runThrice(sql: string) {
  for (let i = 0; i < 3; i++) conn.execute(sql)
  return columnReads.get(sql)
}

// The bug: a multiplication's `*` was taken for `SELECT *`, so its statement's column names were
// asked of the binding on every run, which costs about as much as preparing it again.
describe('column names of a prepared statement', () => {
  it('are read once when the statement names its columns, arithmetic and count(*) included', () => {
    expect(runThrice('SELECT id * 2 AS twice, count(*) AS n FROM notes')).toBe(1)
    expect(conn.execute('SELECT id * 2 AS twice FROM notes ORDER BY id').rows[1]?.twice).toBe(4)
  })

  it('are read on every run for a `*` or `table.*` projection, whose columns follow the schema', () => {
    expect(runThrice('SELECT * FROM notes')).toBe(3)
    expect(runThrice('SELECT n.* FROM notes n')).toBe(3)
  })
})

describe('rows wanted by position', () => {
  const sql = 'SELECT id, body, data, id AS again FROM notes ORDER BY id'

  it('come back as plain arrays of the values in column order, blobs as ArrayBuffers', () => {
    const { rows, columns } = conn.execute(byPosition(sql, []))
    expect(columns).toEqual(['id', 'body', 'data', 'again'])
    const [first, second] = rows as unknown as unknown[][]
    expect(Array.isArray(first)).toBe(true)
    expect(first?.slice(0, 2)).toEqual([1, 'one'])
    expect(new Uint8Array(first?.[2] as ArrayBuffer)).toEqual(new Uint8Array([1, 2]))
    expect(second).toEqual([2, 'two', null, 2])
  })

  it('hold the same values as the shaped rows of the same statement, which keep their names', () => {
    const positional = conn.execute(byPosition(sql, [])).rows as unknown as unknown[][]
    const shaped = conn.execute(sql).rows
    expect(shaped.map((row) => Array.from(row as ArrayLike<unknown>))).toEqual(positional)
    expect({ ...shaped[1] }).toEqual({ id: 2, body: 'two', data: null, again: 2 })
    // One prepared statement serves both.
    expect(conn.preparedStatements).toBe(1)
  })

  it('take their arguments as any statement does, inside a batch too', () => {
    const one = byPosition('SELECT body FROM notes WHERE id = ?', [2])
    expect(conn.execute(one).rows).toEqual([['two']])
    const [read] = conn.batch([one], 'read')
    expect(read?.rows).toEqual([['two']])
  })
})

import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLocalClient, type LocalClient } from './local-client.ts'

let dir: string
let path: string
let client: LocalClient

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-statement-reuse-'))
  path = join(dir, 'test.db')
  client = createLocalClient({ path })
  await client.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL UNIQUE)')
  await client.batch(["INSERT INTO notes (body) VALUES ('one'), ('two'), ('three')"], 'write')
})

afterEach(() => {
  client.close()
  rmSync(dir, { recursive: true, force: true })
})

const libsqlModule = createRequire(import.meta.url).resolve('libsql')

/**
 * Runs `statements` on the file from a separate Node process with its own connection, as
 * `porchlight migrate` or a second server applying a migration would.
 */
async function migrateFromAnotherProcess(statements: string[]) {
  const script = `
    const Database = require(process.argv[1])
    const db = new Database(process.argv[2])
    db.exec(process.argv[3])
    db.close()`
  await promisify(execFile)(process.execPath, [
    '-e',
    script,
    libsqlModule,
    path,
    `BEGIN; ${statements.join('; ')}; COMMIT`,
  ])
}

const bodyById = 'SELECT body FROM notes WHERE id = ?'

describe('prepared statements', () => {
  it('prepares a statement once and reuses it, with each call’s own arguments', async () => {
    const before = client.preparedStatements
    const bodies: unknown[] = []
    for (let i = 0; i < 30; i++) {
      const result = await client.execute({ sql: bodyById, args: [(i % 3) + 1] })
      bodies.push(result.rows[0]?.body)
    }
    expect(client.preparedStatements).toBe(before + 1)
    expect(bodies.slice(0, 6)).toEqual(['one', 'two', 'three', 'one', 'two', 'three'])
  })

  it('reuses the statements of a batch, its BEGIN and COMMIT included', async () => {
    const insert = (body: string) => ({ sql: 'INSERT INTO notes (body) VALUES (?)', args: [body] })
    await client.batch([insert('four'), insert('five')], 'write')
    const after = client.preparedStatements
    await client.batch([insert('six'), insert('seven')], 'write')
    await client.batch([insert('eight')], 'write')
    expect(client.preparedStatements).toBe(after)
    const count = await client.execute('SELECT count(*) AS n FROM notes')
    expect(count.rows[0]?.n).toBe(8)
  })

  it('keeps no more than it was told, and answers the same for what it let go', async () => {
    const small = createLocalClient({ path, statementCacheSize: 2 })
    try {
      const queries = [1, 2, 3].map((id) => `SELECT body FROM notes WHERE id = ${id}`)
      const first = []
      for (const sql of queries) first.push((await small.execute(sql)).rows[0]?.body)
      expect(small.preparedStatements).toBe(2)
      const again = []
      for (const sql of queries) again.push((await small.execute(sql)).rows[0]?.body)
      expect(again).toEqual(first)
      expect(first).toEqual(['one', 'two', 'three'])
    } finally {
      small.close()
    }
  })

  it('prepares every statement again when told to keep none', async () => {
    const uncached = createLocalClient({ path, statementCacheSize: 0 })
    try {
      await uncached.execute({ sql: bodyById, args: [1] })
      await uncached.execute({ sql: bodyById, args: [2] })
      expect(uncached.preparedStatements).toBe(0)
    } finally {
      uncached.close()
    }
  })

  it('sees what another connection committed since the statement last ran', async () => {
    const count = 'SELECT count(*) AS n FROM notes'
    expect((await client.execute(count)).rows[0]?.n).toBe(3)
    await migrateFromAnotherProcess(["INSERT INTO notes (body) VALUES ('from elsewhere')"])
    expect((await client.execute(count)).rows[0]?.n).toBe(4)
  })

  it('leaves no statement running between calls: VACUUM and a DROP go through', async () => {
    await client.execute({ sql: bodyById, args: [1] })
    await client.execute('SELECT * FROM notes')
    // More rows than the binding fetches at once (100), so the statement is stepped to its end.
    const many = await client.execute(
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250) SELECT i FROM n',
    )
    expect(many.rows).toHaveLength(250)
    await expect(client.execute('VACUUM')).resolves.toBeDefined()
    await expect(client.execute('DROP TABLE notes')).resolves.toBeDefined()
  })

  it('prepares a statement afresh after it failed, and it works again', async () => {
    const insert = 'INSERT INTO notes (body) VALUES (?)'
    await expect(client.execute({ sql: insert, args: ['one'] })).rejects.toThrow(/UNIQUE/)
    const stored = await client.execute({ sql: insert, args: ['four'] })
    expect(stored.rowsAffected).toBe(1)
    expect((await client.execute({ sql: bodyById, args: [4] })).rows[0]?.body).toBe('four')
  })
})

describe('prepared statements after a migration by another process', () => {
  it('answer with the new columns of a `*` projection, by their new names', async () => {
    const all = 'SELECT * FROM notes ORDER BY id'
    expect(Object.keys((await client.execute(all)).rows[0] ?? {})).toEqual(['id', 'body'])

    // As many columns as before, under another name: the old names would answer wrongly.
    await migrateFromAnotherProcess(['ALTER TABLE notes RENAME COLUMN body TO text'])
    const renamed = await client.execute(all)
    expect(renamed.columns).toEqual(['id', 'text'])
    expect({ ...renamed.rows[0] }).toEqual({ id: 1, text: 'one' })

    await migrateFromAnotherProcess([
      "ALTER TABLE notes ADD COLUMN mood TEXT NOT NULL DEFAULT 'calm'",
    ])
    const after = await client.execute(all)
    expect(after.columns).toEqual(['id', 'text', 'mood'])
    expect({ ...after.rows[0] }).toEqual({ id: 1, text: 'one', mood: 'calm' })
  })

  it('answer with the new columns of a `table.*` projection beside arithmetic', async () => {
    const all = 'SELECT n.*, n.id * 10 AS tens FROM notes n ORDER BY n.id'
    expect({ ...(await client.execute(all)).rows[0] }).toEqual({ id: 1, body: 'one', tens: 10 })
    await migrateFromAnotherProcess(['ALTER TABLE notes RENAME COLUMN body TO text'])
    expect({ ...(await client.execute(all)).rows[0] }).toEqual({ id: 1, text: 'one', tens: 10 })
  })

  it('read and write the right columns of a table rebuilt in another order', async () => {
    const insert = 'INSERT INTO notes (body) VALUES (?)'
    const read = 'SELECT id, body FROM notes WHERE body = ?'
    await client.execute({ sql: insert, args: ['before'] })
    expect({ ...(await client.execute({ sql: read, args: ['before'] })).rows[0] }).toEqual({
      id: 4,
      body: 'before',
    })

    // The way SQLite migrations change a column's type or order: build, copy, swap.
    await migrateFromAnotherProcess([
      'CREATE TABLE notes_new (body TEXT NOT NULL UNIQUE, stamp INTEGER, id INTEGER PRIMARY KEY)',
      'INSERT INTO notes_new (body, id) SELECT body, id FROM notes',
      'DROP TABLE notes',
      'ALTER TABLE notes_new RENAME TO notes',
    ])

    await client.execute({ sql: insert, args: ['after'] })
    const rows = await client.execute({ sql: read, args: ['after'] })
    expect({ ...rows.rows[0] }).toEqual({ id: 5, body: 'after' })
    expect(rows.rows[0]?.[1]).toBe('after')
    const raw = await client.execute('SELECT * FROM notes WHERE id = 5')
    expect({ ...raw.rows[0] }).toEqual({ body: 'after', stamp: null, id: 5 })
  })

  it('fail cleanly when their table is gone, and recover when it is back', async () => {
    await client.execute({ sql: bodyById, args: [1] })
    await migrateFromAnotherProcess(['DROP TABLE notes'])
    await expect(client.execute({ sql: bodyById, args: [1] })).rejects.toThrow(/no such table/)
    await migrateFromAnotherProcess([
      'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)',
      "INSERT INTO notes VALUES (1, 'reborn')",
    ])
    expect((await client.execute({ sql: bodyById, args: [1] })).rows[0]?.body).toBe('reborn')
  })
})

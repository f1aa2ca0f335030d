import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '@libsql/client'
import Database from 'libsql'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { canSeeOpenHandles, openHandles } from '../../test/helpers/open-handles.ts'
import { createLocalClient } from './local-client.ts'

let dir: string
let path: string
let client: Client
let other: InstanceType<typeof Database>

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-local-client-'))
  path = join(dir, 'test.db')
  client = createLocalClient({ path, busyBudgetMs: 150 })
  await client.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, data BLOB)')
  // A second connection, as another process (the CLI, a backup, a second server) would hold.
  other = new Database(path)
})

afterEach(() => {
  client.close()
  other.close()
  rmSync(dir, { recursive: true, force: true })
})

/** What a connection other than the client's sees: only committed rows. */
const committedBodies = () =>
  (other.prepare('SELECT body FROM notes ORDER BY id').all() as { body: string }[]).map(
    (r) => r.body,
  )

describe('a local client after a lock failure', () => {
  // Regression: on @libsql/client's own connection, the statement that failed with SQLITE_BUSY
  // stayed in progress; the next autocommit write was acknowledged but never committed, and the
  // connection kept the write lock, locking every other process out.
  it('commits the next autocommit write, and leaves no lock behind', async () => {
    other.exec('BEGIN IMMEDIATE')
    await expect(client.execute("INSERT INTO notes (body) VALUES ('refused')")).rejects.toThrow(
      expect.objectContaining({ code: 'SQLITE_BUSY' }),
    )
    other.exec('COMMIT')

    const acknowledged = await client.execute("INSERT INTO notes (body) VALUES ('acknowledged')")
    expect(acknowledged.rowsAffected).toBe(1)
    expect(committedBodies()).toEqual(['acknowledged'])
    other.exec("INSERT INTO notes (body) VALUES ('other process')")
    expect(committedBodies()).toEqual(['acknowledged', 'other process'])
  })

  it('commits the next batch, reads and writes alike', async () => {
    other.exec('BEGIN IMMEDIATE')
    await expect(
      client.batch(["INSERT INTO notes (body) VALUES ('refused')"], 'write'),
    ).rejects.toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }))
    other.exec('COMMIT')

    const [count] = await client.batch(['SELECT count(*) AS n FROM notes'], 'read')
    expect(count?.rows[0]?.n).toBe(0)
    await client.batch([
      "INSERT INTO notes (body) VALUES ('a')",
      "INSERT INTO notes (body) VALUES ('b')",
    ])
    expect(committedBodies()).toEqual(['a', 'b'])
  })

  it('rolls a failed batch back entirely', async () => {
    await expect(
      client.batch([
        "INSERT INTO notes (body) VALUES ('first')",
        'INSERT INTO no_such_table VALUES (1)',
      ]),
    ).rejects.toThrow(/no such table/)
    expect(committedBodies()).toEqual([])
    await client.execute("INSERT INTO notes (body) VALUES ('after')")
    expect(committedBodies()).toEqual(['after'])
  })
})

describe('waiting for a lock', () => {
  it('lets writes through once the lock is gone, in order, without stopping the event loop', async () => {
    const patient = createLocalClient({ path, busyBudgetMs: 5000 })
    try {
      other.exec('BEGIN IMMEDIATE')
      const writes = ['one', 'two', 'three'].map((body) =>
        patient.execute({ sql: 'INSERT INTO notes (body) VALUES (?)', args: [body] }),
      )
      // Only a running event loop gets here: SQLite's own busy wait would block it for the
      // whole budget, and the writes would fail before this timer fired.
      await new Promise((resolve) => setTimeout(resolve, 100))
      other.exec('COMMIT')
      await Promise.all(writes)
      expect(committedBodies()).toEqual(['one', 'two', 'three'])
    } finally {
      patient.close()
    }
  })

  // Regression: every write that met the lock retired its connection, which libSQL keeps open
  // until garbage collection; a burst of writes under another process's lock left one or more
  // file handles on the database per write.
  it.skipIf(!canSeeOpenHandles)(
    'queues a burst of writes behind the lock, keeping a few file handles, not one per write',
    async () => {
      const patient = createLocalClient({ path, busyBudgetMs: 5000 })
      try {
        await patient.execute('SELECT count(*) FROM notes')
        const before = openHandles(path).length
        other.exec('BEGIN IMMEDIATE')
        const bodies = Array.from({ length: 100 }, (_, n) => `write ${n}`)
        const writes = bodies.map((body) =>
          patient.execute({ sql: 'INSERT INTO notes (body) VALUES (?)', args: [body] }),
        )
        // Reads are still answered while the writes wait.
        expect((await patient.execute('SELECT count(*) AS n FROM notes')).rows[0]?.n).toBe(0)
        await new Promise((resolve) => setTimeout(resolve, 100))
        expect(openHandles(path).length).toBeLessThanOrEqual(before + 4)
        other.exec('COMMIT')
        await Promise.all(writes)
        expect(committedBodies()).toEqual(bodies)
        expect(openHandles(path).length).toBeLessThanOrEqual(before + 4)
      } finally {
        patient.close()
      }
    },
  )

  it('gives up when the budget is spent, with the lock error', async () => {
    other.exec('BEGIN IMMEDIATE')
    try {
      await expect(client.execute("INSERT INTO notes (body) VALUES ('x')")).rejects.toThrow(
        /database is locked/,
      )
    } finally {
      other.exec('ROLLBACK')
    }
  })

  it('never makes a read wait for a writer (WAL)', async () => {
    await client.execute("INSERT INTO notes (body) VALUES ('visible')")
    other.exec('BEGIN IMMEDIATE')
    try {
      const read = await client.execute('SELECT body FROM notes')
      expect(read.rows.map((r) => r.body)).toEqual(['visible'])
    } finally {
      other.exec('ROLLBACK')
    }
  })
})

describe('results', () => {
  it('shapes rows as libSQL clients do: by index, by column name, with plain values', async () => {
    await client.execute({
      sql: 'INSERT INTO notes (body, data) VALUES (:body, :data)',
      args: { body: 'hello', data: new Uint8Array([1, 2, 3]) },
    })
    const result = await client.execute({
      sql: 'SELECT id, body, data, ? AS flag FROM notes',
      args: [true],
    })
    expect(result.columns).toEqual(['id', 'body', 'data', 'flag'])
    const [row] = result.rows
    expect(row?.[1]).toBe('hello')
    expect(row?.body).toBe('hello')
    expect(row?.flag).toBe(1)
    expect([...new Uint8Array(row?.data as ArrayBuffer)]).toEqual([1, 2, 3])
    // Only the named values are enumerable: drizzle turns rows into objects by their keys.
    expect(Object.keys(row ?? {})).toEqual(['id', 'body', 'data', 'flag'])
  })

  it('keeps the first of two columns of one name, and both by index (a join of two ids)', async () => {
    await client.execute("INSERT INTO notes (body) VALUES ('x')")
    for (let run = 0; run < 2; run++) {
      const result = await client.execute('SELECT n.id, n.body, n.id + 6 AS id FROM notes n')
      const [row] = result.rows
      expect(result.columns).toEqual(['id', 'body', 'id'])
      expect(Array.from(row as ArrayLike<unknown>)).toEqual([1, 'x', 7])
      expect({ ...row }).toEqual({ id: 1, body: 'x' })
      expect(result.toJSON().rows).toEqual([[1, 'x', 7]])
    }
  })

  it('keeps the index view whole whatever a column is called', async () => {
    const result = await client.execute('SELECT 7 AS length, 8 AS "0", 9 AS __proto__, 10 AS x')
    const [row] = result.rows
    expect(Array.from(row as ArrayLike<unknown>)).toEqual([7, 8, 9, 10])
    expect(row?.x).toBe(10)
  })

  it('reports changes and the last rowid of a write', async () => {
    const result = await client.execute("INSERT INTO notes (body) VALUES ('x')")
    expect(result.rowsAffected).toBe(1)
    expect(result.lastInsertRowid).toBe(1n)
  })

  it('refuses interactive transactions, which one shared connection cannot keep apart', async () => {
    await expect(client.transaction()).rejects.toThrow(
      expect.objectContaining({ code: 'TRANSACTION_NOT_SUPPORTED' }),
    )
  })
})

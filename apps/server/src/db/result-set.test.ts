import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createLocalClient, type LocalClient } from './local-client.ts'
import { positionalValues } from './result-set.ts'

let dir: string
let client: LocalClient

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-result-set-'))
  client = createLocalClient({ path: join(dir, 'test.db') })
  await client.execute('CREATE TABLE a (id TEXT, n INTEGER, data BLOB)')
  await client.execute('CREATE TABLE b (id TEXT, a_id TEXT)')
  await client.batch(
    ["INSERT INTO a VALUES ('a1', 7, x'0102')", "INSERT INTO b VALUES ('b1', 'a1')"],
    'write',
  )
})

afterEach(() => {
  client.close()
  rmSync(dir, { recursive: true, force: true })
})

// The forum's page reads take their rows' values by position through this (prepared-read.ts).
it('gives a row’s values by position, columns of one name included, blobs as ArrayBuffers', async () => {
  const { rows } = await client.execute(
    'SELECT a.id, a.n, b.id, a.data FROM a JOIN b ON b.a_id = a.id',
  )
  const [row] = rows
  if (!row) throw new Error('no row')
  const values = positionalValues(row)
  expect(Array.isArray(values)).toBe(true)
  expect([values[0], values[1], values[2]]).toEqual(['a1', 7, 'b1'])
  expect(new Uint8Array(values[3] as ArrayBuffer)).toEqual(new Uint8Array([1, 2]))
  // The same values the row itself answers by index.
  expect([0, 1, 2, 3].map((i) => values[i])).toEqual([row[0], row[1], row[2], row[3]])
})

it('leaves a row it did not shape as it is', () => {
  const raw = ['x', 1]
  expect(positionalValues(raw)).toBe(raw)
})

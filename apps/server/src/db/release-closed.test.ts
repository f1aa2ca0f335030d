import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'libsql'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { canSeeOpenHandles, openHandles } from '../../test/helpers/open-handles.ts'
import { releaseClosedConnections } from './release-closed.ts'

let dir: string
let path: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-release-closed-'))
  path = join(dir, 'test.db')
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Opens, uses with prepared statements (as every Porchlight connection does), and closes. */
function useAndClose() {
  const conn = new Database(path)
  conn.exec('PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS notes (body TEXT)')
  conn.prepare('INSERT INTO notes (body) VALUES (?)').run(['kept'])
  conn.prepare('SELECT body FROM notes').all()
  conn.close()
}

describe.skipIf(!canSeeOpenHandles)('connections closed in this process', () => {
  // libSQL 0.5 keeps a closed connection's file open while any statement prepared on it lives
  // (tursodatabase/libsql-js#228). When the first expectation fails, libSQL closes for real, and
  // release-closed.ts can go.
  it('keep the database file open after close, until released', async () => {
    useAndClose()
    expect(openHandles(path)).not.toEqual([])
    await releaseClosedConnections()
    expect(openHandles(path)).toEqual([])
  })

  it('closed while a release is pending are released by it too', async () => {
    useAndClose()
    const first = releaseClosedConnections()
    useAndClose()
    await Promise.all([first, releaseClosedConnections()])
    expect(openHandles(path)).toEqual([])
    // The file is free for what needs it alone: leaving WAL mode needs no other connection.
    const alone = new Database(path, { timeout: 0 })
    try {
      alone.exec('PRAGMA journal_mode = DELETE')
      expect(alone.prepare('PRAGMA journal_mode').get()).toMatchObject({ journal_mode: 'delete' })
    } finally {
      alone.close()
    }
  })
})

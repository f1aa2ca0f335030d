import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCapturing } from '../../test/helpers/cli.ts'
import { openSqliteFile } from './sqlite-file.ts'

// `porchlight backup` as an operator runs it (the CLI, in this process), over a database the CLI
// itself created: what it refuses, what it writes, and what it leaves behind when it fails.

let dir: string
let env: Record<string, string>

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-backup-'))
  env = { DATABASE_URL: `file:${join(dir, 'data', 'porchlight.db')}`, LOG_LEVEL: 'silent' }
  expect((await runCliCapturing(['migrate'], env)).code).toBe(0)
  const created = await runCliCapturing(
    ['site', 'create', '--name', 'Backed up', '--origin', 'https://site.example'],
    env,
  )
  expect(created.code).toBe(0)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The sites stored in a database file, read without changing the file. */
async function storedSites(path: string) {
  const file = openSqliteFile(path)
  try {
    return await file.query('SELECT name FROM sites')
  } finally {
    file.close()
  }
}

describe('porchlight backup --out FILE', () => {
  it('writes a checked copy and says what it holds', async () => {
    const out = join(dir, 'backups', 'first.db')
    const res = await runCliCapturing(['backup', '--out', out], env)
    expect(res).toMatchObject({ code: 0, err: '' })
    expect(res.out).toMatch(
      /^Backed up .*porchlight\.db to .*first\.db \(\d+\.\d MB, \d+\.\d s\)\./,
    )
    expect(res.out).toMatch(/integrity check passed; \d+ migrations; rows: sites 1, /)
    expect(await storedSites(out)).toEqual([{ name: 'Backed up' }])
    // Nothing but the backup itself: no temporary file, no -wal beside it.
    expect(readdirSync(join(dir, 'backups'))).toEqual(['first.db'])
  })

  it('--json prints the report: file, size, migrations and row counts', async () => {
    const out = join(dir, 'b.db')
    const res = await runCliCapturing(['backup', '--out', out, '--json'], env)
    expect(res.code).toBe(0)
    expect(JSON.parse(res.out)).toEqual({
      file: out,
      bytes: expect.any(Number),
      durationMs: expect.any(Number),
      migrations: expect.arrayContaining(['0000_init']),
      rowCounts: expect.objectContaining({ sites: 1, submissions: 0 }),
    })
  })

  it('refuses to replace an existing file, and replaces it with --force', async () => {
    const out = join(dir, 'b.db')
    writeFileSync(out, 'an older file the operator keeps')
    const refused = await runCliCapturing(['backup', '--out', out], env)
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/^BACKUP_EXISTS: .*b\.db already exists\. .*--force/)
    expect(readdirSync(dir).sort()).toEqual(['b.db', 'data'])

    const forced = await runCliCapturing(['backup', '--out', out, '--force'], env)
    expect(forced.code).toBe(0)
    expect(await storedSites(out)).toEqual([{ name: 'Backed up' }])
  })

  it('refuses to write over the database itself, or to back up a database that is not there', async () => {
    const database = join(dir, 'data', 'porchlight.db')
    for (const out of [database, `${database}-wal`]) {
      const res = await runCliCapturing(['backup', '--out', out, '--force'], env)
      expect(res.code).toBe(1)
      expect(res.err).toMatch(/^SAME_FILE: /)
    }
    const missing = { ...env, DATABASE_URL: `file:${join(dir, 'nothing.db')}` }
    const res = await runCliCapturing(['backup', '--out', join(dir, 'x.db')], missing)
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/^DATABASE_NOT_FOUND: No Porchlight database at .*nothing\.db/)
    expect(existsSync(join(dir, 'nothing.db'))).toBe(false)
    expect(existsSync(join(dir, 'x.db'))).toBe(false)
  })

  it('leaves nothing behind when the copy cannot be written', async () => {
    // The folder it should go in is a file.
    writeFileSync(join(dir, 'not-a-folder'), '')
    const res = await runCliCapturing(['backup', '--out', join(dir, 'not-a-folder', 'b.db')], env)
    expect(res.code).toBe(1)
    expect(res.err).toMatch(/^CANNOT_WRITE: Could not write .*not-a-folder\/b\.db: /)
    expect(readdirSync(dir).sort()).toEqual(['data', 'not-a-folder'])
  })

  it('asks for --out', async () => {
    const res = await runCliCapturing(['backup'], env)
    expect(res).toMatchObject({ code: 2, err: 'Usage: porchlight backup --out FILE [--force]' })
  })
})

describe('backups of databases kept elsewhere', () => {
  it('with --d1, says how D1 Time Travel restores, instead of copying anything', async () => {
    const res = await runCliCapturing(['backup', '--d1', '--out', join(dir, 'b.db')], env)
    expect(res.code).toBe(2)
    expect(res.err).toContain('npx wrangler d1 time-travel restore')
    expect(res.err).toContain('npx wrangler d1 export')
    expect(existsSync(join(dir, 'b.db'))).toBe(false)
  })

  it('with Turso, or an embedded replica of it, says how Turso restores a point in time', async () => {
    for (const settings of [
      { DATABASE_URL: 'libsql://porchlight-example.turso.io' },
      { DATABASE_SYNC_URL: 'libsql://porchlight-example.turso.io' },
    ]) {
      const res = await runCliCapturing(['restore', join(dir, 'b.db')], { ...env, ...settings })
      expect(res.code).toBe(2)
      expect(res.err).toContain('turso db create porchlight-restored --from-db porchlight')
    }
  })
})

import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../test/helpers/app.ts'
import { loadConfig } from '../config.ts'
import { type NodeServer, startNodeServer } from '../entry/node.ts'
import { createSite } from '../sites/service.ts'
import { checkPorchlightDatabase } from './inspect.ts'
import { scheduleBackups } from './schedule.ts'

// Scheduled backups as a running server makes them (BACKUP_DIR, BACKUP_INTERVAL, BACKUP_KEEP),
// with an interval of a second so that several fall due within the test.

let dir: string
let server: NodeServer | undefined
let log: ReturnType<typeof memoryLogger>

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-scheduled-'))
  log = memoryLogger()
})
afterEach(async () => {
  await server?.close()
  server = undefined
  rmSync(dir, { recursive: true, force: true })
})

async function serve(env: Record<string, string>) {
  const config = {
    ...loadConfig({ DATABASE_URL: `file:${join(dir, 'data', 'porchlight.db')}`, ...env }),
    port: 0,
  }
  server = await startNodeServer({ config, log })
  return server
}

/** Waits until the log has `count` lines saying `message`. */
async function logged(message: string, count: number) {
  await expect
    .poll(() => log.lines.filter((l) => l.message === message).length, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(count)
  return log.lines.filter((l) => l.message === message)
}

describe('scheduled backups', () => {
  it('are made at once when due and every interval, the newest BACKUP_KEEP kept, other files left alone', async () => {
    const backups = join(dir, 'backups')
    mkdirSync(backups)
    writeFileSync(join(backups, 'notes.txt'), 'the operator’s own file')
    // A backup from long ago: the next is overdue, and this one is the first to go.
    writeFileSync(join(backups, 'porchlight-20200101T000000Z.db'), '')
    const { deps } = await serve({ BACKUP_DIR: backups, BACKUP_INTERVAL: '1s', BACKUP_KEEP: '2' })
    await createSite(deps, { name: 'Scheduled', origins: [] })

    const made = await logged('backup made', 3)
    expect(made[0]).toMatchObject({
      level: 'info',
      file: expect.stringMatching(/porchlight-\d{8}T\d{6}Z\.db$/),
      bytes: expect.any(Number),
    })
    // The second backup makes three: the oldest goes.
    expect(made[1]).toMatchObject({ removed: ['porchlight-20200101T000000Z.db'] })
    // Stopped first, so that no backup is being written while the folder is read.
    await server?.close()
    server = undefined
    const files = readdirSync(backups).sort()
    expect(files).toEqual([
      'notes.txt',
      expect.stringMatching(/^porchlight-\d{8}T\d{6}Z\.db$/),
      expect.stringMatching(/^porchlight-\d{8}T\d{6}Z\.db$/),
    ])
    const newest = await checkPorchlightDatabase(join(backups, files[2] as string))
    expect(newest.rowCounts.sites).toBe(1)
    expect(log.lines.filter((l) => l.level === 'error')).toEqual([])
  })

  // A timer may fire a millisecond before the wall clock reaches the due second. The backup was
  // then named for the previous second, the previous backup's name: BACKUP_EXISTS, logged as a
  // failure, and a backup skipped for a whole interval.
  it('made by a timer that fires a millisecond early, take the due second’s name', async () => {
    const backups = join(dir, 'backups')
    const { deps, close } = await serve({})
    await createSite(deps, { name: 'Early', origins: [] })
    await close()
    server = undefined
    const due = Date.UTC(2026, 11, 7, 15, 19, 14)
    let clock = due - 1000
    const backupLog = memoryLogger()
    const made = () =>
      expect.poll(() => backupLog.lines.filter((l) => l.message === 'backup made').length, {
        timeout: 20_000,
      })
    const scheduled = scheduleBackups({
      schedule: { dir: backups, intervalMs: 1000, keep: 5 },
      databasePath: join(dir, 'data', 'porchlight.db'),
      log: backupLog,
      now: () => clock,
    })
    await made().toBe(1)
    clock = due - 1 // the second backup's timer fires early
    await made().toBe(2)
    await scheduled.stop()
    expect(readdirSync(backups).sort()).toEqual([
      'porchlight-20261207T151913Z.db',
      'porchlight-20261207T151914Z.db',
    ])
    expect(backupLog.lines.filter((l) => l.level === 'error')).toEqual([])
  })

  it('that fail are logged and tried again, and the server serves on', async () => {
    // BACKUP_DIR names a file, so no backup can be written there.
    const blocked = join(dir, 'blocked')
    writeFileSync(blocked, '')
    const { url } = await serve({ BACKUP_DIR: blocked, BACKUP_INTERVAL: '1s' })

    const failures = await logged('scheduled backup failed; trying again at the next interval', 2)
    expect(failures[0]).toMatchObject({ level: 'error', code: 'CANNOT_WRITE' })
    expect((await fetch(`${url}/readyz`)).status).toBe(200)
  })

  it('are refused at start for a database that is not a local file', async () => {
    await expect(
      startNodeServer({
        config: loadConfig({
          DATABASE_URL: 'libsql://porchlight-example.turso.io',
          BACKUP_DIR: join(dir, 'backups'),
        }),
        log,
      }),
    ).rejects.toThrow(/BACKUP_DIR: scheduled backups copy a local database file/)
  })
})

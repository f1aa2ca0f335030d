import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

// Scheduled backups are named by the time they were made, in UTC, so that names sort by age
// and nothing else in the folder is ever mistaken for one.
const namePattern = /^porchlight-(\d{8})T(\d{6})Z\.db$/
const partialPattern = /^porchlight-\d{8}T\d{6}Z\.db\.partial-[0-9a-f]+$/

/** `porchlight-20261121T120000Z.db` for 2026-11-21 12:00:00 UTC. */
export function backupFileName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')
  return `porchlight-${stamp}.db`
}

/** The scheduled backups in `dir`, oldest first. */
export function scheduledBackups(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => namePattern.test(name))
    .sort()
}

/** When a scheduled backup was made (epoch ms), read from its name; undefined for another. */
export function backupTimeOf(name: string): number | undefined {
  const match = namePattern.exec(name)
  if (!match) return undefined
  const [, day = '', time = ''] = match
  return Date.parse(
    `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}Z`,
  )
}

/** When the newest scheduled backup in `dir` was made (epoch ms), or undefined if none. */
export function newestBackupTime(dir: string): number | undefined {
  return backupTimeOf(scheduledBackups(dir).at(-1) ?? '')
}

/**
 * Deletes all but the newest `keep` scheduled backups in `dir`, and what interrupted ones left
 * (a server stopped mid-backup); other files are left alone. Returns the names deleted.
 */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = scheduledBackups(dir)
  const old = all.slice(0, Math.max(0, all.length - keep))
  const partial = readdirSync(dir).filter((name) => partialPattern.test(name))
  for (const name of [...old, ...partial]) rmSync(join(dir, name), { force: true })
  return old
}

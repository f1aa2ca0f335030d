import { existsSync, readdirSync, readlinkSync } from 'node:fs'

/** Whether this process can list its open files (Linux's /proc/self/fd; not macOS). */
export const canSeeOpenHandles = existsSync('/proc/self/fd')

/**
 * The files this process has open at `path` or beside it (its -wal and -shm), deleted ones
 * included: what a database "closed" in this process still holds.
 *
 * @example expect(openHandles('/tmp/x/porchlight.db')).toEqual([])
 */
export function openHandles(path: string): string[] {
  return readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`)
      } catch {
        return '' // closed between the listing and the look
      }
    })
    .filter((target) => target.startsWith(path))
}

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describeError, type Logger } from '../logger.ts'
import { createBackup } from './create.ts'
import { BackupError } from './errors.ts'
import { backupFileName, newestBackupTime, pruneBackups } from './rotation.ts'
import type { BackupSchedule } from './schedule-settings.ts'

export type ScheduledBackupsOptions = {
  schedule: BackupSchedule
  databasePath: string
  log: Logger
  now?: () => number
}

export type ScheduledBackups = {
  /**
   * Makes no more backups, and waits for one being made until `deadline` (epoch ms); one still
   * running then is left to end with the process (its partial file is deleted after the next
   * backup).
   */
  stop(deadline?: number): Promise<void>
}

// setTimeout's longest delay (about 24.8 days); a longer wait is taken in several.
const longestTimerMs = 2 ** 31 - 1

/**
 * Makes a backup into `schedule.dir` every `intervalMs`, keeping the newest `keep`. The next one
 * is due an interval after the newest already in the folder, so a server restarted more often
 * than the interval still makes them, and one started after a long stop makes one at once. A
 * failure (a full disk, the folder gone) is logged and tried again at the next interval; it
 * never stops the server. A backup still running when the next falls due is not doubled.
 *
 * @example const backups = scheduleBackups({ schedule: config.backup, databasePath, log })
 */
export function scheduleBackups(options: ScheduledBackupsOptions): ScheduledBackups {
  const { schedule, databasePath, log } = options
  const now = options.now ?? Date.now
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  let running: Promise<void> | undefined

  function dueAt(): number {
    try {
      mkdirSync(schedule.dir, { recursive: true })
      const newest = newestBackupTime(schedule.dir)
      return newest === undefined ? now() : newest + schedule.intervalMs
    } catch {
      return now() // the backup itself will say what is wrong with the folder
    }
  }

  function wait() {
    if (stopped) return
    const delay = Math.max(0, dueAt() - now())
    timer = setTimeout(delay > longestTimerMs ? wait : run, Math.min(delay, longestTimerMs))
    timer.unref()
  }

  async function backUp() {
    // Named for when it fell due, never earlier: a timer may fire a millisecond before the wall
    // clock reaches the due second, and the name would then be the previous backup's.
    const out = join(schedule.dir, backupFileName(new Date(Math.max(now(), dueAt()))))
    try {
      const report = await createBackup({ databasePath, out })
      const removed = pruneBackups(schedule.dir, schedule.keep)
      log.info('backup made', {
        file: report.file,
        bytes: report.bytes,
        durationMs: report.durationMs,
        rows: Object.values(report.rowCounts).reduce((sum, n) => sum + n, 0),
        ...(removed.length > 0 && { removed }),
      })
    } catch (error) {
      log.error('scheduled backup failed; trying again at the next interval', {
        ...describeError(error),
        ...(error instanceof BackupError && { code: error.code }),
      })
      // Waiting a whole interval from now, not from the last good backup: a failing disk is not
      // retried in a tight loop.
      if (!stopped) {
        timer = setTimeout(run, Math.min(schedule.intervalMs, longestTimerMs))
        timer.unref()
      }
      return
    }
    wait()
  }

  function run() {
    running = backUp().finally(() => {
      running = undefined
    })
  }

  wait()
  return {
    async stop(deadline = Number.POSITIVE_INFINITY) {
      stopped = true
      clearTimeout(timer)
      if (!running) return
      let cutOff: ReturnType<typeof setTimeout> | undefined
      await Promise.race([
        running,
        new Promise<void>((resolve) => {
          cutOff = setTimeout(resolve, Math.min(Math.max(0, deadline - Date.now()), longestTimerMs))
        }),
      ])
      clearTimeout(cutOff)
    },
  }
}

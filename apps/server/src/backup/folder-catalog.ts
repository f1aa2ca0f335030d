import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BackupCatalog, BackupEntry } from './catalog.ts'
import { backupTimeOf, scheduledBackups } from './rotation.ts'
import type { BackupSchedule } from './schedule-settings.ts'

/**
 * The scheduled backups in BACKUP_DIR, read from the folder each time: the same files the
 * schedule makes and prunes (rotation.ts), and nothing else there. A folder not made yet (no
 * backup so far) lists none.
 *
 * @example const catalog = folderBackupCatalog(config.backup); await catalog.list()
 */
export function folderBackupCatalog(schedule: BackupSchedule): BackupCatalog {
  return {
    schedule: { intervalMs: schedule.intervalMs, keep: schedule.keep },
    async list() {
      let names: string[]
      try {
        names = scheduledBackups(schedule.dir)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw error
      }
      const entries = await Promise.all(
        names.map(async (name): Promise<BackupEntry | null> => {
          // Pruned between the listing and now: gone, so not listed.
          const stats = await stat(join(schedule.dir, name)).catch(() => null)
          const createdAt = backupTimeOf(name)
          return stats && createdAt !== undefined ? { name, bytes: stats.size, createdAt } : null
        }),
      )
      return entries.filter((e) => e !== null).reverse()
    },
  }
}

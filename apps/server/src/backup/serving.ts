import type { Config } from '../config.ts'
import { localPath } from '../db/local-path.ts'
import type { Logger } from '../logger.ts'
import { holdDatabasePresence } from './presence.ts'
import { type ScheduledBackups, scheduleBackups } from './schedule.ts'

/** The serving process's database file, when it is one it may copy: not Turso, not a replica. */
function databaseFile(database: Config['database']): string | undefined {
  if (!database.url.startsWith('file:') || database.syncUrl) return undefined
  const path = localPath(database.url)
  return path === ':memory:' ? undefined : path
}

/**
 * Why this configuration cannot make scheduled backups, for the start to refuse with; undefined
 * when it can (or none are asked for).
 */
export function backupScheduleProblem(config: Config): string | undefined {
  if (!config.backup || databaseFile(config.database)) return undefined
  return config.database.syncUrl
    ? 'BACKUP_DIR: an embedded replica holds a copy of a Turso database, whose own point-in-time restore is the backup (see docs/deployment.md, "Backups")'
    : 'BACKUP_DIR: scheduled backups copy a local database file, and DATABASE_URL is not one; Turso keeps point-in-time backups itself (see docs/deployment.md, "Backups")'
}

/**
 * What a Node server does for its local database file while it runs: holds it open, so that
 * `porchlight restore` refuses to replace it (`holdDatabasePresence`), and makes the scheduled
 * backups BACKUP_DIR asks for. `stop` ends both; call it after the database is closed.
 *
 * @example
 * const duties = startDatabaseFileDuties(config, log)
 * // … serve …
 * await duties.stop(deadline)
 */
export function startDatabaseFileDuties(config: Config, log: Logger) {
  const path = databaseFile(config.database)
  const presence = path ? holdDatabasePresence(path) : undefined
  const backups: ScheduledBackups | undefined =
    path && config.backup
      ? scheduleBackups({ schedule: config.backup, databasePath: path, log })
      : undefined
  return {
    async stop(deadline?: number) {
      await backups?.stop(deadline)
      presence?.release()
    },
  }
}

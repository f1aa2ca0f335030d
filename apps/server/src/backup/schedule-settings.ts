import { z } from 'zod'

/** Scheduled backups of a local database file, made by the serving process (Node only). */
export type BackupSchedule = {
  /** The folder backups are written to; created if missing. */
  dir: string
  intervalMs: number
  /** How many of the newest backups in `dir` are kept; older ones are deleted. */
  keep: number
}

const dayMs = 86_400_000
const units: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: dayMs }
const maxIntervalMs = 30 * dayMs

/**
 * `6h`, `30m`, `1d`, `90s`, or a bare number of minutes, as a message when it is none of these.
 *
 * @example parseInterval('6h') // 21_600_000
 */
export function parseInterval(text: string): number | string {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim().toLowerCase())
  const ms = match ? Number(match[1]) * (units[match[2] || 'm'] ?? 0) : 0
  if (ms >= 1000 && ms <= maxIntervalMs) return ms
  return `must be a duration such as 6h, 30m or 1d (a bare number is minutes), from 1s to 30d (got "${text}")`
}

/** The backup variables, for the environment schema in config.ts. */
export const backupEnv = {
  BACKUP_DIR: z.string().trim().min(1).optional(),
  BACKUP_INTERVAL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined
      const ms = parseInterval(value)
      if (typeof ms === 'number') return ms
      ctx.addIssue({ code: 'custom', message: ms })
      return z.NEVER
    }),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).optional(),
}

type BackupEnv = { [K in keyof typeof backupEnv]?: z.output<(typeof backupEnv)[K]> }

/** Once a day, a week of them, unless set otherwise. */
const defaults = { intervalMs: dayMs, keep: 7 }

/**
 * The schedule, or undefined when BACKUP_DIR is unset; the problems (for `loadConfig`'s message)
 * when the interval or count is given without a folder to put backups in.
 */
export function backupSchedule(env: BackupEnv): {
  schedule?: BackupSchedule
  problems: string[]
} {
  if (!env.BACKUP_DIR) {
    const stray = (['BACKUP_INTERVAL', 'BACKUP_KEEP'] as const).filter((k) => env[k] !== undefined)
    return {
      problems: stray.map((k) => `${k}: needs BACKUP_DIR, the folder scheduled backups go to`),
    }
  }
  return {
    schedule: {
      dir: env.BACKUP_DIR,
      intervalMs: env.BACKUP_INTERVAL ?? defaults.intervalMs,
      keep: env.BACKUP_KEEP ?? defaults.keep,
    },
    problems: [],
  }
}

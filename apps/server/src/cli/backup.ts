import { createBackup } from '../backup/create.ts'
import { BackupError } from '../backup/errors.ts'
import { restoreBackup } from '../backup/restore.ts'
import { localPath } from '../db/local-path.ts'
import { missingDatabase } from './database-location.ts'
import { CliError, CliFailure, type CommandContext, print } from './output.ts'

/** `porchlight backup --out FILE [--force]`: a checked copy of the live database. */
export async function backupCommand(ctx: CommandContext): Promise<number> {
  const databasePath = localDatabase(ctx, 'backup')
  const out = ctx.values.out
  if (!out || ctx.args.length > 0)
    throw new CliError('Usage: porchlight backup --out FILE [--force]')
  const missing = missingDatabase(ctx.config.database)
  if (missing) throw new CliFailure(missing)
  const report = await refusalsAsFailures(() =>
    createBackup({ databasePath, out, force: ctx.values.force ?? false }),
  )
  print(ctx, report, () => [
    `Backed up ${databasePath} to ${report.file} (${megabytes(report.bytes)}, ${seconds(report.durationMs)}).`,
    `Checked: SQLite's integrity check passed; ${report.migrations.length} migrations; rows: ${counts(report.rowCounts)}.`,
  ])
  return 0
}

/** `porchlight restore FILE`: puts a backup in place of the database, which must not be in use. */
export async function restoreCommand(ctx: CommandContext): Promise<number> {
  const databasePath = localDatabase(ctx, 'restore')
  const [file, ...extra] = ctx.args
  if (!file || extra.length > 0) throw new CliError('Usage: porchlight restore FILE')
  const report = await refusalsAsFailures(() =>
    restoreBackup({ databasePath, file, now: new Date() }),
  )
  print(ctx, report, () => [
    `Restored ${file} into ${databasePath}.`,
    `Checked: SQLite's integrity check passed; rows: ${counts(report.rowCounts)}.`,
    report.applied.length > 0
      ? `Applied the migrations it predates: ${report.applied.join(', ')}.`
      : 'Its migrations are this version’s: none to apply.',
    report.keptAs
      ? `The database it replaced is kept as ${report.keptAs} (with its -wal and -shm, if it had them): delete it once you are satisfied.`
      : 'There was no database there before.',
    'Start the server again to serve the restored data.',
  ])
  return 0
}

/**
 * The database file the command works on. Elsewhere (D1, Turso, a replica of Turso) the provider
 * keeps the backups, and the command says how to use them instead of copying something else.
 */
function localDatabase(ctx: CommandContext, command: 'backup' | 'restore'): string {
  const { d1, remote, config, env, 'persist-to': persistTo } = ctx.values
  if (d1 || remote || config || env || persistTo) throw new CliError(d1Advice(command))
  const database = ctx.config.database
  if (!database.url.startsWith('file:')) throw new CliError(tursoAdvice(command))
  if (database.syncUrl) {
    throw new CliError(
      `DATABASE_URL is an embedded replica of the Turso database at DATABASE_SYNC_URL: the data lives in Turso, and a ${command} belongs there.\n\n${tursoAdvice(command)}`,
    )
  }
  const path = localPath(database.url)
  if (path === ':memory:')
    throw new CliError('DATABASE_URL is an in-memory database: there is no file.')
  return path
}

function d1Advice(command: 'backup' | 'restore'): string {
  return [
    `porchlight ${command} works on a local database file. D1 keeps its own backups: Time Travel restores a D1 database to any minute of the last 30 days (7 on the Workers Free plan), always on, nothing to set up:`,
    '',
    '  npx wrangler d1 time-travel info porchlight        # the database as it is now (a bookmark)',
    '  npx wrangler d1 time-travel restore porchlight --timestamp=2026-11-21T12:00:00Z',
    '',
    'A restore replaces the database in place (undo it by restoring the bookmark it prints). For a copy of your own, export it as SQL:',
    '',
    '  npx wrangler d1 export porchlight --remote --output=porchlight.sql',
    '',
    '(porchlight: your database_name in wrangler.toml.) See docs/deployment.md, "Backups".',
  ].join('\n')
}

function tursoAdvice(command: 'backup' | 'restore'): string {
  return [
    `porchlight ${command} works on a local database file, and DATABASE_URL is a Turso (libSQL server) database. Turso keeps point-in-time backups itself (the last 24 hours on its Free plan, up to 90 days on paid plans); a restore makes a new database from a moment:`,
    '',
    '  turso db create porchlight-restored --from-db porchlight --timestamp 2026-11-21T12:00:00Z',
    '',
    'then point DATABASE_URL (with a token for it) at the new database. For a copy of your own:',
    '',
    '  turso db shell porchlight .dump > porchlight.sql',
    '',
    'See docs/deployment.md, "Backups".',
  ].join('\n')
}

/** Refusals (a backup that exists, a database in use) are failed commands, exit 1, with their code. */
async function refusalsAsFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof BackupError) throw new CliFailure(`${error.code}: ${error.message}`)
    throw error
  }
}

function counts(rowCounts: Record<string, number>): string {
  return (
    Object.entries(rowCounts)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
      .join(', ') || 'none'
  )
}

function megabytes(bytes: number) {
  return `${(bytes / 1_048_576).toFixed(1)} MB`
}

function seconds(ms: number) {
  return `${(ms / 1000).toFixed(1)} s`
}

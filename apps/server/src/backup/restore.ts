import { randomBytes } from 'node:crypto'
import { existsSync, realpathSync, renameSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createLocalClient } from '../db/local-client.ts'
import { migrate } from '../db/migrate.ts'
import { releaseClosedConnections } from '../db/release-closed.ts'
import { claimDatabase } from './claim.ts'
import { BackupError } from './errors.ts'
import { flushFolder, flushToDisk, removeLeftover, withSidecars } from './files.ts'
import { checkPorchlightDatabase, type DatabaseReport } from './inspect.ts'
import { writeSnapshot } from './snapshot.ts'

export type RestoreOptions = {
  /** The database to replace (it may not exist yet). */
  databasePath: string
  /** The backup to put in its place. */
  file: string
  /** Names the kept-aside copy: `<database>.before-restore-<time>`. */
  now: Date
}

export type RestoreReport = DatabaseReport & {
  /** Where the replaced database (and its -wal and -shm, if any) now is; unset if there was none. */
  keptAs?: string
  /** Migrations this version applied to the restored data. */
  applied: string[]
}

/**
 * Puts a backup in place of the database, refusing while any other process has the database
 * open. Everything that can fail is done before the database is touched: the backup is checked
 * (`checkPorchlightDatabase`), copied beside the database through SQLite (a consistent,
 * self-contained file even from a copy that came with a -wal), and brought up to this version's
 * migrations. Then, holding the database (`claimDatabase`), the current files are renamed to
 * `<database>.before-restore-<time>` and the prepared copy takes the database's name: two renames
 * in one folder, each atomic. The old database stays there, whole, until you delete it.
 *
 * @example await restoreBackup({ databasePath: 'data/porchlight.db', file: 'backups/x.db', now: new Date() })
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const target = resolve(options.databasePath)
  const file = resolve(options.file)
  if (existsSync(file) && existsSync(target) && realpathSync(file) === realpathSync(target)) {
    throw new BackupError('SAME_FILE', `${file} is the database itself: name a backup.`)
  }
  await checkPorchlightDatabase(file, `The backup ${file}`)
  const staging = `${target}.restoring-${randomBytes(6).toString('hex')}`
  try {
    await writeSnapshot(file, staging, target)
    const { applied } = await migrated(staging)
    const report = await checkPorchlightDatabase(staging, 'The restored copy')
    await flushToDisk(staging)
    // A -wal left without its database would be replayed into the restored one: it goes aside too.
    const present = withSidecars(target).some((name) => existsSync(name))
    // Connections closed in this process keep their files open, and locked, until their
    // statements are collected: a server shut down before this would make the claim below
    // refuse, and the checks above would keep the restored copy open until the next one.
    await releaseClosedConnections()
    const keptAs = present ? swapIn(target, options.now) : undefined
    if (!keptAs) renameSync(staging, target)
    await flushFolder(dirname(target))
    return { ...report, ...(keptAs && { keptAs }), applied }
  } finally {
    for (const leftover of withSidecars(staging)) removeLeftover(leftover)
  }

  /** Moves the current database aside and the prepared one in, holding the current one. */
  function swapIn(current: string, now: Date): string {
    // Opening a missing file would create it: with no database file, there is nothing to hold.
    const claim = existsSync(current) ? claimDatabase(current) : undefined
    try {
      const aside = `${current}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
      const names = withSidecars(current)
      const asideNames = withSidecars(aside)
      names.forEach((name, i) => {
        if (existsSync(name)) renameSync(name, asideNames[i] as string)
      })
      renameSync(staging, current)
      return aside
    } finally {
      claim?.release()
    }
  }
}

/**
 * Applies this version's pending migrations to the copy, on Porchlight's own connection, and
 * leaves it a single file (out of WAL mode, which the server turns back on when it opens it), so
 * that nothing beside it has to move with it.
 */
async function migrated(path: string) {
  const client = createLocalClient({ path })
  try {
    const result = await migrate(client)
    await client.execute('PRAGMA journal_mode = DELETE')
    return result
  } finally {
    client.close()
  }
}

import { randomBytes } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { releaseClosedConnections } from '../db/release-closed.ts'
import { BackupError } from './errors.ts'
import { flushFolder, flushToDisk, placeFile, removeLeftover, withSidecars } from './files.ts'
import { checkPorchlightDatabase, type DatabaseReport } from './inspect.ts'
import { writeSnapshot } from './snapshot.ts'

export type BackupOptions = {
  /** The database file to copy; a server may be using it. */
  databasePath: string
  /** Where the copy goes. */
  out: string
  /** Replace `out` if it exists (else refused with BACKUP_EXISTS). */
  force?: boolean
}

export type BackupReport = DatabaseReport & { file: string; bytes: number; durationMs: number }

/**
 * Makes a verified copy of a live database. `VACUUM INTO` writes a consistent snapshot: it reads
 * the database in one read transaction, which in WAL mode takes no lock that a writer waits for,
 * so the server keeps reading and writing meanwhile, and the copy holds exactly the transactions
 * committed when it began, compacted, as one self-contained file (no -wal to carry along). It is
 * written under a temporary name beside `out`, checked (`checkPorchlightDatabase`: integrity,
 * migrations, row counts), flushed to disk, and only then given its name, so a file at `out` is
 * always a whole, checked backup.
 *
 * @example const report = await createBackup({ databasePath: 'data/porchlight.db', out: 'backups/x.db' })
 */
export async function createBackup(options: BackupOptions): Promise<BackupReport> {
  const started = Date.now()
  const source = resolve(options.databasePath)
  const out = resolve(options.out)
  if (withSidecars(source).includes(out)) {
    throw new BackupError('SAME_FILE', 'The backup cannot be written over the database itself.')
  }
  // Opening a missing file would create an empty database, and back that up.
  if (!existsSync(source)) {
    throw new BackupError('DATABASE_NOT_FOUND', `There is no database at ${source}.`)
  }
  if (!options.force && existsSync(out)) {
    throw new BackupError(
      'BACKUP_EXISTS',
      `${out} already exists. Choose another name, or pass --force to replace it.`,
    )
  }
  const temp = `${out}.partial-${randomBytes(6).toString('hex')}`
  try {
    await writeSnapshot(source, temp, out)
    const report = await checkPorchlightDatabase(temp, 'The copy')
    await flushToDisk(temp)
    placeFile(temp, out, { overwrite: options.force ?? false })
    await flushFolder(dirname(out))
    return {
      ...report,
      file: out,
      bytes: statSync(out).size,
      durationMs: Date.now() - started,
    }
  } finally {
    // The check's connection keeps the copy open until its statements are collected: a backup
    // that rotation deletes later would hold its disk space for as long as the server runs.
    await releaseClosedConnections()
    for (const leftover of [temp, `${temp}-journal`]) removeLeftover(leftover)
  }
}

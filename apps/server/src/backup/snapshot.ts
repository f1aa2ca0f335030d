import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { BackupError } from './errors.ts'
import { openSqliteFile, sqlString } from './sqlite-file.ts'

/**
 * Writes a consistent snapshot of the database at `source` to a new file at `temp` with
 * `VACUUM INTO`, creating its folder if missing. A failure to write is a `CANNOT_WRITE` that
 * names `out`, the file the operator asked for.
 *
 * @example await writeSnapshot('data/porchlight.db', 'b/x.db.partial-1f2e', 'b/x.db')
 */
export async function writeSnapshot(source: string, temp: string, out: string) {
  try {
    mkdirSync(dirname(temp), { recursive: true })
    const database = openSqliteFile(source)
    try {
      await database.exec(`VACUUM INTO ${sqlString(temp)}`)
    } finally {
      database.close()
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new BackupError('CANNOT_WRITE', `Could not write ${out}: ${reason}`)
  }
}

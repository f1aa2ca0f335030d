import { existsSync, linkSync, renameSync, rmSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname } from 'node:path'
import { BackupError } from './errors.ts'

/**
 * Flushes a file, then its folder, to the disk: a backup reported as made must survive a power
 * loss right after, and a rename is only durable once its folder is.
 */
export async function flushToDisk(path: string) {
  const file = await open(path, 'r+')
  try {
    await file.sync()
  } finally {
    await file.close()
  }
  await flushFolder(dirname(path))
}

export async function flushFolder(folder: string) {
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Some systems cannot open or sync a folder; the rename is still atomic there.
  }
}

/**
 * Gives the finished file `temp` its name `target` in one step, so `target` is never a partial
 * file. Without `overwrite`, an existing `target` is refused, atomically: a hard link fails if
 * the name is taken (where the file system has no hard links, a check comes first instead).
 */
export function placeFile(temp: string, target: string, options: { overwrite: boolean }) {
  if (options.overwrite) {
    renameSync(temp, target)
    return
  }
  try {
    linkSync(temp, target)
    rmSync(temp)
    return
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw exists(target)
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error
  }
  if (existsSync(target)) throw exists(target)
  renameSync(temp, target)
}

function exists(target: string) {
  return new BackupError(
    'BACKUP_EXISTS',
    `${target} already exists. Choose another name, or pass --force to replace it.`,
  )
}

/** `path` and the files SQLite keeps beside it in WAL mode. */
export function withSidecars(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`]
}

/** Deletes what a failed or finished step left at `path`, if anything is there. */
export function removeLeftover(path: string) {
  try {
    rmSync(path, { force: true })
  } catch (error) {
    // A path through a file that is not a folder holds nothing to delete.
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error
  }
}

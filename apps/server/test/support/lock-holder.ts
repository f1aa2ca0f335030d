import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

/**
 * A second process that takes the database's write lock and keeps it, as `sqlite3`'s
 * `BEGIN IMMEDIATE`, a backup, a long `porchlight search rebuild` or another server would. It
 * writes one row of its own while holding the lock, so a test can check that its write survived.
 *
 * @example
 * const holder = await holdWriteLock(path, "INSERT INTO sites (…) VALUES (…)")
 * // … requests meet the lock …
 * await holder.release()
 */
export async function holdWriteLock(
  databasePath: string,
  writeSql = 'SELECT 1',
): Promise<{ release(): Promise<void>; process: ChildProcess }> {
  const script = `
    const Database = require('libsql')
    const db = new Database(process.argv[1])
    db.exec('BEGIN IMMEDIATE')
    db.exec(process.argv[2])
    process.stdout.write('locked\\n')
    process.stdin.once('data', () => {
      db.exec('COMMIT')
      db.close()
      process.stdout.write('released\\n')
      process.exit(0)
    })
  `
  const child = spawn(
    process.execPath,
    ['--input-type=commonjs', '-e', script, databasePath, writeSql],
    {
      // From the server's folder, so `require('libsql')` finds the installed binding.
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  await waitForLine(child, 'locked')
  return {
    process: child,
    async release() {
      const released = waitForLine(child, 'released')
      child.stdin?.write('go\n')
      await released
      if (child.exitCode === null) await once(child, 'exit')
    },
  }
}

function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const onData = (chunk: Buffer) => {
      seen += chunk.toString()
      if (seen.split('\n').includes(line)) {
        child.stdout?.off('data', onData)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`the lock holder exited (${code}) before "${line}"`)),
    )
  })
}

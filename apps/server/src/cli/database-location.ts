import { existsSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { type Config, defaultDatabaseUrl } from '../config.ts'
import { localPath } from '../db/local-path.ts'
import type { CommandContext } from './output.ts'

// A command run in the wrong folder must not quietly make a new, empty database there and report
// "no sites": the operator would believe their data gone. Only `serve` and `migrate` create one;
// every other command says where it looked and how to point it at the right place.

/**
 * The database a command works on, as its messages name it: a file's absolute path, a server's
 * URL without its query string (which may carry a token), or the D1 database of --d1.
 *
 * @example databaseLocation(ctx) // '/srv/porchlight/data/porchlight.db'
 */
export function databaseLocation(ctx: CommandContext): string {
  if (ctx.values.d1) {
    return `the D1 database bound as DB (${ctx.values.remote ? 'deployed' : 'local state'})`
  }
  const { url } = ctx.config.database
  if (!url.startsWith('file:')) return url.replace(/\?.*$/, '')
  const path = localPath(url)
  return path === ':memory:' ? 'an in-memory database' : resolve(path)
}

/**
 * Why the configured database cannot be used without creating it, or `undefined` when it can: a
 * local file (not an embedded replica of Turso, which fills itself from Turso) that does not exist.
 * The message says where the command looked, where a database of that name was found in a
 * folder above, and how to point the command at the right one.
 *
 * @example
 * const problem = missingDatabase(ctx.config.database)
 * if (problem) throw new CliFailure(problem)
 */
export function missingDatabase(
  database: Config['database'],
  cwd: string = process.cwd(),
): string | undefined {
  if (!database.url.startsWith('file:') || database.syncUrl) return undefined
  const path = localPath(database.url)
  if (path === ':memory:') return undefined
  const looked = resolve(cwd, path)
  if (existsSync(looked)) return undefined

  const relative = !isAbsolute(path)
  const value = database.url === defaultDatabaseUrl ? `${database.url}, the default` : database.url
  const above = relative ? sameNameAbove(cwd, path) : undefined
  return [
    `DATABASE_NOT_FOUND: No Porchlight database at ${looked}; nothing was created.`,
    relative
      ? `DATABASE_URL is ${value}, a relative path: the command looks for it under the folder it runs in, ${cwd}`
      : `DATABASE_URL is ${value}`,
    '',
    ...(above
      ? [
          `There is one at ${above.file}: run the command in ${above.folder}, or name it:`,
          `  DATABASE_URL=file:${above.file} npx porchlight …`,
          '',
        ]
      : []),
    "Point the command at the server's database:",
    '  - run it in the folder the server runs in (for npm start, the repository root), or',
    '  - set DATABASE_URL to the same value the server has, in the environment or in a .env',
    '    file in this folder: DATABASE_URL=file:/path/to/data/porchlight.db',
    '',
    'To start a new, empty database here instead: npx porchlight migrate',
  ].join('\n')
}

/**
 * The nearest folder above `cwd` where the relative `path` names an existing file: most often the
 * checkout's root, when a command runs in one of its subfolders.
 */
function sameNameAbove(cwd: string, path: string): { folder: string; file: string } | undefined {
  for (let folder = dirname(cwd); ; folder = dirname(folder)) {
    const file = resolve(folder, path)
    if (existsSync(file)) return { folder, file }
    if (dirname(folder) === folder) return undefined
  }
}

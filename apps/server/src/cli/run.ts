import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config.ts'
import { ApiError } from '../http/errors.ts'
import { backupCommand, restoreCommand } from './backup.ts'
import { keyCommand } from './keys.ts'
import { migrateCommand } from './migrate.ts'
import { operatorCommand } from './operators.ts'
import { CliError, CliFailure, type CommandContext } from './output.ts'
import { searchCommand } from './search.ts'
import { serveCommand } from './serve.ts'
import { siteCommand } from './sites.ts'
import { userCommand } from './users.ts'

const usage = `Usage: porchlight <command> [options]

Commands:
  serve                                   run the server (also: npm start)
  migrate                                 apply pending database migrations; with serve, the
                                          only commands that create a new database
  site create --name N [--origin URL…]    create a site; prints its keys
  site list                               list sites
  site origins add|remove URL [--site ID] allow or disallow an origin
  key list [--site ID]                    list active secret keys
  key rotate [--site ID] [--label L]      create a secret key (the old ones stay until revoked)
  key rotate --publishable [--site ID]    replace the publishable key
  key revoke KEY_ID [--site ID]           revoke a secret key (KEY_ID: as key list prints it;
                                          the key itself, or its hint sk_<id>_…, works too)
  user create --email E --name N [--admin|--role R] [--verified] [--site ID]
                                          create a member, e.g. the site's first admin; the
                                          password: --password P or PORCHLIGHT_PASSWORD
  user list [--site ID]                   list members, newest first
  user role MEMBER_ID ROLE [--site ID]    set a member's role: member, moderator or admin
  operator create --email E --name N [--admin] [--site ID --role R]
                                          create a console operator (the first one: an admin and
                                          owner of every site); the password: PORCHLIGHT_PASSWORD
                                          or typed at a prompt
  operator list                           list operators, their roles and two-factor state
  operator reset-totp --email E           turn off an operator's TOTP (a lost phone)
  operator role --email E --site ID --role R
                                          give an operator a role on a site: owner, editor,
                                          moderator or viewer
  search rebuild                          rebuild the forum search index (after a manual VACUUM)
  backup --out FILE [--force]             copy the database, checked, while the server runs
  restore FILE                            put a backup in place of the database (server stopped);
                                          the replaced one is kept as <database>.before-restore-…

Options:
  --json      print machine-readable JSON
  --help      show this help

The database is DATABASE_URL's (a libSQL file or Turso), or for a Worker on Cloudflare D1:
  --d1              the D1 database wrangler.toml binds as DB, in the local state that
                    \`wrangler dev\` uses (.wrangler/state); needs wrangler installed
  --remote          with --d1: the deployed database (log in first: npx wrangler login)
  --config PATH     with --d1: the wrangler config (default: wrangler.toml, .json or .jsonc
                    here or in a folder above)
  --env NAME        with --d1: a wrangler environment, [env.NAME]
  --persist-to DIR  with --d1: local state in DIR, as \`wrangler dev --persist-to DIR\`

Settings come from the environment or a .env file (DATABASE_URL, PORT, …; see docs/configuration.md).`

const options = {
  name: { type: 'string' },
  origin: { type: 'string', multiple: true },
  site: { type: 'string' },
  label: { type: 'string' },
  publishable: { type: 'boolean' },
  email: { type: 'string' },
  password: { type: 'string' },
  admin: { type: 'boolean' },
  role: { type: 'string' },
  verified: { type: 'boolean' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  d1: { type: 'boolean' },
  remote: { type: 'boolean' },
  config: { type: 'string' },
  env: { type: 'string' },
  'persist-to': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

export type CliOptions = ReturnType<typeof parse>['values']

function parse(argv: string[]) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true })
}

/** Runs one CLI command; resolves to the process exit code. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    return 2
  }
  const [command, ...rest] = parsed.positionals
  if (parsed.values.help || !command) {
    console.log(usage)
    return command || parsed.values.help ? 0 : 2
  }
  let ctx: CommandContext | undefined
  try {
    ctx = { config: loadConfig(env), values: parsed.values, args: rest }
    switch (command) {
      case 'serve':
        if (['d1', 'remote', 'config', 'env', 'persist-to'].some((flag) => flag in parsed.values)) {
          throw new CliError(
            'serve runs Porchlight on Node with DATABASE_URL; a Worker on D1 runs with: npx wrangler dev',
          )
        }
        return await serveCommand(ctx)
      case 'migrate':
        return await migrateCommand(ctx)
      case 'site':
        return await siteCommand(ctx)
      case 'key':
        return await keyCommand(ctx)
      case 'user':
        return await userCommand(ctx, env)
      case 'operator':
        return await operatorCommand(ctx, env)
      case 'search':
        return await searchCommand(ctx)
      case 'backup':
        return await backupCommand(ctx)
      case 'restore':
        return await restoreCommand(ctx)
      default:
        throw new CliError(`Unknown command "${command}".\n\n${usage}`)
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof CliError) {
      console.error(error.message)
      return 2
    }
    if (error instanceof CliFailure) {
      console.error(error.message)
      return 1
    }
    if (error instanceof ApiError) {
      console.error(`${error.code}: ${error.message}${formatFields(error.fields)}`)
      // Bad input is a usage error (2), like a bad flag; anything else is a failed command (1).
      return error.code === 'VALIDATION_FAILED' ? 2 : 1
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `Port ${ctx?.config.port ?? ''} is already in use (EADDRINUSE). Stop the other server or set PORT.`,
      )
      return 1
    }
    throw error
  }
}

/**
 * The flag a command-line value came in by, for the fields an API error names: the operator typed
 * `--name`, not `displayName`. Fields already named as flags (`--origin …`) stay as they are.
 */
const flagOfField: Record<string, string> = {
  name: '--name',
  origins: '--origin',
  displayName: '--name',
  email: '--email',
  password: '--password',
  role: '--role',
  label: '--label',
}

function formatFields(fields: Record<string, string> | undefined) {
  return fields
    ? Object.entries(fields)
        .map(
          ([field, problem]) =>
            `\n  ${(Object.hasOwn(flagOfField, field) && flagOfField[field]) || field}: ${problem}`,
        )
        .join('')
    : ''
}

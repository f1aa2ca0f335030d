import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import type { D1Database } from '@cloudflare/workers-types'
import { CliError, CliFailure } from './output.ts'
import type { WranglerApi, WranglerConfig, WranglerD1Database } from './wrangler.ts'

/** The binding Porchlight's Worker reads its D1 database from (entry/worker-database.ts). */
const binding = 'DB'

/** Which D1 database to open: the one a Worker project's wrangler config binds as `DB`. */
export type D1Target = {
  /** wrangler.toml, .json or .jsonc; by default wrangler's own search, from here upwards. */
  configPath?: string
  /** A wrangler environment (`[env.NAME]`), as `wrangler deploy --env NAME`. */
  environment?: string
  /** The deployed database, instead of the local one `wrangler dev` keeps. */
  remote: boolean
  /** The local state's folder, as `wrangler dev --persist-to DIR`; default .wrangler/state. */
  persistTo?: string
}

export type D1Connection = { binding: D1Database; close(): Promise<void> }

/**
 * Opens a Worker's D1 database from Node, through wrangler's `getPlatformProxy`, which gives a
 * real D1 binding: miniflare's D1 (workerd's SQLite) on the same local state `wrangler dev`
 * uses, or, with `remote`, a proxy Worker that wrangler runs on Cloudflare under the operator's
 * login (wrangler's remote bindings).
 *
 * getPlatformProxy takes its bindings from a config file, every binding in it, and makes one
 * remote only where the file says `remote = true`. So the CLI hands it a config of its own with
 * the one database, its identifying fields copied from the project's: the local state is found
 * by those fields, so it is the very state `wrangler dev` reads and writes.
 *
 * @example
 * const d1 = await connectD1(await loadWrangler(), { remote: false })
 * try { await migrate(d1SqlClient(d1.binding)) } finally { await d1.close() }
 */
export async function connectD1(wrangler: WranglerApi, target: D1Target): Promise<D1Connection> {
  const config = readConfig(wrangler, target)
  const file = relative(process.cwd(), config.configPath) || config.configPath
  const database = boundDatabase(config, file, target.environment)
  const name = database.database_name ?? database.database_id ?? binding
  const description = `the ${target.remote ? 'deployed' : 'local'} D1 database "${name}" (binding ${binding})`
  if (target.remote && !database.database_id) {
    throw new CliError(
      `--remote needs the database's id, and ${file} gives none for binding ${binding}. Find it with: npx wrangler d1 info ${name}\nthen add it to the [[d1_databases]] block: database_id = "…"`,
    )
  }
  const persistRoot = target.persistTo
    ? resolve(target.persistTo)
    : join(dirname(config.configPath), '.wrangler', 'state')
  const scratch = mkdtempSync(join(tmpdir(), 'porchlight-d1-'))
  const configPath = join(scratch, 'wrangler.json')
  writeFileSync(configPath, JSON.stringify(onlyTheDatabase(config, database, target.remote)))
  try {
    // wrangler's own output is off (withWranglerQuiet), its browser login included: say so.
    if (target.remote && process.stderr.isTTY) {
      process.stderr.write(
        `Connecting to ${description}… (without a Cloudflare login, wrangler opens your browser to log in)\n`,
      )
    }
    const proxy = await wrangler.getPlatformProxy({
      configPath,
      // wrangler dev keeps its state in a v3 folder under .wrangler/state or --persist-to.
      persist: { path: join(persistRoot, 'v3') },
      remoteBindings: target.remote,
      // Variables play no part in reaching a database; .env files are the Node server's.
      envFiles: [],
    })
    return {
      binding: proxy.env[binding] as D1Database,
      async close() {
        try {
          await proxy.dispose()
        } finally {
          rmSync(scratch, { recursive: true, force: true })
        }
      },
    }
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true })
    if (!target.remote) throw error
    throw new CliFailure(
      `Could not open ${description}: ${firstLine(error)}\nCheck that this machine is online and logged in to Cloudflare (npx wrangler whoami), or set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID. WRANGLER_LOG=debug shows wrangler's own account of it.`,
    )
  }
}

function readConfig(
  wrangler: WranglerApi,
  target: D1Target,
): WranglerConfig & { configPath: string } {
  if (target.configPath && !existsSync(target.configPath)) {
    throw new CliError(`No such file: ${target.configPath} (given with --config).`)
  }
  let config: WranglerConfig
  try {
    config = wrangler.unstable_readConfig(
      { config: target.configPath, env: target.environment },
      { hideWarnings: true },
    )
  } catch (error) {
    throw new CliError(`Could not read the wrangler config: ${(error as Error).message}`)
  }
  if (!config.configPath) {
    throw new CliError(
      `No wrangler.toml (or wrangler.json, wrangler.jsonc) in ${process.cwd()} or a folder above it. Run this in your Worker's project, or name the file with --config PATH.`,
    )
  }
  // wrangler dev keeps local state beside the operator's own file, when a build tool (such as
  // Cloudflare's Vite plugin) redirected wrangler to a generated one.
  return { ...config, configPath: resolve(config.userConfigPath ?? config.configPath) }
}

function boundDatabase(
  config: WranglerConfig,
  file: string,
  environment: string | undefined,
): WranglerD1Database {
  const found = config.d1_databases.find((d) => d.binding === binding)
  if (found) return found
  const where = environment ? `${file} ([env.${environment}])` : file
  const others = config.d1_databases.map((d) => `${d.binding} ("${d.database_name ?? d.binding}")`)
  throw new CliError(
    [
      `${where} binds no D1 database as ${binding}, the binding Porchlight's Worker reads.`,
      ...(others.length > 0
        ? [`It binds ${others.join(', ')}: bind Porchlight's as ${binding}.`]
        : []),
      'Add (npx wrangler d1 create porchlight prints the block with the database_id):',
      '',
      '[[d1_databases]]',
      `binding = "${binding}"`,
      'database_name = "porchlight"',
      '',
      'For a Turso database instead, leave out --d1 and set DATABASE_URL.',
    ].join('\n'),
  )
}

/** A config with the one database, as the project's: same name, account, ids. */
function onlyTheDatabase(config: WranglerConfig, database: WranglerD1Database, remote: boolean) {
  return {
    name: config.name ?? 'porchlight',
    ...(config.compatibility_date && { compatibility_date: config.compatibility_date }),
    ...(config.account_id && { account_id: config.account_id }),
    ...(config.compliance_region && { compliance_region: config.compliance_region }),
    d1_databases: [
      {
        binding,
        ...(database.database_name && { database_name: database.database_name }),
        ...(database.database_id && { database_id: database.database_id }),
        ...(database.preview_database_id && {
          preview_database_id: database.preview_database_id,
        }),
        remote,
      },
    ],
  }
}

/** The sentence of wrangler's message, without the stack or details that may follow it. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]?.trim() || 'unknown error'
}

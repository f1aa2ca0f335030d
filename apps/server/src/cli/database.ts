import { systemClock } from '../clock.ts'
import {
  createD1Database,
  createDatabase,
  type Database,
  d1SqlClient,
  type SqlClient,
} from '../db/client.ts'
import { migrate } from '../db/migrate.ts'
import { openDatabase } from '../entry/node.ts'
import { allSites } from '../sites/queries.ts'
import { type SiteScope, siteScope } from '../sites/scope.ts'
import type { SitesDeps } from '../sites/service.ts'
import { connectD1, type D1Target } from './d1.ts'
import { databaseLocation, missingDatabase } from './database-location.ts'
import { CliError, CliFailure, type CommandContext } from './output.ts'
import { loadWrangler, withWranglerQuiet } from './wrangler.ts'

/**
 * What a command works on, whichever database it is: the queries' `db`, the raw `sql` side
 * (migrations, the search index) and the clock. The same command code serves a libSQL file,
 * Turso and a Worker's D1 database.
 */
export type CliDatabase = SitesDeps & { db: Database; sql: SqlClient }

/**
 * Opens the command's database, migrates it (unless `migrate: false`), runs `work`, and closes
 * it: the configured one (DATABASE_URL: a libSQL file or Turso), or with --d1 a Worker's D1
 * database, local or (--remote) deployed. A database file that does not exist is refused with
 * where the command looked (see `database-location.ts`), unless `create: true` (`migrate`).
 */
export async function withDatabase<T>(
  ctx: CommandContext,
  work: (database: CliDatabase) => Promise<T>,
  options: { migrate?: boolean; create?: boolean } = {},
): Promise<T> {
  const run = async (database: CliDatabase) => {
    if (options.migrate !== false) await migrate(database.sql)
    return work(database)
  }
  const target = d1Target(ctx)
  if (!target) {
    const missing = options.create ? undefined : missingDatabase(ctx.config.database)
    if (missing) throw new CliFailure(missing)
    const client = await openDatabase(ctx.config.database)
    try {
      return await run({ db: createDatabase(client), sql: client, clock: systemClock })
    } finally {
      client.close()
    }
  }
  const wrangler = await loadWrangler()
  return withWranglerQuiet(async () => {
    const d1 = await connectD1(wrangler, target)
    try {
      return await run({
        db: createD1Database(d1.binding),
        sql: d1SqlClient(d1.binding),
        clock: systemClock,
      })
    } finally {
      await d1.close()
    }
  })
}

/** The D1 database the flags name, or undefined for the configured database. */
function d1Target(ctx: CommandContext): D1Target | undefined {
  const { d1, remote, config, env, 'persist-to': persistTo } = ctx.values
  if (!d1) {
    const stray = [
      remote && '--remote',
      config && '--config',
      env && '--env',
      persistTo && '--persist-to',
    ].filter(Boolean)
    if (stray.length > 0) {
      throw new CliError(
        `${stray.join(', ')} only work with --d1 (a Worker's D1 database). Without --d1 the database is DATABASE_URL's.`,
      )
    }
    return undefined
  }
  if (remote && persistTo) {
    throw new CliError('--persist-to names local state; --remote is the deployed database.')
  }
  return {
    remote: remote ?? false,
    ...(config && { configPath: config }),
    ...(env && { environment: env }),
    ...(persistTo && { persistTo }),
  }
}

/** The site named by --site, or the only site when there is exactly one. */
export async function chosenSite(ctx: CommandContext, deps: SitesDeps): Promise<SiteScope> {
  const sites = await allSites(deps.db)
  const id = ctx.values.site
  if (id) {
    // The id is quoted: one pasted from the docs' `site_…` must not end in a doubled period.
    if (!sites.some((s) => s.id === id))
      throw new CliError(`No site has the id "${id}" (see: porchlight site list).`)
    return siteScope(id)
  }
  if (sites.length === 1 && sites[0]) return siteScope(sites[0].id)
  throw new CliError(
    sites.length === 0
      ? `There are no sites yet in ${databaseLocation(ctx)}. Create one: porchlight site create --name "My site" --origin https://example.com`
      : 'There are several sites: choose one with --site ID (see: porchlight site list).',
  )
}

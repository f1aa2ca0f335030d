import { systemClock } from '../clock.ts'
import { createDatabase } from '../db/client.ts'
import { migrate } from '../db/migrate.ts'
import { openDatabase } from '../entry/node.ts'
import { allSites } from '../sites/queries.ts'
import { type SiteScope, siteScope } from '../sites/scope.ts'
import type { SitesDeps } from '../sites/service.ts'
import { CliError, type CommandContext } from './output.ts'

/** Opens and migrates the configured database for one command, and closes it afterwards. */
export async function withDatabase<T>(ctx: CommandContext, work: (deps: SitesDeps) => Promise<T>) {
  const client = await openDatabase(ctx.config.database)
  try {
    await migrate(client)
    return await work({ db: createDatabase(client), clock: systemClock })
  } finally {
    client.close()
  }
}

/** The site named by --site, or the only site when there is exactly one. */
export async function chosenSite(ctx: CommandContext, deps: SitesDeps): Promise<SiteScope> {
  const sites = await allSites(deps.db)
  const id = ctx.values.site
  if (id) {
    if (!sites.some((s) => s.id === id))
      throw new CliError(`No site with id ${id}. See: porchlight site list`)
    return siteScope(id)
  }
  if (sites.length === 1 && sites[0]) return siteScope(sites[0].id)
  throw new CliError(
    sites.length === 0
      ? 'There are no sites yet. Create one: porchlight site create --name "My site" --origin https://example.com'
      : 'There are several sites: choose one with --site ID (see: porchlight site list).',
  )
}

import { fieldErrors } from '../http/body.ts'
import { HttpErrors } from '../http/errors.ts'
import { allSites, siteDetails } from '../sites/queries.ts'
import { createSiteSchema, originSchema } from '../sites/schemas.ts'
import { siteScope } from '../sites/scope.ts'
import { addOrigin, createSite, removeOrigin, type SitesDeps } from '../sites/service.ts'
import { chosenSite, withDatabase } from './database.ts'
import { databaseLocation } from './database-location.ts'
import { CliError, type CommandContext, print } from './output.ts'

export async function siteCommand(ctx: CommandContext): Promise<number> {
  const [action, ...args] = ctx.args
  if (action === 'create') return createCommand(ctx)
  if (action === 'list') return listCommand(ctx)
  if (action === 'origins' && (args[0] === 'add' || args[0] === 'remove')) {
    return originsCommand(ctx, args[0], args[1])
  }
  throw new CliError('Usage: porchlight site create|list|origins add|origins remove …')
}

const createUsage =
  'Usage: porchlight site create --name "My site" [--origin https://example.com …]'

async function createCommand(ctx: CommandContext) {
  const { name, origin: origins = [] } = ctx.values
  if (!name?.trim()) {
    throw new CliError(
      `${name === undefined ? 'Missing --name' : '--name is empty'}: give the site a name.\n\n${createUsage}`,
    )
  }
  const parsed = createSiteSchema.safeParse({ name, origins })
  if (!parsed.success) throw HttpErrors.validation(asFlags(fieldErrors(parsed.error), origins))
  const site = await withDatabase(ctx, (deps) => createSite(deps, parsed.data))
  print(ctx, site, () => [
    `Created site "${site.name}" (${site.id})`,
    `  publishable key: ${site.publishableKey}`,
    `  secret key:      ${site.secretKey}   (shown only this once: store it now)`,
    `  origins:         ${site.origins.join(', ') || '(none yet: porchlight site origins add URL)'}`,
  ])
  return 0
}

/** Field errors named as the operator typed them: `origins.1` is the second `--origin`'s value. */
function asFlags(fields: Record<string, string>, origins: readonly string[]) {
  return Object.fromEntries(
    Object.entries(fields).map(([field, problem]) => {
      const index = /^origins\.(\d+)$/.exec(field)?.[1]
      return [index === undefined ? field : `--origin ${origins[Number(index)]}`, problem]
    }),
  )
}

async function listCommand(ctx: CommandContext) {
  const sites = await withDatabase(ctx, async (deps) => {
    const rows = await allSites(deps.db)
    return Promise.all(rows.map(async (s) => ({ ...s, origins: await originsOf(deps, s.id) })))
  })
  print(ctx, sites, () =>
    sites.length === 0
      ? [
          `No sites yet in ${databaseLocation(ctx)}.`,
          'Create one: porchlight site create --name "My site" --origin https://example.com',
        ]
      : sites.map((s) => `${s.id}  ${s.name}\n  ${s.publishableKey}  ${s.origins.join(', ')}`),
  )
  return 0
}

async function originsOf(deps: SitesDeps, siteId: string) {
  const details = await siteDetails(deps.db, siteScope(siteId))
  return details?.origins.map((o) => o.origin) ?? []
}

async function originsCommand(
  ctx: CommandContext,
  action: 'add' | 'remove',
  input: string | undefined,
) {
  const parsed = originSchema.safeParse(input ?? '')
  if (!parsed.success)
    throw new CliError(`Give an origin such as https://example.com (got "${input ?? ''}").`)
  const origin = parsed.data
  await withDatabase(ctx, async (deps) => {
    const scope = await chosenSite(ctx, deps)
    await (action === 'add' ? addOrigin(deps, scope, origin) : removeOrigin(deps, scope, origin))
  })
  print(ctx, { origin, action }, () => [
    action === 'add' ? `Allowed ${origin}` : `Removed ${origin}`,
  ])
  return 0
}

import { createPwnedPasswordsChecker } from '../auth/breached-passwords.ts'
import { createPasswordHasher } from '../auth/password.ts'
import { createOperatorAccount, resetOperatorTotp, setOperatorRole } from '../operators/manage.ts'
import { allOperators, sitesOfOperator } from '../operators/queries.ts'
import { operatorRoleSchema, operatorRoles } from '../operators/roles.ts'
import { allSites } from '../sites/queries.ts'
import { withDatabase } from './database.ts'
import { readHiddenLine } from './hidden-input.ts'
import { CliError, type CommandContext, print } from './output.ts'

const usage = `Usage: porchlight operator create --email E --name N [--admin] [--site ID --role ROLE]
         (the password: the PORCHLIGHT_PASSWORD environment variable, or typed at a prompt)
       porchlight operator list
       porchlight operator reset-totp --email E
       porchlight operator role --email E --site ID --role owner|editor|moderator|viewer`

/**
 * `porchlight operator …`: the console's accounts. The first one created is a deployment admin
 * and owner of every site; the others are usually invited from the console.
 */
export async function operatorCommand(
  ctx: CommandContext,
  env: Record<string, string | undefined>,
): Promise<number> {
  const [action, ...args] = ctx.args
  if (args.length > 0) throw new CliError(usage)
  if (action === 'create') return createCommand(ctx, env)
  if (action === 'list') return listCommand(ctx)
  if (action === 'reset-totp') return resetTotpCommand(ctx)
  if (action === 'role') return roleCommand(ctx)
  throw new CliError(usage)
}

function chosenRole(role: string | undefined) {
  const parsed = operatorRoleSchema.safeParse(role)
  if (!parsed.success) {
    throw new CliError(`--role must be ${operatorRoles.join(', ')} (got "${role ?? ''}").`)
  }
  return parsed.data
}

async function passwordFor(ctx: CommandContext, env: Record<string, string | undefined>) {
  // Never a flag: a password on the command line lands in shell history and `ps`.
  if (ctx.values.password !== undefined) {
    throw new CliError(
      'An operator’s password is not taken as --password (shell history keeps it): set PORCHLIGHT_PASSWORD, or leave it unset to be asked.',
    )
  }
  if (env.PORCHLIGHT_PASSWORD) return env.PORCHLIGHT_PASSWORD
  const first = await readHiddenLine('Password (at least 12 characters): ')
  const again = await readHiddenLine('The same password again: ')
  if (first !== again) throw new CliError('The two passwords differ; nothing was created.')
  return first
}

async function createCommand(ctx: CommandContext, env: Record<string, string | undefined>) {
  const { email, name, admin, site, role } = ctx.values
  if (!email || !name) {
    const missing = [!email && '--email', !name && '--name'].filter(Boolean)
    throw new CliError(`Missing ${missing.join(', ')}.\n\n${usage}`)
  }
  if ((site === undefined) !== (role === undefined)) {
    throw new CliError('--site and --role go together: the role is on that site.')
  }
  const siteRole = site === undefined ? undefined : { siteId: site, role: chosenRole(role) }
  const password = await passwordFor(ctx, env)
  const created = await withDatabase(ctx, async ({ db, clock }) => {
    if (siteRole && !(await allSites(db)).some((s) => s.id === siteRole.siteId)) {
      throw new CliError(`No site has the id "${siteRole.siteId}" (see: porchlight site list).`)
    }
    return createOperatorAccount(
      {
        db,
        clock,
        // One at a time: the CLI makes one hash, and today's parameters are the ones to store.
        passwords: createPasswordHasher({ maxConcurrent: 1 }),
        breachedPasswords: createPwnedPasswordsChecker({
          baseUrl: ctx.config.breachedPasswordsUrl,
        }),
      },
      { email, name, password, admin: admin ?? false, ...(siteRole && { role: siteRole }) },
    )
  })
  const { passwordHash: _, ...shown } = created
  print(ctx, shown, () => [
    `Created operator ${created.email} (${created.id})${created.admin ? ', a deployment admin' : ''}`,
    ...(created.roles.length === 0
      ? ['  no site roles yet: porchlight operator role --email E --site ID --role ROLE']
      : created.roles.map((r) => `  ${r.role} of ${r.siteId}`)),
    `  sign in at ${ctx.config.publicUrl}/console/`,
  ])
  return 0
}

async function listCommand(ctx: CommandContext) {
  const all = await withDatabase(ctx, async ({ db }) =>
    Promise.all(
      (await allOperators(db)).map(async (operator) => ({
        id: operator.id,
        email: operator.email,
        name: operator.name,
        admin: operator.admin,
        totpEnabled: operator.totpEnabledAt !== null,
        lastSignInAt: operator.lastSignInAt,
        sites: await sitesOfOperator(db, operator.id),
      })),
    ),
  )
  print(ctx, all, () =>
    all.length === 0
      ? ['No operators yet. Create the first: porchlight operator create --email E --name N']
      : all.map(
          (o) =>
            `${o.id}  ${o.email}  "${o.name}"${o.admin ? '  admin' : ''}  totp: ${o.totpEnabled ? 'on' : 'off'}  ${
              o.sites.map((s) => `${s.role} of ${s.id}`).join(', ') || 'no sites'
            }`,
        ),
  )
  return 0
}

async function resetTotpCommand(ctx: CommandContext) {
  const { email } = ctx.values
  if (!email) throw new CliError(`Missing --email.\n\n${usage}`)
  const operator = await withDatabase(ctx, (deps) => resetOperatorTotp(deps, email))
  print(ctx, { id: operator.id, email: operator.email }, () => [
    `Two-factor sign-in of ${operator.email} is off and their sessions have ended.`,
    '  Where it is required they set it up again when they next sign in.',
  ])
  return 0
}

async function roleCommand(ctx: CommandContext) {
  const { email, site, role } = ctx.values
  if (!email || !site || !role) {
    const missing = [!email && '--email', !site && '--site', !role && '--role'].filter(Boolean)
    throw new CliError(`Missing ${missing.join(', ')}.\n\n${usage}`)
  }
  const chosen = chosenRole(role)
  const changed = await withDatabase(ctx, async (deps) => {
    if (!(await allSites(deps.db)).some((s) => s.id === site)) {
      throw new CliError(`No site has the id "${site}" (see: porchlight site list).`)
    }
    return setOperatorRole(deps, { email, siteId: site, role: chosen })
  })
  print(ctx, { id: changed.operator.id, siteId: site, role: changed.role }, () => [
    `${changed.operator.email} is now ${changed.role} of ${site}${changed.before ? ` (was ${changed.before})` : ''}`,
  ])
  return 0
}

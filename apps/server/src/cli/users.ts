import { membersPage } from '../auth/admin-member-queries.ts'
import { changeMemberRole } from '../auth/admin-members.ts'
import { memberRoleSchema } from '../auth/admin-schemas.ts'
import { siteAuthSettings } from '../auth/admin-settings.ts'
import { createPwnedPasswordsChecker } from '../auth/breached-passwords.ts'
import { createMember } from '../auth/create-member.ts'
import { createPasswordHasher } from '../auth/password.ts'
import { ApiError } from '../http/errors.ts'
import { chosenSite, withDatabase } from './database.ts'
import { CliError, CliFailure, type CommandContext, print } from './output.ts'

const usage = `Usage: porchlight user create --email E --name N [--admin | --role ROLE] [--verified] [--site ID]
         (the password: --password P, or the PORCHLIGHT_PASSWORD environment variable;
          none on a site with password sign-in off)
       porchlight user list [--site ID]
       porchlight user role MEMBER_ID member|moderator|admin [--site ID]`

/** `porchlight user …`: members made and managed by the operator, e.g. a site's first admin. */
export async function userCommand(
  ctx: CommandContext,
  env: Record<string, string | undefined>,
): Promise<number> {
  const [action, ...args] = ctx.args
  if (action === 'create' && args.length === 0) return createCommand(ctx, env)
  if (action === 'list' && args.length === 0) return listCommand(ctx)
  if (action === 'role' && args.length === 2) return roleCommand(ctx, args[0] ?? '', args[1] ?? '')
  throw new CliError(usage)
}

function chosenRole(ctx: CommandContext) {
  const { admin, role } = ctx.values
  if (admin && role !== undefined && role !== 'admin')
    throw new CliError(`--admin and --role ${role} disagree: give one of them.`)
  if (admin) return 'admin'
  if (role === undefined) return 'member'
  const parsed = memberRoleSchema.safeParse(role)
  if (!parsed.success)
    throw new CliError(`--role must be member, moderator or admin (got "${role}").`)
  return parsed.data
}

async function createCommand(ctx: CommandContext, env: Record<string, string | undefined>) {
  const { email, name } = ctx.values
  // A password on the command line lands in shell history and `ps`; the variable does not.
  // There is no prompt, so scripts and CI never hang waiting for one.
  const password = ctx.values.password ?? env.PORCHLIGHT_PASSWORD
  if (!email || !name) {
    const missing = [!email && '--email', !name && '--name'].filter(Boolean)
    throw new CliError(`Missing ${missing.join(', ')}.\n\n${usage}`)
  }
  const role = chosenRole(ctx)
  const member = await withDatabase(ctx, async ({ db, clock }) => {
    const scope = await chosenSite(ctx, { db, clock })
    const settings = await siteAuthSettings(db, scope)
    // Whether a password is wanted depends on the site, known only once it is read.
    if (settings.passwordSignIn && !password) {
      throw new CliError(`Missing --password (or PORCHLIGHT_PASSWORD).\n\n${usage}`)
    }
    if (!settings.passwordSignIn && password) {
      const given = ctx.values.password === undefined ? 'PORCHLIGHT_PASSWORD' : '--password'
      throw new CliError(
        `Site ${scope.siteId} has password sign-in off, so it takes no password: leave out ${given}. The member signs in by emailed link, passkey or provider.`,
      )
    }
    const deps = {
      db,
      clock,
      // One at a time: the CLI makes one hash, and today's parameters are the ones to store.
      passwords: createPasswordHasher({ maxConcurrent: 1 }),
      breachedPasswords: createPwnedPasswordsChecker({
        baseUrl: ctx.config.breachedPasswordsUrl,
      }),
    }
    return {
      ...(await createMember(deps, scope, settings, {
        email,
        ...(password && { password }),
        displayName: name,
        role,
        verified: ctx.values.verified ?? false,
      })),
      siteId: scope.siteId,
    }
  })
  print(ctx, member, () => [
    `Created ${member.role} ${member.email} (${member.id}) on site ${member.siteId}`,
    member.emailVerified
      ? '  email: verified'
      : '  email: not verified yet (add --verified when you vouch for the address)',
    ...(password ? [] : ['  password: none (the site signs members in by emailed link)']),
  ])
  return 0
}

async function listCommand(ctx: CommandContext) {
  const all = await withDatabase(ctx, async (deps) => {
    const scope = await chosenSite(ctx, deps)
    const found = []
    const now = deps.clock.now()
    for (;;) {
      const last = found.at(-1)
      const before = last ? { createdAt: last.createdAt, id: last.id } : undefined
      const page = await membersPage(deps.db, scope, { before }, 500, now)
      found.push(...page)
      if (page.length < 500) return found
    }
  })
  print(ctx, all, () =>
    all.length === 0
      ? [
          'No members yet. Create the first admin: porchlight user create --admin --email E --name N',
        ]
      : all.map(
          (m) =>
            `${m.id}  ${m.email}  ${m.role}  ${m.status}${m.suspendedUntil ? ` until ${iso(m.suspendedUntil)}` : ''}  "${m.displayName}"`,
        ),
  )
  return 0
}

async function roleCommand(ctx: CommandContext, memberId: string, role: string) {
  const parsed = memberRoleSchema.safeParse(role)
  if (!parsed.success)
    throw new CliError(`ROLE must be member, moderator or admin (got "${role}").`)
  const member = await withDatabase(ctx, async (deps) => {
    const scope = await chosenSite(ctx, deps)
    const settings = await siteAuthSettings(deps.db, scope)
    return changeMemberRole(deps, scope, settings, memberId, parsed.data).catch(
      (error: unknown) => {
        if (!(error instanceof ApiError) || error.code !== 'MEMBER_NOT_FOUND') throw error
        throw new CliFailure(
          `MEMBER_NOT_FOUND: Site ${scope.siteId} has no member with the id "${memberId}". Its members, ids first: porchlight user list`,
        )
      },
    )
  })
  print(ctx, member, () => [`${member.email} (${member.id}) is now ${member.role}`])
  return 0
}

function iso(ms: number) {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z')
}

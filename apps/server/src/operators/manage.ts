import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { BreachedPasswordChecker } from '../auth/breached-passwords.ts'
import type { PasswordHasher } from '../auth/password.ts'
import { displayNameSchema, emailSchema } from '../auth/schemas.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { operatorRecoveryCodes, operatorSessions, operators } from '../db/schema.ts'
import { fieldErrors } from '../http/body.ts'
import { HttpErrors } from '../http/errors.ts'
import { allSites } from '../sites/queries.ts'
import { siteScope } from '../sites/scope.ts'
import { type AuditActor, auditInsert } from './audit.ts'
import { assertOperatorPassword, insertOperator, newOperatorRow } from './create-operator.ts'
import { OperatorErrors } from './errors.ts'
import { changeRole, grantRole, operatorByEmail, operatorOfSite } from './queries.ts'
import type { OperatorRole } from './roles.ts'

// What the deployment's own tools (the CLI) do to operators: make them, give them roles, and
// take their TOTP away when a phone is lost. Each change is in the audit log as the CLI's.

type Deps = {
  db: Database
  clock: Clock
  passwords: PasswordHasher
  breachedPasswords: BreachedPasswordChecker
}

/** The same rules as an account made from an invite: a real address and a name to show. */
const accountSchema = z.object({ email: emailSchema, name: displayNameSchema })

/** How the CLI appears in the audit log. */
export const cliActor: AuditActor = { type: 'cli', id: null, label: 'command line' }

/**
 * Creates an operator. The deployment's first one is an admin and owner of every site there is,
 * so a new deployment has someone who can do everything from the console; later ones get the
 * roles asked for.
 */
export async function createOperatorAccount(
  deps: Deps,
  input: {
    email: string
    name: string
    password: string
    admin?: boolean
    role?: { siteId: string; role: OperatorRole }
  },
) {
  const { db, clock } = deps
  const account = accountSchema.safeParse(input)
  if (!account.success) throw HttpErrors.validation(fieldErrors(account.error))
  if (await operatorByEmail(db, account.data.email)) throw OperatorErrors.operatorExists()
  await assertOperatorPassword(deps, input.password, account.data)
  const [anyOperator] = await db.select({ id: operators.id }).from(operators).limit(1)
  const first = anyOperator === undefined
  const row = newOperatorRow(clock, {
    ...account.data,
    passwordHash: await deps.passwords.hash(input.password),
    admin: first || (input.admin ?? false),
  })
  const roles = new Map<string, OperatorRole>()
  if (first) for (const site of await allSites(db)) roles.set(site.id, 'owner')
  if (input.role) roles.set(input.role.siteId, input.role.role)
  await db.batch([
    insertOperator(db, row),
    ...[...roles].map(([siteId, role]) =>
      grantRole(db, siteScope(siteId), row.id, role, row.createdAt),
    ),
    auditInsert(db, clock, {
      siteId: null,
      actor: cliActor,
      action: 'operator create',
      summary: 'Create an operator',
      target: { id: row.id },
      details: { email: row.email, admin: row.admin, roles: Object.fromEntries(roles) },
    }),
  ])
  return { ...row, roles: [...roles].map(([siteId, role]) => ({ siteId, role })) }
}

/**
 * Turns an operator's TOTP off and ends their sessions: for a lost phone with its recovery codes
 * gone too. Where TOTP is required they set it up again at their next sign-in.
 */
export async function resetOperatorTotp(deps: Pick<Deps, 'db' | 'clock'>, email: string) {
  const { db, clock } = deps
  const operator = await operatorByEmail(db, email)
  if (!operator) throw OperatorErrors.operatorNotFound()
  await db.batch([
    db
      .update(operators)
      .set({
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        updatedAt: clock.now(),
      })
      .where(eq(operators.id, operator.id)),
    db.delete(operatorRecoveryCodes).where(eq(operatorRecoveryCodes.operatorId, operator.id)),
    db.delete(operatorSessions).where(eq(operatorSessions.operatorId, operator.id)),
    auditInsert(db, clock, {
      siteId: null,
      actor: cliActor,
      action: 'operator reset-totp',
      summary: 'Reset an operator’s two-factor sign-in',
      target: { id: operator.id },
      details: { email: operator.email },
    }),
  ])
  return operator
}

/** Gives an operator a role on a site, or changes it; a site keeps at least one owner. */
export async function setOperatorRole(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { email: string; siteId: string; role: OperatorRole },
) {
  const { db, clock } = deps
  const operator = await operatorByEmail(db, input.email)
  if (!operator) throw OperatorErrors.operatorNotFound()
  const scope = siteScope(input.siteId)
  const before = await operatorOfSite(db, scope, operator.id)
  if (before) {
    if (!(await changeRole(db, scope, operator.id, input.role, clock.now()))) {
      throw OperatorErrors.lastOwner()
    }
  } else {
    await grantRole(db, scope, operator.id, input.role, clock.now())
  }
  await auditInsert(db, clock, {
    siteId: input.siteId,
    actor: cliActor,
    action: 'operator role',
    summary: 'Change an operator’s role',
    target: { id: operator.id },
    details: { email: operator.email, from: before?.role ?? null, to: input.role },
  })
  return { operator, before: before?.role ?? null, role: input.role }
}

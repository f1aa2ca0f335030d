import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import type { SiteScope } from '../sites/scope.ts'
import { OperatorErrors } from './errors.ts'
import { pendingInvites } from './invites.ts'
import { changeRole, operatorOfSite, operatorsOfSite, removeFromSite } from './queries.ts'
import type { OperatorRole } from './roles.ts'

type Listed = NonNullable<Awaited<ReturnType<typeof operatorOfSite>>>

function describe(row: Listed) {
  const { totpEnabledAt, ...rest } = row
  return { ...rest, totpEnabled: totpEnabledAt !== null }
}

/** The site's operators with their roles, and the invites still open. */
export async function siteOperators(db: Database, clock: Clock, scope: SiteScope) {
  const [operators, invites] = await Promise.all([
    operatorsOfSite(db, scope),
    pendingInvites(db, clock, scope),
  ])
  return {
    operators: operators.map(describe),
    invites: invites.map((invite) => ({
      id: invite.id,
      email: invite.email,
      role: invite.role,
      invitedBy: invite.invitedByLabel,
      createdAt: invite.createdAt,
      expiresAt: invite.expiresAt,
    })),
  }
}

/** Changes an operator's role on the site, keeping at least one owner (`409 LAST_OWNER`). */
export async function changeOperatorRole(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  operatorId: string,
  role: OperatorRole,
) {
  const before = await operatorOfSite(db, scope, operatorId)
  if (!before) throw OperatorErrors.operatorNotFound()
  if (!(await changeRole(db, scope, operatorId, role, clock.now()))) {
    throw (await operatorOfSite(db, scope, operatorId))
      ? OperatorErrors.lastOwner()
      : OperatorErrors.operatorNotFound()
  }
  return { before: before.role, after: describe({ ...before, role }) }
}

/** Takes an operator off the site (their account stays), keeping at least one owner. */
export async function removeOperator(db: Database, scope: SiteScope, operatorId: string) {
  const before = await operatorOfSite(db, scope, operatorId)
  if (!before) throw OperatorErrors.operatorNotFound()
  if (!(await removeFromSite(db, scope, operatorId))) {
    throw (await operatorOfSite(db, scope, operatorId))
      ? OperatorErrors.lastOwner()
      : OperatorErrors.operatorNotFound()
  }
  return describe(before)
}

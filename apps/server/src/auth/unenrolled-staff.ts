import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { members, memberTotp, sessions } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { AuthSettings } from './settings.ts'

// Where a site requires TOTP of moderators and admins, a session of staff who have not enrolled
// must not outlive the rule: a member promoted, or a site turning the rule on, would otherwise
// keep staff powers without a second factor until their session happened to end. Ending the
// sessions makes the next sign-in ask them to enrol (second-step.ts).

const staffRoles = ['moderator', 'admin'] as const

/**
 * Ends the sessions of the site's unenrolled moderators and admins, or of the one member
 * `memberId` if they are such, when `settings` require TOTP of staff; `null` when they do not.
 * A statement for `db.batch`: put it after a role change, so it reads the new role.
 */
export function signOutUnenrolledStaff(
  db: Database,
  scope: SiteScope,
  settings: Pick<AuthSettings, 'totp'>,
  memberId?: string,
) {
  if (settings.totp !== 'required_for_staff') return null
  const enrolled = db
    .select({ id: memberTotp.memberId })
    .from(memberTotp)
    .where(scope.where(memberTotp, isNotNull(memberTotp.enabledAt)))
  const unenrolledStaff = db
    .select({ id: members.id })
    .from(members)
    .where(
      scope.where(
        members,
        and(
          inArray(members.role, [...staffRoles]),
          notInArray(members.id, enrolled),
          memberId === undefined ? undefined : eq(members.id, memberId),
        ),
      ),
    )
  return db
    .delete(sessions)
    .where(scope.where(sessions, inArray(sessions.memberId, unenrolledStaff)))
}

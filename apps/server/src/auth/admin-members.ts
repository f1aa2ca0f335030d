import { and, eq, exists, ne, type SQL } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { members, memberTokens, sessions } from '../db/schema.ts'
import { logStatementIf, type ModerationActor } from '../forum/moderation-log.ts'
import { HttpErrors } from '../http/errors.ts'
import type { SiteScope } from '../sites/scope.ts'
import { memberDetailRow } from './admin-member-queries.ts'
import type { MemberDetail, MemberRole, MemberSanction } from './admin-schemas.ts'
import { onMemberDeleted } from './delete-account.ts'
import { MemberAdminErrors } from './errors.ts'
import { memberById } from './members.ts'
import { deleteMemberSessions } from './sessions.ts'
import type { AuthSettings } from './settings.ts'
import { twoFactorRowsOf } from './totp-store.ts'
import { signOutUnenrolledStaff } from './unenrolled-staff.ts'

// The owner's actions on members (secret key, or the operator's CLI). Every change that takes
// sign-in away ends the member's sessions in the same batch, so there is no moment in which the
// member is suspended but still holds a working token. Suspensions, bans and their lifting are
// written to the moderation log in that batch too, naming who of the site's staff acted, so the
// forum's moderators see why a member went quiet.

export type AdminMembersDeps = { db: Database; clock: Clock }

const dayMs = 86_400_000
/** A suspension longer than this is a ban in all but name; say so with a ban. */
const maxSuspensionMs = 3653 * dayMs

/** One member as the owner sees them, with the number of sessions still in force. */
export async function memberDetail(
  { db, clock }: AdminMembersDeps,
  scope: SiteScope,
  settings: AuthSettings,
  id: string,
): Promise<MemberDetail> {
  const now = clock.now()
  const row = await memberDetailRow(db, scope, id, now, {
    activeSince: now - settings.sessionInactivityDays * dayMs,
    startedSince: now - settings.sessionAbsoluteDays * dayMs,
  })
  if (!row) throw MemberAdminErrors.memberNotFound()
  return row
}

/**
 * Sets a member's role. Promoting one who has no TOTP, where the site requires it of staff, ends
 * their sessions in the same batch: the next sign-in asks them to enrol before they act as staff.
 */
export async function changeMemberRole(
  deps: AdminMembersDeps,
  scope: SiteScope,
  settings: AuthSettings,
  id: string,
  role: MemberRole,
) {
  const { db, clock } = deps
  const signOut = signOutUnenrolledStaff(db, scope, settings, id)
  const update = db
    .update(members)
    .set({ role, updatedAt: clock.now() })
    .where(scope.where(members, eq(members.id, id)))
    .returning({ id: members.id })
  const [updated] = signOut ? await db.batch([update, signOut]) : [await update]
  if (updated.length === 0) throw MemberAdminErrors.memberNotFound()
  return memberDetail(deps, scope, settings, id)
}

/**
 * Suspends a member until `until` (ms since the epoch) and ends their sessions. They cannot sign
 * in until then (`canSignIn`). A banned member stays banned: 409 MEMBER_BANNED, so a stray click
 * cannot turn a ban into a suspension that lapses on its own.
 */
export async function suspendMember(
  deps: AdminMembersDeps,
  scope: SiteScope,
  settings: AuthSettings,
  id: string,
  input: { until: number; reason?: string | undefined },
  by: ModerationActor,
): Promise<MemberSanction> {
  const { db, clock } = deps
  const now = clock.now()
  if (!Number.isFinite(input.until) || input.until <= now)
    throw HttpErrors.validation({ until: 'Must be in the future.' })
  if (input.until - now > maxSuspensionMs)
    throw HttpErrors.validation({ until: 'At most 10 years ahead; ban the member instead.' })
  const found = await memberById(db, scope, id)
  if (!found) throw MemberAdminErrors.memberNotFound()
  if (found.status === 'banned') throw MemberAdminErrors.memberBanned()
  const [suspended, ended] = await db.batch([
    db
      .update(members)
      .set({ status: 'suspended', suspendedUntil: input.until, updatedAt: now })
      .where(scope.where(members, eq(members.id, id), ne(members.status, 'banned')))
      .returning({ id: members.id }),
    deleteMemberSessions(db, scope, id).returning({ id: sessions.id }),
    logStatementIf(
      db,
      scope,
      {
        actor: by,
        action: 'member.suspend',
        targetType: 'member',
        targetId: id,
        reason: input.reason ?? null,
        details: { until: input.until },
        now,
      },
      // Only if the suspension took: not for a member banned meanwhile.
      memberWhere(db, scope, id, eq(members.status, 'suspended')),
    ),
  ])
  if (suspended.length === 0) {
    // Banned or deleted between the read and the batch.
    throw (await memberById(db, scope, id))
      ? MemberAdminErrors.memberBanned()
      : MemberAdminErrors.memberNotFound()
  }
  return {
    member: await memberDetail(deps, scope, settings, id),
    reason: input.reason ?? null,
    sessionsEnded: ended.length,
  }
}

/** Bans a member until unbanned, and ends their sessions. Banning again changes nothing. */
export async function banMember(
  deps: AdminMembersDeps,
  scope: SiteScope,
  settings: AuthSettings,
  id: string,
  input: { reason?: string | undefined },
  by: ModerationActor,
): Promise<MemberSanction> {
  const { db, clock } = deps
  const now = clock.now()
  const [, banned, ended] = await db.batch([
    // Before the change, so that banning again logs nothing, as it changes nothing.
    logStatementIf(
      db,
      scope,
      {
        actor: by,
        action: 'member.ban',
        targetType: 'member',
        targetId: id,
        reason: input.reason ?? null,
        now,
      },
      memberWhere(db, scope, id, ne(members.status, 'banned')),
    ),
    db
      .update(members)
      .set({ status: 'banned', suspendedUntil: null, updatedAt: now })
      .where(scope.where(members, eq(members.id, id)))
      .returning({ id: members.id }),
    deleteMemberSessions(db, scope, id).returning({ id: sessions.id }),
  ])
  if (banned.length === 0) throw MemberAdminErrors.memberNotFound()
  return {
    member: await memberDetail(deps, scope, settings, id),
    reason: input.reason ?? null,
    sessionsEnded: ended.length,
  }
}

/** Lifts a ban or a suspension: the member may sign in again at once. */
export async function unbanMember(
  deps: AdminMembersDeps,
  scope: SiteScope,
  settings: AuthSettings,
  id: string,
  by: ModerationActor,
): Promise<{ member: MemberDetail }> {
  const { db, clock } = deps
  const now = clock.now()
  const [, updated] = await db.batch([
    // Before the change: lifting nothing (an active member) logs nothing.
    logStatementIf(
      db,
      scope,
      { actor: by, action: 'member.unban', targetType: 'member', targetId: id, now },
      memberWhere(db, scope, id, ne(members.status, 'active')),
    ),
    db
      .update(members)
      .set({ status: 'active', suspendedUntil: null, updatedAt: now })
      .where(scope.where(members, eq(members.id, id)))
      .returning({ id: members.id }),
  ])
  if (updated.length === 0) throw MemberAdminErrors.memberNotFound()
  return { member: await memberDetail(deps, scope, settings, id) }
}

/** The member `id` of the site exists and matches `condition`: a log row is written only then. */
function memberWhere(db: Database, scope: SiteScope, id: string, condition: SQL) {
  return exists(
    db
      .select({ id: members.id })
      .from(members)
      .where(scope.where(members, and(eq(members.id, id), condition))),
  )
}

/** Signs the member out everywhere; they may sign in again. Returns how many sessions ended. */
export async function endMemberSessions({ db }: AdminMembersDeps, scope: SiteScope, id: string) {
  const ended = await deleteMemberSessions(db, scope, id).returning({ id: sessions.id })
  if (ended.length === 0 && !(await memberById(db, scope, id)))
    throw MemberAdminErrors.memberNotFound()
  return ended.length
}

/**
 * Turns a member's two-factor sign-in off, for one who lost both the phone and the recovery
 * codes, and signs them out everywhere. Afterwards the password alone signs in: the owner must
 * be sure the request came from the member (the API cannot check that for them).
 */
export async function resetMemberTotp({ db }: AdminMembersDeps, scope: SiteScope, id: string) {
  if (!(await memberById(db, scope, id))) throw MemberAdminErrors.memberNotFound()
  await db.batch([...twoFactorRowsOf(db, scope, id), deleteMemberSessions(db, scope, id)])
}

/**
 * Deletes a member with their sessions and emailed tokens, in one batch. What they left on the
 * site (contact submissions now, forum posts later) is settled by `onMemberDeleted`, the same
 * rules as when members delete their own account, under the site's `deletedMemberPosts` policy.
 * Sessions and tokens are deleted by name rather than left to the foreign keys' cascade, which
 * SQLite applies only where `foreign_keys` is on for the connection. No email: the owner decides
 * whether and how to tell the person.
 */
export async function deleteMember(
  { db, clock }: AdminMembersDeps,
  scope: SiteScope,
  settings: AuthSettings,
  id: string,
) {
  if (!(await memberById(db, scope, id))) throw MemberAdminErrors.memberNotFound()
  await db.batch([
    db.delete(memberTokens).where(scope.where(memberTokens, eq(memberTokens.memberId, id))),
    ...onMemberDeleted(db, scope, id, settings.deletedMemberPosts, clock.now()),
    deleteMemberSessions(db, scope, id),
    ...twoFactorRowsOf(db, scope, id),
    db.delete(members).where(scope.where(members, eq(members.id, id))),
  ])
}

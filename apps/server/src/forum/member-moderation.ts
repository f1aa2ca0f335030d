import { eq, ne } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { deleteMemberSessions } from '../auth/sessions.ts'
import type { AuthSettings } from '../auth/settings.ts'
import { signOutUnenrolledStaff } from '../auth/unenrolled-staff.ts'
import type { Database } from '../db/client.ts'
import { members } from '../db/schema.ts'
import { HttpErrors } from '../http/errors.ts'
import type { SiteScope } from '../sites/scope.ts'
import { ForumErrors } from './errors.ts'
import {
  loggedActor,
  logStatement,
  type ModerationActor,
  moderationNotice,
} from './moderation-log.ts'
import { memberToModerate } from './moderation-queries.ts'
import { maxSuspensionDays } from './moderation-schemas.ts'
import {
  type Actor,
  assertCanChangeRole,
  assertCanSuspend,
  assertModerator,
} from './permissions.ts'
import type { PostingDeps } from './posting.ts'

// Moderators suspending members, admins changing roles. A suspension is the owner's suspension
// (auth/admin-members.ts): status 'suspended' until a time, and every session ended in the same
// batch, so there is no moment in which the member is suspended but still holds a working token.

const dayMs = 86_400_000

/**
 * When a suspension ends: `days` from now or an explicit `until`; 422 unless in the future and
 * within ten years.
 */
export function suspensionEnd(
  now: number,
  input: { days?: number | undefined; until?: number | undefined },
) {
  const until = input.until ?? now + (input.days ?? 0) * dayMs
  if (!Number.isFinite(until) || until <= now)
    throw HttpErrors.validation({ until: 'Must be in the future.' })
  if (until - now > maxSuspensionDays * dayMs)
    throw HttpErrors.validation({ until: 'At most 10 years ahead; ask the site owner for a ban.' })
  return until
}

/**
 * The member to suspend, checked against the actor's rank: 404 for no such member, 403 for one
 * the actor may not suspend, 409 MEMBER_BANNED (a suspension would let a ban lapse).
 */
export async function suspendableMember(
  db: Database,
  scope: SiteScope,
  actor: Actor,
  memberId: string,
) {
  const target = await memberToModerate(db, scope, memberId)
  if (!target) throw ForumErrors.memberNotFound()
  assertCanSuspend(actor, target)
  if (target.status === 'banned') throw ForumErrors.memberBanned()
  return target
}

/** The suspension itself, for a batch: the member row, their sessions, the log and a notice. */
export function suspensionStatements(
  db: Database,
  scope: SiteScope,
  input: {
    memberId: string
    actor: ModerationActor
    until: number
    reason: string | null
    now: number
    details?: Record<string, unknown>
    /** The post that led to it, when it came from the flag queue. */
    about?: { threadId: string; postId: string }
  },
): [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] {
  const { memberId, until, now } = input
  return [
    db
      .update(members)
      .set({ status: 'suspended', suspendedUntil: until, updatedAt: now })
      .where(scope.where(members, eq(members.id, memberId), ne(members.status, 'banned'))),
    deleteMemberSessions(db, scope, memberId),
    logStatement(db, scope, {
      actor: input.actor,
      action: 'member.suspend',
      targetType: 'member',
      targetId: memberId,
      reason: input.reason,
      details: { until, ...input.details },
      now,
    }),
    // Read when they are back: they cannot sign in until `until`.
    ...moderationNotice(db, scope, {
      memberId,
      actorId: 'memberId' in input.actor ? input.actor.memberId : null,
      action: 'member.suspend',
      reason: input.reason,
      details: { until },
      threadId: input.about?.threadId ?? null,
      postId: input.about?.postId ?? null,
      now,
    }),
  ]
}

export async function suspendMember(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  memberId: string,
  input: { days?: number | undefined; until?: number | undefined; reason: string },
) {
  const { db } = deps
  assertModerator(actor)
  const target = await suspendableMember(db, scope, actor, memberId)
  const until = suspensionEnd(actor.now, input)
  await db.batch(
    suspensionStatements(db, scope, {
      memberId: target.id,
      actor: loggedActor(actor),
      until,
      reason: input.reason,
      now: actor.now,
    }),
  )
  return { id: target.id, status: 'suspended' as const, suspendedUntil: until }
}

/**
 * Admins set roles; the change is logged and takes effect on the member's next request. A member
 * promoted without TOTP, where the site requires it of staff, is signed out to enrol first.
 */
export async function changeMemberRole(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  memberId: string,
  role: 'member' | 'moderator' | 'admin',
  authSettings: Pick<AuthSettings, 'totp'>,
) {
  const { db } = deps
  const target = await memberToModerate(db, scope, memberId)
  if (!target) throw ForumErrors.memberNotFound()
  assertCanChangeRole(actor, target)
  if (target.role !== role) {
    const now = actor.now
    const signOut = signOutUnenrolledStaff(db, scope, authSettings, memberId)
    await db.batch([
      db
        .update(members)
        .set({ role, updatedAt: now })
        .where(scope.where(members, eq(members.id, memberId))),
      logStatement(db, scope, {
        actor: loggedActor(actor),
        action: 'member.role',
        targetType: 'member',
        targetId: memberId,
        details: { from: target.role, to: role },
        now,
      }),
      ...(signOut ? [signOut] : []),
    ])
  }
  return { id: target.id, role }
}

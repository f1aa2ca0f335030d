import { and, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { members, moderationLog, notifications, threads } from '../db/schema.ts'
import { newId } from '../ids.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { moderationActions } from './moderation-schemas.ts'
import type { ModeratorActor, Staff } from './permissions.ts'

// The records every moderation action leaves, as statements for the same batch as the action
// itself: a log row (who, what, when, why), a notice to the member it concerns, and a bump of
// the thread's version so the posts list's ETag changes and pollers see the new state.

export type ModerationAction = (typeof moderationActions)[number]

/**
 * Who acted: a member, the site's staff (the owner with a secret key, or an operator of the
 * console, whose name is kept as it was then), or the system (the flag threshold).
 */
export type ModerationActor = { memberId: string } | Staff | { by: 'system' }

/** Who the log names for a moderator's action. */
export function loggedActor(actor: ModeratorActor): ModerationActor {
  return actor.kind === 'member' ? { memberId: actor.member.id } : actor.staff
}

/**
 * The member who acted, if a member did: a notice names them, and a moderator is never told of
 * their own action. Staff are nobody's member.
 */
export function actingMemberId(actor: ModeratorActor): string | null {
  return actor.kind === 'member' ? actor.member.id : null
}

/** The id of whoever acted, member or operator, for a row's `resolved_by`; null for a key. */
export function actorIdOf(actor: ModerationActor): string | null {
  if ('memberId' in actor) return actor.memberId
  return actor.by === 'operator' ? actor.operatorId : null
}

export type LogEntry = {
  actor: ModerationActor
  action: ModerationAction
  targetType: (typeof moderationLog.$inferInsert)['targetType']
  targetId: string
  reason?: string | null | undefined
  details?: Record<string, unknown>
  now: number
}

function logRow(scope: SiteScope, entry: LogEntry) {
  const { actor } = entry
  const by =
    'memberId' in actor
      ? {}
      : actor.by === 'operator'
        ? { by: actor.by, operator: { id: actor.operatorId, name: actor.name } }
        : { by: actor.by }
  return {
    id: newId('mlog'),
    siteId: scope.siteId,
    actorId: 'memberId' in entry.actor ? entry.actor.memberId : null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    reason: entry.reason ?? null,
    details: { ...by, ...entry.details },
    createdAt: entry.now,
  }
}

export function logStatement(db: Database, scope: SiteScope, entry: LogEntry) {
  return db.insert(moderationLog).values(logRow(scope, entry))
}

/** A log row written only if `condition` holds inside the batch, for actions that may not happen. */
export function logStatementIf(db: Database, scope: SiteScope, entry: LogEntry, condition: SQL) {
  const row = logRow(scope, entry)
  return db.run(sql`INSERT INTO ${moderationLog} (id, site_id, actor_id, action, target_type, target_id, reason, details, created_at)
    SELECT ${row.id}, ${row.siteId}, ${row.actorId}, ${row.action}, ${row.targetType}, ${row.targetId},
      ${row.reason}, ${JSON.stringify(row.details)}, ${row.createdAt}
    WHERE ${condition}`)
}

/**
 * Tells a member what a moderator did to their post, thread or account (kind `moderation`,
 * `data: {action, reason, …}`). Nothing when the content has no author any more (deleted
 * account) or when moderators act on their own content.
 */
export function moderationNotice(
  db: Database,
  scope: SiteScope,
  notice: {
    memberId: string | null
    actorId: string | null
    action: ModerationAction
    reason?: string | null | undefined
    threadId?: string | null
    postId?: string | null
    details?: Record<string, unknown>
    now: number
  },
) {
  if (notice.memberId === null || notice.memberId === notice.actorId) return []
  return [
    db.insert(notifications).values({
      id: newId('ntf'),
      siteId: scope.siteId,
      memberId: notice.memberId,
      kind: 'moderation',
      threadId: notice.threadId ?? null,
      postId: notice.postId ?? null,
      actorId: notice.actorId,
      data: { action: notice.action, reason: notice.reason ?? null, ...notice.details },
      createdAt: notice.now,
    }),
  ]
}

/** Any change to a thread or its posts changes the posts list's ETag. */
export function bumpThreadVersion(db: Database, scope: SiteScope, threadId: string) {
  return db
    .update(threads)
    .set({ version: sql`${threads.version} + 1` })
    .where(scope.where(threads, eq(threads.id, threadId)))
}

/** The operator an entry names, as it was stored when they acted. */
function operatorNamed(stored: unknown): { id: string; name: string } {
  const { id, name } = (stored ?? {}) as { id?: unknown; name?: unknown }
  return { id: typeof id === 'string' ? id : '', name: typeof name === 'string' ? name : '' }
}

/** Who acted without being a member, as the entry stored it: the site's staff or the system. */
function staffKind(stored: unknown): 'owner' | 'operator' | 'system' {
  return stored === 'owner' || stored === 'operator' ? stored : 'system'
}

/** The log, newest first, keyset-paginated on (created_at, id). */
export async function moderationLogPage(
  db: Database,
  scope: SiteScope,
  input: { before?: { createdAt: number; id: string }; limit: number },
) {
  const { before } = input
  const rows = await db
    .select({
      entry: moderationLog,
      actor: { id: members.id, displayName: members.displayName, username: members.username },
    })
    .from(moderationLog)
    .leftJoin(
      members,
      and(eq(members.id, moderationLog.actorId), eq(members.siteId, moderationLog.siteId)),
    )
    .where(
      scope.where(
        moderationLog,
        before
          ? or(
              lt(moderationLog.createdAt, before.createdAt),
              and(eq(moderationLog.createdAt, before.createdAt), lt(moderationLog.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(input.limit)
  return rows.map(({ entry, actor }) => {
    const details = (entry.details ?? {}) as Record<string, unknown>
    const { by, operator, ...rest } = details
    return {
      id: entry.id,
      // A member who has since left shows as `actor: null, by: 'member'`.
      by: entry.actorId ? ('member' as const) : staffKind(by),
      actor: actor?.id ? actor : null,
      operator: by === 'operator' ? operatorNamed(operator) : null,
      action: entry.action as ModerationAction,
      targetType: entry.targetType,
      targetId: entry.targetId,
      reason: entry.reason,
      details: rest,
      createdAt: entry.createdAt,
    }
  })
}

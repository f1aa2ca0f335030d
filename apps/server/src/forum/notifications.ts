import { and, count, desc, eq, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { inList } from '../db/portable-sql.ts'
import { members, notifications, posts, threads, watches } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'

// A member's own notifications: every query here names the site AND the member, so one member
// can never list, count or mark another's.

export type NotificationRow = typeof notifications.$inferSelect
export type WatchLevel = (typeof watches.$inferSelect)['level']
export type NotificationCursor = { createdAt: number; id: string }

/** Unread badges stop counting here: "999+" is all a badge shows, and the count stays cheap. */
export const UNREAD_COUNT_CAP = 999

type Reader = { memberId: string; moderator: boolean }

/**
 * Notifications about content the reader can no longer see are left out rather than shown with
 * their thread title: a post deleted or hidden by a moderator, a thread hidden or gone. Moderation
 * notices are always shown, since they are about exactly such content and it is the reader's own.
 */
function visibleTo(scope: SiteScope, reader: Reader): SQL {
  return scope.where(
    notifications,
    eq(notifications.memberId, reader.memberId),
    or(
      eq(notifications.kind, 'moderation'),
      and(
        or(
          isNull(notifications.threadId),
          and(isNotNull(threads.id), reader.moderator ? undefined : eq(threads.hidden, false)),
        ),
        or(
          isNull(notifications.postId),
          and(
            isNotNull(posts.id),
            isNull(posts.deletedAt),
            reader.moderator ? undefined : eq(posts.hidden, false),
          ),
        ),
      ),
    ),
  )
}

// Joins are on id and site, so a dangling id can never pull in another site's row.
const threadJoin = (scope: SiteScope) =>
  and(eq(threads.id, notifications.threadId), eq(threads.siteId, scope.siteId))
const postJoin = (scope: SiteScope) =>
  and(eq(posts.id, notifications.postId), eq(posts.siteId, scope.siteId))

/** One page, newest first, keyset-paginated on (created_at, id). */
export function notificationsPage(
  db: Database,
  scope: SiteScope,
  reader: Reader,
  input: { unreadOnly: boolean; after?: NotificationCursor; limit: number },
) {
  const { after } = input
  return db
    .select({
      notification: notifications,
      threadTitle: threads.title,
      postNumber: posts.number,
      actor: { id: members.id, displayName: members.displayName, username: members.username },
    })
    .from(notifications)
    .leftJoin(threads, threadJoin(scope))
    .leftJoin(posts, postJoin(scope))
    .leftJoin(members, and(eq(members.id, notifications.actorId), eq(members.siteId, scope.siteId)))
    .where(
      and(
        visibleTo(scope, reader),
        input.unreadOnly ? isNull(notifications.readAt) : undefined,
        after
          ? or(
              lt(notifications.createdAt, after.createdAt),
              and(eq(notifications.createdAt, after.createdAt), lt(notifications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit)
}

export type NotificationListRow = Awaited<ReturnType<typeof notificationsPage>>[number]

/** What the API returns for one notification. */
export function notificationView(row: NotificationListRow) {
  const n = row.notification
  return {
    id: n.id,
    kind: n.kind,
    threadId: n.threadId,
    threadTitle: row.threadTitle,
    postId: n.postId,
    postNumber: row.postNumber,
    actor: row.actor?.id
      ? { id: row.actor.id, displayName: row.actor.displayName, username: row.actor.username }
      : null,
    // Always an object when set (notify.ts, moderation-log.ts, reactions.ts write it).
    data: (n.data ?? null) as Record<string, unknown> | null,
    read: n.readAt !== null,
    createdAt: n.createdAt,
  }
}

/** Unread notifications the reader can see, counted up to `UNREAD_COUNT_CAP`. */
export async function unreadCount(db: Database, scope: SiteScope, reader: Reader) {
  const unread = db
    .select({ one: sql`1` })
    .from(notifications)
    .leftJoin(threads, threadJoin(scope))
    .leftJoin(posts, postJoin(scope))
    .where(and(visibleTo(scope, reader), isNull(notifications.readAt)))
    .limit(UNREAD_COUNT_CAP)
    .as('unread')
  const [row] = await db.select({ n: count() }).from(unread)
  return row?.n ?? 0
}

/** Marks the member's notifications read: the given ones, or all when `ids` is omitted. */
export async function markRead(
  db: Database,
  scope: SiteScope,
  memberId: string,
  ids: readonly string[] | undefined,
  now: number,
) {
  if (ids !== undefined && ids.length === 0) return
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      scope.where(
        notifications,
        eq(notifications.memberId, memberId),
        isNull(notifications.readAt),
        ids ? inList(notifications.id, ids) : undefined,
      ),
    )
}

/** The member's watch level on a thread; no row means `normal`. */
export async function watchLevel(
  db: Database,
  scope: SiteScope,
  threadId: string,
  memberId: string,
): Promise<WatchLevel> {
  const [row] = await db
    .select({ level: watches.level })
    .from(watches)
    .where(scope.where(watches, eq(watches.threadId, threadId), eq(watches.memberId, memberId)))
  return row?.level ?? 'normal'
}

/**
 * Sets a watch level. An explicit choice is kept from then on: posting in the thread later does
 * not turn a `normal` or `muted` watch back into `watching` (posting.ts inserts only when absent).
 */
export async function setWatchLevel(
  db: Database,
  scope: SiteScope,
  threadId: string,
  memberId: string,
  level: WatchLevel,
) {
  await db
    .insert(watches)
    .values({ siteId: scope.siteId, threadId, memberId, level })
    .onConflictDoUpdate({ target: [watches.threadId, watches.memberId], set: { level } })
}

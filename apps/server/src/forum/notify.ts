import { inArray, type SQL, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { members, notifications, outbox, threads, watches } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { ForumSettings } from './settings.ts'

/** What a new post means for other members: who watches, who was mentioned, quoted, replied to. */
export type NewPostEvent = {
  threadId: string
  threadTitle: string
  postId: string
  postNumber: number
  authorId: string
  /** Member ids mentioned with @username (already resolved, author excluded by the callee). */
  mentionedIds: readonly string[]
  /** Authors of quoted posts. */
  quotedAuthorIds: readonly string[]
  /** Author of the post this one replies to. */
  replyToAuthorId: string | null
  excerpt: string
}

/** The job kind that sends one member one email about one thread per quiet period. */
export const DIGEST_JOB_KIND = 'forum.digest'

/** Mentions that notify, per post: enough for a roll call, too few to page a whole site. */
export const MAX_NOTIFIED_MENTIONS = 20

export type DigestPayload = {
  memberId: string
  threadId: string
  bucketStart: number
  bucketEnd: number
}

/**
 * A notification's id is derived from its post and recipient: `ntf_<postId>.<memberId>`. The
 * primary key then allows one notification per member per post, and inserting the kinds in
 * order of precedence (mention, quote, direct reply, watched reply) with ON CONFLICT DO NOTHING
 * keeps the first: no read-then-write, nothing to race. The shared `ntf_<postId>.` prefix also
 * lets the email step find this post's notifications by a primary-key range scan.
 */
function idPrefix(postId: string) {
  return `ntf_${postId}.`
}

/**
 * The statements that notify members of a new post, for the same batch as the post itself:
 * in-app notifications, and emails queued per recipient and coalesced per quiet period.
 *
 * Who is notified is decided in SQL inside the batch, against the rows as they are when the
 * post commits: a watch changed a moment earlier counts, and a thread with 10,000 watchers costs
 * one INSERT … SELECT instead of 10,000 round trips. Recipients must be able to act on it:
 * active (not banned, not suspended), able to read the thread (hidden threads are for
 * moderators), and not the author. A member who muted the thread gets nothing, not even for a
 * mention: muting is how a member stops someone pulling them back into a thread, so it must
 * not have a hole that person can use (Discourse mutes everything too).
 *
 * @example
 * await db.batch([insertPost, ...newPostNotifications(db, clock, scope, settings, event)])
 */
export function newPostNotifications(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  settings: ForumSettings,
  event: NewPostEvent,
): BatchItem<'sqlite'>[] {
  const now = clock.now()
  const others = (ids: readonly (string | null)[]) =>
    [...new Set(ids)].filter((id): id is string => id !== null && id !== event.authorId)
  const mentioned = others(event.mentionedIds).slice(0, MAX_NOTIFIED_MENTIONS)
  const quoted = others(event.quotedAuthorIds)
  const repliedTo = others([event.replyToAuthorId])

  const notify = (kind: 'mention' | 'quote' | 'reply', recipients: SQL, data: unknown = null) =>
    db.run(sql`INSERT INTO ${notifications}
        (id, site_id, member_id, kind, thread_id, post_id, actor_id, data, created_at)
      SELECT ${idPrefix(event.postId)} || ${members.id}, ${scope.siteId}, ${members.id}, ${kind},
        ${event.threadId}, ${event.postId}, ${event.authorId},
        ${data === null ? null : JSON.stringify(data)}, ${now}
      FROM ${members} JOIN ${threads}
        ON ${threads.id} = ${event.threadId} AND ${threads.siteId} = ${scope.siteId}
      WHERE +${members.siteId} = ${scope.siteId} AND ${recipients}
        AND ${members.id} <> ${event.authorId}
        AND (${members.status} = 'active' OR (${members.status} = 'suspended'
          AND ${members.suspendedUntil} IS NOT NULL AND ${members.suspendedUntil} <= ${now}))
        AND (${threads.hidden} = 0 OR ${members.role} IN ('moderator', 'admin'))
        AND NOT EXISTS (SELECT 1 FROM ${watches} WHERE ${watches.threadId} = ${event.threadId}
          AND ${watches.memberId} = ${members.id} AND ${watches.level} = 'muted')
      ON CONFLICT DO NOTHING`)

  // The unary `+` on site columns below keeps the condition but stops SQLite from choosing the
  // site-wide index for it: the thread's watches (primary key) and the notification id range are
  // far narrower. Without it a reply on a 1M-post forum read every watch of the site (~1.4 s).
  const statements: BatchItem<'sqlite'>[] = []
  if (mentioned.length > 0) statements.push(notify('mention', inArray(members.id, mentioned)))
  if (quoted.length > 0) statements.push(notify('quote', inArray(members.id, quoted)))
  // A direct reply notifies its addressee even when they do not watch the thread.
  if (repliedTo.length > 0) {
    statements.push(notify('reply', inArray(members.id, repliedTo), { direct: true }))
  }
  statements.push(
    notify(
      'reply',
      sql`${members.id} IN (SELECT ${watches.memberId} FROM ${watches}
        WHERE ${watches.threadId} = ${event.threadId} AND +${watches.siteId} = ${scope.siteId}
          AND ${watches.level} = 'watching')`,
    ),
    queueDigests(db, scope, settings, event, now),
  )
  return statements
}

/**
 * One `forum.digest` job per recipient whose preferences want an email for their notification,
 * keyed by member, thread and quiet period: the first post of a period queues the job, later
 * posts in the same period hit the existing key and add nothing, and the job, due when the
 * period ends, sends everything the period brought in one email. Unverified addresses get no
 * mail: nobody proved they want it. The id is `job_<key>`, as `enqueue` would make it.
 */
function queueDigests(
  db: Database,
  scope: SiteScope,
  settings: ForumSettings,
  event: NewPostEvent,
  now: number,
) {
  const quietMs = settings.emailQuietMinutes * 60_000
  const bucket = Math.floor(now / quietMs)
  const bucketStart = bucket * quietMs
  const bucketEnd = bucketStart + quietMs
  const prefix = idPrefix(event.postId)
  return db.run(sql`INSERT INTO ${outbox}
      (id, site_id, kind, payload, status, attempts, max_attempts, run_at, created_at, updated_at)
    SELECT 'job_digest.' || ${notifications.memberId} || ${`.${event.threadId}.${bucket}`},
      ${scope.siteId}, ${DIGEST_JOB_KIND},
      json_object('memberId', ${notifications.memberId}, 'threadId', ${event.threadId},
        'bucketStart', ${bucketStart}, 'bucketEnd', ${bucketEnd}),
      'pending', 0, 10, ${bucketEnd}, ${now}, ${now}
    FROM ${notifications} JOIN ${members} ON ${members.id} = ${notifications.memberId}
    WHERE ${notifications.id} > ${prefix} AND ${notifications.id} < ${`${prefix.slice(0, -1)}/`}
      AND +${notifications.siteId} = ${scope.siteId} AND +${members.siteId} = ${scope.siteId}
      AND ${members.emailVerifiedAt} IS NOT NULL
      AND coalesce(json_extract(${members.preferences}, '$.email.' || CASE ${notifications.kind}
        WHEN 'mention' THEN 'mentions' WHEN 'quote' THEN 'quotes' ELSE 'replies' END), 1) <> 0
    ON CONFLICT DO NOTHING`)
}

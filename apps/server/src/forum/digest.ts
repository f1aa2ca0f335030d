import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm'
import { z } from 'zod'
import { readAuthSettings } from '../auth/settings.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import {
  categories,
  members,
  notifications,
  posts,
  siteOrigins,
  sites,
  threads,
  watches,
} from '../db/schema.ts'
import { emailJobHandler } from '../mail/job.ts'
import { type MailTransport, PermanentMailError } from '../mail/message.ts'
import type { JobHandler } from '../outbox/jobs.ts'
import { type SiteScope, siteScope } from '../sites/scope.ts'
import { type DigestItem, renderDigestEmail } from './digest-email.ts'
import type { DigestPayload } from './notify.ts'
import { canReadThread } from './permissions.ts'
import { readNotificationPreferences } from './preferences.ts'
import { readForumSettings } from './settings.ts'

// The `forum.digest` job: at the end of a quiet period, one email to one member about one
// thread, listing what the period brought. Everything is decided again at delivery, not when the
// post was written: in between, the member may have been suspended, read the notifications in
// the app, muted or unsubscribed, turned emails off, or a moderator may have hidden the posts.

const payloadSchema = z.object({
  memberId: z.string(),
  threadId: z.string(),
  bucketStart: z.number(),
  bucketEnd: z.number(),
}) satisfies z.ZodType<DigestPayload>

/** Posts one email may consider; the email lists the first 20 of them. */
const MAX_ITEMS = 50

export type DigestDeps = {
  db: Database
  clock: Clock
  mail: MailTransport
  /** The From address for every email (config.mail.from). */
  from: string
  /** This server's public base URL, for unsubscribe links. */
  publicUrl: string
}

/** Everything the decision needs, in one round trip. */
async function digestContext(db: Database, scope: SiteScope, p: DigestPayload) {
  const [site, origin, member, thread, watch] = await db.batch([
    db
      .select({
        name: sites.name,
        signingSecret: sites.signingSecret,
        authSettings: sites.authSettings,
        forumSettings: sites.forumSettings,
      })
      .from(sites)
      .where(eq(sites.id, scope.siteId)),
    db
      .select({ origin: siteOrigins.origin })
      .from(siteOrigins)
      .where(scope.where(siteOrigins))
      .orderBy(asc(siteOrigins.createdAt))
      .limit(1),
    db
      .select()
      .from(members)
      .where(scope.where(members, eq(members.id, p.memberId))),
    db
      .select({ thread: threads, category: categories })
      .from(threads)
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      .where(scope.where(threads, eq(threads.id, p.threadId))),
    db
      .select({ level: watches.level, lastEmailedAt: watches.lastEmailedAt })
      .from(watches)
      .where(
        scope.where(watches, eq(watches.threadId, p.threadId), eq(watches.memberId, p.memberId)),
      ),
  ])
  if (!site[0] || !member[0] || !thread[0]) return null
  return {
    site: site[0],
    origin: origin[0]?.origin ?? null,
    member: member[0],
    ...thread[0],
    watch: watch[0] ?? null,
  }
}

/**
 * The member's unread notifications about visible posts of the thread in (since, until):
 * in-app notifications are the record of why each post concerns this member.
 */
function digestCandidates(
  db: Database,
  scope: SiteScope,
  input: { memberId: string; threadId: string; since: number; until: number },
) {
  return db
    .select({
      kind: notifications.kind,
      data: notifications.data,
      createdAt: notifications.createdAt,
      postId: posts.id,
      postNumber: posts.number,
      body: posts.bodySource,
      authorName: members.displayName,
    })
    .from(notifications)
    .innerJoin(posts, and(eq(posts.id, notifications.postId), eq(posts.siteId, scope.siteId)))
    .leftJoin(members, and(eq(members.id, posts.authorId), eq(members.siteId, scope.siteId)))
    .where(
      scope.where(
        notifications,
        eq(notifications.memberId, input.memberId),
        isNull(notifications.readAt),
        gt(notifications.createdAt, input.since),
        lt(notifications.createdAt, input.until),
        eq(notifications.threadId, input.threadId),
        inArray(notifications.kind, ['reply', 'mention', 'quote']),
        eq(posts.hidden, false),
        isNull(posts.deletedAt),
      ),
    )
    .orderBy(asc(posts.number))
    .limit(MAX_ITEMS)
}

/** Not banned, not suspended (an ended suspension counts as active), address confirmed. */
function mayReceiveEmail(member: typeof members.$inferSelect, now: number) {
  if (member.emailVerifiedAt === null || member.status === 'banned') return false
  return (
    member.status === 'active' || (member.suspendedUntil !== null && member.suspendedUntil <= now)
  )
}

/**
 * Sends `forum.digest` jobs. The email goes out through the `email` job handler (same
 * validation, same Message-ID from this job's id on every attempt). Afterwards the watch's
 * `last_emailed_at` records the newest notification sent, so a retry of a job that did send
 * finds nothing left and sends nothing twice.
 *
 * @example createDeps({ …, handlers: { 'forum.digest': forumDigestJobHandler({ db, clock, mail, from, publicUrl }) } })
 */
export function forumDigestJobHandler(deps: DigestDeps): JobHandler {
  const { db, clock } = deps
  const send = emailJobHandler(deps.mail, { from: deps.from })
  return async (job) => {
    const parsed = payloadSchema.safeParse(job.payload)
    if (!parsed.success) throw new PermanentMailError('Malformed forum.digest job payload.')
    const p = parsed.data
    const scope = siteScope(job.siteId)
    const now = clock.now()
    const ctx = await digestContext(db, scope, p)
    if (!ctx || !mayReceiveEmail(ctx.member, now)) return
    const forum = readForumSettings(ctx.site.forumSettings)
    const actor = {
      kind: 'member' as const,
      member: ctx.member,
      now,
      auth: readAuthSettings(ctx.site.authSettings),
      forum,
    }
    if (!canReadThread(actor, ctx.category, ctx.thread) || ctx.watch?.level === 'muted') return
    if (ctx.site.signingSecret === '') return // no way to sign an unsubscribe link: send nothing

    // A watermark inside this period means an earlier attempt of this job already sent up to
    // it; one from a later period belongs to that period's email and says nothing about this one.
    const sent = ctx.watch?.lastEmailedAt ?? null
    const since =
      sent !== null && sent >= p.bucketStart && sent < p.bucketEnd ? sent : p.bucketStart - 1
    const candidates = await digestCandidates(db, scope, {
      memberId: p.memberId,
      threadId: p.threadId,
      since,
      until: p.bucketEnd,
    })
    const watching = ctx.watch?.level === 'watching'
    const wants = readNotificationPreferences(ctx.member.preferences).email
    const items: DigestItem[] = candidates.flatMap((c) => {
      const direct = (c.data as { direct?: unknown } | null)?.direct === true
      if (c.kind === 'like' || c.kind === 'moderation') return []
      const wanted =
        c.kind === 'mention'
          ? wants.mentions
          : c.kind === 'quote'
            ? wants.quotes
            : // Replies that came from watching stop once the member stops watching.
              wants.replies && (direct || watching)
      return wanted ? [{ ...c, kind: c.kind, direct }] : []
    })
    if (items.length === 0) return

    const email = renderDigestEmail({
      to: ctx.member.email,
      memberId: ctx.member.id,
      memberName: ctx.member.displayName,
      watching,
      site: {
        id: scope.siteId,
        name: ctx.site.name,
        signingSecret: ctx.site.signingSecret,
        origin: ctx.origin,
      },
      thread: { id: ctx.thread.id, title: ctx.thread.title },
      settings: forum,
      publicUrl: deps.publicUrl,
      items,
    })
    await send({ ...job, payload: email })
    const newest = Math.max(...candidates.map((c) => c.createdAt))
    await db
      .update(watches)
      .set({ lastEmailedAt: sql`max(coalesce(${watches.lastEmailedAt}, 0), ${newest})` })
      .where(
        scope.where(watches, eq(watches.threadId, p.threadId), eq(watches.memberId, p.memberId)),
      )
  }
}

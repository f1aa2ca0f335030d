import { count, eq, isNull, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { isUniqueViolation } from '../auth/account-queries.ts'
import { flags, moderationLog, notifications, posts, threads } from '../db/schema.ts'
import { HttpErrors } from '../http/errors.ts'
import { newId } from '../ids.ts'
import type { SiteScope } from '../sites/scope.ts'
import { ForumErrors } from './errors.ts'
import { suspendableMember, suspensionEnd, suspensionStatements } from './member-moderation.ts'
import {
  actingMemberId,
  actorIdOf,
  bumpThreadVersion,
  loggedActor,
  logStatement,
  moderationNotice,
} from './moderation-log.ts'
import { postForActor, postViewFor } from './moderation-queries.ts'
import type { FlagReason } from './moderation-schemas.ts'
import { type Actor, assertCanReact, assertModerator } from './permissions.ts'
import { hidePostStatements, unhidePostStatements } from './post-moderation.ts'
import type { PostingDeps } from './posting.ts'
import { postWithThread } from './queries.ts'

// Members flag posts; enough flags from distinct members hide a post until a moderator reviews
// it (Discourse's model), so a spam wave does not wait for a moderator to wake up. Moderators
// then work the queue: dismiss (and show an auto-hidden post again), hide, delete, or suspend
// the author. Authors are told of every outcome but a dismissal.

/** Why the flag threshold hid a post (`posts.hidden_reason`); dismissing its flags shows it again. */
export const hiddenByFlags = 'flags'

/**
 * Flags a post, once per member (409 ALREADY_FLAGGED). The threshold is checked inside the same
 * batch, so the flag that reaches it hides the post exactly once, even when two arrive together:
 * the log row (actor: system), the author's notice and the version bump are conditional on the
 * post still being visible, and run before the update that hides it.
 */
export async function flagPost(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  postId: string,
  input: { reason: FlagReason; note?: string | undefined },
) {
  const { db } = deps
  const { post, thread } = await postForActor(db, scope, actor, postId)
  assertCanReact(actor, post)
  const now = actor.now
  const site = scope.siteId
  const threshold = actor.forum.flagsToHide
  const openFlaggers = sql`(SELECT count(DISTINCT f.member_id) FROM ${flags} AS f
    WHERE f.site_id = ${site} AND f.post_id = ${postId} AND f.status = 'open')`
  const hidesNow = sql`${openFlaggers} >= ${threshold} AND EXISTS (SELECT 1 FROM ${posts} AS p
    WHERE p.site_id = ${site} AND p.id = ${postId} AND p.hidden = 0 AND p.deleted_at IS NULL)`
  const id = newId('flg')
  const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
    db.insert(flags).values({
      id,
      siteId: site,
      postId,
      memberId: actor.member.id,
      reason: input.reason,
      note: input.note ?? null,
      createdAt: now,
    }),
    db.run(sql`INSERT INTO ${moderationLog} (id, site_id, actor_id, action, target_type, target_id, reason, details, created_at)
      SELECT ${newId('mlog')}, ${site}, NULL, 'post.hide', 'post', ${postId}, ${hiddenByFlags},
        json_object('by', 'system', 'threadId', ${thread.id}, 'flags', ${openFlaggers}), ${now}
      WHERE ${hidesNow}`),
    db
      .update(threads)
      .set({ version: sql`${threads.version} + 1` })
      .where(scope.where(threads, eq(threads.id, thread.id), hidesNow)),
  ]
  if (post.authorId) {
    statements.push(
      db.run(sql`INSERT INTO ${notifications} (id, site_id, member_id, kind, thread_id, post_id, actor_id, data, created_at)
        SELECT ${newId('ntf')}, ${site}, ${post.authorId}, 'moderation', ${thread.id}, ${postId}, NULL,
          json_object('action', 'post.hide', 'reason', ${hiddenByFlags}), ${now}
        WHERE ${hidesNow}`),
    )
  }
  statements.push(
    db
      .update(posts)
      .set({ hidden: true, hiddenReason: hiddenByFlags })
      .where(
        scope.where(
          posts,
          eq(posts.id, postId),
          eq(posts.hidden, false),
          isNull(posts.deletedAt),
          sql`${openFlaggers} >= ${threshold}`,
        ),
      ),
  )
  try {
    await db.batch(statements)
  } catch (error) {
    // The unique (post, member) index: a second flag, perhaps from a double submit.
    if (isUniqueViolation(error)) throw ForumErrors.alreadyFlagged()
    throw error
  }
  return {
    id,
    postId,
    reason: input.reason,
    note: input.note ?? null,
    status: 'open' as const,
    createdAt: now,
  }
}

export type FlagResolution = 'dismiss' | 'hide' | 'delete' | 'suspend_author'

/**
 * Resolves every open flag of a post with one decision, applies it, logs it, and tells the
 * author (except on a dismissal). `suspend_author` also hides the post.
 */
export async function resolveFlags(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  postId: string,
  input: { action: FlagResolution; reason?: string | undefined; suspendDays?: number | undefined },
) {
  assertModerator(actor)
  const { db } = deps
  const found = await postWithThread(db, scope, postId)
  if (!found) throw ForumErrors.postNotFound()
  const { post } = found
  const [open] = await db
    .select({ n: count() })
    .from(flags)
    .where(scope.where(flags, eq(flags.postId, postId), eq(flags.status, 'open')))
  const flagCount = open?.n ?? 0
  if (flagCount === 0) throw ForumErrors.noOpenFlags()

  const now = actor.now
  const by = loggedActor(actor)
  const actorId = actingMemberId(actor)
  const reason = input.reason ?? null
  const details = { flags: flagCount }
  const statements: [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] = [
    db
      .update(flags)
      .set({
        status: input.action === 'dismiss' ? 'dismissed' : 'actioned',
        resolvedBy: actorIdOf(by),
        resolvedAt: now,
      })
      .where(scope.where(flags, eq(flags.postId, postId), eq(flags.status, 'open'))),
  ]
  switch (input.action) {
    case 'dismiss': {
      // Only the threshold's own hiding is undone: a moderator's hide stands.
      const unhide = post.hidden && post.hiddenReason === hiddenByFlags
      if (unhide) statements.push(...unhidePostStatements(db, scope, post))
      statements.push(
        logStatement(db, scope, {
          actor: by,
          action: 'flags.dismiss',
          targetType: 'post',
          targetId: postId,
          reason,
          details: { ...details, threadId: post.threadId, unhidden: unhide },
          now,
        }),
      )
      break
    }
    case 'hide':
      statements.push(
        ...hidePostStatements(db, scope, post, { actor: by, reason, now, details, notify: true }),
      )
      break
    case 'delete':
      statements.push(
        db
          .update(posts)
          .set({ deletedAt: now })
          .where(scope.where(posts, eq(posts.id, postId), isNull(posts.deletedAt))),
        bumpThreadVersion(db, scope, post.threadId),
        logStatement(db, scope, {
          actor: by,
          action: 'post.delete',
          targetType: 'post',
          targetId: postId,
          reason,
          details: { ...details, threadId: post.threadId, number: post.number },
          now,
        }),
        ...moderationNotice(db, scope, {
          memberId: post.authorId,
          actorId,
          action: 'post.delete',
          reason,
          threadId: post.threadId,
          postId,
          now,
        }),
      )
      break
    case 'suspend_author': {
      if (input.suspendDays === undefined)
        throw HttpErrors.validation({ suspendDays: 'Say for how many days.' })
      if (!post.authorId) throw ForumErrors.memberNotFound()
      const author = await suspendableMember(db, scope, actor, post.authorId)
      const until = suspensionEnd(now, { days: input.suspendDays })
      statements.push(
        // One notice, about the suspension, naming the post that led to it.
        ...hidePostStatements(db, scope, post, {
          actor: by,
          reason,
          now,
          details,
          notify: false,
        }),
        ...suspensionStatements(db, scope, {
          memberId: author.id,
          actor: by,
          until,
          reason,
          now,
          details: { ...details, postId },
          about: { threadId: post.threadId, postId },
        }),
      )
      break
    }
  }
  await db.batch(statements)
  return {
    postId,
    action: input.action,
    flagsResolved: flagCount,
    post: await postViewFor(db, scope, actor, postId),
  }
}

import { and, eq, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { notifications, posts, reactions } from '../db/schema.ts'
import { newId } from '../ids.ts'
import type { SiteScope } from '../sites/scope.ts'
import { bumpThreadVersion } from './moderation-log.ts'
import { postForActor } from './moderation-queries.ts'
import { type Actor, assertCanReact } from './permissions.ts'
import type { PostingDeps } from './posting.ts'

// One like per member per post. The count is recomputed from the reactions in the same batch
// rather than incremented, so a double click, a retry or two devices at once cannot drift it.

const hourMs = 3_600_000

/** The post's like count, recomputed from its reactions. */
function recountLikes(db: Database, scope: SiteScope, postId: string) {
  return db
    .update(posts)
    .set({
      likeCount: sql`(SELECT count(*) FROM ${reactions} WHERE ${reactions.siteId} = ${scope.siteId}
        AND ${reactions.postId} = ${postId})`,
    })
    .where(scope.where(posts, eq(posts.id, postId)))
    .returning({ likeCount: posts.likeCount })
}

/**
 * Likes are batched for the author, so a popular post does not bury everything else: an unread
 * `like` notification for the post is updated (count and latest liker) instead of adding
 * another, and a new one is added only when none is unread and none was added in the last hour.
 * `data.count` is the likes since `data.since`, when the author last read one about this post,
 * so the likes that arrived during the quiet hour are counted in the next one.
 * Both statements run only when this request added the like (not on a repeated PUT).
 */
function likeNotificationStatements(
  db: Database,
  scope: SiteScope,
  like: { postId: string; threadId: string; authorId: string; likerId: string; now: number },
) {
  const { postId, authorId, likerId, now } = like
  const site = scope.siteId
  const addedNow = sql`EXISTS (SELECT 1 FROM ${reactions} WHERE ${reactions.siteId} = ${site}
    AND ${reactions.postId} = ${postId} AND ${reactions.memberId} = ${likerId}
    AND ${reactions.createdAt} = ${now})`
  const likesSince = (since: SQL) =>
    sql`(SELECT count(*) FROM ${reactions} AS r WHERE r.site_id = ${site} AND r.post_id = ${postId}
      AND r.created_at >= ${since})`
  const thisPost = and(
    eq(notifications.memberId, authorId),
    eq(notifications.kind, 'like'),
    eq(notifications.postId, postId),
  )
  return [
    db
      .update(notifications)
      .set({
        actorId: likerId,
        data: sql`json_object('count', ${likesSince(sql`json_extract(${notifications.data}, '$.since')`)},
          'since', json_extract(${notifications.data}, '$.since'))`,
      })
      .where(scope.where(notifications, thisPost, sql`${notifications.readAt} IS NULL`, addedNow)),
    db.run(sql`INSERT INTO ${notifications} (id, site_id, member_id, kind, thread_id, post_id, actor_id, data, created_at)
      SELECT ${newId('ntf')}, ${site}, ${authorId}, 'like', ${like.threadId}, ${postId}, ${likerId},
        json_object('count', ${likesSince(sql`last.since`)}, 'since', last.since), ${now}
      FROM (SELECT coalesce(max(n.read_at), 0) AS since FROM ${notifications} AS n
        WHERE n.site_id = ${site} AND n.member_id = ${authorId} AND n.kind = 'like' AND n.post_id = ${postId}) AS last
      WHERE ${addedNow} AND NOT EXISTS (SELECT 1 FROM ${notifications} AS n
        WHERE n.site_id = ${site} AND n.member_id = ${authorId} AND n.kind = 'like' AND n.post_id = ${postId}
          AND (n.read_at IS NULL OR n.created_at > ${now - hourMs}))`),
  ]
}

/** Likes a post (idempotent): `{likeCount, liked: true}`. */
export async function likePost(deps: PostingDeps, scope: SiteScope, actor: Actor, postId: string) {
  const { db } = deps
  const { post } = await postForActor(db, scope, actor, postId)
  assertCanReact(actor, post)
  const likerId = actor.member.id
  const now = actor.now
  const [, counted] = await db.batch([
    db
      .insert(reactions)
      .values({ siteId: scope.siteId, postId, memberId: likerId, createdAt: now })
      .onConflictDoNothing(),
    recountLikes(db, scope, postId),
    bumpThreadVersion(db, scope, post.threadId),
    ...(post.authorId
      ? likeNotificationStatements(db, scope, {
          postId,
          threadId: post.threadId,
          authorId: post.authorId,
          likerId,
          now,
        })
      : []),
  ])
  return { likeCount: counted[0]?.likeCount ?? 0, liked: true }
}

/** Takes a like back (idempotent): `{likeCount, liked: false}`. Notifications already sent stay. */
export async function unlikePost(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  postId: string,
) {
  const { db } = deps
  const { post } = await postForActor(db, scope, actor, postId)
  assertCanReact(actor, post)
  const [, counted] = await db.batch([
    db
      .delete(reactions)
      .where(
        scope.where(
          reactions,
          eq(reactions.postId, postId),
          eq(reactions.memberId, actor.member.id),
        ),
      ),
    recountLikes(db, scope, postId),
    bumpThreadVersion(db, scope, post.threadId),
  ])
  return { likeCount: counted[0]?.likeCount ?? 0, liked: false }
}

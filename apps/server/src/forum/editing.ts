import { eq, isNull, sql } from 'drizzle-orm'
import { postRevisions, posts } from '../db/schema.ts'
import { HttpErrors } from '../http/errors.ts'
import { newId } from '../ids.ts'
import type { SiteScope } from '../sites/scope.ts'
import { bumpThreadVersion, logStatement, moderationNotice } from './moderation-log.ts'
import { postForActor, postViewFor } from './moderation-queries.ts'
import { type Actor, assertCanDelete, assertCanEdit } from './permissions.ts'
import { type PostingDeps, renderForActor } from './posting.ts'

// Changing what was posted: edits keep the previous source as a revision; deletes are soft, so
// the post keeps its number and the thread stays readable ("[deleted]"). A moderator changing
// someone else's post is a moderation action: logged, and the author is told.

/**
 * Replaces a post's body. Authors edit within the site's edit window, moderators always. The
 * revision copies the stored source inside the same batch as the update, so two edits at once
 * still leave a complete history. Editing to the same text changes nothing.
 */
export async function editPost(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  postId: string,
  body: string,
) {
  const { db } = deps
  const { post } = await postForActor(db, scope, actor, postId)
  assertCanEdit(actor, post)
  if (body.length > actor.forum.maxPostLength) {
    throw HttpErrors.validation({ body: `At most ${actor.forum.maxPostLength} characters.` })
  }
  if (body !== post.bodySource) {
    const rendered = await renderForActor(deps, scope, actor, body)
    const now = actor.now
    const editorId = actor.member.id
    const byModerator = post.authorId !== editorId
    await db.batch([
      db.run(sql`INSERT INTO ${postRevisions} (id, site_id, post_id, editor_id, body_source, created_at)
        SELECT ${newId('rev')}, ${posts.siteId}, ${posts.id}, ${editorId}, ${posts.bodySource}, ${now}
        FROM ${posts} WHERE ${posts.siteId} = ${scope.siteId} AND ${posts.id} = ${postId}
          AND ${posts.deletedAt} IS NULL`),
      db
        .update(posts)
        .set({ bodySource: body, bodyHtml: rendered.html, editedAt: now })
        .where(scope.where(posts, eq(posts.id, postId), isNull(posts.deletedAt))),
      bumpThreadVersion(db, scope, post.threadId),
      ...(byModerator
        ? [
            logStatement(db, scope, {
              actor: { memberId: editorId },
              action: 'post.edit',
              targetType: 'post',
              targetId: postId,
              details: { threadId: post.threadId },
              now,
            }),
            ...moderationNotice(db, scope, {
              memberId: post.authorId,
              actorId: editorId,
              action: 'post.edit',
              threadId: post.threadId,
              postId,
              now,
            }),
          ]
        : []),
    ])
  }
  return postViewFor(db, scope, actor, postId)
}

/**
 * Soft-deletes a post: its author (even the opening post, which leaves the thread and its
 * title in place: deleting a whole thread is a moderator's call) or a moderator.
 */
export async function deletePost(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  postId: string,
) {
  const { db } = deps
  const { post } = await postForActor(db, scope, actor, postId)
  assertCanDelete(actor, post)
  const now = actor.now
  const actorId = actor.member.id
  const byModerator = post.authorId !== actorId
  await db.batch([
    db
      .update(posts)
      .set({ deletedAt: now })
      .where(scope.where(posts, eq(posts.id, postId), isNull(posts.deletedAt))),
    bumpThreadVersion(db, scope, post.threadId),
    ...(byModerator
      ? [
          logStatement(db, scope, {
            actor: { memberId: actorId },
            action: 'post.delete',
            targetType: 'post',
            targetId: postId,
            details: { threadId: post.threadId, number: post.number },
            now,
          }),
          ...moderationNotice(db, scope, {
            memberId: post.authorId,
            actorId,
            action: 'post.delete',
            threadId: post.threadId,
            postId,
            now,
          }),
        ]
      : []),
  ])
}

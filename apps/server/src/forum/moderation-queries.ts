import { and, eq } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { members, posts, reactions } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import { ForumErrors } from './errors.ts'
import { type Actor, canReadThread, isModerator } from './permissions.ts'
import { authorColumns, postWithThread } from './queries.ts'
import { postView } from './views.ts'

/**
 * A post with its thread and category, if the actor may read the thread; 404 otherwise, so a
 * post in a members-only category or a hidden thread does not reveal that it exists.
 */
export async function postForActor(db: Database, scope: SiteScope, actor: Actor, postId: string) {
  const found = await postWithThread(db, scope, postId)
  if (!found || !canReadThread(actor, found.category, found.thread))
    throw ForumErrors.postNotFound()
  return found
}

/** A post as the actor sees it after a change, with `liked` for members. */
export async function postViewFor(db: Database, scope: SiteScope, actor: Actor, postId: string) {
  const viewerId = actor.kind === 'member' ? actor.member.id : null
  const [row] = await db
    .select({
      post: posts,
      author: authorColumns,
      likedAt: reactions.createdAt,
    })
    .from(posts)
    .leftJoin(members, and(eq(members.id, posts.authorId), eq(members.siteId, posts.siteId)))
    .leftJoin(
      reactions,
      and(eq(reactions.postId, posts.id), eq(reactions.memberId, viewerId ?? '')),
    )
    .where(scope.where(posts, eq(posts.id, postId)))
  if (!row) throw ForumErrors.postNotFound()
  return postView(row.post, row.author, {
    moderator: isModerator(actor),
    memberId: viewerId,
    ...(viewerId && { liked: row.likedAt !== null }),
  })
}

/** The member a moderator acts on: role and status decide what is allowed. */
export async function memberToModerate(db: Database, scope: SiteScope, memberId: string) {
  const [row] = await db
    .select({
      id: members.id,
      role: members.role,
      status: members.status,
      suspendedUntil: members.suspendedUntil,
      displayName: members.displayName,
    })
    .from(members)
    .where(scope.where(members, eq(members.id, memberId)))
  return row ?? null
}

import { eq } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Database } from '../db/client.ts'
import { posts } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import { ForumErrors } from './errors.ts'
import {
  actingMemberId,
  bumpThreadVersion,
  loggedActor,
  logStatement,
  type ModerationActor,
  moderationNotice,
} from './moderation-log.ts'
import { postViewFor } from './moderation-queries.ts'
import { type Actor, assertModerator } from './permissions.ts'
import type { PostingDeps } from './posting.ts'
import { type PostRow, postWithThread } from './queries.ts'

// Moderators hiding posts and showing them again; the statements are shared with the flag
// queue, whose decisions hide posts too. One batch each: the change, the thread's version bump,
// the log row and the author's notice. Hiding what a moderator already hid changes nothing.

type Statements = BatchItem<'sqlite'>[]
type PostRef = Pick<PostRow, 'id' | 'threadId' | 'authorId'>

/** Reason stored on a post hidden by a moderator who gave none. */
const moderatorHidden = 'moderator'

export function hidePostStatements(
  db: Database,
  scope: SiteScope,
  post: PostRef,
  input: {
    actor: ModerationActor
    reason: string | null
    now: number
    details?: Record<string, unknown>
    notify: boolean
  },
): Statements {
  const { actor, reason, now } = input
  return [
    db
      .update(posts)
      .set({ hidden: true, hiddenReason: reason ?? moderatorHidden })
      .where(scope.where(posts, eq(posts.id, post.id))),
    bumpThreadVersion(db, scope, post.threadId),
    logStatement(db, scope, {
      actor,
      action: 'post.hide',
      targetType: 'post',
      targetId: post.id,
      reason,
      details: { threadId: post.threadId, ...input.details },
      now,
    }),
    ...(input.notify
      ? moderationNotice(db, scope, {
          memberId: post.authorId,
          actorId: 'memberId' in actor ? actor.memberId : null,
          action: 'post.hide',
          reason,
          threadId: post.threadId,
          postId: post.id,
          now,
        })
      : []),
  ]
}

export function unhidePostStatements(db: Database, scope: SiteScope, post: PostRef): Statements {
  return [
    db
      .update(posts)
      .set({ hidden: false, hiddenReason: null })
      .where(scope.where(posts, eq(posts.id, post.id))),
    bumpThreadVersion(db, scope, post.threadId),
  ]
}

/** Hides or shows a post again; answers with the post as the moderator sees it. */
export async function setPostHidden(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  postId: string,
  input: { hidden: boolean; reason: string | null },
) {
  assertModerator(actor)
  const { db } = deps
  const found = await postWithThread(db, scope, postId)
  if (!found) throw ForumErrors.postNotFound()
  const { post } = found
  const by = loggedActor(actor)
  const actorId = actingMemberId(actor)
  const now = actor.now
  // A post the flag threshold hid is "hidden" already, but a moderator's hide confirms it with
  // their reason, so that dismissing its flags later no longer shows it again.
  if (input.hidden && (!post.hidden || post.hiddenReason === 'flags')) {
    const [first, ...rest] = hidePostStatements(db, scope, post, {
      actor: by,
      reason: input.reason,
      now,
      notify: true,
    })
    if (first) await db.batch([first, ...rest])
  } else if (!input.hidden && post.hidden) {
    await db.batch([
      logStatement(db, scope, {
        actor: by,
        action: 'post.unhide',
        targetType: 'post',
        targetId: post.id,
        reason: input.reason,
        details: { threadId: post.threadId, hiddenReason: post.hiddenReason },
        now,
      }),
      ...unhidePostStatements(db, scope, post),
      ...moderationNotice(db, scope, {
        memberId: post.authorId,
        actorId,
        action: 'post.unhide',
        reason: input.reason,
        threadId: post.threadId,
        postId: post.id,
        now,
      }),
    ])
  }
  return postViewFor(db, scope, actor, postId)
}

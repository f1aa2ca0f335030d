import { eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import {
  flags,
  notifications,
  postRevisions,
  posts,
  reactions,
  threads,
  watches,
} from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import { ForumErrors } from './errors.ts'
import { actingMemberId, loggedActor, logStatement, moderationNotice } from './moderation-log.ts'
import { type Actor, assertModerator } from './permissions.ts'
import type { PostingDeps } from './posting.ts'
import { categoryBySlug, threadWithCategory } from './queries.ts'
import { threadView } from './views.ts'

// Moderators' actions on threads. Each is one batch: the change, the version bump, the log row,
// and the notice to the author where it concerns them. Repeating an action that is already in
// effect changes nothing and logs nothing, so a double click does not notify twice.

export type ThreadChange = 'hide' | 'unhide' | 'lock' | 'unlock' | 'pin' | 'unpin'

const threadChanges = {
  hide: { field: 'hidden', value: true, notify: true },
  unhide: { field: 'hidden', value: false, notify: true },
  lock: { field: 'locked', value: true, notify: false },
  unlock: { field: 'locked', value: false, notify: false },
  pin: { field: 'pinned', value: true, notify: false },
  unpin: { field: 'pinned', value: false, notify: false },
} as const satisfies Record<
  ThreadChange,
  { field: 'hidden' | 'locked' | 'pinned'; value: boolean; notify: boolean }
>

async function moderatedThread(db: Database, scope: SiteScope, threadId: string) {
  const found = await threadWithCategory(db, scope, threadId)
  if (!found) throw ForumErrors.threadNotFound()
  return found
}

async function currentThreadView(db: Database, scope: SiteScope, threadId: string) {
  const { thread, author } = await moderatedThread(db, scope, threadId)
  return threadView(thread, author)
}

/** Hide/unhide (authors are told), lock/unlock, pin/unpin a thread. */
export async function changeThread(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  threadId: string,
  change: ThreadChange,
  reason: string | null,
) {
  assertModerator(actor)
  const { db } = deps
  const { thread } = await moderatedThread(db, scope, threadId)
  const { field, value, notify } = threadChanges[change]
  if (thread[field] !== value) {
    const now = actor.now
    const actorId = actingMemberId(actor)
    await db.batch([
      db
        .update(threads)
        .set({ [field]: value, version: sql`${threads.version} + 1` })
        .where(scope.where(threads, eq(threads.id, threadId))),
      logStatement(db, scope, {
        actor: loggedActor(actor),
        action: `thread.${change}`,
        targetType: 'thread',
        targetId: threadId,
        reason,
        now,
      }),
      ...(notify
        ? moderationNotice(db, scope, {
            memberId: thread.authorId,
            actorId,
            action: `thread.${change}`,
            reason,
            threadId,
            details: { title: thread.title },
            now,
          })
        : []),
    ])
  }
  return currentThreadView(db, scope, threadId)
}

/** Moves a thread to another category of the site. */
export async function moveThread(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  threadId: string,
  input: { category: string; reason: string | null },
) {
  assertModerator(actor)
  const { db } = deps
  const { thread, category: from } = await moderatedThread(db, scope, threadId)
  const to = await categoryBySlug(db, scope, input.category)
  if (!to) throw ForumErrors.categoryNotFound()
  if (to.id !== from.id) {
    await db.batch([
      db
        .update(threads)
        .set({ categoryId: to.id, version: sql`${threads.version} + 1` })
        .where(scope.where(threads, eq(threads.id, threadId))),
      logStatement(db, scope, {
        actor: loggedActor(actor),
        action: 'thread.move',
        targetType: 'thread',
        targetId: threadId,
        reason: input.reason,
        details: { from: from.slug, to: to.slug },
        now: actor.now,
      }),
    ])
  }
  return currentThreadView(db, scope, thread.id)
}

/** Seconds each member must wait between posts in the thread; 0 turns slow mode off. */
export async function setSlowMode(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  threadId: string,
  input: { seconds: number; reason: string | null },
) {
  assertModerator(actor)
  const { db } = deps
  const { thread } = await moderatedThread(db, scope, threadId)
  if (thread.slowModeSeconds !== input.seconds) {
    await db.batch([
      db
        .update(threads)
        .set({ slowModeSeconds: input.seconds, version: sql`${threads.version} + 1` })
        .where(scope.where(threads, eq(threads.id, threadId))),
      logStatement(db, scope, {
        actor: loggedActor(actor),
        action: 'thread.slow_mode',
        targetType: 'thread',
        targetId: threadId,
        reason: input.reason,
        details: { seconds: input.seconds, previous: thread.slowModeSeconds },
        now: actor.now,
      }),
    ])
  }
  return currentThreadView(db, scope, threadId)
}

/**
 * Deletes a thread and everything in it, for good (hiding is the reversible choice). Children
 * are deleted by name rather than left to `ON DELETE CASCADE`, which holds only where the
 * connection enforces foreign keys; the search index follows through its delete trigger. The
 * log keeps the title, author and size, and the author is told.
 */
export async function deleteThread(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  threadId: string,
  reason: string,
) {
  assertModerator(actor)
  const { db } = deps
  const { thread, category } = await moderatedThread(db, scope, threadId)
  const now = actor.now
  const actorId = actingMemberId(actor)
  const postIds = db
    .select({ id: posts.id })
    .from(posts)
    .where(scope.where(posts, eq(posts.threadId, threadId)))
  await db.batch([
    db.delete(reactions).where(scope.where(reactions, inArray(reactions.postId, postIds))),
    db.delete(flags).where(scope.where(flags, inArray(flags.postId, postIds))),
    db
      .delete(postRevisions)
      .where(scope.where(postRevisions, inArray(postRevisions.postId, postIds))),
    db
      .delete(notifications)
      .where(scope.where(notifications, eq(notifications.threadId, threadId))),
    db.delete(watches).where(scope.where(watches, eq(watches.threadId, threadId))),
    db.delete(posts).where(scope.where(posts, eq(posts.threadId, threadId))),
    db.delete(threads).where(scope.where(threads, eq(threads.id, threadId))),
    logStatement(db, scope, {
      actor: loggedActor(actor),
      action: 'thread.delete',
      targetType: 'thread',
      targetId: threadId,
      reason,
      details: {
        title: thread.title,
        category: category.slug,
        authorId: thread.authorId,
        postCount: thread.postCount,
      },
      now,
    }),
    // No thread id: the thread is gone, the notice carries its title.
    ...moderationNotice(db, scope, {
      memberId: thread.authorId,
      actorId,
      action: 'thread.delete',
      reason,
      details: { title: thread.title },
      now,
    }),
  ])
}

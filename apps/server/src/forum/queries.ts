import { and, asc, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { categories, members, posts, threads } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'

/** The author fields every post and thread view shows; `null`s for a deleted member. */
export const authorColumns = {
  id: members.id,
  displayName: members.displayName,
  username: members.username,
  avatarUrl: members.avatarUrl,
}

export type CategoryRow = typeof categories.$inferSelect
export type ThreadRow = typeof threads.$inferSelect
export type PostRow = typeof posts.$inferSelect

export async function categoriesOfSite(db: Database, scope: SiteScope) {
  return db
    .select()
    .from(categories)
    .where(scope.where(categories))
    .orderBy(asc(categories.position), asc(categories.name))
}

export async function categoryBySlug(db: Database, scope: SiteScope, slug: string) {
  const [row] = await db
    .select()
    .from(categories)
    .where(scope.where(categories, eq(categories.slug, slug)))
  return row ?? null
}

/** A thread with its category, the pair every permission check needs, in one read. */
export async function threadWithCategory(db: Database, scope: SiteScope, threadId: string) {
  const [row] = await db
    .select({
      thread: threads,
      category: categories,
      author: authorColumns,
    })
    .from(threads)
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .leftJoin(members, eq(members.id, threads.authorId))
    .where(scope.where(threads, eq(threads.id, threadId)))
  return row ?? null
}

/** A post with its thread and category. */
export async function postWithThread(db: Database, scope: SiteScope, postId: string) {
  const [row] = await db
    .select({ post: posts, thread: threads, category: categories })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .where(scope.where(posts, eq(posts.id, postId)))
  return row ?? null
}

export type ThreadCursor = { pinned: boolean; lastActivityAt: number; id: string }

/**
 * One page of a category's threads: pinned first, then latest activity, keyset-paginated on
 * exactly the index's columns, so page 5,000 costs what page 1 costs.
 */
export function threadsPage(
  db: Database,
  scope: SiteScope,
  input: { categoryId: string; includeHidden: boolean; after?: ThreadCursor; limit: number },
) {
  const { after } = input
  const pinned = after ? (after.pinned ? 1 : 0) : 0
  return db
    .select({
      thread: threads,
      author: { id: members.id, displayName: members.displayName, username: members.username },
    })
    .from(threads)
    .leftJoin(members, eq(members.id, threads.authorId))
    .where(
      scope.where(
        threads,
        eq(threads.categoryId, input.categoryId),
        input.includeHidden ? undefined : eq(threads.hidden, false),
        after
          ? or(
              lt(threads.pinned, !!pinned),
              and(eq(threads.pinned, !!pinned), lt(threads.lastActivityAt, after.lastActivityAt)),
              and(
                eq(threads.pinned, !!pinned),
                eq(threads.lastActivityAt, after.lastActivityAt),
                lt(threads.id, after.id),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(desc(threads.pinned), desc(threads.lastActivityAt), desc(threads.id))
    .limit(input.limit)
}

/** Posts after position `afterNumber`, oldest first: stable while new posts arrive at the end. */
export function postsPage(
  db: Database,
  scope: SiteScope,
  input: { threadId: string; afterNumber: number; limit: number },
) {
  return db
    .select({
      post: posts,
      author: authorColumns,
    })
    .from(posts)
    .leftJoin(members, eq(members.id, posts.authorId))
    .where(
      scope.where(posts, eq(posts.threadId, input.threadId), gt(posts.number, input.afterNumber)),
    )
    .orderBy(asc(posts.number))
    .limit(input.limit)
}

/** Members by username (case-insensitive), for resolving @mentions. */
export async function membersByUsername(
  db: Database,
  scope: SiteScope,
  usernames: readonly string[],
) {
  if (usernames.length === 0) return []
  const keys = [...new Set(usernames.map((u) => u.normalize('NFKC').toLowerCase()))].slice(0, 50)
  return db
    .select({ id: members.id, username: members.username, usernameKey: members.usernameKey })
    .from(members)
    .where(scope.where(members, inArray(members.usernameKey, keys)))
}

/** How many posts a member wrote since `since`, for the new-member daily cap. */
export async function postCountSince(
  db: Database,
  scope: SiteScope,
  memberId: string,
  since: number,
) {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(posts)
    .where(scope.where(posts, eq(posts.authorId, memberId), gt(posts.createdAt, since)))
  return row?.n ?? 0
}

/** When the member last posted in the thread, for slow mode. */
export async function lastPostInThread(
  db: Database,
  scope: SiteScope,
  threadId: string,
  memberId: string,
) {
  const [row] = await db
    .select({ createdAt: posts.createdAt })
    .from(posts)
    .where(scope.where(posts, eq(posts.threadId, threadId), eq(posts.authorId, memberId)))
    .orderBy(desc(posts.number))
    .limit(1)
  return row?.createdAt ?? null
}

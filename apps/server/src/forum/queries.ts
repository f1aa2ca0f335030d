import { asc, desc, eq, gt, inArray, sql } from 'drizzle-orm'
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

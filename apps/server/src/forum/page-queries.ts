import { and, asc, desc, eq, gt, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { categories, members, posts, reactions, threads } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { ThreadCursor } from './queries.ts'

// The two pages every reader loads, each in one statement: a category's threads, and a
// thread's posts. Each reads the columns its answer carries and the permission checks need, and
// nothing else: a post's markdown source, for instance, only when the reader may edit it.

/** What a thread's view and the permission checks read of a thread. */
const threadColumns = {
  id: threads.id,
  categoryId: threads.categoryId,
  title: threads.title,
  pinned: threads.pinned,
  locked: threads.locked,
  hidden: threads.hidden,
  slowModeSeconds: threads.slowModeSeconds,
  postCount: threads.postCount,
  lastActivityAt: threads.lastActivityAt,
  createdAt: threads.createdAt,
}

/** What the permission checks read of a category. */
const categoryAccessColumns = {
  id: categories.id,
  readAccess: categories.readAccess,
  threadAccess: categories.threadAccess,
}

/** Threads after `after` in the listing's order (pinned first, then latest activity). */
function afterCursor(after: ThreadCursor | undefined): SQL | undefined {
  if (!after) return undefined
  const { pinned, lastActivityAt, id } = after
  return or(
    lt(threads.pinned, pinned),
    and(eq(threads.pinned, pinned), lt(threads.lastActivityAt, lastActivityAt)),
    and(eq(threads.pinned, pinned), eq(threads.lastActivityAt, lastActivityAt), lt(threads.id, id)),
  )
}

/**
 * A category (by slug) and one page of its threads, keyset-paginated on exactly the listing
 * index's columns, so page 5,000 costs what page 1 costs. `null` when the site has no such
 * category; a category with no (more) threads comes back with an empty page.
 */
export async function categoryThreadsPage(
  db: Database,
  scope: SiteScope,
  input: { slug: string; includeHidden: boolean; after?: ThreadCursor; limit: number },
) {
  // The category is one row, so its left join with the threads keeps the index's order.
  const rows = await db
    .select({
      category: categoryAccessColumns,
      thread: threadColumns,
      author: { id: members.id, displayName: members.displayName, username: members.username },
    })
    .from(categories)
    .leftJoin(
      threads,
      and(
        eq(threads.siteId, scope.siteId),
        eq(threads.categoryId, categories.id),
        input.includeHidden ? undefined : eq(threads.hidden, false),
        afterCursor(input.after),
      ),
    )
    .leftJoin(members, eq(members.id, threads.authorId))
    .where(scope.where(categories, eq(categories.slug, input.slug)))
    .orderBy(desc(threads.pinned), desc(threads.lastActivityAt), desc(threads.id))
    .limit(input.limit)
  const first = rows[0]
  if (!first) return null
  return {
    category: first.category,
    threads: rows.flatMap((r) => (r.thread ? [{ thread: r.thread, author: r.author }] : [])),
  }
}

/** Who reads a page of posts: what they may see decides what is read. */
export type PostsReader = { memberId: string | null; moderator: boolean }

/**
 * A thread, its category's access rules, and its posts after position `afterNumber`, oldest
 * first (stable while new posts arrive at the end). `null` when the site has no such thread;
 * a thread with no posts after `afterNumber` comes back with an empty page. Each post carries
 * its source only where `reader` may edit it, and whether `reader` liked it.
 */
export async function threadPostsPage(
  db: Database,
  scope: SiteScope,
  reader: PostsReader,
  input: { threadId: string; afterNumber: number; limit: number },
) {
  const { memberId } = reader
  // The source is for editing: only moderators and the post's own author get it.
  // Named, so no driver ever sees a column called `0` or `NULL`.
  const source = (
    reader.moderator
      ? sql<string | null>`${posts.bodySource}`
      : memberId
        ? sql<string | null>`CASE WHEN ${posts.authorId} = ${memberId} THEN ${posts.bodySource} END`
        : sql<string | null>`NULL`
  ).as('source')
  const liked = (
    memberId
      ? sql<number>`EXISTS (SELECT 1 FROM ${reactions} WHERE ${reactions.postId} = ${posts.id}
          AND ${reactions.memberId} = ${memberId} AND ${reactions.siteId} = ${scope.siteId})`
      : sql<number>`0`
  ).as('liked')
  const rows = await db
    .select({
      // Repeated on every row of the page, so only what the answer and the permission check need.
      thread: {
        version: threads.version,
        postCount: threads.postCount,
        hidden: threads.hidden,
        locked: threads.locked,
      },
      category: { readAccess: categories.readAccess, threadAccess: categories.threadAccess },
      post: {
        id: posts.id,
        threadId: posts.threadId,
        number: posts.number,
        authorId: posts.authorId,
        replyToId: posts.replyToId,
        quoteOfId: posts.quoteOfId,
        bodyHtml: posts.bodyHtml,
        hidden: posts.hidden,
        hiddenReason: posts.hiddenReason,
        deletedAt: posts.deletedAt,
        editedAt: posts.editedAt,
        likeCount: posts.likeCount,
        createdAt: posts.createdAt,
      },
      source,
      liked,
      author: {
        id: members.id,
        displayName: members.displayName,
        username: members.username,
        avatarUrl: members.avatarUrl,
      },
    })
    .from(threads)
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    // The thread is one row, so its left join with the posts keeps the index's order.
    .leftJoin(
      posts,
      and(
        eq(posts.siteId, scope.siteId),
        eq(posts.threadId, threads.id),
        gt(posts.number, input.afterNumber),
      ),
    )
    .leftJoin(members, eq(members.id, posts.authorId))
    .where(scope.where(threads, eq(threads.id, input.threadId)))
    .orderBy(asc(posts.number))
    .limit(input.limit)
  const first = rows[0]
  if (!first) return null
  return {
    thread: first.thread,
    category: first.category,
    posts: rows.flatMap(({ post, source, liked, author }) =>
      post ? [{ post: { ...post, bodySource: source }, author, liked: Boolean(liked) }] : [],
    ),
  }
}

import { and, asc, desc, eq, gt, lt, or, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { asBoolean, ofSite, type PositionalRow, preparedRead } from '../db/prepared-read.ts'
import { categories, members, posts, reactions, threads } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { ThreadCursor } from './queries.ts'

// The two pages every reader loads, each in one statement: a category's threads, and a
// thread's posts. Each reads the columns its answer carries and the permission checks need, and
// nothing else: a post's markdown source, for instance, only when the reader may edit it.
// Both are prepared once per database, one statement per kind of reader (see prepared-read.ts),
// and their rows read by position: the mappers below follow the order of each selection.

type Access = { readAccess: 'everyone' | 'members'; threadAccess: 'members' | 'moderators' }

/** A member's author columns from a left join, by position: `null` where there is no member. */
function authorAt(r: PositionalRow, at: number, withAvatar: boolean) {
  if (r[at] === null) return null
  return {
    id: r[at] as string,
    displayName: r[at + 1] as string,
    username: r[at + 2] as string | null,
    ...(withAvatar && { avatarUrl: r[at + 3] as string | null }),
  }
}

/** Threads after the cursor in the listing's order (pinned first, then latest activity). */
const afterCursor = or(
  lt(threads.pinned, sql.placeholder('pinned')),
  and(
    eq(threads.pinned, sql.placeholder('pinned')),
    lt(threads.lastActivityAt, sql.placeholder('lastActivityAt')),
  ),
  and(
    eq(threads.pinned, sql.placeholder('pinned')),
    eq(threads.lastActivityAt, sql.placeholder('lastActivityAt')),
    lt(threads.id, sql.placeholder('id')),
  ),
)

/** The listing for one kind of reader (hidden threads or not) and page (first or later). */
function threadListRead(includeHidden: boolean, paged: boolean) {
  return preparedRead((db) =>
    db
      .select({
        // What the permission checks read of the category (0–2).
        categoryId: categories.id,
        readAccess: categories.readAccess,
        threadAccess: categories.threadAccess,
        // What a thread's view reads (3–12), then its author (13–15).
        id: threads.id,
        threadCategoryId: threads.categoryId,
        title: threads.title,
        pinned: threads.pinned,
        locked: threads.locked,
        hidden: threads.hidden,
        slowModeSeconds: threads.slowModeSeconds,
        postCount: threads.postCount,
        lastActivityAt: threads.lastActivityAt,
        createdAt: threads.createdAt,
        authorId: members.id,
        displayName: members.displayName,
        username: members.username,
      })
      .from(categories)
      // The category is one row, so its left join with the threads keeps the index's order.
      .leftJoin(
        threads,
        and(
          ofSite(threads, eq(threads.categoryId, categories.id)),
          includeHidden ? undefined : eq(threads.hidden, false),
          paged ? afterCursor : undefined,
        ),
      )
      .leftJoin(members, eq(members.id, threads.authorId))
      .where(ofSite(categories, eq(categories.slug, sql.placeholder('slug'))))
      .orderBy(desc(threads.pinned), desc(threads.lastActivityAt), desc(threads.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  )
}

const threadListReads = {
  visible: { first: threadListRead(false, false), later: threadListRead(false, true) },
  withHidden: { first: threadListRead(true, false), later: threadListRead(true, true) },
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
  const reads = input.includeHidden ? threadListReads.withHidden : threadListReads.visible
  const { after } = input
  const rows = after
    ? await reads.later(db, scope, {
        slug: input.slug,
        limit: input.limit,
        pinned: after.pinned ? 1 : 0,
        lastActivityAt: after.lastActivityAt,
        id: after.id,
      })
    : await reads.first(db, scope, { slug: input.slug, limit: input.limit })
  const first = rows[0]
  if (!first) return null
  return {
    category: {
      id: first[0] as string,
      readAccess: first[1] as Access['readAccess'],
      threadAccess: first[2] as Access['threadAccess'],
    },
    threads: rows.flatMap((r) =>
      r[3] === null
        ? []
        : [
            {
              thread: {
                id: r[3] as string,
                categoryId: r[4] as string,
                title: r[5] as string,
                pinned: asBoolean(r[6]),
                locked: asBoolean(r[7]),
                hidden: asBoolean(r[8]),
                slowModeSeconds: r[9] as number,
                postCount: r[10] as number,
                lastActivityAt: r[11] as number,
                createdAt: r[12] as number,
              },
              author: authorAt(r, 13, false),
            },
          ],
    ),
  }
}

/** Who reads a page of posts: what they may see decides what is read. */
export type PostsReader = { memberId: string | null; moderator: boolean }

type ReaderKind = 'guest' | 'member' | 'moderator'

/** A page of posts for one kind of reader: what it may edit and whether it likes decide. */
function postsPageRead(kind: ReaderKind) {
  const memberId = sql.placeholder('memberId')
  // The source is for editing: only moderators and the post's own author get it.
  // Named, so no driver ever sees a column called `0` or `NULL`.
  const source = (
    kind === 'moderator'
      ? sql<string | null>`${posts.bodySource}`
      : kind === 'member'
        ? sql<string | null>`CASE WHEN ${posts.authorId} = ${memberId} THEN ${posts.bodySource} END`
        : sql<string | null>`NULL`
  ).as('source')
  const liked = (
    kind === 'guest'
      ? sql<number>`0`
      : sql<number>`EXISTS (SELECT 1 FROM ${reactions} WHERE ${reactions.postId} = ${posts.id}
          AND ${reactions.memberId} = ${memberId} AND ${reactions.siteId} = ${sql.placeholder('siteId')})`
  ).as('liked')
  return preparedRead((db) =>
    db
      .select({
        // Repeated on every row of the page, so only what the answer and the permission check
        // need: the thread (0–3) and its category (4–5).
        version: threads.version,
        postCount: threads.postCount,
        threadHidden: threads.hidden,
        locked: threads.locked,
        readAccess: categories.readAccess,
        threadAccess: categories.threadAccess,
        // The post (6–18), its source and whether the reader liked it (19–20), its author (21–24).
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
        source,
        liked,
        memberId: members.id,
        displayName: members.displayName,
        username: members.username,
        avatarUrl: members.avatarUrl,
      })
      .from(threads)
      .innerJoin(categories, eq(categories.id, threads.categoryId))
      // The thread is one row, so its left join with the posts keeps the index's order.
      .leftJoin(
        posts,
        ofSite(
          posts,
          eq(posts.threadId, threads.id),
          gt(posts.number, sql.placeholder('afterNumber')),
        ),
      )
      .leftJoin(members, eq(members.id, posts.authorId))
      .where(ofSite(threads, eq(threads.id, sql.placeholder('threadId'))))
      .orderBy(asc(posts.number))
      .limit(sql.placeholder('limit'))
      .prepare(),
  )
}

const postsPageReads = {
  guest: postsPageRead('guest'),
  member: postsPageRead('member'),
  moderator: postsPageRead('moderator'),
}

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
  const kind: ReaderKind = reader.moderator ? 'moderator' : memberId ? 'member' : 'guest'
  const rows = await postsPageReads[kind](db, scope, {
    threadId: input.threadId,
    afterNumber: input.afterNumber,
    limit: input.limit,
    ...(memberId && { memberId }),
  })
  const first = rows[0]
  if (!first) return null
  return {
    thread: {
      version: first[0] as number,
      postCount: first[1] as number,
      hidden: asBoolean(first[2]),
      locked: asBoolean(first[3]),
    },
    category: { readAccess: first[4], threadAccess: first[5] } as Access,
    posts: rows.flatMap((r) =>
      r[6] === null
        ? []
        : [
            {
              post: {
                id: r[6] as string,
                threadId: r[7] as string,
                number: r[8] as number,
                authorId: r[9] as string | null,
                replyToId: r[10] as string | null,
                quoteOfId: r[11] as string | null,
                bodyHtml: r[12] as string,
                hidden: asBoolean(r[13]),
                hiddenReason: r[14] as string | null,
                deletedAt: r[15] as number | null,
                editedAt: r[16] as number | null,
                likeCount: r[17] as number,
                createdAt: r[18] as number,
                bodySource: r[19] as string | null,
              },
              author: authorAt(r, 21, true),
              liked: Boolean(r[20]),
            },
          ],
    ),
  }
}

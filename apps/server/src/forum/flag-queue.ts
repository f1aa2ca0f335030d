import { and, asc, count, desc, eq, gt, lt, or, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { inList } from '../db/portable-sql.ts'
import { flags, members, posts, threads } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import { type Actor, assertModerator } from './permissions.ts'
import { postView } from './views.ts'

// The moderators' queue: one item per flagged post, with the post as moderators see it (hidden
// content included), how many flags and for which reasons, and who flagged it. Open flags come
// oldest first (first in, first reviewed); resolved ones newest first, as history.

export type FlagStatus = 'open' | 'dismissed' | 'actioned'
export type FlagQueueCursor = { firstFlaggedAt: number; postId: string }

const firstFlaggedAt = sql<number>`min(${flags.createdAt})`.mapWith(Number)

/** The page's posts, keyset-paginated on (first flag time, post id) over the grouped flags. */
function flaggedPostsPage(
  db: Database,
  scope: SiteScope,
  input: { status: FlagStatus; after?: FlagQueueCursor | undefined; limit: number },
) {
  const { after } = input
  const forward = input.status === 'open'
  const beyond = forward ? gt : lt
  return db
    .select({ postId: flags.postId, firstFlaggedAt, flagCount: count() })
    .from(flags)
    .where(scope.where(flags, eq(flags.status, input.status)))
    .groupBy(flags.postId)
    .having(
      after
        ? or(
            beyond(firstFlaggedAt, after.firstFlaggedAt),
            and(eq(firstFlaggedAt, after.firstFlaggedAt), beyond(flags.postId, after.postId)),
          )
        : undefined,
    )
    .orderBy(
      forward ? asc(firstFlaggedAt) : desc(firstFlaggedAt),
      forward ? asc(flags.postId) : desc(flags.postId),
    )
    .limit(input.limit)
}

export async function flagQueue(
  db: Database,
  scope: SiteScope,
  actor: Actor,
  input: { status: FlagStatus; after?: FlagQueueCursor | undefined; limit: number },
) {
  assertModerator(actor)
  const groups = await flaggedPostsPage(db, scope, { ...input, limit: input.limit + 1 })
  const page = groups.slice(0, input.limit)
  const postIds = page.map((g) => g.postId)
  if (postIds.length === 0) return { items: [], next: null }
  const [postRows, flagRows] = await Promise.all([
    db
      .select({
        post: posts,
        thread: { id: threads.id, title: threads.title },
        author: {
          id: members.id,
          displayName: members.displayName,
          username: members.username,
          avatarUrl: members.avatarUrl,
        },
      })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .leftJoin(members, and(eq(members.id, posts.authorId), eq(members.siteId, posts.siteId)))
      .where(scope.where(posts, inList(posts.id, postIds))),
    db
      .select({
        flag: flags,
        member: { id: members.id, displayName: members.displayName, username: members.username },
      })
      .from(flags)
      .leftJoin(members, and(eq(members.id, flags.memberId), eq(members.siteId, flags.siteId)))
      .where(scope.where(flags, inList(flags.postId, postIds), eq(flags.status, input.status)))
      .orderBy(asc(flags.createdAt)),
  ])
  const postsById = new Map(postRows.map((r) => [r.post.id, r]))
  const items = page.flatMap((group) => {
    const row = postsById.get(group.postId)
    if (!row) return []
    const own = flagRows.filter((f) => f.flag.postId === group.postId)
    const reasons: Record<string, number> = {}
    const list = own.map(({ flag, member }) => {
      reasons[flag.reason] = (reasons[flag.reason] ?? 0) + 1
      return {
        id: flag.id,
        reason: flag.reason,
        note: flag.note,
        member: member?.id ? member : null,
        status: flag.status,
        resolvedBy: flag.resolvedBy,
        resolvedAt: flag.resolvedAt,
        createdAt: flag.createdAt,
      }
    })
    return [
      {
        post: postView(row.post, row.author, { moderator: true, memberId: null }),
        thread: row.thread,
        flagCount: group.flagCount,
        reasons,
        flags: list,
        firstFlaggedAt: group.firstFlaggedAt,
      },
    ]
  })
  const last = page.at(-1)
  return {
    items,
    next:
      groups.length > input.limit && last
        ? { firstFlaggedAt: last.firstFlaggedAt, postId: last.postId }
        : null,
  }
}

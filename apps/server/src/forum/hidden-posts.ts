import { and, desc, eq, isNull, lt, or } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { members, posts, threads } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import { authorColumns } from './queries.ts'
import { postView } from './views.ts'

export type HiddenPostsCursor = { createdAt: number; id: string }

/**
 * The statement of `hiddenPostsPage`: `limit` rows after the cursor, for its query plan to be
 * checked as well as run.
 */
export function hiddenPostsSelect(
  db: Database,
  scope: SiteScope,
  input: { before?: HiddenPostsCursor | undefined; limit: number },
) {
  const { before } = input
  return db
    .select({
      post: posts,
      author: authorColumns,
      thread: { id: threads.id, title: threads.title },
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .leftJoin(members, and(eq(members.id, posts.authorId), eq(members.siteId, posts.siteId)))
    .where(
      scope.where(
        posts,
        eq(posts.hidden, true),
        isNull(posts.deletedAt),
        before
          ? or(
              lt(posts.createdAt, before.createdAt),
              and(eq(posts.createdAt, before.createdAt), lt(posts.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(input.limit)
}

/**
 * The site's hidden posts that still exist, newest first, keyset-paginated on (created_at, id):
 * what moderators hid and what the flag threshold hid, each with its reason, for staff to review
 * and show again. Read through `posts_site_hidden`, which holds these rows alone, so a site with
 * a million posts and ten hidden reads ten.
 */
export async function hiddenPostsPage(
  db: Database,
  scope: SiteScope,
  input: { before?: HiddenPostsCursor | undefined; limit: number },
) {
  const rows = await hiddenPostsSelect(db, scope, { ...input, limit: input.limit + 1 })
  const page = rows.slice(0, input.limit)
  const last = page.at(-1)
  return {
    items: page.map((row) => ({
      post: postView(row.post, row.author, { moderator: true, memberId: null }),
      thread: row.thread,
    })),
    next:
      rows.length > input.limit && last
        ? { createdAt: last.post.createdAt, id: last.post.id }
        : null,
  }
}

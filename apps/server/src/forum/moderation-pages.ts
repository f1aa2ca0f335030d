import type { z } from 'zod'
import type { Database } from '../db/client.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import { ApiError } from '../http/errors.ts'
import type { SiteScope } from '../sites/scope.ts'
import { type FlagStatus, flagQueue } from './flag-queue.ts'
import { hiddenPostsPage } from './hidden-posts.ts'
import { moderationLogPage } from './moderation-log.ts'
import type {
  flagQueuePageAnswer,
  hiddenPostsPageAnswer,
  moderationLogPageAnswer,
} from './moderation-schemas.ts'
import type { Actor } from './permissions.ts'

// The moderators' lists as pages of the API, the same for members who moderate
// (/v1/forum/moderation/*) and for the site's staff (/v1/admin/forum/*): a cursor in, a page and
// the next cursor out. Cursors are (time, id) pairs; anything else is 400 INVALID_CURSOR.

type PageQuery = { cursor?: string | undefined; limit: number }

const invalidCursor = () =>
  new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')

/** A `[number, string]` cursor, or undefined without one. */
function timeAndId(cursor: string | undefined): [number, string] | undefined {
  if (!cursor) return undefined
  const [time, id] = decodeCursor(cursor)
  if (typeof time !== 'number' || typeof id !== 'string') throw invalidCursor()
  return [time, id]
}

export async function flagQueueAnswer(
  db: Database,
  scope: SiteScope,
  actor: Actor,
  query: PageQuery & { status: FlagStatus },
): Promise<z.input<typeof flagQueuePageAnswer>> {
  const after = timeAndId(query.cursor)
  const page = await flagQueue(db, scope, actor, {
    status: query.status,
    after: after && { firstFlaggedAt: after[0], postId: after[1] },
    limit: query.limit,
  })
  return {
    items: page.items,
    nextCursor: page.next ? encodeCursor([page.next.firstFlaggedAt, page.next.postId]) : null,
  }
}

export async function moderationLogAnswer(
  db: Database,
  scope: SiteScope,
  query: PageQuery,
): Promise<z.input<typeof moderationLogPageAnswer>> {
  const before = timeAndId(query.cursor)
  const rows = await moderationLogPage(db, scope, {
    ...(before && { before: { createdAt: before[0], id: before[1] } }),
    limit: query.limit + 1,
  })
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  }
}

export async function hiddenPostsAnswer(
  db: Database,
  scope: SiteScope,
  query: PageQuery,
): Promise<z.input<typeof hiddenPostsPageAnswer>> {
  const before = timeAndId(query.cursor)
  const page = await hiddenPostsPage(db, scope, {
    before: before && { createdAt: before[0], id: before[1] },
    limit: query.limit,
  })
  return {
    items: page.items,
    nextCursor: page.next ? encodeCursor([page.next.createdAt, page.next.id]) : null,
  }
}

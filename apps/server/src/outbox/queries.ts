import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { outbox } from '../db/schema.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import { ApiError } from '../http/errors.ts'
import type { SiteScope } from '../sites/scope.ts'

export type OutboxStatus = (typeof outbox.status.enumValues)[number]

const listed = {
  id: outbox.id,
  kind: outbox.kind,
  status: outbox.status,
  attempts: outbox.attempts,
  maxAttempts: outbox.maxAttempts,
  runAt: outbox.runAt,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
  deliveredAt: outbox.deliveredAt,
}

/** Newest first, keyset-paginated on (created_at, id) so pages stay stable while jobs arrive. */
export function jobsForSite(
  db: Database,
  scope: SiteScope,
  filter: {
    status?: OutboxStatus | undefined
    /** Only deliveries about this (`formTopic`), through the `outbox_topic` index. */
    topic?: string | undefined
    before?: { createdAt: number; id: string } | undefined
    limit: number
  },
) {
  const before: SQL | undefined = filter.before
    ? or(
        lt(outbox.createdAt, filter.before.createdAt),
        and(eq(outbox.createdAt, filter.before.createdAt), lt(outbox.id, filter.before.id)),
      )
    : undefined
  return db
    .select(listed)
    .from(outbox)
    .where(
      scope.where(
        outbox,
        filter.topic !== undefined ? eq(outbox.topic, filter.topic) : undefined,
        filter.status ? eq(outbox.status, filter.status) : undefined,
        before,
      ),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(filter.limit)
}

/**
 * A page of `jobsForSite` from a `cursor` this API returned (400 INVALID_CURSOR for another),
 * with the cursor of the next page, or null on the last.
 */
export async function deliveriesPage(
  db: Database,
  scope: SiteScope,
  input: {
    status?: OutboxStatus | undefined
    topic?: string | undefined
    cursor?: string | undefined
    limit: number
  },
) {
  const { cursor, limit } = input
  const [createdAt, id] = cursor ? decodeCursor(cursor) : []
  const before =
    typeof createdAt === 'number' && typeof id === 'string' ? { createdAt, id } : undefined
  if (cursor && !before)
    throw new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')
  const rows = await jobsForSite(db, scope, {
    status: input.status,
    topic: input.topic,
    before,
    limit: limit + 1,
  })
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  }
}

export async function jobForSite(db: Database, scope: SiteScope, id: string) {
  const [row] = await db
    .select(listed)
    .from(outbox)
    .where(scope.where(outbox, eq(outbox.id, id)))
  return row ?? null
}

/** Puts a dead job back in line with a fresh set of attempts. */
export async function retryJob(db: Database, scope: SiteScope, id: string, now: number) {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, runAt: now, lastError: null, updatedAt: now })
    .where(scope.where(outbox, eq(outbox.id, id), eq(outbox.status, 'dead')))
    .returning({ id: outbox.id })
  return rows.length > 0
}

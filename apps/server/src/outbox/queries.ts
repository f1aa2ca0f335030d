import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { outbox } from '../db/schema.ts'
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
  filter: { status?: OutboxStatus; before?: { createdAt: number; id: string }; limit: number },
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
      scope.where(outbox, filter.status ? eq(outbox.status, filter.status) : undefined, before),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(filter.limit)
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

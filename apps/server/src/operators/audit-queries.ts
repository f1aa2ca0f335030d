import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { auditLog } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'

export type AuditFilter = {
  actor?: string | undefined
  action?: string | undefined
  before?: { createdAt: number; id: string } | undefined
  limit: number
}

/** The site's entries, newest first, keyset-paginated on (created_at, id). */
export function auditEntries(db: Database, scope: SiteScope, filter: AuditFilter) {
  const before: SQL | undefined = filter.before
    ? or(
        lt(auditLog.createdAt, filter.before.createdAt),
        and(eq(auditLog.createdAt, filter.before.createdAt), lt(auditLog.id, filter.before.id)),
      )
    : undefined
  return db
    .select()
    .from(auditLog)
    .where(
      scope.where(
        auditLog,
        filter.actor ? eq(auditLog.actorId, filter.actor) : undefined,
        filter.action ? eq(auditLog.action, filter.action) : undefined,
        before,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(filter.limit)
}

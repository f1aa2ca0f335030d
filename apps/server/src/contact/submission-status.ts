import { isNull } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { inList } from '../db/portable-sql.ts'
import { submissions } from '../db/schema.ts'
import { enqueue } from '../outbox/jobs.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { Fields } from './fields.ts'
import { notificationsFor } from './notify.ts'
import { formById, type SubmissionStatus } from './queries.ts'

// Moving submissions between the inbox's folders, for one (PATCH) or many (bulk) at once. A
// submission leaving spam for the inbox was never announced: its notification and webhook go out
// then, in the same batch as the change. Their job keys make that at-most-once, even when two
// owners rescue it at the same moment.

type Row = Pick<
  typeof submissions.$inferSelect,
  'id' | 'formId' | 'data' | 'email' | 'createdAt' | 'notifiedAt'
>

/**
 * The statements that give `rows` the `status`, with the missed notifications of those it
 * rescues from spam, for one `db.batch`; `jobs` counts the deliveries queued, so the caller
 * knows whether to wake the outbox.
 */
export async function statusChangeStatements(
  deps: { db: Database; clock: Clock },
  site: { name: string; scope: SiteScope },
  rows: readonly Row[],
  status: SubmissionStatus,
): Promise<{ statements: BatchItem<'sqlite'>[]; jobs: number }> {
  const { db, clock } = deps
  const { scope } = site
  if (rows.length === 0) return { statements: [], jobs: 0 }
  const now = clock.now()
  // Moving to `archived` or `spam` announces nothing: only the inbox's own folders do.
  const announced =
    status === 'new' || status === 'read' ? rows.filter((row) => row.notifiedAt === null) : []
  const formIds = [...new Set(announced.map((row) => row.formId))]
  const forms = new Map(
    await Promise.all(formIds.map(async (id) => [id, await formById(db, scope, id)] as const)),
  )
  // A submission whose form was deleted has nobody left to tell.
  const rescued = announced.filter((row) => forms.get(row.formId))
  const jobs = rescued.flatMap((row) => {
    const form = forms.get(row.formId)
    return form ? notificationsFor(form, site, { ...row, data: row.data as Fields }) : []
  })
  const statements: BatchItem<'sqlite'>[] = [
    db
      .update(submissions)
      .set({ status, updatedAt: now })
      .where(
        scope.where(
          submissions,
          inList(
            submissions.id,
            rows.map((row) => row.id),
          ),
        ),
      ),
  ]
  if (rescued.length > 0) {
    statements.push(
      db
        .update(submissions)
        .set({ notifiedAt: now })
        .where(
          scope.where(
            submissions,
            inList(
              submissions.id,
              rescued.map((row) => row.id),
            ),
            isNull(submissions.notifiedAt),
          ),
        ),
      ...jobs.map((job) => enqueue(db, clock, scope, job)),
    )
  }
  return { statements, jobs: jobs.length }
}

import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { inList } from '../db/portable-sql.ts'
import { submissions } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { InboxAction } from './inbox-schemas.ts'
import type { SubmissionStatus } from './queries.ts'
import { statusChangeStatements } from './submission-status.ts'

// The inbox's bulk actions: one read of the submissions named, one batch of changes, and a
// result for each id, so that a selection made a minute ago, of which some were since deleted
// or moved, still does what it can and says what it did.

export type InboxActionResult = { id: string; result: 'done' | 'unchanged' | 'not_found' }

type StatusAction = Exclude<InboxAction, 'delete'>

/** Where each action moves a submission, and from which statuses it applies. */
const moves: Record<StatusAction, { to: SubmissionStatus; from: readonly SubmissionStatus[] }> = {
  read: { to: 'read', from: ['new'] },
  archive: { to: 'archived', from: ['new', 'read', 'spam'] },
  spam: { to: 'spam', from: ['new', 'read', 'archived'] },
  not_spam: { to: 'new', from: ['spam'] },
}

/** Applies `action` to the site's submissions among `ids`; `jobs` counts deliveries queued. */
export async function applyInboxAction(
  deps: { db: Database; clock: Clock },
  site: { name: string; scope: SiteScope },
  ids: readonly string[],
  action: InboxAction,
): Promise<{ results: InboxActionResult[]; jobs: number }> {
  const { db } = deps
  const { scope } = site
  const unique = [...new Set(ids)]
  const rows = await db
    .select()
    .from(submissions)
    .where(scope.where(submissions, inList(submissions.id, unique)))
  const found = new Map(rows.map((row) => [row.id, row]))
  const resultOf = (done: ReadonlySet<string>) =>
    unique.map(
      (id): InboxActionResult => ({
        id,
        result: done.has(id) ? 'done' : found.has(id) ? 'unchanged' : 'not_found',
      }),
    )

  if (action === 'delete') {
    const removed =
      rows.length === 0
        ? []
        : await db
            .delete(submissions)
            .where(scope.where(submissions, inList(submissions.id, [...found.keys()])))
            .returning({ id: submissions.id })
    // Deleted by another request between the read and this: not found, as it now is.
    for (const row of rows) if (!removed.some((r) => r.id === row.id)) found.delete(row.id)
    return { results: resultOf(new Set(removed.map((r) => r.id))), jobs: 0 }
  }

  const move = moves[action]
  const moving = rows.filter((row) => move.from.includes(row.status))
  const change = await statusChangeStatements(deps, site, moving, move.to)
  const [first, ...rest] = change.statements
  if (first) await db.batch([first, ...rest])
  return { results: resultOf(new Set(moving.map((row) => row.id))), jobs: change.jobs }
}

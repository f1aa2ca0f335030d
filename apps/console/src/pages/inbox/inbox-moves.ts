// What each inbox action does to a submission's status, for the optimistic update the list
// shows before the server answers (and puts back if it refuses).

import type { SubmissionStatus } from './inbox-filters.ts'

export type InboxAction = 'read' | 'archive' | 'spam' | 'not_spam' | 'delete'

/**
 * The status after `action`, `null` when the submission goes (deleted), or the same status when
 * the action does not apply (as the API answers `unchanged`): `read` only marks new ones,
 * `not_spam` only moves spam (back to new, so it is seen).
 */
export function statusAfter(
  action: InboxAction,
  status: SubmissionStatus,
): SubmissionStatus | null {
  switch (action) {
    case 'delete':
      return null
    case 'read':
      return status === 'new' ? 'read' : status
    case 'archive':
      return 'archived'
    case 'spam':
      return 'spam'
    case 'not_spam':
      return status === 'spam' ? 'new' : status
  }
}

/** Whether a submission with `status` still belongs in a list filtered to `shown`. */
export function staysListed(status: SubmissionStatus | null, shown: SubmissionStatus | undefined) {
  return status !== null && (shown === undefined || status === shown)
}

import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { messageOf, ok } from '../../api/result.ts'
import type { Paged } from '../../hooks/use-paged.ts'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import type { InboxFilters } from './inbox-filters.ts'
import { type InboxAction, statusAfter, staysListed } from './inbox-moves.ts'

export type Submission = NonNullable<Awaited<ReturnType<typeof loadSubmission>>>

export function loadSubmission(id: string) {
  return ok(api.GET('/v1/admin/submissions/{id}', { params: { path: { id } } }))
}

const announcement: Record<InboxAction, string> = {
  read: strings.inbox.actions.read,
  archive: strings.inbox.archived,
  spam: strings.inbox.markedSpam,
  not_spam: strings.inbox.rescued,
  delete: strings.inbox.deleted,
}

/** What a single action sends: the submission's own routes. */
function send(submission: Submission, action: InboxAction) {
  const path = { params: { path: { id: submission.id } } }
  if (action === 'delete') return ok(api.DELETE('/v1/admin/submissions/{id}', path))
  const status = statusAfter(action, submission.status) ?? submission.status
  return ok(api.PATCH('/v1/admin/submissions/{id}', { ...path, body: { status } }))
}

export type InboxActions = ReturnType<typeof useInboxActions>

/**
 * The inbox's actions on one submission, shown at once (optimistic: the list changes before the
 * server answers) and put right if the server refuses: the list is loaded again and the reason
 * shown. `onGone` hears of a submission leaving the list, to open the next one.
 */
export function useInboxActions({
  list,
  filters,
  onGone,
}: {
  list: Paged<Submission>
  filters: InboxFilters
  onGone(submission: Submission): void
}) {
  const [error, setError] = useState<string | null>(null)

  /** Shows `action`'s effect on the listed submissions with these ids. */
  function show(ids: Set<string>, action: InboxAction) {
    let gone: Submission[] = []
    list.update((page) => {
      gone = []
      const items = page.items.flatMap((s) => {
        if (!ids.has(s.id)) return [s]
        const status = statusAfter(action, s.status)
        if (!staysListed(status, filters.status)) {
          gone.push(s)
          return []
        }
        return [{ ...s, status: status ?? s.status }]
      })
      return { ...page, items }
    })
    for (const submission of gone) onGone(submission)
  }

  return {
    error,
    async act(submission: Submission, action: InboxAction, quiet = false) {
      setError(null)
      show(new Set([submission.id]), action)
      try {
        await send(submission, action)
        if (!quiet) announce(announcement[action])
      } catch (failure) {
        setError(messageOf(failure))
        list.reload()
      }
    },
    /** A bulk action's answer: the submissions it changed. */
    applied(done: { ids: string[]; action: InboxAction }) {
      show(new Set(done.ids), done.action)
    },
  }
}

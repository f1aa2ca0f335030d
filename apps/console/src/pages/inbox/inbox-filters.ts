// The inbox's filters, kept in the page's URL (to share a view, and so Back undoes a filter):
// read from the query string, and written back to it.

import type { SpamReason, SubmissionStatus } from '../../api/vocabulary.ts'
import { strings } from '../../strings/index.ts'

export type { SubmissionStatus }

// The filters' options are the keys of their wording, which must name every value the API has
// (`satisfies Record<…, string>` in strings/en/inbox.ts): a status or reason the API adds fails
// the type check until it has wording, and is then offered here.

export const submissionStatuses = Object.keys(strings.inbox.statuses) as SubmissionStatus[]

/** The spam filter's reasons, as the API names them. */
export const spamReasons = Object.keys(strings.inbox.spamReasonLabels) as SpamReason[]

export type InboxFilters = {
  form?: string
  status?: SubmissionStatus
  spamReason?: SpamReason
  /** `YYYY-MM-DD`, as a date input gives it. */
  from?: string
  to?: string
  q?: string
}

const date = /^\d{4}-\d{2}-\d{2}$/

/** The filters a query string names; anything malformed is no filter. */
export function filtersFrom(query: Record<string, string | undefined>): InboxFilters {
  const filters: InboxFilters = {}
  if (query.form) filters.form = query.form
  if ((submissionStatuses as readonly string[]).includes(query.status ?? '')) {
    filters.status = query.status as SubmissionStatus
  }
  if ((spamReasons as readonly string[]).includes(query.reason ?? '')) {
    filters.spamReason = query.reason as SpamReason
  }
  if (query.from && date.test(query.from)) filters.from = query.from
  if (query.to && date.test(query.to)) filters.to = query.to
  if (query.q?.trim()) filters.q = query.q.trim()
  return filters
}

/** The query string for `filters`, empty when there are none. */
export function queryOf(filters: InboxFilters): string {
  const params = new URLSearchParams()
  if (filters.form) params.set('form', filters.form)
  if (filters.status) params.set('status', filters.status)
  if (filters.spamReason) params.set('reason', filters.spamReason)
  if (filters.from) params.set('from', filters.from)
  if (filters.to) params.set('to', filters.to)
  if (filters.q) params.set('q', filters.q)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * The API's query for `filters`. Days are the operator's own (midnight where they are, sent as
 * milliseconds), and "to" a day means through its end: the API's `to` is exclusive, so it gets
 * the next midnight.
 */
export function apiQueryOf(filters: InboxFilters) {
  return {
    form: filters.form,
    status: filters.status,
    spamReason: filters.spamReason,
    from: filters.from ? String(localMidnight(filters.from, 0)) : undefined,
    to: filters.to ? String(localMidnight(filters.to, 1)) : undefined,
    q: filters.q,
  }
}

/** Midnight at the start of `day` plus `days`, in the browser's time zone. */
export function localMidnight(day: string, days: number): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new Date(year, month - 1, date + days).getTime()
}

export function hasFilters(filters: InboxFilters): boolean {
  return Object.values(filters).some(Boolean)
}

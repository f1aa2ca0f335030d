import { strings } from '../../strings/index.ts'
import { Time } from '../../ui/time.tsx'
import type { Submission } from './inbox-actions.ts'

/** A submission in a line: who, a glimpse of what they wrote, when, and its status. */
export function summaryOf(submission: Submission): { who: string; glimpse: string } {
  const values = Object.entries(submission.data)
    .filter(([, value]) => value !== submission.email)
    .map(([, value]) => (Array.isArray(value) ? value.join(', ') : String(value)))
  return {
    who: submission.email ?? strings.inbox.noSender,
    glimpse: values.join(' · ').slice(0, 140),
  }
}

const statusBadge: Record<string, string> = {
  new: 'badge',
  read: 'badge badge-muted',
  spam: 'badge badge-danger',
  archived: 'badge badge-muted',
}

/**
 * The list. Each row is a link to the submission (so it opens in a new tab too); with selection
 * on, a checkbox beside it.
 */
export function SubmissionList({
  items,
  openId,
  checked,
  onToggle,
  onToggleAll,
  hrefOf,
}: {
  items: Submission[]
  openId: string | undefined
  checked: Set<string> | undefined
  onToggle(id: string): void
  onToggleAll(all: boolean): void
  hrefOf(submission: Submission): string
}) {
  const t = strings.inbox
  const allChecked =
    checked !== undefined && items.length > 0 && items.every((s) => checked.has(s.id))
  return (
    <>
      {checked && (
        <label class="select-all">
          <input
            type="checkbox"
            checked={allChecked}
            onChange={(e) => onToggleAll(e.currentTarget.checked)}
          />{' '}
          {t.selectAll}
        </label>
      )}
      <ul class="item-list submission-list" aria-label={t.list}>
        {items.map((submission) => {
          const { who, glimpse } = summaryOf(submission)
          const open = submission.id === openId
          return (
            <li
              key={submission.id}
              class={open ? 'submission-row submission-open' : 'submission-row'}
            >
              {checked && (
                <input
                  type="checkbox"
                  aria-label={t.select(who)}
                  checked={checked.has(submission.id)}
                  onChange={() => onToggle(submission.id)}
                />
              )}
              <a
                id={`submission-${submission.id}`}
                class="submission-link"
                href={hrefOf(submission)}
                aria-current={open ? 'true' : undefined}
              >
                <span class="submission-who">
                  {submission.status === 'new' ? <strong>{who}</strong> : who}
                </span>
                <span class="submission-glimpse">{glimpse}</span>
                <span class="item-meta">
                  <span class={statusBadge[submission.status] ?? 'badge'}>
                    {t.statuses[submission.status] ?? submission.status}
                  </span>
                  <span>{submission.formId}</span>
                  <Time ms={submission.createdAt} />
                </span>
              </a>
            </li>
          )
        })}
      </ul>
    </>
  )
}

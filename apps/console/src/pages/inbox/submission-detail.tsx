import { useEffect } from 'preact/hooks'
import { useLoad } from '../../hooks/use-load.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { ConfirmDialog } from '../../ui/dialog.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { Loadable } from '../../ui/states.tsx'
import { type InboxActions, loadSubmission, type Submission } from './inbox-actions.ts'

/**
 * One submission whole: its fields, who sent it, why it was caught as spam, and its actions.
 * The list's copy when it is listed (no request), else loaded (a link opened directly). A new
 * submission opened by someone who may act on it is marked read.
 */
export function SubmissionDetail({
  id,
  listed,
  actions,
  confirmingDelete,
  onConfirmDelete,
  onClose,
}: {
  id: string
  listed: Submission | undefined
  actions: InboxActions | undefined
  confirmingDelete: Submission | null
  onConfirmDelete(submission: Submission | null): void
  onClose(): void
}) {
  const site = useSite()
  const load = useLoad(() => (listed ? Promise.resolve(listed) : loadSubmission(id)), [site.id, id])
  const shown = listed ?? (load.state.status === 'ready' ? load.state.data : undefined)
  const isNew = shown?.status === 'new'
  useEffect(() => {
    if (shown && isNew && actions) actions.act(shown, 'read', true)
  }, [shown?.id, isNew])
  const t = strings.inbox
  return (
    <section class="submission-detail" aria-labelledby="submission-heading">
      <div class="section-header">
        <h2 id="submission-heading">{t.detail.title}</h2>
        <button type="button" class="button button-small" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <Loadable load={listed ? { ...load, state: { status: 'ready', data: listed } } : load}>
        {(submission) => (
          <>
            {actions && (
              <SubmissionActions
                submission={submission}
                actions={actions}
                onDelete={() => onConfirmDelete(submission)}
              />
            )}
            <SubmissionFields submission={submission} />
          </>
        )}
      </Loadable>
      <ConfirmDialog
        open={confirmingDelete !== null}
        title={t.actions.delete}
        message={<p>{t.deleteConfirm}</p>}
        confirmLabel={t.actions.delete}
        onConfirm={() => {
          if (confirmingDelete && actions) actions.act(confirmingDelete, 'delete')
          onConfirmDelete(null)
        }}
        onClose={() => onConfirmDelete(null)}
      />
    </section>
  )
}

function SubmissionActions({
  submission,
  actions,
  onDelete,
}: {
  submission: Submission
  actions: InboxActions
  onDelete(): void
}) {
  const t = strings.inbox.actions
  const spam = submission.status === 'spam'
  return (
    <div class="button-row">
      {spam ? (
        <button
          type="button"
          class="button button-primary"
          onClick={() => actions.act(submission, 'not_spam')}
        >
          {t.notSpam} <kbd>!</kbd>
        </button>
      ) : (
        <button type="button" class="button" onClick={() => actions.act(submission, 'spam')}>
          {t.spam} <kbd>!</kbd>
        </button>
      )}
      {submission.status !== 'archived' && (
        <button type="button" class="button" onClick={() => actions.act(submission, 'archive')}>
          {t.archive} <kbd>e</kbd>
        </button>
      )}
      <button type="button" class="button" onClick={onDelete}>
        {t.delete} <kbd>#</kbd>
      </button>
    </div>
  )
}

function SubmissionFields({ submission }: { submission: Submission }) {
  const t = strings.inbox.detail
  return (
    <>
      <h3>{t.fields}</h3>
      <dl class="details-grid submission-fields">
        {Object.entries(submission.data).map(([name, value]) => (
          <div key={name} class="contents">
            <dt>{name}</dt>
            <dd class="submission-value">
              {Array.isArray(value) ? value.join(', ') : String(value)}
            </dd>
          </div>
        ))}
      </dl>
      <dl class="details-grid">
        <dt>{t.status}</dt>
        <dd>{strings.inbox.statuses[submission.status] ?? submission.status}</dd>
        {submission.spamReasons.length > 0 && (
          <>
            <dt>{t.spamReasons}</dt>
            <dd>
              {submission.spamReasons.map((r) => strings.inbox.spamReasons[r] ?? r).join('; ')}
            </dd>
          </>
        )}
        <dt>{t.sender}</dt>
        <dd>
          {submission.email ? (
            <a href={`mailto:${submission.email}`}>{submission.email}</a>
          ) : (
            strings.inbox.noSender
          )}
        </dd>
        <dt>{t.form}</dt>
        <dd>
          <code>{submission.formId}</code>
        </dd>
        <dt>{t.received}</dt>
        <dd>{formatDateTime(submission.createdAt)}</dd>
        <dt>{t.notified}</dt>
        <dd>{submission.notifiedAt ? formatDateTime(submission.notifiedAt) : t.notNotified}</dd>
        {submission.ip && (
          <>
            <dt>{t.ip}</dt>
            <dd>{submission.ip}</dd>
          </>
        )}
        {submission.userAgent && (
          <>
            <dt>{t.userAgent}</dt>
            <dd>{submission.userAgent}</dd>
          </>
        )}
        {submission.memberId && (
          <>
            <dt>{t.member}</dt>
            <dd>
              <code>{submission.memberId}</code>
            </dd>
          </>
        )}
      </dl>
    </>
  )
}

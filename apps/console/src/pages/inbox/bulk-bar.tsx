import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { ConfirmDialog } from '../../ui/dialog.tsx'
import { FormError } from '../../ui/field.tsx'
import type { InboxAction } from './inbox-moves.ts'

const bulkActions: InboxAction[] = ['read', 'archive', 'spam', 'not_spam', 'delete']

/** The actions on every selected submission, one request for all (at most 100). */
export function BulkBar({
  ids,
  onDone,
}: {
  ids: string[]
  onDone(done: { ids: string[]; action: InboxAction }): void
}) {
  const [confirming, setConfirming] = useState(false)
  const t = strings.inbox
  const run = useAction(async (action: InboxAction) => {
    const { results } = await ok(
      api.POST('/v1/admin/submissions/bulk', { body: { ids: ids.slice(0, 100), action } }),
    )
    const changed = results.filter((r) => r.result === 'done').map((r) => r.id)
    onDone({ ids: changed, action })
    setConfirming(false)
    announce(t.bulkDone(changed.length, t.bulk[action] ?? action))
  })
  return (
    <fieldset class="bulk-bar" aria-label={t.bulk.label}>
      <strong>{t.selected(ids.length)}</strong>
      {bulkActions.map((action) => (
        <button
          key={action}
          type="button"
          class={action === 'delete' ? 'button button-small button-danger' : 'button button-small'}
          disabled={run.busy}
          onClick={() => (action === 'delete' ? setConfirming(true) : run.run(action))}
        >
          {t.bulk[action]}
        </button>
      ))}
      <FormError message={run.error} />
      <ConfirmDialog
        open={confirming}
        title={t.bulk.delete ?? ''}
        message={<p>{t.bulkDeleteConfirm(ids.length)}</p>}
        confirmLabel={t.bulk.delete ?? ''}
        busy={run.busy}
        error={run.error}
        onConfirm={() => run.run('delete')}
        onClose={() => setConfirming(false)}
      />
    </fieldset>
  )
}

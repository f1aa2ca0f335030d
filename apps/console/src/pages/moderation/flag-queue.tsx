import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import type { FlagStatus } from '../../api/vocabulary.ts'
import { useAction } from '../../hooks/use-action.ts'
import { usePaged } from '../../hooks/use-paged.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { FormError, SelectField, TextField } from '../../ui/field.tsx'
import { LoadMore } from '../../ui/load-more.tsx'
import { Loadable } from '../../ui/states.tsx'
import { PostView } from './post-view.tsx'

// The filter's options: every status the API filters flags by, each with its wording, so a
// status the API adds fails the type check until it has a label here.
const statusLabels = {
  open: strings.flags.open,
  dismissed: strings.flags.dismissed,
  actioned: strings.flags.actioned,
} satisfies Record<FlagStatus, string>
const statuses = Object.keys(statusLabels) as FlagStatus[]

type Flagged = Awaited<ReturnType<typeof loadFlags>>['items'][number]
type Decision = 'dismiss' | 'hide' | 'delete' | 'suspend_author'

function loadFlags(status: FlagStatus, cursor: string | undefined) {
  return ok(api.GET('/v1/admin/forum/flags', { params: { query: { status, cursor } } }))
}

/** Flagged posts, oldest flag first, each with its flags and a decision to settle them. */
export function FlagQueue() {
  const site = useSite()
  const [status, setStatus] = useState<FlagStatus>('open')
  const list = usePaged((cursor) => loadFlags(status, cursor), [site.id, status])
  const t = strings.flags
  return (
    <>
      <div class="filters">
        <SelectField
          label={t.status}
          value={status}
          onValue={setStatus}
          options={statuses.map((s) => ({ value: s, label: statusLabels[s] }))}
        />
      </div>
      <Loadable load={list} isEmpty={(d) => d.items.length === 0} empty={<p>{t.none}</p>}>
        {(data) => (
          <ul class="item-list">
            {data.items.map((item) => (
              <FlaggedPost
                key={item.post.id}
                item={item}
                canDecide={status === 'open' && site.can('moderate')}
                onSettled={() =>
                  list.update((page) => ({
                    ...page,
                    items: page.items.filter((i) => i.post.id !== item.post.id),
                  }))
                }
              />
            ))}
          </ul>
        )}
      </Loadable>
      <LoadMore list={list} />
    </>
  )
}

function FlaggedPost({
  item,
  canDecide,
  onSettled,
}: {
  item: Flagged
  canDecide: boolean
  onSettled(): void
}) {
  const [decision, setDecision] = useState<Decision>('hide')
  const [reason, setReason] = useState('')
  const [days, setDays] = useState('7')
  const t = strings.flags
  const settle = useAction(async () => {
    const answer = await ok(
      api.POST('/v1/admin/forum/posts/{id}/flags/resolve', {
        params: { path: { id: item.post.id } },
        body: {
          action: decision,
          ...(reason.trim() && { reason: reason.trim() }),
          ...(decision === 'suspend_author' && { suspendDays: Number(days) || 1 }),
        },
      }),
    )
    announce(t.settled(answer.flagsResolved))
    onSettled()
  })
  return (
    <li class="flagged-post">
      <PostView post={item.post} thread={item.thread} />
      <p class="item-meta">
        <strong>{t.flagged(item.flagCount)}</strong>
        {Object.entries(item.reasons as Record<string, number>).map(([reason, count]) => (
          <span key={reason} class="badge badge-warning">
            {t.flagReasons[reason] ?? reason} × {count}
          </span>
        ))}
      </p>
      <ul class="flag-notes">
        {item.flags
          .filter((flag) => flag.note)
          .map((flag) => (
            <li key={flag.id}>
              “{flag.note}” — {flag.member?.displayName ?? t.deletedAuthor}
            </li>
          ))}
      </ul>
      {canDecide && (
        <form
          class="decision"
          onSubmit={(e) => {
            e.preventDefault()
            settle.run()
          }}
        >
          <FormError message={settle.error} />
          <SelectField
            label={t.decision}
            value={decision}
            onValue={setDecision}
            options={[
              { value: 'hide', label: t.hide },
              { value: 'dismiss', label: t.dismiss },
              { value: 'delete', label: t.delete },
              { value: 'suspend_author', label: t.suspend },
            ]}
          />
          {decision === 'suspend_author' && (
            <TextField label={t.suspendDays} type="number" min={1} value={days} onValue={setDays} />
          )}
          <TextField label={t.decisionReason} value={reason} onValue={setReason} maxLength={500} />
          <button type="submit" class="button button-primary" disabled={settle.busy}>
            {t.decide}
          </button>
        </form>
      )}
    </li>
  )
}

import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { usePaged } from '../../hooks/use-paged.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { FormError, TextField } from '../../ui/field.tsx'
import { LoadMore } from '../../ui/load-more.tsx'
import { Loadable } from '../../ui/states.tsx'
import { PostView } from './post-view.tsx'

type Hidden = Awaited<ReturnType<typeof loadHidden>>['items'][number]

function loadHidden(cursor: string | undefined) {
  return ok(api.GET('/v1/admin/forum/hidden-posts', { params: { query: { cursor } } }))
}

/** Posts hidden by moderators or by flags, newest first, each with a way to show it again. */
export function HiddenPosts() {
  const site = useSite()
  const list = usePaged(loadHidden, [site.id])
  return (
    <>
      <Loadable
        load={list}
        isEmpty={(d) => d.items.length === 0}
        empty={<p>{strings.hidden.none}</p>}
      >
        {(data) => (
          <ul class="item-list">
            {data.items.map((item) => (
              <HiddenPost
                key={item.post.id}
                item={item}
                canUnhide={site.can('moderate')}
                onShown={() =>
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

function HiddenPost({
  item,
  canUnhide,
  onShown,
}: {
  item: Hidden
  canUnhide: boolean
  onShown(): void
}) {
  const [reason, setReason] = useState('')
  const t = strings.hidden
  const unhide = useAction(async () => {
    await ok(
      api.POST('/v1/admin/forum/posts/{id}/unhide', {
        params: { path: { id: item.post.id } },
        body: { reason: reason.trim() },
      }),
    )
    announce(t.unhidden)
    onShown()
  })
  return (
    <li>
      <PostView post={item.post} thread={item.thread} />
      {item.post.hiddenReason && (
        <p class="item-meta">
          {t.reason}: {item.post.hiddenReason}
        </p>
      )}
      {canUnhide && (
        <form
          class="decision"
          onSubmit={(e) => {
            e.preventDefault()
            unhide.run()
          }}
        >
          <FormError message={unhide.error} />
          <TextField
            label={t.unhideReason}
            value={reason}
            onValue={setReason}
            required
            maxLength={500}
          />
          <button type="submit" class="button" disabled={unhide.busy}>
            {t.unhide}
          </button>
        </form>
      )}
    </li>
  )
}

import { useRef, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso/router'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { paths } from '../../app/paths.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { usePaged } from '../../hooks/use-paged.ts'
import { useShortcuts } from '../../hooks/use-shortcuts.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { LoadMore } from '../../ui/load-more.tsx'
import { PageHeader } from '../../ui/page.tsx'
import { Empty, Loadable } from '../../ui/states.tsx'
import { BulkBar } from './bulk-bar.tsx'
import { type Submission, useInboxActions } from './inbox-actions.ts'
import { apiQueryOf, filtersFrom, hasFilters, type InboxFilters, queryOf } from './inbox-filters.ts'
import { InboxFiltersForm } from './inbox-filters-form.tsx'
import { SubmissionDetail } from './submission-detail.tsx'
import { SubmissionList } from './submission-list.tsx'

function loadPage(filters: InboxFilters, cursor: string | undefined) {
  return ok(
    api.GET('/v1/admin/submissions', {
      params: { query: { ...apiQueryOf(filters), cursor, limit: 50 } },
    }),
  )
}

/**
 * The site's submissions: filters and search, the list, the one open beside it (below it on a
 * phone), bulk actions on the selected, and keys for all of it (`?` lists them).
 */
export function InboxPage({ id }: { id?: string }) {
  const site = useSite()
  const { query, route } = useLocation()
  const filters = filtersFrom(query)
  const search = queryOf(filters)
  const list = usePaged((cursor) => loadPage(filters, cursor), [site.id, search])
  const forms = useLoad(() => ok(api.GET('/v1/admin/forms')), [site.id])
  const [checked, setChecked] = useState<Set<string>>(new Set())
  const [confirmingDelete, setConfirmingDelete] = useState<Submission | null>(null)
  const searchBox = useRef<HTMLInputElement>(null)

  const items = list.state.status === 'ready' ? list.state.data.items : []
  const open = id ? items.find((s) => s.id === id) : undefined
  const openAt = (submission: Submission | undefined, replace = true) => {
    route(
      submission
        ? `${paths.submission(site.id, submission.id)}${search}`
        : `${paths.site(site.id, 'inbox')}${search}`,
      replace,
    )
    if (submission)
      requestAnimationFrame(() => document.getElementById(`submission-${submission.id}`)?.focus())
  }
  const actions = useInboxActions({
    list,
    filters,
    onGone: (gone) => {
      if (gone.id !== id) return
      const index = items.findIndex((s) => s.id === gone.id)
      openAt(items[index + 1] ?? items[index - 1])
    },
  })

  const move = (by: 1 | -1) => {
    const index = open ? items.indexOf(open) : -1
    const next = items[index + by] ?? (index === -1 ? items[0] : undefined)
    if (next) openAt(next)
    else if (by === 1) list.loadMore()
  }
  const mayAct = site.can('inboxActions')
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    '/': () => searchBox.current?.focus(),
    Escape: () => open && openAt(undefined),
    ...(mayAct &&
      open && {
        e: () => actions.act(open, 'archive'),
        '#': () => setConfirmingDelete(open),
        '!': () => actions.act(open, open.status === 'spam' ? 'not_spam' : 'spam'),
        x: () => toggle(open.id),
      }),
  })
  const toggle = (submissionId: string) =>
    setChecked((current) => {
      const next = new Set(current)
      if (next.has(submissionId)) next.delete(submissionId)
      else next.add(submissionId)
      return next
    })

  const t = strings.inbox
  return (
    <>
      <PageHeader title={t.title} description={t.shortcutsHint} />
      <InboxFiltersForm
        filters={filters}
        forms={forms.state.status === 'ready' ? forms.state.data.items : []}
        searchBox={searchBox}
        canExport={mayAct}
        onFilters={(next) => {
          setChecked(new Set())
          route(`${paths.site(site.id, 'inbox')}${queryOf(next)}`)
        }}
      />
      {mayAct && checked.size > 0 && (
        <BulkBar
          ids={[...checked]}
          onDone={(done) => {
            setChecked(new Set())
            actions.applied(done)
          }}
        />
      )}
      <p class="form-error" role="alert" hidden={!actions.error}>
        {actions.error}
      </p>
      <div class={id ? 'inbox inbox-has-open' : 'inbox'}>
        <div class="inbox-list">
          <Loadable
            load={list}
            isEmpty={(d) => d.items.length === 0}
            empty={<p>{hasFilters(filters) ? t.none : t.noneYet}</p>}
          >
            {(data) => (
              <SubmissionList
                items={data.items}
                openId={id}
                checked={mayAct ? checked : undefined}
                onToggle={toggle}
                onToggleAll={(all) =>
                  setChecked(all ? new Set(data.items.map((s) => s.id)) : new Set())
                }
                hrefOf={(s) => `${paths.submission(site.id, s.id)}${search}`}
              />
            )}
          </Loadable>
          <LoadMore list={list} />
        </div>
        <div class="inbox-detail">
          {id ? (
            <SubmissionDetail
              id={id}
              listed={open}
              actions={mayAct ? actions : undefined}
              confirmingDelete={confirmingDelete}
              onConfirmDelete={setConfirmingDelete}
              onClose={() => openAt(undefined, false)}
            />
          ) : (
            <Empty>
              <p>{t.pick}</p>
            </Empty>
          )}
        </div>
      </div>
    </>
  )
}

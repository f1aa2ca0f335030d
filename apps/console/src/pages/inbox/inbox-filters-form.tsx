import type { RefObject } from 'preact'
import { useEffect, useId, useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { downloadBlob } from '../../ui/download.ts'
import { FormError, SelectField, TextField } from '../../ui/field.tsx'
import {
  apiQueryOf,
  hasFilters,
  type InboxFilters,
  spamReasons,
  submissionStatuses,
} from './inbox-filters.ts'

/** Search, form, status, spam reason, dates; and the CSV export of what they select. */
export function InboxFiltersForm({
  filters,
  forms,
  searchBox,
  canExport,
  onFilters,
}: {
  filters: InboxFilters
  forms: { id: string; name: string }[]
  searchBox: RefObject<HTMLInputElement>
  canExport: boolean
  onFilters(filters: InboxFilters): void
}) {
  const t = strings.inbox
  const [q, setQ] = useState(filters.q ?? '')
  const searchId = useId()
  useEffect(() => setQ(filters.q ?? ''), [filters.q])
  const set = (patch: Partial<InboxFilters>) => onFilters({ ...filters, ...patch })
  const exportCsv = useAction(async () => {
    const blob = await ok(
      api.GET('/v1/admin/submissions.csv', {
        params: { query: apiQueryOf(filters) },
        parseAs: 'blob',
      }),
    )
    downloadBlob(
      blob as unknown as Blob,
      filters.form ? `submissions-${filters.form}.csv` : 'submissions.csv',
    )
    announce(t.exported)
  })
  return (
    <section aria-label={t.filters}>
      <search>
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault()
            set({ q: q.trim() || undefined })
          }}
        >
          <div class="field field-search">
            <label for={searchId}>{t.search}</label>
            <input
              id={searchId}
              ref={searchBox}
              type="search"
              value={q}
              onInput={(e) => setQ(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button">
            {strings.actions.search}
          </button>
        </form>
      </search>
      <div class="filters">
        <SelectField
          label={t.form}
          value={filters.form ?? ''}
          onValue={(form) => set({ form: form || undefined })}
          options={[
            { value: '', label: t.anyForm },
            ...forms.map((f) => ({ value: f.id, label: f.name })),
          ]}
        />
        <SelectField
          label={t.status}
          value={filters.status ?? ''}
          onValue={(status) => set({ status: (status || undefined) as InboxFilters['status'] })}
          options={[
            { value: '', label: t.anyStatus },
            ...submissionStatuses.map((s) => ({ value: s, label: t.statuses[s] ?? s })),
          ]}
        />
        <SelectField
          label={t.spamReason}
          value={filters.spamReason ?? ('' as const)}
          onValue={(reason) => set({ spamReason: reason || undefined })}
          options={[
            { value: '', label: t.anyReason },
            ...spamReasons.map((value) => ({ value, label: t.spamReasonLabels[value] ?? value })),
          ]}
        />
        <TextField
          label={t.from}
          type="date"
          value={filters.from ?? ''}
          onValue={(from) => set({ from: from || undefined })}
        />
        <TextField
          label={t.to}
          type="date"
          value={filters.to ?? ''}
          onValue={(to) => set({ to: to || undefined })}
        />
      </div>
      <div class="button-row">
        {hasFilters(filters) && (
          <button type="button" class="button button-small" onClick={() => onFilters({})}>
            {t.clearFilters}
          </button>
        )}
        {canExport && (
          <button
            type="button"
            class="button button-small"
            disabled={exportCsv.busy}
            onClick={() => exportCsv.run()}
          >
            {exportCsv.busy ? t.exporting : t.export}
          </button>
        )}
      </div>
      <FormError message={exportCsv.error} />
    </section>
  )
}

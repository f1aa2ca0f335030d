import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { usePaged } from '../../hooks/use-paged.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { TextField } from '../../ui/field.tsx'
import { formatDateTime } from '../../ui/format.ts'
import { LoadMore } from '../../ui/load-more.tsx'
import { Section } from '../../ui/page.tsx'
import { ScrollRegion } from '../../ui/scroll-region.tsx'
import { Loadable } from '../../ui/states.tsx'

function loadEntries(action: string, cursor: string | undefined) {
  return ok(
    api.GET('/v1/admin/audit-log', {
      params: { query: { cursor, action: action || undefined, limit: 50 } },
    }),
  ).then((page) => ({ items: page.entries, nextCursor: page.nextCursor }))
}

/** Who changed what on this site, when and from where; filtered by action. */
export function AuditLog() {
  const site = useSite()
  const [action, setAction] = useState('')
  const [applied, setApplied] = useState('')
  const list = usePaged((cursor) => loadEntries(applied, cursor), [site.id, applied])
  const t = strings.audit
  return (
    <Section title={t.title}>
      <p class="muted">{t.intro}</p>
      <search>
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault()
            setApplied(action.trim())
          }}
        >
          <TextField
            label={t.filterAction}
            placeholder="POST /v1/admin/keys"
            value={action}
            onValue={setAction}
          />
          <button type="submit" class="button">
            {strings.actions.apply}
          </button>
        </form>
      </search>
      <Loadable load={list} isEmpty={(d) => d.items.length === 0} empty={<p>{t.none}</p>}>
        {(data) => (
          <ScrollRegion label={t.title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.when}</th>
                  <th scope="col">{t.who}</th>
                  <th scope="col">{t.what}</th>
                  <th scope="col">{t.target}</th>
                  <th scope="col">{t.from}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={new Date(entry.createdAt).toISOString()}>
                        {formatDateTime(entry.createdAt)}
                      </time>
                    </td>
                    <td>
                      {entry.actor.label}
                      <div class="muted">{t.actor[entry.actor.type] ?? entry.actor.type}</div>
                    </td>
                    <td>
                      {entry.summary}
                      <div class="muted">
                        <code>{entry.action}</code>
                      </div>
                    </td>
                    <td>
                      {entry.target
                        ? Object.entries(entry.target).map(([key, value]) => (
                            <div key={key}>
                              <code>{value}</code>
                            </div>
                          ))
                        : '—'}
                    </td>
                    <td>{entry.ip ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Loadable>
      <LoadMore list={list} />
    </Section>
  )
}

import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { usePaged } from '../../hooks/use-paged.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { formatDateTime } from '../../ui/format.ts'
import { LoadMore } from '../../ui/load-more.tsx'
import { Loadable } from '../../ui/states.tsx'

function loadLog(cursor: string | undefined) {
  return ok(api.GET('/v1/admin/forum/moderation-log', { params: { query: { cursor } } }))
}

/** Every moderation decision on the site, by members, operators and the automatic rules. */
export function ModerationLog() {
  const site = useSite()
  const list = usePaged(loadLog, [site.id])
  const t = strings.log
  return (
    <>
      <Loadable load={list} isEmpty={(d) => d.items.length === 0} empty={<p>{t.none}</p>}>
        {(data) => (
          <ul class="item-list">
            {data.items.map((entry) => (
              <li key={entry.id}>
                <div class="item-title">{t.actions[entry.action] ?? entry.action}</div>
                <div class="item-meta">
                  <span>
                    {t.by[entry.by] ?? entry.by}
                    {entry.actor
                      ? `: ${entry.actor.displayName}`
                      : entry.operator
                        ? `: ${entry.operator.name}`
                        : ''}
                  </span>
                  <time dateTime={new Date(entry.createdAt).toISOString()}>
                    {formatDateTime(entry.createdAt)}
                  </time>
                  <code>
                    {entry.targetType} {entry.targetId}
                  </code>
                </div>
                {entry.reason && <p class="field-hint">“{entry.reason}”</p>}
              </li>
            ))}
          </ul>
        )}
      </Loadable>
      <LoadMore list={list} />
    </>
  )
}

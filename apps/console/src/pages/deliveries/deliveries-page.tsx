import { useLocation } from 'preact-iso/router'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import type { DeliveryStatus as DeliveryStatusName } from '../../api/vocabulary.ts'
import { paths } from '../../app/paths.ts'
import { useAction } from '../../hooks/use-action.ts'
import { usePaged } from '../../hooks/use-paged.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { SelectField } from '../../ui/field.tsx'
import { LoadMore } from '../../ui/load-more.tsx'
import { PageHeader } from '../../ui/page.tsx'
import { Loadable } from '../../ui/states.tsx'
import { Time } from '../../ui/time.tsx'
import { DeliveryStatus } from './delivery-status.tsx'

type Delivery = Awaited<ReturnType<typeof loadDeliveries>>['items'][number]
// The filter's options are the keys of their wording, which names every status the API has
// (`satisfies Record<DeliveryStatus, string>` in strings/en/deliveries.ts).
type Status = DeliveryStatusName
const statuses = Object.keys(strings.deliveries.status) as Status[]

function loadDeliveries(status: Status | undefined, cursor: string | undefined) {
  return ok(api.GET('/v1/admin/outbox', { params: { query: { status, cursor, limit: 50 } } }))
}

/** The site's outbox, newest first, filtered by status (`?status=dead` from the overview). */
export function DeliveriesPage() {
  const site = useSite()
  const { query, route } = useLocation()
  const status = (statuses as readonly string[]).includes(query.status ?? '')
    ? (query.status as Status)
    : undefined
  const list = usePaged((cursor) => loadDeliveries(status, cursor), [site.id, status])
  const t = strings.deliveries
  return (
    <>
      <PageHeader title={t.title} description={t.intro} />
      <div class="filters">
        <SelectField
          label={t.filter}
          value={status ?? ''}
          onValue={(value) =>
            route(`${paths.site(site.id, 'deliveries')}${value ? `?status=${value}` : ''}`)
          }
          options={[
            { value: '', label: t.all },
            ...statuses.map((s) => ({ value: s, label: t.status[s] ?? s })),
          ]}
        />
      </div>
      <Loadable load={list} isEmpty={(data) => data.items.length === 0} empty={<p>{t.empty}</p>}>
        {(data) => (
          <ul class="item-list">
            {data.items.map((delivery) => (
              <DeliveryItem
                key={delivery.id}
                delivery={delivery}
                canRetry={site.can('retryDeliveries')}
                onRetried={(updated) =>
                  list.update((page) => ({
                    ...page,
                    items: page.items.map((d) => (d.id === updated.id ? updated : d)),
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

function DeliveryItem({
  delivery,
  canRetry,
  onRetried,
}: {
  delivery: Delivery
  canRetry: boolean
  onRetried(updated: Delivery): void
}) {
  const t = strings.deliveries
  const retry = useAction(async () => {
    const updated = await ok(
      api.POST('/v1/admin/outbox/{id}/retry', { params: { path: { id: delivery.id } } }),
    )
    onRetried(updated)
    announce(t.retried)
  })
  return (
    <li>
      <div class="item-title">
        {t.kind[delivery.kind] ?? delivery.kind} <DeliveryStatus status={delivery.status} />
      </div>
      <div class="item-meta">
        <span>{t.attempts(delivery.attempts, delivery.maxAttempts)}</span>
        <span>
          {t.created} <Time ms={delivery.createdAt} />
        </span>
        {delivery.status === 'pending' && (
          <span>
            {t.nextAttempt} <Time ms={delivery.runAt} />
          </span>
        )}
        {delivery.deliveredAt !== null && (
          <span>
            {t.delivered} <Time ms={delivery.deliveredAt} />
          </span>
        )}
      </div>
      {delivery.lastError && (
        <p class="field-hint">
          {t.lastError}: <code>{delivery.lastError}</code>
        </p>
      )}
      {delivery.status === 'dead' && canRetry && (
        <div class="button-row">
          <button
            type="button"
            class="button button-small"
            disabled={retry.busy}
            onClick={() => retry.run()}
          >
            {t.retry}
          </button>
          {retry.error && (
            <span class="field-error" role="alert">
              {retry.error}
            </span>
          )}
        </div>
      )}
    </li>
  )
}

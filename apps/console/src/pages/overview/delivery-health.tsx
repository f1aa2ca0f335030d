import { paths } from '../../app/paths.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { formatNumber } from '../../ui/format.ts'
import { Section } from '../../ui/page.tsx'

type Deliveries = {
  pending: number
  sending: number
  retrying: number
  dead: number
  oldestPendingSeconds: number
}

/** The site's outbox now, with a way to act on what gave up. */
export function DeliveryHealth({ deliveries }: { deliveries: Deliveries }) {
  const site = useSite()
  const t = strings.overview
  const waiting = deliveries.pending + deliveries.sending
  return (
    <Section title={t.deliveries}>
      <ul class="stat-grid">
        <li class="stat">
          <div class="stat-value">{formatNumber(waiting)}</div>
          <div class="stat-label">{t.pending}</div>
        </li>
        <li class="stat">
          <div class="stat-value">{formatNumber(deliveries.retrying)}</div>
          <div class="stat-label">{t.retrying}</div>
        </li>
        <li class={deliveries.dead > 0 ? 'stat stat-alert' : 'stat'}>
          <div class="stat-value">{formatNumber(deliveries.dead)}</div>
          <div class="stat-label">{t.dead}</div>
        </li>
        <li class="stat">
          <div class="stat-value">
            {waiting > 0 ? t.seconds(deliveries.oldestPendingSeconds) : '—'}
          </div>
          <div class="stat-label">{t.oldest}</div>
        </li>
      </ul>
      {deliveries.dead > 0 ? (
        <p>
          <a class="button" href={`${paths.site(site.id, 'deliveries')}?status=dead`}>
            {t.actOnDead(deliveries.dead)}
          </a>
        </p>
      ) : waiting > 0 ? (
        <p>
          <a href={`${paths.site(site.id, 'deliveries')}?status=pending`}>{t.seeWaiting}</a>
        </p>
      ) : (
        <p class="muted">{t.allDelivered}</p>
      )}
    </Section>
  )
}

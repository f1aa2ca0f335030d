import { useLocation } from 'preact-iso/router'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { paths } from '../../app/paths.ts'
import { BarList } from '../../charts/bar-list.tsx'
import { LineChart } from '../../charts/line-chart.tsx'
import { useLoad } from '../../hooks/use-load.ts'
import { useOperator } from '../../session/session.tsx'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { formatDay, formatNumber } from '../../ui/format.ts'
import { PageHeader, Section } from '../../ui/page.tsx'
import { Loadable } from '../../ui/states.tsx'
import { Backups } from './backups.tsx'
import { DeliveryHealth } from './delivery-health.tsx'

const periods = ['7', '30', '90'] as const
type Period = (typeof periods)[number]

function loadOverview(days: Period) {
  // Days begin at the operator's midnight, not UTC's.
  const utcOffset = -new Date().getTimezoneOffset()
  return ok(api.GET('/v1/admin/overview', { params: { query: { days, utcOffset } } }))
}

/** `YYYY-MM-DD` (the operator's day) as "12 Mar". */
const dayLabel = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return formatDay(new Date(y, m - 1, d).getTime())
}

/** A site at a glance, in one request: activity per day, spam by reason, deliveries now. */
export function OverviewPage() {
  const site = useSite()
  const { operator } = useOperator()
  const { query } = useLocation()
  const days: Period = (periods as readonly string[]).includes(query.days ?? '')
    ? (query.days as Period)
    : '30'
  const load = useLoad(() => loadOverview(days), [site.id, days])
  const t = strings.overview
  return (
    <>
      <PageHeader title={`${t.title}: ${site.name}`}>
        <nav aria-label={t.period} class="segmented">
          {periods.map((p) => (
            <a
              key={p}
              href={`${paths.site(site.id, 'overview')}?days=${p}`}
              aria-current={p === days ? 'page' : undefined}
            >
              {t.days(Number(p))}
            </a>
          ))}
        </nav>
      </PageHeader>
      <Loadable load={load}>
        {(data) => {
          const labels = data.series.map((day) => dayLabel(day.date))
          const column = (key: 'submissions' | 'spam' | 'signups' | 'posts' | 'flags') =>
            data.series.map((day) => day[key])
          return (
            <>
              <ul class="stat-grid">
                {(['submissions', 'spam', 'signups', 'posts', 'flags'] as const).map((key) => (
                  <li key={key} class="stat">
                    <div class="stat-value">{formatNumber(data.totals[key])}</div>
                    <div class="stat-label">{t[key]}</div>
                  </li>
                ))}
              </ul>
              <DeliveryHealth deliveries={data.deliveries} />
              <Section title={t.contact}>
                <div class="columns">
                  <LineChart
                    title={`${t.submissions} · ${t.spam}`}
                    labels={labels}
                    series={[
                      { name: t.submissions, values: column('submissions') },
                      { name: t.spam, values: column('spam') },
                    ]}
                  />
                  <BarList
                    title={t.spamByReason}
                    empty={t.noSpam}
                    items={Object.entries(data.totals.spamByReason).map(([reason, value]) => ({
                      label: strings.inbox.spamReasonLabels[reason] ?? reason,
                      value: value ?? 0,
                    }))}
                  />
                </div>
              </Section>
              <Section title={t.community}>
                <LineChart
                  title={`${t.signups} · ${t.posts} · ${t.flags}`}
                  labels={labels}
                  series={[
                    { name: t.signups, values: column('signups') },
                    { name: t.posts, values: column('posts') },
                    { name: t.flags, values: column('flags') },
                  ]}
                />
              </Section>
            </>
          )
        }}
      </Loadable>
      {operator.admin && <Backups />}
    </>
  )
}

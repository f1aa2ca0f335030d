import type { z } from 'zod'
import type { Database, SqlClient } from '../db/client.ts'
import { readOutboxBacklog } from '../metrics/outbox-backlog.ts'
import type { SiteScope } from '../sites/scope.ts'
import { type SpamReason, spamReasons } from '../spam/assess.ts'
import { countsByDay, dayMs } from './queries.ts'
import type { overviewAnswer } from './schemas.ts'

type Overview = z.input<typeof overviewAnswer>
type Counts = Overview['totals']

function noCounts(): Counts {
  return {
    submissions: 0,
    spam: 0,
    spamByReason: Object.fromEntries(spamReasons.map((r) => [r, 0])) as Record<SpamReason, number>,
    signups: 0,
    posts: 0,
    flags: 0,
  }
}

/** Counts `value` submissions for each reason in the stored list `reasons`. */
function addReasons(into: Record<SpamReason, number>, reasons: string, value: number) {
  let list: unknown
  try {
    list = JSON.parse(reasons)
  } catch {
    return
  }
  if (!Array.isArray(list)) return
  for (const reason of list) {
    // A reason this version does not know (written by a newer one) is counted nowhere.
    if (typeof reason === 'string' && reason in into) into[reason as SpamReason] += value
  }
}

/**
 * The days shown: `days` of them ending with today, where days begin at midnight `utcOffset`
 * minutes east of UTC.
 */
export function overviewRange(now: number, days: number, utcOffset: number) {
  const offsetMs = utcOffset * 60_000
  const todayStart = Math.floor((now + offsetMs) / dayMs) * dayMs - offsetMs
  return { from: todayStart - (days - 1) * dayMs, to: todayStart + dayMs, offsetMs }
}

/**
 * A site's activity per day and its deliveries now: two statements, read at once. The
 * deliveries come from the query behind the deployment's outbox gauges (metrics/), for this
 * site, so the console and the dashboards never disagree about what "dead" means.
 */
export async function siteOverview(
  deps: { db: Database; client: SqlClient },
  scope: SiteScope,
  input: { now: number; days: number; utcOffset: number },
): Promise<Overview> {
  const { now, days, utcOffset } = input
  const range = overviewRange(now, days, utcOffset)
  const [counts, backlog] = await Promise.all([
    countsByDay(deps.db, scope, range),
    readOutboxBacklog(deps.client, now, scope.siteId),
  ])
  const series = Array.from({ length: days }, (_, i) => ({
    // The local date: the day's start moved by the offset, read as UTC.
    date: new Date(range.from + i * dayMs + range.offsetMs).toISOString().slice(0, 10),
    ...noCounts(),
  }))
  const totals = noCounts()
  for (const { series: name, reasons, day, n } of counts) {
    const entry = series[Number(day)]
    if (!entry) continue
    const value = Number(n)
    for (const target of [entry, totals]) {
      target[name] += value
      if (name === 'spam') addReasons(target.spamByReason, reasons, value)
    }
  }
  return {
    days,
    utcOffset,
    from: range.from,
    to: range.to,
    series,
    totals,
    deliveries: {
      pending: backlog.pending,
      sending: backlog.sending,
      retrying: backlog.retrying,
      dead: backlog.dead,
      oldestPendingSeconds: backlog.oldestPendingAgeSeconds,
    },
  }
}

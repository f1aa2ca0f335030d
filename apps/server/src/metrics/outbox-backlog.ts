import type { Clock } from '../clock.ts'
import type { SqlClient } from '../db/client.ts'
import { describeError, type Logger } from '../logger.ts'

/** What is waiting in the outbox, across all sites, for the gauges of a scrape. */
export type OutboxBacklog = {
  pending: number
  /** Claimed by a process and being delivered now (or by one that died, until its lease ends). */
  sending: number
  /** Pending jobs that failed at least once and wait for their retry. */
  retrying: number
  dead: number
  /**
   * How long the longest-waiting job has waited: since it was queued, or, for a job queued with a
   * delay (a digest) and not yet tried, since it became due. 0 when nothing waits.
   */
  oldestPendingAgeSeconds: number
}

// Each count is a range of the (status, run_at) index, or for one site of (site_id, status,
// created_at); only the age reads the waiting rows, which are few unless deliveries are stuck
// (and then the age is what matters). The gauges read the whole deployment; the owner's overview
// reads its site with the same statement.
function backlogSql(site: string) {
  return `SELECT
  (SELECT count(*) FROM outbox WHERE ${site}status = 'pending') AS pending,
  (SELECT count(*) FROM outbox WHERE ${site}status = 'sending') AS sending,
  (SELECT count(*) FROM outbox WHERE ${site}status = 'pending' AND attempts > 0) AS retrying,
  (SELECT count(*) FROM outbox WHERE ${site}status = 'dead') AS dead,
  (SELECT min(CASE WHEN attempts = 0 THEN run_at ELSE created_at END) FROM outbox
    WHERE ${site}status IN ('pending', 'sending') AND (attempts > 0 OR run_at <= ?1)) AS waiting_since`
}

const deploymentBacklogSql = backlogSql('')
// Numbered, not named, parameters: D1 binds no names.
const siteBacklogSql = backlogSql('site_id = ?2 AND ')

/** The statement `readOutboxBacklog` runs, for its query plan to be checked. */
export function outboxBacklogStatement(now: number, siteId?: string) {
  return siteId === undefined
    ? { sql: deploymentBacklogSql, args: [now] }
    : { sql: siteBacklogSql, args: [now, siteId] }
}

/**
 * Reads the backlog in one statement: the whole deployment's, or with `siteId` one site's.
 *
 * @example const { dead } = await readOutboxBacklog(deps.client, clock.now(), site.id)
 */
export async function readOutboxBacklog(
  client: SqlClient,
  now: number,
  siteId?: string,
): Promise<OutboxBacklog> {
  const { rows } = await client.execute(outboxBacklogStatement(now, siteId))
  const row = rows[0] ?? {}
  const waitingSince = row.waiting_since == null ? now : Number(row.waiting_since)
  return {
    pending: Number(row.pending ?? 0),
    sending: Number(row.sending ?? 0),
    retrying: Number(row.retrying ?? 0),
    dead: Number(row.dead ?? 0),
    oldestPendingAgeSeconds: Math.max(0, now - waitingSince) / 1000,
  }
}

/**
 * How long a read serves scrapes: several Prometheus servers (an HA pair, a second one for
 * testing) or a curl loop then cost the database one read per 5 s, not one per scrape.
 */
export const backlogCacheMs = 5000

const nothingKnown: OutboxBacklog = {
  pending: 0,
  sending: 0,
  retrying: 0,
  dead: 0,
  oldestPendingAgeSeconds: 0,
}

/**
 * The backlog as the gauges read it: fresh at most every `backlogCacheMs`, one read at a time.
 * A failed read (the database busy or gone) keeps the last values, so the scrape still answers
 * and the database-fault counters say what went wrong.
 */
export function cachedOutboxBacklog(deps: {
  client: SqlClient
  clock: Clock
  log: Logger
}): () => Promise<OutboxBacklog> {
  let last = nothingKnown
  let readAt = Number.NEGATIVE_INFINITY
  let reading: Promise<OutboxBacklog> | undefined
  return () => {
    const now = deps.clock.now()
    if (now - readAt < backlogCacheMs) return Promise.resolve(last)
    reading ??= readOutboxBacklog(deps.client, now)
      .then(
        (backlog) => {
          last = backlog
          readAt = now
          return backlog
        },
        (error: unknown) => {
          deps.log.warn('metrics: could not read the outbox backlog', describeError(error))
          return last
        },
      )
      .finally(() => {
        reading = undefined
      })
    return reading
  }
}

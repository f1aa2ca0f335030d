import { type SQL, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { HttpErrors } from './errors.ts'

export type RateLimitOptions = {
  /** What is being limited, e.g. `submit:<formId>:<ip>`. */
  bucket: string
  /** Site the bucket belongs to; omit for deployment-wide limits. */
  siteId?: string
  limit: number
  windowMs: number
}

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number }

export interface RateLimiter {
  /** Counts one hit against the bucket and says whether it is within the limit. */
  hit(options: RateLimitOptions): Promise<RateLimitResult>
}

/** A bucket's counters as a hit leaves them (the `RETURNING` of `countHit`). */
export type CounterRow = { count: number; previous_count: number }

/**
 * Where `now` falls in a bucket's fixed windows. The estimate weights the previous window by how
 * much of it still overlaps the sliding window (as Cloudflare's own limiter does), which avoids
 * the double burst a fixed window allows at its edge.
 */
export type SlidingWindow = {
  now: number
  windowMs: number
  windowStart: number
  /** The share of the previous window still inside the sliding window: 1 at a window's start. */
  previousWeight: number
}

export function slidingWindow(now: number, windowMs: number): SlidingWindow {
  const windowStart = Math.floor(now / windowMs) * windowMs
  return { now, windowMs, windowStart, previousWeight: 1 - (now - windowStart) / windowMs }
}

/**
 * One hit on a bucket as a statement, not yet run: an upsert that rolls the windows forward and
 * returns the counters (`CounterRow`). Put it in a `db.batch([...])` with the change it guards.
 * `when` (SQL) makes the hit conditional, e.g. on another bucket still being within its limit:
 * a refused condition counts nothing.
 */
export function countHit(
  db: Database,
  { siteId = '', bucket }: Pick<RateLimitOptions, 'siteId' | 'bucket'>,
  window: SlidingWindow,
  when: SQL = sql`1`,
) {
  const { windowStart, windowMs } = window
  // The WHERE also keeps SQLite from reading `ON CONFLICT` as a join's ON.
  return db.all<CounterRow>(sql`
    INSERT INTO rate_limits (site_id, bucket, window_start, count, previous_count, expires_at)
    SELECT ${siteId}, ${bucket}, ${windowStart}, 1, 0, ${windowStart + 2 * windowMs} WHERE ${when}
    ${rollForwardAndCount(window)}
    RETURNING count, previous_count`)
}

/**
 * Hits on two buckets in one statement, with nothing returned: `first` always, and `second`
 * only while `first`, this hit counted, is within `first.limit`. The same as `countHit(first)`
 * followed by `countHit(second, withinLimit(first))`, one statement fewer: a submission counts
 * its address and then its form this way (`contact/submission-write.ts`).
 */
export function countHitThenIfWithin(
  db: Database,
  first: Pick<RateLimitOptions, 'siteId' | 'bucket' | 'limit'>,
  second: Pick<RateLimitOptions, 'siteId' | 'bucket'>,
  window: SlidingWindow,
) {
  const { windowStart, windowMs, previousWeight } = window
  // `first`'s estimate once this hit is counted, worked out from its row as it stands before the
  // statement, in the upsert's own terms (`rollForwardAndCount`), so it equals what `withinLimit`
  // reads after `countHit`. The `second` row comes first, so it reads `first` before the upsert
  // even if SQLite did not evaluate the whole SELECT before inserting (it does, as the SELECT
  // reads the table it inserts into).
  const firstWithin = sql`coalesce((SELECT
      (CASE WHEN window_start = ${windowStart} THEN previous_count
        WHEN window_start = ${windowStart - windowMs} THEN count ELSE 0 END) * ${previousWeight}
      + (CASE WHEN window_start = ${windowStart} THEN count + 1 ELSE 1 END)
    FROM rate_limits WHERE site_id = ${first.siteId ?? ''} AND bucket = ${first.bucket}), 1)
    <= ${first.limit}`
  return db.run(sql`
    INSERT INTO rate_limits (site_id, bucket, window_start, count, previous_count, expires_at)
    SELECT hit.site_id, hit.bucket, ${windowStart}, 1, 0, ${windowStart + 2 * windowMs}
    FROM (SELECT ${second.siteId ?? ''} AS site_id, ${second.bucket} AS bucket WHERE ${firstWithin}
      UNION ALL SELECT ${first.siteId ?? ''}, ${first.bucket}) AS hit
    WHERE 1
    ${rollForwardAndCount(window)}`)
}

/**
 * The upsert's conflict clause: rolls a bucket's windows forward to `window` and counts one hit.
 * (A `WHERE` before it keeps SQLite from reading `ON CONFLICT` as a join's ON.)
 */
function rollForwardAndCount({ windowStart, windowMs }: SlidingWindow): SQL {
  return sql`ON CONFLICT (site_id, bucket) DO UPDATE SET
      previous_count = CASE
        WHEN window_start = ${windowStart} THEN previous_count
        WHEN window_start = ${windowStart - windowMs} THEN count
        ELSE 0 END,
      count = CASE WHEN window_start = ${windowStart} THEN count + 1 ELSE 1 END,
      window_start = ${windowStart},
      expires_at = ${windowStart + 2 * windowMs}`
}

/**
 * SQL that is true while a bucket, as a hit earlier in the same batch left it, is within
 * `limit`: the same estimate as `judgeHit`, computed by SQLite in the same double arithmetic.
 */
export function withinLimit(
  { siteId = '', bucket, limit }: Pick<RateLimitOptions, 'siteId' | 'bucket' | 'limit'>,
  window: SlidingWindow,
): SQL {
  return sql`coalesce((SELECT previous_count * ${window.previousWeight} + count FROM rate_limits
    WHERE site_id = ${siteId} AND bucket = ${bucket}), 0) <= ${limit}`
}

/** Whether a hit that left the counters at `row` is within `limit`, and if not, how long to wait. */
export function judgeHit(
  row: CounterRow | undefined,
  window: SlidingWindow,
  limit: number,
): RateLimitResult {
  const estimate = (row?.previous_count ?? 0) * window.previousWeight + (row?.count ?? 1)
  if (estimate <= limit) return { allowed: true, retryAfterSeconds: 0 }
  // Wait until enough of the previous window has slid out, at most to the window's end.
  return {
    allowed: false,
    retryAfterSeconds: refusedFor(window),
  }
}

/** Seconds until the current window ends: what a refused caller is told to wait, at least 1. */
export function refusedFor(window: SlidingWindow): number {
  return Math.max(1, Math.ceil((window.windowStart + window.windowMs - window.now) / 1000))
}

/**
 * A sliding-window limiter stored in the database, so a limit holds across Worker isolates,
 * several Node processes and restarts. One upsert per hit, no read-modify-write race.
 */
export function createRateLimiter(db: Database, clock: Clock): RateLimiter {
  return {
    async hit(options) {
      const window = slidingWindow(clock.now(), options.windowMs)
      const [row] = await countHit(db, options, window)
      return judgeHit(row, window, options.limit)
    },
  }
}

export async function rateLimitOrThrow(limiter: RateLimiter, options: RateLimitOptions) {
  const result = await limiter.hit(options)
  if (!result.allowed) throw HttpErrors.rateLimited(result.retryAfterSeconds)
}

import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { eq, inArray, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { rateLimits } from '../db/schema.ts'
import { HttpErrors } from '../http/errors.ts'
import type { SiteScope } from '../sites/scope.ts'

// Growing delays against password guessing, never a lockout (OWASP ASVS 5.0 §6.3.1): a lockout
// would let anyone who knows a member's email keep them out. Failures are counted in three
// buckets, each with free failures and then a wait of 2^k seconds before the next attempt, k
// being the failures beyond the free ones, capped at 15 minutes:
//
//   bucket          free failures   stops
//   email + IP      5               one attacker guessing one member's password
//   IP              20              one address spraying passwords over many members
//   email           100             many addresses (a botnet) guessing one member's password
//
// So from one address: 5 guesses, then waits of 1 s, 2 s, 4 s … 512 s, then 15 min each: about
// 110 guesses at one member in the first day, 96 a day after. From any number of addresses
// together: about 100 + 110 in the first day, 96 a day after. A bucket is forgotten 24 h after
// its last failure; rejected attempts are not failures and do not lengthen the wait. A success
// clears the member's email + IP bucket and gives the attempt back to the other two.
//
// An attacker hammering a member's email from elsewhere must not keep the member out. Once a
// member has signed in from an address, that email + IP pair is "known" for 30 days and only its
// own bucket applies to it: the attacker's failures elsewhere fill the email and IP buckets,
// never this one. (A member on an address they never used competes with the attacker for the
// 15-minute slots of the email bucket; password reset is not throttled by these buckets.)
//
// Counts live in `rate_limits` (no table of their own; pruned by the same maintenance), with
// their own meaning for `login:` buckets: `count` = failures counted, `window_start` = time of
// the last one, `expires_at` = when the bucket is forgotten. An attempt is counted BEFORE its
// password is checked, by a compare-and-set on the row: parallel requests cannot all slip past
// the check while the first scrypt is still running. A success gives the count back.

const secondMs = 1000
const maxDelayMs = 15 * 60_000
const forgetAfterMs = 24 * 3_600_000
const knownPairForMs = 30 * 86_400_000
/** Rounds of read + compare-and-set before a contended attempt is told to retry. */
const maxRounds = 5

type Rule = { bucket: string; free: number; onSuccess: 'clear' | 'refund' }

/** The wait before the next attempt after `failures` counted failures. */
export function loginDelayMs(failures: number, free: number): number {
  if (failures < free) return 0
  return Math.min(2 ** (failures - free) * secondMs, maxDelayMs)
}

/** Bucket names carry a hash, not the address: `rate_limits` should hold no personal data. */
function emailKey(email: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(email))).slice(0, 32)
}

export type LoginAttempt = {
  /** The password was right: clear and refund this attempt's counts, remember the address. */
  succeeded(): Promise<void>
}

export type LoginThrottleDeps = { db: Database; clock: Clock }

type Row = { bucket: string; count: number; windowStart: number; expiresAt: number }

/**
 * Counts a sign-in attempt for `email` (normalised) from `ip`, or throws `429 RATE_LIMITED` with
 * `Retry-After` when one of its buckets asks it to wait. Call before checking the password; a
 * failed attempt needs nothing more, a successful one calls `succeeded()`.
 */
export async function beginLoginAttempt(
  deps: LoginThrottleDeps,
  scope: SiteScope,
  email: string,
  ip: string,
): Promise<LoginAttempt> {
  const { db, clock } = deps
  const key = emailKey(email)
  const known = `login-known:${key}:${ip}`
  const all: Rule[] = [
    { bucket: `login:email-ip:${key}:${ip}`, free: 5, onSuccess: 'clear' },
    { bucket: `login:ip:${ip}`, free: 20, onSuccess: 'refund' },
    { bucket: `login:email:${key}`, free: 100, onSuccess: 'refund' },
  ]
  for (let round = 0; round < maxRounds; round++) {
    const now = clock.now()
    const found = await db
      .select()
      .from(rateLimits)
      .where(
        scope.where(rateLimits, inArray(rateLimits.bucket, [known, ...all.map((r) => r.bucket)])),
      )
    const live = new Map<string, Row>(
      found.filter((row) => row.expiresAt > now).map((row) => [row.bucket, row]),
    )
    const rules = live.has(known) ? all.slice(0, 1) : all
    let waitMs = 0
    for (const rule of rules) {
      const row = live.get(rule.bucket)
      if (!row) continue
      const until = row.windowStart + loginDelayMs(row.count, rule.free)
      waitMs = Math.max(waitMs, until - now)
    }
    if (waitMs > 0) throw HttpErrors.rateLimited(Math.ceil(waitMs / secondMs))

    const counted: Rule[] = []
    for (const rule of rules) {
      if (!(await countFailure(db, scope, rule.bucket, live.get(rule.bucket), now))) break
      counted.push(rule)
    }
    if (counted.length === rules.length) {
      return { succeeded: () => succeed(deps, scope, counted, known) }
    }
    // Another attempt changed a bucket between our read and our write: give back what this
    // round counted and look again, so the winner's count decides whether we may go on.
    for (const rule of counted) await undoCount(db, scope, rule.bucket, live.get(rule.bucket), now)
  }
  throw HttpErrors.rateLimited(1)
}

/** Compare-and-set: counts one failure only if the row is still what we read. */
async function countFailure(
  db: Database,
  scope: SiteScope,
  bucket: string,
  seen: Row | undefined,
  now: number,
): Promise<boolean> {
  const values = { count: (seen?.count ?? 0) + 1, windowStart: now, expiresAt: now + forgetAfterMs }
  if (seen) {
    const updated = await db
      .update(rateLimits)
      .set(values)
      .where(
        scope.where(
          rateLimits,
          eq(rateLimits.bucket, bucket),
          eq(rateLimits.count, seen.count),
          eq(rateLimits.windowStart, seen.windowStart),
        ),
      )
      .returning({ bucket: rateLimits.bucket })
    return updated.length === 1
  }
  // No live row: insert, or take over a forgotten (expired) one, but never a live one that
  // another attempt created since we looked.
  const inserted = await db
    .insert(rateLimits)
    .values({ siteId: scope.siteId, bucket, previousCount: 0, ...values })
    .onConflictDoUpdate({
      target: [rateLimits.siteId, rateLimits.bucket],
      set: values,
      setWhere: sql`${rateLimits.expiresAt} <= ${now}`,
    })
    .returning({ bucket: rateLimits.bucket })
  return inserted.length === 1
}

/** Gives back one counted failure in each bucket: the attempt did not fail after all. */
function refundQuery(db: Database, scope: SiteScope, buckets: string[]) {
  return db
    .update(rateLimits)
    .set({ count: sql`max(${rateLimits.count} - 1, 0)` })
    .where(scope.where(rateLimits, inArray(rateLimits.bucket, buckets)))
}

/**
 * Takes back a count this attempt made a moment ago after losing a race on another bucket,
 * restoring the time of the failure before it (unless another attempt has written since), so a
 * lost race does not restart the wait.
 */
function undoCount(
  db: Database,
  scope: SiteScope,
  bucket: string,
  seen: Row | undefined,
  countedAt: number,
) {
  const before = seen?.windowStart ?? 0
  return db
    .update(rateLimits)
    .set({
      count: sql`max(${rateLimits.count} - 1, 0)`,
      windowStart: sql`CASE WHEN ${rateLimits.windowStart} = ${countedAt} THEN ${before} ELSE ${rateLimits.windowStart} END`,
    })
    .where(scope.where(rateLimits, eq(rateLimits.bucket, bucket)))
}

async function succeed(deps: LoginThrottleDeps, scope: SiteScope, rules: Rule[], known: string) {
  const { db, clock } = deps
  const now = clock.now()
  const bucketsTo = (action: Rule['onSuccess']) =>
    rules.filter((r) => r.onSuccess === action).map((r) => r.bucket)
  const knownRow = { count: 1, windowStart: now, expiresAt: now + knownPairForMs }
  const cleared = bucketsTo('clear')
  const refunded = bucketsTo('refund')
  await db.batch([
    db
      .insert(rateLimits)
      .values({ siteId: scope.siteId, bucket: known, previousCount: 0, ...knownRow })
      .onConflictDoUpdate({ target: [rateLimits.siteId, rateLimits.bucket], set: knownRow }),
    ...(cleared.length
      ? [db.delete(rateLimits).where(scope.where(rateLimits, inArray(rateLimits.bucket, cleared)))]
      : []),
    ...(refunded.length ? [refundQuery(db, scope, refunded)] : []),
  ])
}

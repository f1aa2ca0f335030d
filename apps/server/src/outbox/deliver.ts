import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { outbox } from '../db/schema.ts'
import type { Logger } from '../logger.ts'
import type { Metrics } from '../metrics/metrics.ts'
import type { Job, JobHandlers } from './jobs.ts'
import { createOutcomeWriter } from './outcomes.ts'

export type DeliveryOptions = {
  /** Jobs claimed per round. */
  batchSize?: number
  /** How long a claim lasts; a worker that dies mid-job frees it when the lease passes. */
  leaseMs?: number
  /** First retry delay; doubles each attempt up to `maxBackoffMs`. */
  baseBackoffMs?: number
  maxBackoffMs?: number
}

export type DeliveryDeps = {
  db: Database
  clock: Clock
  handlers: JobHandlers
  log: Logger
  /**
   * The ids of jobs this process has claimed and not yet recorded: on shutdown they are handed
   * back (`releaseClaims`) instead of staying leased until the lease runs out.
   */
  held?: Set<string>
  /** Counts each attempt's outcome by job kind. */
  metrics?: Metrics
}

/** A job under this process's lease, with what recording its outcome needs. */
export type ClaimedJob = Job & { maxAttempts: number; runAt: number }

const defaults = { batchSize: 10, leaseMs: 120_000, baseBackoffMs: 15_000, maxBackoffMs: 3_600_000 }

/**
 * When a lease taken at `now` runs out: the one `deliverDue`'s claim sets, and the one a job born
 * claimed (`enqueueWhen`'s `claim`) is given, so both are taken back by a sweep alike.
 */
export function leaseEnd(now: number, options: DeliveryOptions = {}) {
  return now + (options.leaseMs ?? defaults.leaseMs)
}

/**
 * Exponential backoff with ±20% jitter so retries after an outage do not arrive in lockstep.
 * The jitter never lifts a delay above `max`: the cap is what operators plan around.
 */
export function backoffMs(attempt: number, base: number, max: number, random = Math.random) {
  const exact = Math.min(max, base * 2 ** (attempt - 1))
  return Math.min(max, Math.round(exact * (0.8 + 0.4 * random())))
}

/**
 * Claims due jobs and runs their handlers. Claiming is one `UPDATE … RETURNING` (in the same
 * write as expiring dead leases), so two
 * processes (or Worker invocations) never run the same job at once; a job whose worker died is
 * claimed again after its lease. Handlers must be idempotent by job id: after a crash between
 * sending and recording success, a job runs again (at-least-once delivery).
 *
 * @returns how many jobs were claimed, so callers can drain until a round comes back short.
 */
export async function deliverDue(deps: DeliveryDeps, options: DeliveryOptions = {}) {
  const { db, clock } = deps
  const o = { ...defaults, ...options }
  const now = clock.now()

  // A lease that ran out on the last allowed attempt will not be retried: the job is dead.
  const expire = db
    .update(outbox)
    .set({
      status: 'dead',
      lastError: 'Timed out on its last attempt.',
      leaseUntil: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(outbox.status, 'sending'),
        lt(outbox.leaseUntil, now),
        sql`${outbox.attempts} >= ${outbox.maxAttempts}`,
      ),
    )

  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, 'pending'), lte(outbox.runAt, now)),
        and(eq(outbox.status, 'sending'), lt(outbox.leaseUntil, now)),
      ),
    )
    .orderBy(asc(outbox.runAt))
    .limit(o.batchSize)
  const claim = db
    .update(outbox)
    .set({
      status: 'sending',
      attempts: sql`${outbox.attempts} + 1`,
      leaseUntil: leaseEnd(now, o),
      updatedAt: now,
    })
    .where(inArray(outbox.id, due))
    .returning()
  // One write transaction per round for both: each write costs a commit, whatever it changes.
  const [, claimed] = await db.batch([expire, claim])
  await deliverClaimed(
    deps,
    claimed.map((row) => ({
      id: row.id,
      siteId: row.siteId,
      kind: row.kind,
      payload: row.payload,
      attempt: row.attempts,
      maxAttempts: row.maxAttempts,
      runAt: row.runAt,
    })),
    o,
  )
  return claimed.length
}

/**
 * Runs the handlers of jobs this process holds a lease on: claimed by `deliverDue`, or born
 * claimed in the transaction that queued them (`enqueueWhen`'s `claim`), and records each
 * outcome. Delivered, dead or due again, a job leaves `sending` only if it is still in it: a
 * job handed back meanwhile (`releaseClaims`) stays queued.
 */
export async function deliverClaimed(
  deps: DeliveryDeps,
  jobs: readonly ClaimedJob[],
  options: DeliveryOptions = {},
) {
  if (jobs.length === 0) return
  const { db, clock, handlers, log } = deps
  const o = { ...defaults, ...options }
  // Outcomes finishing together are written together (`outcomes.ts`).
  const outcomes = createOutcomeWriter(db, clock)
  for (const row of jobs) deps.held?.add(row.id)

  await Promise.all(
    jobs.map(async (row) => {
      const job: Job = {
        id: row.id,
        siteId: row.siteId,
        kind: row.kind,
        payload: row.payload,
        attempt: row.attempt,
      }
      const handler = handlers[row.kind]
      // A kind without a handler is counted as `unknown`: job kinds come from rows, not code.
      const kind = handler ? row.kind : 'unknown'
      try {
        if (!handler) throw new NoHandlerError(row.kind)
        await handler(job)
        await outcomes.delivered(row.id)
        deps.metrics?.outboxAttempt(kind, 'delivered')
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        const dead =
          error instanceof NoHandlerError || isPermanent(error) || row.attempt >= row.maxAttempts
        const retryAt = clock.now() + backoffMs(row.attempt, o.baseBackoffMs, o.maxBackoffMs)
        log.warn('outbox job failed', {
          jobId: row.id,
          kind: row.kind,
          attempt: row.attempt,
          dead,
          error: message,
        })
        await outcomes.record(
          db
            .update(outbox)
            .set({
              status: dead ? 'dead' : 'pending',
              runAt: dead ? row.runAt : retryAt,
              leaseUntil: null,
              lastError: message.slice(0, 1000),
              updatedAt: clock.now(),
            })
            .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending'))),
        )
        deps.metrics?.outboxAttempt(kind, dead ? 'dead' : 'retry')
      } finally {
        deps.held?.delete(row.id)
      }
    }),
  )
}

/**
 * Hands jobs this process claimed back to the queue, due at once: for a shutdown that cannot wait
 * for them, so another process (or the next start) delivers them now, not when the lease ends.
 * The interrupted attempt is not counted: the receiver did not fail it, we stopped it.
 */
export async function releaseClaims(db: Database, clock: Clock, ids: readonly string[]) {
  if (ids.length === 0) return
  const now = clock.now()
  await db
    .update(outbox)
    .set({
      status: 'pending',
      attempts: sql`max(${outbox.attempts} - 1, 0)`,
      runAt: now,
      leaseUntil: null,
      updatedAt: now,
    })
    .where(and(inArray(outbox.id, [...ids]), eq(outbox.status, 'sending')))
}

/** Errors marked `permanent` (a malformed payload, a 422 from an API) will not pass on a retry. */
function isPermanent(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { permanent?: unknown }).permanent === true
  )
}

class NoHandlerError extends Error {
  constructor(kind: string) {
    super(`No handler for job kind "${kind}".`)
  }
}

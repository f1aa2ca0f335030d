import { type SQL, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { outbox } from '../db/schema.ts'
import { newId } from '../ids.ts'
import type { SiteScope } from '../sites/scope.ts'

/** A claimed job as its handler sees it. `id` is stable across retries: use it for idempotency. */
export type Job = {
  id: string
  siteId: string
  kind: string
  payload: unknown
  /** 1 on the first try. */
  attempt: number
}

/** Delivers one job; throwing schedules a retry. */
export type JobHandler = (job: Job) => Promise<void>

/** Handlers by job kind; features register theirs (`email`, `webhook`) in the composition root. */
export type JobHandlers = Readonly<Record<string, JobHandler>>

export type EnqueueOptions = {
  kind: string
  payload: unknown
  /** Attempts before the job is marked dead; 10 with the default backoff spans about two hours. */
  maxAttempts?: number
  /** Delay before the first attempt. */
  delayMs?: number
  /**
   * Makes the job idempotent: a second job with the same key is silently not queued, so a
   * notification can be queued from two places (submission, rescue from spam) at most once.
   */
  key?: string
  /** What the delivery is about, to list it with its subject: `form:<formId>` (`formTopic`). */
  topic?: string
}

/** The topic of a form's notifications and webhooks: its delivery log lists them by it. */
export function formTopic(formId: string) {
  return `form:${formId}`
}

/**
 * The insert for a new job, not yet executed: pass it to `db.batch([...])` together with the
 * change that causes it, so the job exists if and only if the change was committed.
 *
 * @example await db.batch([insertSubmission, enqueue(db, clock, scope, { kind: 'email', payload })])
 */
export function enqueue(db: Database, clock: Clock, scope: SiteScope, options: EnqueueOptions) {
  const now = clock.now()
  return db
    .insert(outbox)
    .values({
      id: jobIdFor(options),
      siteId: scope.siteId,
      kind: options.kind,
      payload: options.payload,
      maxAttempts: maxAttemptsOf(options),
      topic: options.topic ?? null,
      runAt: now + (options.delayMs ?? 0),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
}

/**
 * A job queued already claimed by the process that queues it, on its first attempt, as
 * `deliverDue`'s claim would leave it (`OutboxRunner.birthClaim`): that process delivers it
 * without claiming it, and should it die first, the lease runs out and any sweep takes it.
 */
export type BirthClaim = { leaseUntil: number }

/**
 * `enqueue` on a condition settled by the batch itself (SQL, e.g. "the submission was stored and
 * is not spam"): the job exists if and only if the condition held when the batch committed (its
 * run changed one row: `changedRows`). With `as.claim`, the job is queued claimed (`sending`,
 * first attempt, leased) and due at once, whatever `delayMs` says; `as.id` is its id, chosen by
 * the caller (`jobIdFor`) to know it.
 */
export function enqueueWhen(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  options: EnqueueOptions,
  condition: SQL,
  as: { claim?: BirthClaim | undefined; id?: string } = {},
) {
  const { claim } = as
  const now = clock.now()
  const id = as.id ?? jobIdFor(options)
  const state = claim
    ? sql`'sending', 1, ${claim.leaseUntil}, ${now}`
    : sql`'pending', 0, NULL, ${now + (options.delayMs ?? 0)}`
  // The WHERE also keeps SQLite from reading `ON CONFLICT` as a join's ON.
  return db.run(sql`
    INSERT INTO outbox (id, site_id, kind, payload, max_attempts, topic, status, attempts,
      lease_until, run_at, created_at, updated_at)
    SELECT ${id}, ${scope.siteId}, ${options.kind}, ${JSON.stringify(options.payload)},
      ${maxAttemptsOf(options)}, ${options.topic ?? null}, ${state}, ${now}, ${now}
    WHERE ${condition}
    ON CONFLICT DO NOTHING`)
}

/** The id a job gets: from its idempotency key when it has one, so a second one is not queued. */
export function jobIdFor(options: EnqueueOptions) {
  return options.key ? `job_${options.key}` : newId('job')
}

/** How many attempts a job gets before it is marked dead. */
export function maxAttemptsOf(options: EnqueueOptions) {
  return options.maxAttempts ?? 10
}

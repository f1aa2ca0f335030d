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
      id: options.key ? `job_${options.key}` : newId('job'),
      siteId: scope.siteId,
      kind: options.kind,
      payload: options.payload,
      maxAttempts: options.maxAttempts ?? 10,
      topic: options.topic ?? null,
      runAt: now + (options.delayMs ?? 0),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
}

/**
 * `enqueue` on a condition settled by the batch itself (SQL, e.g. "the submission was stored and
 * is not spam"): the job exists if and only if the condition held when the batch committed.
 */
export function enqueueWhen(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  options: EnqueueOptions,
  condition: SQL,
) {
  const now = clock.now()
  const id = options.key ? `job_${options.key}` : newId('job')
  // The WHERE also keeps SQLite from reading `ON CONFLICT` as a join's ON.
  return db.run(sql`
    INSERT INTO outbox (id, site_id, kind, payload, max_attempts, topic, run_at, created_at, updated_at)
    SELECT ${id}, ${scope.siteId}, ${options.kind}, ${JSON.stringify(options.payload)},
      ${options.maxAttempts ?? 10}, ${options.topic ?? null}, ${now + (options.delayMs ?? 0)},
      ${now}, ${now}
    WHERE ${condition}
    ON CONFLICT DO NOTHING`)
}

import { type SQL, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Clock } from '../clock.ts'
import { changedRows, type Database, type RunResult } from '../db/client.ts'
import {
  type CounterRow,
  countHit,
  countHitThenIfWithin,
  judgeHit,
  refusedFor,
  type SlidingWindow,
  slidingWindow,
  withinLimit,
} from '../http/rate-limit.ts'
import type { ClaimedJob } from '../outbox/deliver.ts'
import {
  type BirthClaim,
  type EnqueueOptions,
  enqueueWhen,
  jobIdFor,
  maxAttemptsOf,
} from '../outbox/jobs.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { PendingAssessment, SpamReason } from '../spam/assess.ts'
import type { Fields } from './fields.ts'

/** One limit a submission counts against. */
export type SubmissionLimit = { bucket: string; limit: number }

export type SubmissionWrite = {
  scope: SiteScope
  row: {
    id: string
    formId: string
    data: Fields
    email: string | null
    ip: string
    memberId: string | null
    userAgent: string | null
    createdAt: number
  }
  verdict: PendingAssessment
  /** Counted first: one noisy client hits its own limit before it uses up the form's. */
  perAddress?: SubmissionLimit
  perForm: SubmissionLimit
  /** Queued if the submission is stored clean. */
  jobs: EnqueueOptions[]
  /** The confirmation to the sender, queued if stored clean and its own limit allows. */
  autoresponse?: { job: EnqueueOptions; limit: SubmissionLimit }
  windowMs: number
  /**
   * Queue the jobs claimed by this process (`OutboxRunner.birthClaim`), which then delivers
   * them (`bornClaimed`) without a claim of its own.
   */
  claim?: BirthClaim
}

export type SubmissionWritten =
  | {
      stored: true
      spam: boolean
      reasons: SpamReason[]
      autoresponseLimited: boolean
      /** With `claim`: the jobs queued, claimed by this process, for it to deliver. */
      bornClaimed: ClaimedJob[]
    }
  | { stored: false; retryAfterSeconds: number }

/**
 * Stores a submission in ONE write transaction (one `db.batch`, which D1 also runs as one):
 * the rate-limit counters, the submission, the spent proof of work, and its outbox jobs.
 * Every decision that depends on what other requests wrote is made by SQLite inside that
 * transaction, so concurrent submissions can neither overrun a limit, nor spend one solution
 * twice, nor both pass as the first of two identical messages:
 *
 * 1. the per-address hit (always counted, as a refused hit is: a client that hammers stays
 *    refused), then the per-form hit only while the address is within its limit;
 * 2. the submission, only while both are within their limits; spam if the assessment said so,
 *    if its solution was spent before, or if it repeats a recent submission;
 * 3. the solution spent, the autoresponse counted, and the jobs queued, each only if the
 *    submission was stored (and for the last two, stored clean).
 *
 * A submission refused by a limit stores nothing but the counters' hits.
 */
export async function writeSubmission(
  { db, clock }: { db: Database; clock: Clock },
  input: SubmissionWrite,
): Promise<SubmissionWritten> {
  const { scope, row, verdict } = input
  const siteId = scope.siteId
  const now = row.createdAt
  const window = slidingWindow(now, input.windowMs)
  const limited = (limit: SubmissionLimit) => ({ siteId, ...limit })

  // Both hits in one statement: the address's always, the form's while the address is within
  // its limit.
  const hits = input.perAddress
    ? countHitThenIfWithin(db, limited(input.perAddress), limited(input.perForm), window)
    : countHit(db, limited(input.perForm), window)
  const addressWithin = input.perAddress ? withinLimit(limited(input.perAddress), window) : sql`1`
  const limitsHold = sql`(${addressWithin}) AND (${withinLimit(limited(input.perForm), window)})`

  const stored = sql`EXISTS (SELECT 1 FROM submissions WHERE site_id = ${siteId} AND id = ${row.id})`
  const storedClean = sql`EXISTS (SELECT 1 FROM submissions
    WHERE site_id = ${siteId} AND id = ${row.id} AND status = 'new')`

  const spend = verdict.proofOfWork?.spend
  const auto = input.autoresponse
  const { claim } = input
  // The jobs in the order of their inserts, with their ids chosen here to hand them over by.
  const queued = [...input.jobs, ...(auto ? [auto.job] : [])].map((job) => ({
    job,
    id: jobIdFor(job),
  }))
  const queueAs = (k: number) => ({ claim, ...(queued[k] && { id: queued[k].id }) })
  const statements = [
    hits,
    insertSubmission(db, input, limitsHold),
    ...(spend
      ? [
          db.run(sql`
            INSERT INTO spent_tokens (site_id, token_hash, expires_at)
            SELECT ${siteId}, ${spend.tokenHash}, ${spend.expiresAt} WHERE ${stored}
            ON CONFLICT DO NOTHING`),
        ]
      : []),
    ...input.jobs.map((job, k) => enqueueWhen(db, clock, scope, job, storedClean, queueAs(k))),
    ...(auto
      ? [
          countHit(db, limited(auto.limit), window, storedClean),
          enqueueWhen(
            db,
            clock,
            scope,
            auto.job,
            sql`${storedClean} AND ${withinLimit(limited(auto.limit), window)}`,
            queueAs(queued.length - 1),
          ),
        ]
      : []),
  ]
  // Where each job's insert is among the results: the jobs, then the autoresponse's counter
  // and job, last.
  const jobsFrom = 2 + (spend ? 1 : 0)
  const resultIndexes = [
    ...input.jobs.map((_, k) => jobsFrom + k),
    ...(auto ? [statements.length - 1] : []),
  ]
  const results: readonly unknown[] = await db.batch(
    statements as unknown as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]],
  )

  const [written] = results[1] as { status: string; spam_reasons: string }[]
  if (!written) return { stored: false, retryAfterSeconds: refusedFor(window) }
  const autoRows = auto ? (results.at(-2) as CounterRow[]) : []
  // Only the jobs that were inserted: an insert whose condition failed changed no row.
  const bornClaimed = claim
    ? queued.flatMap(({ job, id }, k): ClaimedJob[] => {
        const inserted = results[resultIndexes[k] ?? -1] as RunResult | undefined
        return inserted && changedRows(inserted) === 1
          ? [
              {
                id,
                siteId,
                kind: job.kind,
                payload: job.payload,
                attempt: 1,
                maxAttempts: maxAttemptsOf(job),
                runAt: now,
              },
            ]
          : []
      })
    : []
  return {
    stored: true,
    spam: written.status === 'spam',
    reasons: JSON.parse(written.spam_reasons) as SpamReason[],
    autoresponseLimited: auto !== undefined && autoresponseRefused(autoRows, window, auto.limit),
    bornClaimed,
  }
}

function autoresponseRefused(rows: CounterRow[], window: SlidingWindow, limit: SubmissionLimit) {
  // No row: the submission was spam and the hit was not counted.
  const [row] = rows
  return row !== undefined && !judgeHit(row, window, limit.limit).allowed
}

/**
 * The submission row, inserted only while `limitsHold`. Its status and reasons are settled
 * here, against what is stored: a solution spent before is a replay, content stored within the
 * duplicate window a repeat (checked only when nothing else marked it, as `assessSubmission`).
 */
function insertSubmission(db: Database, input: SubmissionWrite, limitsHold: SQL) {
  const { row, verdict } = input
  const siteId = input.scope.siteId
  const pow = verdict.proofOfWork
  const replayed = pow
    ? sql`EXISTS (SELECT 1 FROM spent_tokens
        WHERE site_id = ${siteId} AND token_hash = ${pow.spend.tokenHash})`
    : sql`0`
  const duplicate =
    verdict.duplicateSince !== undefined
      ? sql`EXISTS (SELECT 1 FROM submissions WHERE site_id = ${siteId}
          AND content_hash = ${verdict.contentHash} AND created_at >= ${verdict.duplicateSince})`
      : sql`0`
  const now = row.createdAt
  return db.all<{ status: string; spam_reasons: string }>(sql`
    INSERT INTO submissions (id, site_id, form_id, status, data, spam_reasons, email, member_id,
      ip, user_agent, content_hash, notified_at, created_at, updated_at)
    SELECT ${row.id}, ${siteId}, ${row.formId},
      CASE WHEN v.spam THEN 'spam' ELSE 'new' END,
      ${JSON.stringify(row.data)},
      CASE WHEN v.replayed THEN ${JSON.stringify(pow?.ifReplayed ?? [])}
        WHEN v.duplicate THEN ${JSON.stringify(['duplicate'])}
        ELSE ${JSON.stringify(verdict.reasons)} END,
      ${row.email}, ${row.memberId}, ${row.ip}, ${row.userAgent}, ${verdict.contentHash},
      CASE WHEN v.spam THEN NULL ELSE ${now} END, ${now}, ${now}
    FROM (SELECT c.replayed, c.duplicate, (${verdict.spam ? 1 : 0} OR c.replayed OR c.duplicate) AS spam
      FROM (SELECT ${replayed} AS replayed, ${duplicate} AS duplicate) AS c) AS v
    WHERE ${limitsHold}
    RETURNING status, spam_reasons`)
}

import { describeError } from '../logger.ts'
import type { Housekeeping } from '../maintenance/housekeeping.ts'
import {
  type ClaimedJob,
  type DeliveryDeps,
  type DeliveryOptions,
  deliverClaimed,
  deliverDue,
  leaseEnd,
  releaseClaims,
} from './deliver.ts'
import type { BirthClaim } from './jobs.ts'

export interface OutboxRunner {
  /**
   * Says work may be waiting (a request queued a job) and resolves once it has been delivered.
   * Signals collapse: one sent while a drain runs joins it and makes it go one more round, so a
   * job enqueued mid-drain is not left waiting for the next tick, and a burst of submissions
   * costs one drain, not one each.
   */
  kick(): Promise<void>
  /**
   * The lease for jobs a request queues already claimed by this process (`enqueueWhen`'s
   * `claim`), so that it delivers them without a claim of its own: the one `deliverDue` would
   * set. Null once the runner is closing: queue them unclaimed then.
   */
  birthClaim(): BirthClaim | null
  /**
   * Delivers jobs born claimed (`birthClaim`), once the transaction that queued them committed.
   * They join the drain as a kick does, but cost it no claim. Should this process die first, the
   * lease runs out and any process's sweep delivers them; once closing, they are handed back.
   */
  deliverBornClaimed(jobs: readonly ClaimedJob[]): Promise<void>
  /** Periodic work: retries that have come due, and housekeeping (`maintenance/`). */
  tick(): Promise<void>
  /**
   * For shutdown: one last drain (it picks up jobs queued by the last requests) until `deadline`
   * (epoch ms); jobs still being delivered then are handed back to the queue, due at once,
   * instead of staying leased for minutes. Later kicks and ticks do nothing.
   */
  close(deadline: number): Promise<void>
}

export type RunnerOptions = DeliveryOptions & {
  /**
   * `shared` (Node): one drain per process; a kick during it joins it and waits for it.
   * `per-request` (Workers): a kick during a young drain of this isolate joins it without
   * waiting (a Worker request must not wait on a promise another request started: workerd
   * drops such cross-request work, and it would spend that request's subrequest budget); the
   * drain, kept alive by its own request's `waitUntil`, goes one more round for it. Otherwise the
   * kick drains on its own. Claiming is atomic with a lease, so concurrent drains never deliver
   * a job twice.
   */
  drains?: 'shared' | 'per-request'
  /**
   * How long a drain started by a request's signal waits before each round, so that
   * submissions arriving together share one claim and one outcome write instead of a round
   * each (signals during a round join the next). Ticks and shutdown do not wait. Default 25 ms:
   * nothing to someone waiting for an email, and at a few hundred submissions a second it
   * gathers several jobs per round.
   */
  gatherMs?: number
}

/**
 * How long a Worker's drain may be joined after it started. A request's `waitUntil` work is cut
 * off about 30 s after its response; a drain joined within its first 10 s has time for the
 * extra round, and a kick after that drains on its own. Whatever a cut-off drain leaves is not
 * lost: it stays queued for the next kick or the cron tick.
 */
const joinWindowMs = 10_000

type Drain = { startedAt: number; done: Promise<void> }

export function createOutboxRunner(
  deps: DeliveryDeps & { housekeeping?: Housekeeping },
  options: RunnerOptions = {},
): OutboxRunner {
  const batchSize = options.batchSize ?? 10
  const gatherMs = options.gatherMs ?? 25
  const perRequest = options.drains === 'per-request'
  // The drain that kicks join, if any; `again`: a kick arrived since its last claim.
  let current: Drain | null = null
  let again = false
  // Jobs born claimed and handed over, waiting for the drain to deliver them.
  let adopted: ClaimedJob[] = []
  // `closing`: kicks and ticks from outside are ignored; `stopped`: no further batch is claimed.
  let closing = false
  let stopped = false
  // Jobs claimed by this process and not yet recorded, for `close`.
  const held = new Set<string>()
  const delivery: DeliveryDeps = { ...deps, held }

  /** `sweep`: claim what is due (kicks, ticks); else only deliver what was handed over. */
  async function rounds(self: Drain, gather: boolean, sweep: boolean) {
    try {
      do {
        // Every round, not only the first: under load, signals arrive while a round runs, and a
        // round started at once for them would carry one or two jobs, each paying a whole
        // round's writes (its outcomes' commit, a mail transport's batch).
        if (gather && gatherMs > 0) await new Promise((resolve) => setTimeout(resolve, gatherMs))
        // Past the shutdown's deadline: what is held is handed back, not sent.
        if (stopped) break
        const bornClaimed = adopted
        adopted = []
        await deliverClaimed(delivery, bornClaimed, options)
        if (!sweep && !again) continue
        sweep = false
        again = false
        while (!stopped && (await deliverDue(delivery, options)) >= batchSize) {}
      } while ((again || adopted.length > 0) && !stopped)
    } finally {
      // In the same step as the last look at `again`: a kick from now on starts a new drain
      // instead of joining one that will not look again.
      if (current === self) current = null
    }
  }

  function start(gather: boolean, sweep = true): Promise<void> {
    const started: Drain = { startedAt: Date.now(), done: Promise.resolve() }
    current = started
    started.done = rounds(started, gather, sweep).catch((error) =>
      deps.log.error('outbox delivery failed', describeError(error)),
    )
    return started.done
  }

  function joinable(drain: Drain | null): drain is Drain {
    return drain !== null && (!perRequest || Date.now() - drain.startedAt < joinWindowMs)
  }

  /**
   * Joins the running drain or starts one; `gather` only for signals from requests; `sweep`
   * false when only jobs handed over are waiting.
   */
  function drain(gather: boolean, sweep = true): Promise<void> {
    if (closing) return Promise.resolve()
    if (joinable(current)) {
      if (sweep) again = true
      return perRequest ? Promise.resolve() : current.done
    }
    return start(gather, sweep)
  }

  async function deliverBornClaimed(jobs: readonly ClaimedJob[]) {
    if (jobs.length === 0) return
    if (closing) {
      // Too late to deliver them here: back in the queue, due at once, for the next process.
      await releaseClaims(
        deps.db,
        deps.clock,
        jobs.map((job) => job.id),
      ).catch((error) =>
        deps.log.error('could not hand back claimed outbox jobs', {
          jobs: jobs.length,
          ...describeError(error),
        }),
      )
      return
    }
    // Held from now on, so that a shutdown hands back those it cannot wait for.
    for (const job of jobs) held.add(job.id)
    adopted.push(...jobs)
    await drain(true, false)
  }

  async function housekeeping() {
    try {
      await deps.housekeeping?.run()
    } catch (error) {
      deps.log.error('housekeeping failed', describeError(error))
    }
  }

  async function tick() {
    if (closing) return
    // On Workers the cron's own invocation drains: it is the sweep that catches what a cut-off
    // drain left behind.
    await Promise.all([perRequest ? start(false) : drain(false), housekeeping()])
  }

  async function close(deadline: number) {
    if (closing) return
    const last = drain(false)
    closing = true
    await settledBy(last, deadline)
    stopped = true
    try {
      await releaseClaims(deps.db, deps.clock, [...held])
    } catch (error) {
      deps.log.error('could not hand back claimed outbox jobs', {
        jobs: held.size,
        ...describeError(error),
      })
    }
  }

  return {
    kick: () => drain(true),
    birthClaim: () => (closing ? null : { leaseUntil: leaseEnd(deps.clock.now(), options) }),
    deliverBornClaimed,
    tick,
    close,
  }
}

/** Waits for `work`, but not past `deadline` (epoch ms). */
async function settledBy(work: Promise<void>, deadline: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  await Promise.race([
    work,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))
    }),
  ])
  clearTimeout(timer)
}

import { pruneRateLimits } from '../http/rate-limit.ts'
import { describeError } from '../logger.ts'
import { pruneSpentTokens } from '../spam/proof-of-work.ts'
import { type DeliveryDeps, type DeliveryOptions, deliverDue } from './deliver.ts'

export interface OutboxRunner {
  /**
   * Delivers everything due now. Calls while a drain runs join it and trigger one more round,
   * so a job enqueued mid-drain is not left waiting for the next tick.
   */
  kick(): Promise<void>
  /** Periodic work: retries that have come due, and pruning expired counters and tokens. */
  tick(): Promise<void>
}

export type RunnerOptions = DeliveryOptions & {
  /**
   * `shared` (Node): calls during a drain join it. `per-call` (Workers): every call drains on
   * its own. A Worker request must not wait on a promise another request started (workerd drops
   * such cross-request work, and it would spend that request's subrequest budget); claiming is
   * atomic with a lease, so concurrent drains never deliver a job twice.
   */
  drains?: 'shared' | 'per-call'
}

export function createOutboxRunner(deps: DeliveryDeps, options: RunnerOptions = {}): OutboxRunner {
  const batchSize = options.batchSize ?? 10
  let running: Promise<void> | null = null
  let again = false

  async function drain() {
    do {
      again = false
      while ((await deliverDue(deps, options)) >= batchSize) {}
    } while (again)
  }

  function kick(): Promise<void> {
    if (options.drains === 'per-call') {
      return drain().catch((error) =>
        deps.log.error('outbox delivery failed', describeError(error)),
      )
    }
    if (running) {
      again = true
      return running
    }
    running = drain()
      .catch((error) => deps.log.error('outbox delivery failed', describeError(error)))
      .finally(() => {
        running = null
      })
    return running
  }

  async function housekeeping() {
    try {
      await pruneRateLimits(deps.db, deps.clock)
      await pruneSpentTokens(deps.db, deps.clock)
    } catch (error) {
      deps.log.error('housekeeping failed', describeError(error))
    }
  }

  async function tick() {
    await Promise.all([kick(), housekeeping()])
  }

  return { kick, tick }
}

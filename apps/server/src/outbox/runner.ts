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

export function createOutboxRunner(
  deps: DeliveryDeps,
  options: DeliveryOptions = {},
): OutboxRunner {
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

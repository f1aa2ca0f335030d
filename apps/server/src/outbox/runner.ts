import { describeError } from '../logger.ts'
import type { Housekeeping } from '../maintenance/housekeeping.ts'
import { type DeliveryDeps, type DeliveryOptions, deliverDue, releaseClaims } from './deliver.ts'

export interface OutboxRunner {
  /**
   * Delivers everything due now. Calls while a drain runs join it and trigger one more round,
   * so a job enqueued mid-drain is not left waiting for the next tick.
   */
  kick(): Promise<void>
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
   * `shared` (Node): calls during a drain join it. `per-call` (Workers): every call drains on
   * its own. A Worker request must not wait on a promise another request started (workerd drops
   * such cross-request work, and it would spend that request's subrequest budget); claiming is
   * atomic with a lease, so concurrent drains never deliver a job twice.
   */
  drains?: 'shared' | 'per-call'
}

export function createOutboxRunner(
  deps: DeliveryDeps & { housekeeping?: Housekeeping },
  options: RunnerOptions = {},
): OutboxRunner {
  const batchSize = options.batchSize ?? 10
  let running: Promise<void> | null = null
  let again = false
  // `closing`: kicks and ticks from outside are ignored; `stopped`: no further batch is claimed.
  let closing = false
  let stopped = false
  // Jobs claimed by this process and not yet recorded, for `close`.
  const held = new Set<string>()
  const delivery: DeliveryDeps = { ...deps, held }

  async function drain() {
    do {
      again = false
      while (!stopped && (await deliverDue(delivery, options)) >= batchSize) {}
    } while (again && !stopped)
  }

  function kick(): Promise<void> {
    if (closing) return Promise.resolve()
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
      await deps.housekeeping?.run()
    } catch (error) {
      deps.log.error('housekeeping failed', describeError(error))
    }
  }

  async function tick() {
    if (closing) return
    await Promise.all([kick(), housekeeping()])
  }

  async function close(deadline: number) {
    if (closing) return
    const last = kick()
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

  return { kick, tick, close }
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

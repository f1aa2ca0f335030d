import { isBusyError } from './faults.ts'

export type WaitQueueOptions<C> = {
  /** Runs `work` once, synchronously; throws the database's error, `SQLITE_BUSY` included. */
  attempt<T>(work: (conn: C) => T): T
  /** How long a call may wait, in all, before its `SQLITE_BUSY` is final. */
  budgetMs: number
  /** Told when calls start waiting for a lock (true) and when the last one got through (false). */
  onContention?(contended: boolean): void
  now?: () => number
}

export type WaitQueue<C> = {
  /** Runs `work` now, or after the lock that stopped it is gone, or fails once the budget is spent. */
  run<T>(work: (conn: C) => T): Promise<T>
  /** How many calls are waiting for a lock. */
  readonly waiting: number
}

type Waiter<C> = {
  work: (conn: C) => unknown
  deadline: number
  resolve(value: unknown): void
  reject(error: unknown): void
}

const firstDelayMs = 5
const maxDelayMs = 200

/**
 * Waits out locks held by other processes without blocking the event loop.
 *
 * Every call is tried at once: reads never wait for a writer in WAL mode, and most writes find
 * the lock free. A call that meets `SQLITE_BUSY` joins a first-in-first-out queue; one call at a
 * time, the head, is tried again after a growing pause, and once it gets through the rest follow
 * straight away. While calls wait, `onContention(true)` lets the connection stop SQLite's own
 * (synchronous) waiting, so each further write fails at once and queues instead of stalling the
 * loop. A call still waiting when its budget is spent fails with its last `SQLITE_BUSY`.
 *
 * @example
 * const queue = createWaitQueue({ attempt, budgetMs: 5000 })
 * const rows = await queue.run((conn) => conn.prepare('SELECT 1').all())
 */
export function createWaitQueue<C>(options: WaitQueueOptions<C>): WaitQueue<C> {
  const now = options.now ?? Date.now
  const waiting: Waiter<C>[] = []
  let lastBusy: unknown
  let draining = false

  function expire() {
    const time = now()
    for (let i = waiting.length - 1; i >= 0; i--) {
      const waiter = waiting[i] as Waiter<C>
      if (waiter.deadline <= time) {
        waiting.splice(i, 1)
        waiter.reject(lastBusy)
      }
    }
  }

  async function drain() {
    draining = true
    options.onContention?.(true)
    let delay = firstDelayMs
    try {
      while (waiting.length > 0) {
        expire()
        const head = waiting[0]
        if (!head) break
        try {
          const value = options.attempt(head.work)
          waiting.shift()
          head.resolve(value)
          delay = firstDelayMs
          continue
        } catch (error) {
          if (!isBusyError(error)) {
            waiting.shift()
            head.reject(error)
            continue
          }
          lastBusy = error
        }
        const nextDeadline = Math.min(...waiting.map((w) => w.deadline))
        await sleep(Math.max(0, Math.min(delay, nextDeadline - now())))
        delay = Math.min(delay * 2, maxDelayMs)
      }
    } finally {
      draining = false
      options.onContention?.(false)
    }
  }

  return {
    run<T>(work: (conn: C) => T): Promise<T> {
      const started = now()
      try {
        return Promise.resolve(options.attempt(work))
      } catch (error) {
        if (!isBusyError(error) || options.budgetMs <= 0) return Promise.reject(error)
        lastBusy = error
      }
      return new Promise<T>((resolve, reject) => {
        waiting.push({
          work,
          deadline: started + options.budgetMs,
          resolve: resolve as (value: unknown) => void,
          reject,
        })
        if (!draining) void drain()
      })
    },
    get waiting() {
      return waiting.length
    },
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

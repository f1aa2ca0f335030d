import { isBusyError } from './faults.ts'

export type WaitQueueOptions<C> = {
  /** Runs `work` once, synchronously; throws the database's error, `SQLITE_BUSY` included. */
  attempt<T>(work: (conn: C) => T): T
  /** How long a call may wait, in all, before its `SQLITE_BUSY` is final. */
  budgetMs: number
  /** Told when calls start waiting for a lock (true) and when the last one got through (false). */
  onContention?(contended: boolean): void
  /**
   * Whether the lock looks free now, asked before the head's next try; false skips that try.
   * For a connection where a try that fails costs more than a look (local-client.ts).
   */
  lockFree?(): boolean
  now?: () => number
}

export type WaitQueue<C> = {
  /**
   * Runs `work` now, or after the lock that stopped it is gone, or fails once the budget is spent.
   * Work that `writes` joins the queue at once while calls wait for the lock, without a try that
   * would meet the same lock (each failed try costs the caller its connection, local-client.ts);
   * reads are always tried at once.
   */
  run<T>(work: (conn: C) => T, options?: { writes?: boolean }): Promise<T>
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
 * Every call is tried at once (reads never wait for a writer in WAL mode, and most writes find
 * the lock free), except writes that arrive while others wait: they queue behind them. A call
 * that meets `SQLITE_BUSY` joins a first-in-first-out queue; one call at a time, the head, is
 * tried again after a growing pause (once `lockFree` says the lock is gone, when given), and
 * once it gets through the rest follow straight away. While calls wait, `onContention(true)`
 * lets the connection stop SQLite's own (synchronous) waiting, so a try that meets the lock
 * fails at once instead of stalling the loop. A call still waiting when its budget is spent
 * fails with its last `SQLITE_BUSY`.
 *
 * @example
 * const queue = createWaitQueue({ attempt, budgetMs: 5000 })
 * const rows = await queue.run((conn) => conn.prepare('SELECT 1').all(), { writes: false })
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

  let delay = firstDelayMs

  /** Waits before the head's next try, longer each time, never past the next deadline. */
  async function pause() {
    const nextDeadline = Math.min(...waiting.map((w) => w.deadline))
    await sleep(Math.max(0, Math.min(delay, nextDeadline - now())))
    delay = Math.min(delay * 2, maxDelayMs)
  }

  async function drain() {
    draining = true
    options.onContention?.(true)
    delay = firstDelayMs
    // Whether the last try met the lock: only then is it worth a look before the next one.
    let blocked = true
    try {
      while (waiting.length > 0) {
        expire()
        const head = waiting[0]
        if (!head) break
        // Still held: the head's own try would fail, and cost its connection.
        if (blocked && options.lockFree?.() === false) {
          await pause()
          continue
        }
        try {
          const value = options.attempt(head.work)
          waiting.shift()
          head.resolve(value)
          delay = firstDelayMs
          blocked = false
          continue
        } catch (error) {
          if (!isBusyError(error)) {
            waiting.shift()
            head.reject(error)
            continue
          }
          lastBusy = error
          blocked = true
        }
        await pause()
      }
    } finally {
      draining = false
      options.onContention?.(false)
    }
  }

  return {
    run<T>(work: (conn: C) => T, { writes = true } = {}): Promise<T> {
      const started = now()
      // Regression: under a lock held by another process, every write that arrived tried once,
      // failed, and retired a connection, which libSQL keeps open until garbage collection: a
      // burst of 300 writes left some 300 file handles on the database.
      const queueNow = writes && waiting.length > 0 && options.budgetMs > 0
      if (!queueNow) {
        try {
          return Promise.resolve(options.attempt(work))
        } catch (error) {
          if (!isBusyError(error) || options.budgetMs <= 0) return Promise.reject(error)
          lastBusy = error
        }
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

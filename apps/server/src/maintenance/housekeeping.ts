import type { Clock } from '../clock.ts'
import type { SqlClient } from '../db/client.ts'
import type { Logger } from '../logger.ts'
import type { RetentionConfig } from './retention-settings.ts'
import { formRetentionSweeps, sessionSweeps } from './site-sweeps.ts'
import { deleteBatch, type Sweep } from './sweep.ts'
import { deploymentSweeps } from './sweeps.ts'

export type HousekeepingOptions = {
  client: SqlClient
  clock: Clock
  log: Logger
  retention: RetentionConfig
  /** Rows per delete statement. */
  batchSize?: number
  /** Delete statements per run, over all sweeps. */
  statementsPerRun?: number
}

/** Rows removed by one run, by what they were (`spam submissions`), and whether any are left. */
export type HousekeepingReport = { removed: Record<string, number>; finished: boolean }

export interface Housekeeping {
  /**
   * Removes what has served its purpose, within this run's bounds: a later run carries on where
   * this one stopped. Asked while a run is going (a slow tick on a busy database), it does nothing
   * and says so (`finished: false`): a second run would only compete for the same rows, and on
   * Workers one invocation must not wait on work another started.
   */
  run(): Promise<HousekeepingReport>
}

// Each delete is one write transaction: 500 rows with their index entries take a few
// milliseconds (3 ms at the median for 1 KB submissions on a local file, on our two-core test
// machine), short enough that requests waiting for the write lock hardly notice. 20
// statements a run keep a scheduled Worker well inside D1's 50 queries per invocation (Free
// plan) with the outbox's own, and still clear 10,000 rows a run, so a backlog (after an
// outage, or a new retention setting) is gone within minutes.
const defaults = { batchSize: 500, statementsPerRun: 20 }

/**
 * Housekeeping for the outbox runner's tick: expired counters, tokens and sessions, and what the
 * retention settings say has been kept long enough. Runs every sweep in turn, one batch each, and
 * again for those that filled their batch, yielding to other work between statements, until the
 * run's statements are spent.
 *
 * @example
 * const housekeeping = createHousekeeping({ client, clock, log, retention: config.retention })
 * await housekeeping.run()
 */
export function createHousekeeping(options: HousekeepingOptions): Housekeeping {
  const { client, clock, log } = options
  const batchSize = options.batchSize ?? defaults.batchSize
  const statementsPerRun = options.statementsPerRun ?? defaults.statementsPerRun
  // Where the next run starts, so that sweeps beyond one run's budget get their turn.
  let offset = 0
  let running = false
  // A run that stopped with rows left says so; the one that clears them says so too.
  let backlog = false

  async function sweepsNow(): Promise<Sweep[]> {
    const now = clock.now()
    return [
      ...deploymentSweeps(options.retention, now),
      ...(await sessionSweeps(client, now)),
      ...(await formRetentionSweeps(client, now)),
    ]
  }

  async function runOnce(): Promise<HousekeepingReport> {
    const all = await sweepsNow()
    const start = all.length > 0 ? offset % all.length : 0
    let pending = [...all.slice(start), ...all.slice(0, start)]
    const removed: Record<string, number> = {}
    let statements = 0
    let reachedFirstTime = 0
    for (let pass = 0; pending.length > 0 && statements < statementsPerRun; pass++) {
      const again: Sweep[] = []
      for (const sweep of pending) {
        if (statements >= statementsPerRun) {
          again.push(sweep)
          continue
        }
        const deleted = await deleteBatch(client, sweep, batchSize)
        statements++
        if (pass === 0) reachedFirstTime++
        if (deleted > 0) removed[sweep.name] = (removed[sweep.name] ?? 0) + deleted
        if (deleted >= batchSize) again.push(sweep)
        // Let requests in between two write transactions.
        await new Promise((resolve) => setTimeout(resolve, 0))
      }
      pending = again
    }
    offset = start + reachedFirstTime
    const finished = pending.length === 0
    if (Object.keys(removed).length > 0 || (backlog && finished)) {
      log.info('housekeeping removed old rows', { removed, finished })
    }
    backlog = !finished
    return { removed, finished }
  }

  return {
    async run() {
      if (running) return { removed: {}, finished: false }
      running = true
      try {
        return await runOnce()
      } finally {
        running = false
      }
    },
  }
}

// Server and load generator on separate cores. Unpinned, autocannon and the server under test
// take turns on the same cores, and a server's CPU per request moves with how often it is
// woken up between them. Pinned, every server the bench starts runs on one core and the bench
// itself (autocannon runs in its process) on another, the way the reference figures
// were taken. Needs Linux's `taskset` and two cores; without them the bench runs unpinned, as
// before, and says so.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'

export type Pinning = {
  /** Prefix for a server's command line (`taskset -c <core>`); empty when unpinned. */
  serverPrefix: string[]
  /** What the run used, for the log and the report. */
  description: string
}

const tasksetPaths = ['/usr/bin/taskset', '/bin/taskset']

/**
 * Pins this process (all its threads) to the last core and returns how to start servers on the
 * first. `enabled: false` (`--no-pin`) or a machine without taskset or a second core: unpinned.
 */
export function pinCores(enabled: boolean): Pinning {
  const cores = availableParallelism()
  const taskset = tasksetPaths.find((path) => existsSync(path))
  const unpinned = (why: string) => ({ serverPrefix: [], description: `not pinned (${why})` })
  if (!enabled) return unpinned('--no-pin')
  if (process.platform !== 'linux' || !taskset) return unpinned('no taskset on this machine')
  if (cores < 2) return unpinned(`${cores} core`)
  const [serverCore, loadCore] = [0, cores - 1]
  try {
    execFileSync(taskset, ['-a', '-p', '-c', String(loadCore), String(process.pid)], {
      stdio: 'ignore',
    })
  } catch {
    return unpinned('taskset refused to pin the bench')
  }
  return {
    serverPrefix: [taskset, '-c', String(serverCore)],
    description: `servers on core ${serverCore}, load generator on core ${loadCore} (taskset)`,
  }
}

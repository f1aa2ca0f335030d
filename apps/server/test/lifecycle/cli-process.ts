// `porchlight serve` as an operator runs it, in a process of its own, for tests of what only a
// real process shows: signals, exit codes, and the JSON lines it prints.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type StartedProcess, startProcess } from '../../../../test/support/child-processes.ts'
import { freePort } from '../../../../test/support/free-port.ts'
import { KeepAliveClient } from './raw-http.ts'

/** Kills every `porchlight serve` still running that this file started; for `afterEach`. */
export { killStartedProcesses as killServeProcesses } from '../../../../test/support/child-processes.ts'

const bin = fileURLToPath(new URL('../../bin/porchlight.js', import.meta.url))

export type ServeProcess = StartedProcess & {
  port: number
  url: string
  /** The JSON log lines printed so far. */
  logLines(): Record<string, unknown>[]
}

/**
 * Spawns `porchlight serve` on `port` over `<dir>/data/porchlight.db`, without waiting for it:
 * for a start that is meant to fail. `env` adds settings.
 */
export function spawnServe(dir: string, port: number, env: Record<string, string> = {}) {
  const started = startProcess(process.execPath, [bin, 'serve'], {
    // A folder of its own, so no stray .env file is read.
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATABASE_URL: `file:${join(dir, 'data', 'porchlight.db')}`,
      LOG_LEVEL: 'info',
      ...env,
    },
  })
  const served: ServeProcess = {
    ...started,
    port,
    url: `http://127.0.0.1:${port}`,
    logLines: () =>
      started
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  }
  return served
}

/**
 * Starts `porchlight serve` over `<dir>/data/porchlight.db` on a free port and resolves once
 * `/readyz` answers 200. `env` adds settings.
 */
export async function startServe(dir: string, env: Record<string, string> = {}) {
  const served = spawnServe(dir, await freePort(), env)
  await waitUntilReady(served)
  return served
}

async function waitUntilReady(served: ServeProcess, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (served.child.exitCode !== null) {
      throw new Error(`porchlight serve exited early:\n${served.output()}`)
    }
    // A connection of its own, closed after the answer: a pooled one would sit idle in the
    // server and stretch every shutdown by its grace window.
    const probe = new KeepAliveClient(served.port)
    const outcome = await probe.send({
      method: 'GET',
      path: '/readyz',
      headers: { Connection: 'close' },
    })
    probe.close()
    if (outcome.kind === 'answered' && outcome.status === 200) return
    if (Date.now() > deadline) throw new Error(`never ready:\n${served.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Waits until the process has printed a line matching `pattern`, and returns the match. */
export function printed(served: ServeProcess, pattern: RegExp, timeoutMs = 10_000) {
  return served.until(pattern, timeoutMs)
}

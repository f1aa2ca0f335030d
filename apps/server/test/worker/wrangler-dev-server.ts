// `npx wrangler dev` as a new user runs it: the installed wrangler's CLI from the repository
// root with the shipped wrangler.toml, its local D1 in a folder the test owns, and no .dev.vars
// or .env read (an empty env file stands in for both, as in a fresh clone).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  type StartedProcess,
  signalGroup,
  startProcess,
} from '../../../../test/support/child-processes.ts'
import { freePort } from '../../../../test/support/free-port.ts'
import { holdingBuildLock, repoRoot, wranglerBin, wranglerEnv } from './worker-bundle.ts'

export type WranglerDev = Pick<StartedProcess, 'output' | 'until'> & {
  /** Where it answers: `http://127.0.0.1:<port>`. */
  url: string
  /** Ends it and its workerd (SIGTERM to the group, SIGKILL after 10 s); again is a no-op. */
  stop(): Promise<void>
}

/**
 * Starts `wrangler dev` on 127.0.0.1 with its state in `persistTo` (`--persist-to`, where the
 * CLI's `--d1` finds it too) and resolves once `/healthz` answers 200.
 *
 * @example
 * const dev = await startWranglerDev({ persistTo: join(dir, 'wrangler') })
 * await fetch(`${dev.url}/readyz`)
 * await dev.stop()
 */
export async function startWranglerDev(options: {
  persistTo: string
  /** The port to serve on, when the test must know the URL before it starts; else a free one. */
  port?: number
}): Promise<WranglerDev> {
  const port = options.port ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  mkdirSync(options.persistTo, { recursive: true })
  const noVars = join(options.persistTo, 'empty.env')
  writeFileSync(noVars, '')
  // The `[build]` step rewrites the checkout's build outputs: take turns with the bundle build.
  return holdingBuildLock(async () => {
    const dev = startProcess(
      process.execPath,
      [
        wranglerBin,
        'dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--inspector-port',
        String(await freePort()),
        '--persist-to',
        options.persistTo,
        '--env-file',
        noVars,
      ],
      // Its own process group, so workerd goes with it when the test ends.
      { cwd: repoRoot, env: wranglerEnv, detached: true },
    )
    let stopped = false
    const handle: WranglerDev = {
      url,
      output: dev.output,
      until: dev.until,
      async stop() {
        if (stopped || dev.child.exitCode !== null || dev.child.signalCode !== null) return
        stopped = true
        signalGroup(dev.child, 'SIGTERM')
        await Promise.race([dev.exited, sleep(10_000)])
        if (dev.child.exitCode === null) signalGroup(dev.child, 'SIGKILL')
      },
    }
    try {
      await untilHealthy(dev, url, 120_000)
    } catch (error) {
      await handle.stop()
      throw error
    }
    return handle
  })
}

async function untilHealthy(dev: StartedProcess, url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (dev.child.exitCode !== null) {
      throw new Error(`wrangler dev exited (${dev.child.exitCode}):\n${dev.output()}`)
    }
    const answered = await fetch(`${url}/healthz`).then(
      (res) => res.status === 200,
      () => false, // not listening yet
    )
    if (answered) return
    if (Date.now() > deadline)
      throw new Error(`wrangler dev did not answer in time:\n${dev.output()}`)
    await sleep(250)
  }
}

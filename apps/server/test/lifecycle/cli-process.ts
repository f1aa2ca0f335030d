// `porchlight serve` as an operator runs it, in a process of its own, for tests of what only a
// real process shows: signals, exit codes, and the JSON lines it prints.
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { KeepAliveClient } from './raw-http.ts'

const bin = fileURLToPath(new URL('../../bin/porchlight.js', import.meta.url))

export type ServeProcess = {
  child: ChildProcess
  port: number
  url: string
  /** Everything printed so far, stdout and stderr. */
  output(): string
  /** The JSON log lines printed so far. */
  logLines(): Record<string, unknown>[]
  /** Resolves with the exit code once the process ends (null: killed by a signal). */
  exited: Promise<number | null>
}

const running = new Set<ChildProcess>()

/** Kills every process `startServe` started that is still running; for `afterEach`. */
export function killServeProcesses() {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL')
  running.clear()
}

/** A port that was free a moment ago (PORT must be ≥ 1, so the OS cannot pick it for us). */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise((resolve) => probe.close(resolve))
  if (typeof address !== 'object' || !address) throw new Error('no port')
  return address.port
}

/**
 * Starts `porchlight serve` over `<dir>/data/porchlight.db` on a free port and resolves once
 * `/readyz` answers 200. `env` adds settings.
 */
export async function startServe(dir: string, env: Record<string, string> = {}) {
  const port = await freePort()
  const child = spawn(process.execPath, [bin, 'serve'], {
    // A folder of its own, so no stray .env file is read.
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATABASE_URL: `file:${join(dir, 'data', 'porchlight.db')}`,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child)
      resolve(code)
    }),
  )
  const served: ServeProcess = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
  }
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
export async function printed(served: ServeProcess, pattern: RegExp, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const match = served.output().match(pattern)
    if (match) return match
    if (served.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`never printed ${pattern}; output:\n${served.output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

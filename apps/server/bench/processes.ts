// Child processes for the bench: started on a free loopback port, awaited until they answer,
// and never left behind — stopped at the end, and killed outright if the bench exits any other
// way (an error, Ctrl-C, the watchdog).
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

export type ServerProcess = {
  name: string
  url: string
  child: ChildProcess
  /** The last lines the process wrote, to explain a failure. */
  output(): string
  /** CPU seconds (user + system, all threads) the process has used; NaN off Linux. */
  cpuSeconds(): number
}

const running = new Set<ChildProcess>()

/** What every server's command line starts with: `taskset -c <core>` when pinned (pinning.ts). */
let commandPrefix: string[] = []
export function runServersWith(prefix: string[]): void {
  commandPrefix = prefix
}

/** Kills every child still running; synchronous, so it is safe in an `exit` handler. */
export function killAll(): void {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL')
  running.clear()
}

/** A port nobody listens on right now, on 127.0.0.1 only. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}

/**
 * Starts `node <args>` with exactly `env` (plus PATH and HOME), so an operator's own Porchlight
 * settings in the shell cannot change what is measured.
 */
export function startProcess(options: {
  name: string
  args: string[]
  env: Record<string, string>
  port: number
  cwd: string
  /** Open an IPC channel to the child (the soak's memory probe). */
  ipc?: boolean
}): ServerProcess {
  // taskset execs node in its own process, so the pid (and its /proc CPU time) is the server's.
  const [command = process.execPath, ...args] = [
    ...commandPrefix,
    process.execPath,
    ...options.args,
  ]
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    // stdin stays open: the servers stop when it closes, i.e. when the bench is gone.
    stdio: options.ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let tail = ''
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000)
  }
  // Always drain the pipes: a full pipe would block the child mid-measurement.
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return {
    name: options.name,
    url: `http://127.0.0.1:${options.port}`,
    child,
    output: () => tail.trim(),
    cpuSeconds: () => cpuSecondsOf(child.pid),
  }
}

/**
 * Reads utime + stime from /proc/<pid>/stat. Unlike req/s, CPU time per request hardly moves
 * when other work on the machine steals cycles, so it is the steadier measure on a shared box.
 */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces) start at field 3, `state`.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime (fields 14 and 15) are in USER_HZ ticks, 100 per second on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return Number.NaN
  }
}

/** Resolves once `path` answers 2xx; rejects if the process exits or `timeoutMs` passes. */
export async function waitUntilReady(server: ServerProcess, path: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  const { child } = server
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${server.name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${server.output()}`,
      )
    }
    const ok = await fetch(server.url + path, { signal: AbortSignal.timeout(1000) }).then(
      (res) => res.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(
    `${server.name} did not answer ${path} within ${timeoutMs} ms:\n${server.output()}`,
  )
}

/** SIGTERM (both servers shut down gracefully on it), then SIGKILL after `graceMs`. */
export async function stopProcess({ child }: ServerProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

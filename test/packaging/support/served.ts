import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'

export type Served = {
  child: ChildProcess
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>
  /**
   * Resolves once its output is closed: when it and every process it started that shares the
   * output (the server under `npx`) have ended.
   */
  closed: Promise<void>
  /** Waits until the output matches, and returns the match; fails if the process ends first. */
  until(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>
}

const running = new Set<ChildProcess>()

/**
 * Kills whatever `startProcess` started and is still running (a test that failed before its
 * stop), with its group, so no server outlives the run.
 *
 * @example
 * afterAll(killLeftovers)
 */
export function killLeftovers(): void {
  for (const child of running) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    } catch {
      child.kill('SIGKILL')
    }
  }
}

/**
 * Starts a long-running command (a server) and keeps what it prints.
 *
 * @example
 * const served = startProcess('npx', ['porchlight', 'serve'], { cwd, env })
 * await served.until(/"message":"listening"/)
 */
export function startProcess(
  command: string,
  args: string[],
  options: {
    cwd: string
    env: NodeJS.ProcessEnv
    /** In a process group of its own, so `stopGroup` can signal it and everything it started. */
    detached?: boolean
  },
): Served {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  const keep = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
  return {
    child,
    output: () => output,
    exited,
    closed,
    async until(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const match = output.match(pattern)
        if (match) return match
        if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
          throw new Error(`never printed ${pattern}; output:\n${output}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    },
  }
}

/**
 * Sends a signal to a detached process's whole group, as a terminal's Ctrl-C or systemd's stop
 * do: `npx` (npm exec) starts the command through a shell and does not pass signals on to it.
 *
 * @example
 * stopGroup(served, 'SIGTERM')
 */
export function stopGroup(served: Served, signal: NodeJS.Signals): void {
  const { pid } = served.child
  if (pid === undefined) return
  try {
    process.kill(-pid, signal)
  } catch {
    // The group has already gone.
  }
}

/** A port that was free a moment ago (PORT must be ≥ 1, so the OS cannot pick it for us). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (typeof address !== 'object' || !address) throw new Error('no port')
  return address.port
}

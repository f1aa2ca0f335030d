// Commands the tests run as an operator or a user would, in processes of their own: a server
// started and watched (what it prints, when it ends), or a command run to its end. Shared by the
// tests of every workspace; it depends on nothing of the project.
import { type ChildProcess, spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'

export type StartedProcess = {
  child: ChildProcess
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string
  /** Resolves with the exit code once the process ends (null: ended by a signal). */
  exited: Promise<number | null>
  /**
   * Resolves once its output is closed: when it and every process it started that shares the
   * output (the server under `npx`, workerd under wrangler) have ended.
   */
  closed: Promise<void>
  /**
   * Waits until the output matches, and returns the match; fails, with the output, if the
   * process ends first or `timeoutMs` passes.
   */
  until(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>
}

export type StartOptions = {
  cwd?: string
  env: NodeJS.ProcessEnv
  /** In a process group of its own, so `signalGroup` reaches it and everything it started. */
  detached?: boolean
}

/** Started and still running, and whether each leads a group of its own. */
const running = new Map<ChildProcess, { detached: boolean }>()

/**
 * Starts a long-running command (a server) and keeps what it prints. No shell: arguments reach
 * it as given. `killStartedProcesses` ends whatever a failed test left running.
 *
 * @example
 * const served = startProcess('npx', ['porchlight', 'serve'], { cwd, env })
 * await served.until(/"message":"listening"/)
 */
export function startProcess(
  command: string,
  args: string[],
  options: StartOptions,
): StartedProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  running.set(child, { detached: options.detached ?? false })
  let output = ''
  const keep = (chunk: Buffer) => {
    output += chunk
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child)
      resolve(code)
    }),
  )
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
        await sleep(20)
      }
    },
  }
}

/**
 * Kills whatever `startProcess` started that is still running (a test that failed before its
 * stop), a detached one with its group, so no server outlives the run.
 *
 * @example
 * afterEach(killStartedProcesses)
 */
export function killStartedProcesses(): void {
  for (const [child, { detached }] of running) {
    if (detached && child.pid !== undefined) signalGroup(child, 'SIGKILL')
    else child.kill('SIGKILL')
  }
  running.clear()
}

/**
 * Sends a signal to a detached process's whole group, as a terminal's Ctrl-C or systemd's stop
 * do: `npx` (npm exec) starts the command through a shell and does not pass signals on, and
 * wrangler leaves workerd running when only it is signalled.
 *
 * @example
 * signalGroup(served.child, 'SIGTERM')
 */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group has already gone.
  }
}

export type RunResult = {
  code: number | null
  /** The signal that ended it: `SIGKILL` when `timeoutMs` ran out. */
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** stdout and stderr interleaved, as a terminal shows them. */
  output: string
}

export type RunOptions = {
  cwd?: string
  env: NodeJS.ProcessEnv
  /** Written to its stdin, which is then closed; without it, stdin is empty (/dev/null). */
  input?: string
  /** Killed (SIGKILL) after this long, so a hung command fails the test instead of stalling it. */
  timeoutMs?: number
}

/**
 * Runs a command to its end and captures what it printed. No shell: arguments reach it as
 * given. Rejects only when it cannot be started; a failure is its exit code.
 *
 * @example
 * const { code, stdout } = await runProcess('npm', ['pack', '--json'], { cwd, env })
 */
export function runProcess(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
      killSignal: 'SIGKILL',
    })
    let stdout = ''
    let stderr = ''
    let output = ''
    child.stdout?.on('data', (chunk) => {
      stdout += chunk
      output += chunk
    })
    child.stderr?.on('data', (chunk) => {
      stderr += chunk
      output += chunk
    })
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr, output }))
    if (options.input !== undefined) child.stdin?.end(options.input)
  })
}

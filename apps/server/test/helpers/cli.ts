import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { vi } from 'vitest'
import { runCli } from '../../src/cli/run.ts'

/** What one run of the `porchlight` CLI printed, and its exit code. */
export type CliResult = { code: number | null; out: string; err: string }

/** The CLI's bin, as `npx porchlight` runs it from a checkout. */
export const cliBin = fileURLToPath(new URL('../../bin/porchlight.js', import.meta.url))

/**
 * Runs the CLI in this process with `env` as its environment, capturing what it prints
 * (console.log is its stdout, console.error its stderr).
 *
 * @example const { code, out } = await runCliCapturing(['site', 'list', '--json'], env)
 */
export async function runCliCapturing(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<CliResult> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    const code = await runCli(argv, env)
    const text = (spy: typeof log) =>
      spy.mock.calls.map((args: unknown[]) => args.join(' ')).join('\n')
    return { code, out: text(log), err: text(error) }
  } finally {
    log.mockRestore()
    error.mockRestore()
  }
}

/**
 * Runs the CLI as an operator does: its own process, started in `cwd`, with `env` and nothing
 * else (for what reads the process's own environment and folder: wrangler's config search,
 * its login, its API address). Asynchronous, so stand-ins in this process keep answering it.
 */
export function runCliProcess(
  argv: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...argv], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 60_000,
      killSignal: 'SIGKILL',
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.stderr.on('data', (chunk) => {
      err += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out: out.trim(), err: err.trim() }))
  })
}

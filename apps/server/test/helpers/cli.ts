import { fileURLToPath } from 'node:url'
import { expect, vi } from 'vitest'
import { runProcess } from '../../../../test/support/child-processes.ts'
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
 * Runs the CLI in this process with `--json` added, checks that it succeeded with nothing on
 * stderr, and returns what it printed, parsed.
 *
 * @example const site = await runCliJson<{ id: string }>(['site', 'create', '--name', 'A'], env)
 */
export async function runCliJson<T = Record<string, unknown>>(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<T> {
  const { code, out, err } = await runCliCapturing([...argv, '--json'], env)
  expect(err).toBe('')
  expect(code).toBe(0)
  return JSON.parse(out) as T
}

/**
 * Runs the CLI as an operator does: its own process, started in `cwd`, with `env` and nothing
 * else (for what reads the process's own environment and folder: wrangler's config search,
 * its login, its API address). Asynchronous, so stand-ins in this process keep answering it.
 */
export async function runCliProcess(
  argv: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CliResult> {
  const { code, stdout, stderr } = await runProcess(process.execPath, [cliBin, ...argv], {
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs ?? 60_000,
  })
  return { code, out: stdout.trim(), err: stderr.trim() }
}

import { runProcess } from '../../support/child-processes.ts'

export type RunResult = { code: number | null; stdout: string; stderr: string }

export type RunOptions = {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Input for the process's stdin. */
  input?: string
}

/**
 * Runs a command to its end and captures what it printed, in a user's environment unless
 * `env` is given. No shell: arguments reach the command as given.
 *
 * @example
 * const { code, stdout } = await run('npm', ['pack', '--json'], { cwd })
 */
export async function run(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<RunResult> {
  const { code, stdout, stderr } = await runProcess(command, args, {
    cwd: options.cwd,
    env: options.env ?? userEnvironment(),
    input: options.input ?? '',
  })
  return { code, stdout, stderr }
}

/**
 * Like `run`, but a non-zero exit is an error that carries the output, for steps a test needs
 * to succeed before it can check anything.
 *
 * @example
 * await runOk('npm', ['install', tarball], { cwd })
 */
export async function runOk(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<RunResult> {
  const result = await run(command, args, options)
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.code}\n${result.stdout}\n${result.stderr}`,
    )
  }
  return result
}

// What npm and vitest put into the environment of the processes they start. `npm test` sets
// npm_config_local_prefix to this repository, and npm commands run with it would act on the
// repository instead of the temp project; NODE_ENV=test is vitest's. A user's shell has neither.
const keptNpmSettings =
  /^npm_config_(cache|registry|userconfig|globalconfig|https?_proxy|proxy|noproxy|strict_ssl|cafile)$/i
const addedByTestRunners = /^(npm_.*|INIT_CWD|NODE_ENV|NODE_OPTIONS|VITEST.*)$/i
// Porchlight's own settings, which a developer's shell may hold: the tests start from defaults.
const porchlightSettings =
  /^(PORT|HOST|PUBLIC_URL|DATABASE_.*|DEMO_.*|MAIL_.*|SMTP_.*|RESEND_.*|TRUST_PROXY|LOG_LEVEL|OUTBOX_.*|PASSWORD_.*)$/

/**
 * The environment of a user's shell: this process's, without what npm scripts and vitest add,
 * and without Porchlight settings, so each test sets exactly the ones it means.
 *
 * @example
 * spawn('npx', ['porchlight', 'serve'], { env: { ...userEnvironment(), PORT: '8788' } })
 */
export function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        (keptNpmSettings.test(name) || !addedByTestRunners.test(name)) &&
        !porchlightSettings.test(name),
    ),
  )
}

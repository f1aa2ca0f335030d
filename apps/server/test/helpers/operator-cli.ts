// The `porchlight operator …` tests' world: the CLI on a temp database file with two sites, and
// the real app over the same file to see what an operator can then do. The CLI runs in this
// process (`cli`), as `runCli` with its own environment; a test about the command as an operator
// starts it takes `cliProcess`, a real process (every one costs a Node start-up: seconds on a
// busy machine). The file is made once per test file and copied for each test.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { createTestApp, type TestApp } from './app.ts'
import { type CliResult, runCliCapturing, runCliProcess } from './cli.ts'
import { jsonRequest } from './http.ts'
import { consoleOrigin, operatorPassword } from './operators.ts'

/** An operator as `porchlight operator list --json` shows them. */
export type ListedOperator = {
  id: string
  email: string
  name: string
  admin: boolean
  totpEnabled: boolean
  sites: { id: string; name: string; role: string }[]
}

/** Registers the hooks; call once at the top of a test file. */
export function operatorCliWorld() {
  let dir = ''
  let template = ''
  let app: TestApp | undefined
  const sites = { a: { id: '' }, b: { id: '' } }

  const databaseUrl = () => `file:${join(dir, 'porchlight.db')}`
  const baseEnv = () => ({
    PATH: process.env.PATH,
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl(),
  })
  const cli = (argv: string[], env: Record<string, string> = {}): Promise<CliResult> =>
    runCliCapturing(argv, { ...baseEnv(), ...env })
  const cliProcess = (argv: string[], env: Record<string, string> = {}): Promise<CliResult> =>
    runCliProcess(argv, { cwd: dir, env: { ...baseEnv(), ...env } })
  async function json<T>(result: Promise<CliResult>): Promise<T> {
    const done = await result
    expect(done, done.err).toMatchObject({ code: 0, err: '' })
    return JSON.parse(done.out) as T
  }

  beforeAll(async () => {
    template = mkdtempSync(join(tmpdir(), 'porchlight-cli-operators-template-'))
    dir = template
    expect((await cli(['migrate'])).code).toBe(0)
    // Filled in, not replaced: test files hold on to these objects from the start.
    Object.assign(sites.a, await json(cli(['site', 'create', '--name', 'Bakery', '--json'])))
    Object.assign(sites.b, await json(cli(['site', 'create', '--name', 'Florist', '--json'])))
  }, 120_000)
  afterAll(() => rmSync(template, { recursive: true, force: true }))
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'porchlight-cli-operators-'))
    for (const file of readdirSync(template)) copyFileSync(join(template, file), join(dir, file))
  })
  afterEach(async () => {
    await app?.close()
    app = undefined
    rmSync(dir, { recursive: true, force: true })
  })

  /** The real app over the CLI's database file. */
  async function server() {
    app ??= await createTestApp({ env: { DATABASE_URL: databaseUrl() } })
    return app
  }

  return {
    /** Site "Bakery" and site "Florist", made before any operator. */
    sites,
    /** This test's folder, holding its database file. */
    dir: () => dir,
    baseEnv,
    /** The command, run in this process with the test's environment only. */
    cli,
    /** The command as an operator starts it: its own process, in the test's folder. */
    cliProcess,
    /** The command with the password in the environment, as a script runs it. */
    withPassword: (...argv: string[]) => cli(argv, { PORCHLIGHT_PASSWORD: operatorPassword }),
    /** `withPassword`, in its own process. */
    withPasswordProcess: (...argv: string[]) =>
      cliProcess(argv, { PORCHLIGHT_PASSWORD: operatorPassword }),
    json,
    server,
    /** A console sign-in on the app over the same file. */
    async signIn(email: string, password = operatorPassword) {
      const res = await (await server()).app.request(
        '/v1/operator/sign-in',
        jsonRequest('POST', { email, password }, { Origin: consoleOrigin }),
      )
      return { status: res.status, body: (await res.json()) as Record<string, unknown>, res }
    },
  }
}

// The root README's commands cannot drift (issue 10): its quick start, its curl samples and its
// CLI samples run here, as a reader would run them in an empty folder, against the real server
// process and the real CLI on one libSQL file. The placeholders (`pk_…`, `sk_…`, `site_…`,
// `KEY_ID`) become the values the earlier commands printed. Commands that are not run here (the
// install, the test and build scripts) are listed with the reason, and still checked to exist;
// a command in the README that this test neither runs nor lists fails it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  runProcess,
  type StartedProcess,
  startProcess,
} from '../../../test/support/child-processes.ts'
import { freePort } from '../../../test/support/free-port.ts'
import { siteCacheLifetimeMs } from '../src/sites/site-cache.ts'
import { codeBlocks } from './helpers/markdown-code-blocks.ts'
import {
  type CommandLine,
  commandLines,
  curlRequest,
  shellWords,
} from './helpers/readme-commands.ts'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const rootPackage = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'))
const serverPackage = JSON.parse(readFileSync(join(repo, 'apps/server/package.json'), 'utf8'))
// `npx porchlight` runs the bin of @porchlight/server (linked in node_modules/.bin); the test runs
// that file itself, which skips npx's own start-up and can never reach for the registry.
const porchlightBin = join(repo, 'apps/server', serverPackage.bin.porchlight)

const commands: CommandLine[] = codeBlocks(join(repo, 'README.md'))
  .filter((block) => block.lang === 'sh')
  .flatMap((block) => commandLines(block.code))
const isCurl = (line: CommandLine) => line.words[0] === 'curl'
const isCli = (line: CommandLine) => line.words[0] === 'npx' && line.words[1] === 'porchlight'
const isStart = (line: CommandLine) => line.words.join(' ') === 'npm start'

/**
 * The server is another process than the CLI: it sees a change the CLI made once what it cached
 * about the site expires, within `siteCacheLifetimeMs` (docs/security.md). Polled for that long,
 * and a few seconds more for a busy machine.
 */
const seenByTheServer = { timeout: siteCacheLifetimeMs + 5_000, interval: 250 }

/** The README's commands this test does not run, and why. */
const notRun: Record<string, string> = {
  'npm install': "installs the checkout's dependencies, which this test already runs on",
  'npm test': 'runs every test, this one included',
  'npm run check': 'the lint and type check, run by npm test',
  'npm run build': 'the package builds, run by npm test and the packaging tests',
  'npm run bench': 'the benchmarks: minutes of load, measured in docs/performance.md',
  'npm run format': "rewrites the checkout's files",
  'sudo apt-get install chromium': 'installs a system package',
  'npx vitest run apps/server/test/browser': 'the browser tests, run by npm test',
  'npx vitest run --project embed': "the embed package's tests, run by npm test",
}

let dir: string
let port: number
let serve: StartedProcess
/** What the README's placeholders stand for, filled in as the commands print them. */
const placeholders = new Map<string, string>()
/** What the commands printed that the test checks later. */
const printed: {
  demoSite?: string
  newSiteKey?: string
  firstSecretKey?: string
  rotatedSecretKey?: string
} = {}

/** The README's command with its placeholders and its localhost port replaced. */
function filledIn(words: string[]): string[] {
  return words.map((word) => {
    let filled = word.replace('http://localhost:8787', `http://localhost:${port}`)
    for (const [placeholder, value] of placeholders) filled = filled.replaceAll(placeholder, value)
    if (/…|KEY_ID/.test(filled)) throw new Error(`no value yet for a placeholder in "${word}"`)
    return filled
  })
}

/** Runs the CLI in the reader's folder, where `./data/porchlight.db` is. */
async function porchlight(args: string[]): Promise<{ code: number; output: string }> {
  const { code, stdout, stderr } = await runProcess(process.execPath, [porchlightBin, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH },
  })
  return { code: code ?? 1, output: stdout + stderr }
}

const api = (path: string, headers: Record<string, string> = {}) =>
  fetch(`http://localhost:${port}${path}`, { headers })
const ownerStatus = async (secret: string | undefined) =>
  (await api('/v1/admin/site', { Authorization: `Bearer ${secret}` })).status
const fromWww = () =>
  api('/v1/site', {
    'X-Porchlight-Key': `${printed.newSiteKey}`,
    Origin: 'https://www.example.com',
  })

/**
 * `npm start`: the root package's start script, run in `dir` (npm runs it at the root, so its
 * paths are the checkout's). Resolves once it printed its banner, which it does once it listens.
 */
async function npmStart() {
  const [program, ...args] = shellWords(rootPackage.scripts.start)
  expect(program).toBe('node')
  const started = startProcess(
    process.execPath,
    args.map((arg) => (existsSync(join(repo, arg)) ? join(repo, arg) : arg)),
    { cwd: dir, env: { PATH: process.env.PATH, PORT: String(port) } },
  )
  try {
    await started.until(/secret key:\s+sk_\S+/, 30_000)
  } catch (error) {
    started.child.kill('SIGKILL') // npm start did not start: leave nothing running
    throw error
  }
  return started
}

/**
 * What each CLI sample must do, checked through the server that runs on the same database:
 * `before` the command (the state it changes), `after` it (with what it printed).
 */
const cliEffects: Record<
  string,
  { before?: () => Promise<void>; after: (output: string) => Promise<void> }
> = {
  'site create': {
    async after(output) {
      const site = /Created site "My site" \((site_[a-z0-9]+)\)/.exec(output)?.[1]
      printed.newSiteKey = /publishable key:\s+(pk_[a-z0-9]+)/.exec(output)?.[1]
      printed.firstSecretKey = /secret key:\s+(sk_[a-z0-9_]+)/.exec(output)?.[1]
      expect(site && printed.newSiteKey && printed.firstSecretKey, output).toBeTruthy()
      placeholders.set('site_…', site as string)
      const page = await api('/v1/site', {
        'X-Porchlight-Key': `${printed.newSiteKey}`,
        Origin: 'https://example.com',
      })
      expect(await page.json()).toEqual({ id: site, name: 'My site' })
    },
  },
  'site list': {
    async after(output) {
      expect(output).toContain(placeholders.get('site_…'))
      expect(output).toContain(printed.demoSite)
    },
  },
  'site origins add': {
    async before() {
      const refused = await fromWww()
      expect(refused.status).toBe(403)
      expect((await refused.json()).error.code).toBe('ORIGIN_NOT_ALLOWED')
    },
    async after() {
      await expect.poll(async () => (await fromWww()).status, seenByTheServer).toBe(200)
    },
  },
  'key rotate': {
    async after(output) {
      printed.rotatedSecretKey = /\n\s+(sk_[a-z0-9_]+)/.exec(output)?.[1]
      expect(await ownerStatus(printed.rotatedSecretKey)).toBe(200)
      // "Old ones work until revoked": the next sample revokes the old one by its id, which
      // `key list` shows (the key is `sk_<id>_<secret>`).
      expect(await ownerStatus(printed.firstSecretKey)).toBe(200)
      const site = placeholders.get('site_…') as string
      const listed = await porchlight(['key', 'list', '--site', site, '--json'])
      const ids = (JSON.parse(listed.output) as { id: string }[]).map((key) => key.id)
      const old = ids.find((id) => printed.firstSecretKey?.startsWith(`sk_${id}_`))
      placeholders.set('KEY_ID', old as string)
    },
  },
  'key revoke': {
    async after() {
      await expect.poll(() => ownerStatus(printed.firstSecretKey), seenByTheServer).toBe(401)
      expect(await ownerStatus(printed.rotatedSecretKey)).toBe(200)
    },
  },
  migrate: {
    async after(output) {
      expect(output).toContain('The database is up to date.')
    },
  },
}

beforeAll(async () => {
  // An empty folder with no .env, as a reader's clone is on the first start. Only PORT is set,
  // so that the README's 8787 stays free for anyone else on the machine.
  dir = mkdtempSync(join(tmpdir(), 'porchlight-readme-'))
  port = await freePort()
  serve = await npmStart()
}, 60_000)

afterAll(async () => {
  if (serve?.child.exitCode === null) {
    serve.child.kill('SIGTERM')
    await serve.exited
  }
  if (dir) rmSync(dir, { recursive: true, force: true })
})

// In README order: later commands use what earlier ones printed.
describe('README.md', () => {
  it('runs every command it shows, or lists the reason it does not, and those exist', () => {
    const unknown = commands
      .filter((line) => !isCurl(line) && !isCli(line) && !isStart(line))
      .map((line) => line.words.join(' '))
      .filter((command) => !(command in notRun))
    expect(unknown).toEqual([])
    expect(commands.filter(isStart)).toHaveLength(1)
    // A command not run must still be real: the npm script, the test folder, the project.
    for (const command of Object.keys(notRun)) {
      const words = command.split(' ')
      if (command === 'npm test' || words[1] === 'run') {
        expect(rootPackage.scripts, command).toHaveProperty(words.at(-1) as string)
      }
      if (words[1] === 'vitest' && words[3] === '--project') {
        const project = words[4] as string
        const config = readFileSync(join(repo, 'packages', project, 'vitest.config.ts'), 'utf8')
        expect(config, command).toContain(`name: '${project}'`)
      } else if (words[1] === 'vitest') {
        expect(existsSync(join(repo, words[3] as string)), command).toBe(true)
      }
    }
  })

  it('Quick start: npm start creates ./data/porchlight.db and a demo site, and prints its keys', async () => {
    const banner = serve.output()
    printed.demoSite = /demo site was created \((site_[a-z0-9]+)\)/.exec(banner)?.[1]
    const publishable = /publishable key:\s+(pk_[a-z0-9]+)/.exec(banner)?.[1]
    const secret = /secret key:\s+(sk_[a-z0-9_]+)/.exec(banner)?.[1]
    expect(printed.demoSite && publishable && secret, banner).toBeTruthy()
    placeholders.set('pk_…', publishable as string)
    placeholders.set('sk_…', secret as string)
    expect(existsSync(join(dir, 'data/porchlight.db'))).toBe(true)
    // The pages the quick start sends the reader to.
    for (const path of ['/', '/demo/', '/dev/mail']) {
      expect((await api(path)).status, path).toBe(200)
    }
  })

  it('Quick start: each curl sample answers 2xx with the demo site', async () => {
    const curls = commands.filter(isCurl)
    expect(curls.length).toBeGreaterThan(0)
    const site = { id: printed.demoSite, name: 'Demo site' }
    // What each path answers, as the README implies: the site the key belongs to.
    const expected: Record<string, object> = {
      '/v1/site': site,
      '/v1/admin/site': { ...site, publishableKey: placeholders.get('pk_…') },
    }
    for (const line of curls) {
      const { url, init } = curlRequest(filledIn(line.words))
      const response = await fetch(url, init)
      expect(response.status, line.text).toBeGreaterThanOrEqual(200)
      expect(response.status, line.text).toBeLessThan(300)
      const path = new URL(url).pathname
      expect(expected, `what ${path} should answer`).toHaveProperty([path])
      expect(await response.json(), line.text).toMatchObject(expected[path] as object)
    }
  })

  // Seven CLI processes, each a Node start-up: a minute leaves room for a busy machine.
  it('The CLI: each sample succeeds on the same database, and the server sees its effect', {
    timeout: 60_000,
  }, async () => {
    const cli = commands.filter(isCli)
    expect(cli.length).toBeGreaterThan(0)
    for (const line of cli) {
      const args = line.words.slice(2)
      // `site create`, `site origins add`, `key rotate`, `migrate`…
      const command = args.slice(0, args[1] === 'origins' ? 3 : 2).join(' ')
      const effect = cliEffects[command]
      expect(effect, `what "${line.text}" should do`).toBeDefined()
      await effect?.before?.()
      const { code, output } = await porchlight(filledIn(args))
      expect(code, `${line.text}\n${output}`).toBe(0)
      await effect?.after(output)
    }
  })
})

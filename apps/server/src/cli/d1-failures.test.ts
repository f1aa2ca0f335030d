import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCapturing, runCliProcess } from '../../test/helpers/cli.ts'
import { repoRoot } from '../../test/worker/worker-bundle.ts'
import { loadWrangler } from './wrangler.ts'

// `porchlight … --d1` (issue 10) when it cannot work: a wrangler config without the DB binding,
// no config at all, a --remote that cannot get through, wrangler not installed. Each is one
// clear message and an exit code, with nothing created and no stack trace. What --remote does
// is checked offline against a stand-in for Cloudflare's API: it asks, with the operator's
// credentials, for a connection to exactly the database wrangler.toml names.

const shippedToml = join(repoRoot, 'wrangler.toml')
const databaseId = '8a1f2c3d-0000-4000-8000-000000000001'

let dir: string
let state: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-cli-d1-failures-'))
  state = join(dir, 'state')
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const cli = (...argv: string[]) => runCliCapturing(argv, { LOG_LEVEL: 'silent' })

function writeToml(name: string, body: string) {
  const path = join(dir, name)
  writeFileSync(path, `name = "shop"\ncompatibility_date = "2026-11-01"\n${body}`)
  return path
}

/** This environment without Cloudflare credentials, wrangler settings, or a home with a login. */
function offlineEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(CLOUDFLARE_|CF_|WRANGLER_)/.test(name)),
  )
  const home = join(dir, 'home')
  mkdirSync(home, { recursive: true })
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    CI: 'true',
    WRANGLER_SEND_METRICS: 'false',
    ...extra,
  }
}

type ApiRequest = { method: string; path: string; authorization: string; metadata?: unknown }

/**
 * A stand-in for Cloudflare's API, as far as wrangler's remote bindings go: it hands out a
 * preview session and a workers.dev subdomain, then refuses to upload the proxy Worker
 * (keeping the upload's metadata, which lists the proxy's bindings).
 */
async function startCloudflareApiStandIn() {
  const requests: ApiRequest[] = []
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const path = new URL(req.url ?? '/', 'http://api').pathname.replace(/^\/client\/v4/, '')
    const request: ApiRequest = {
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization ?? '',
    }
    if (req.headers['content-type']?.startsWith('multipart/form-data')) {
      const form = await new Response(Buffer.concat(chunks), {
        headers: { 'content-type': req.headers['content-type'] },
      }).formData()
      request.metadata = JSON.parse(String(form.get('metadata')))
    }
    requests.push(request)
    const answer = (status: number, result: unknown, errors: unknown[] = []) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ success: status < 400, errors, messages: [], result }))
    }
    if (path.endsWith('/workers/subdomain/edge-preview')) return answer(200, { token: 'preview' })
    if (path.endsWith('/workers/subdomain')) return answer(200, { subdomain: 'operator' })
    answer(400, null, [{ code: 10021, message: 'stand-in: upload refused' }])
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/client/v4`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('porchlight … --d1 mistakes and failures', { timeout: 60_000 }, () => {
  it('a wrangler.toml with no D1 database bound as DB: exit 2, the block to add, nothing created', async () => {
    const toml = writeToml('wrangler.toml', '[vars]\nLOG_LEVEL = "info"\n')
    const result = await cli(
      'site',
      'create',
      '--name',
      'Bakery',
      '--d1',
      '--config',
      toml,
      '--persist-to',
      state,
    )
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/binds no D1 database as DB, the binding Porchlight's Worker reads/)
    expect(result.err).toContain('[[d1_databases]]\nbinding = "DB"\ndatabase_name = "porchlight"')
    expect(existsSync(state)).toBe(false)
  })

  it('names the D1 bindings it found under other names', async () => {
    const toml = writeToml(
      'wrangler.toml',
      '[[d1_databases]]\nbinding = "DATABASE"\ndatabase_name = "shop"\n',
    )
    const result = await cli('site', 'list', '--d1', '--config', toml)
    expect(result).toMatchObject({
      code: 2,
      err: expect.stringContaining('It binds DATABASE ("shop")'),
    })
  })

  it('a --config that does not exist, or an unknown --env: exit 2 saying so', async () => {
    const missing = await cli('site', 'list', '--d1', '--config', join(dir, 'nope.toml'))
    expect(missing).toMatchObject({
      code: 2,
      err: `No such file: ${join(dir, 'nope.toml')} (given with --config).`,
    })
    // (With no [env.…] sections at all, wrangler takes any --env as the top level, as its
    // deploy does; with some, a name it does not know is a mistake.)
    const toml = writeToml('wrangler.toml', '[env.staging]\n')
    const env = await cli('site', 'list', '--d1', '--config', toml, '--env', 'production')
    expect(env).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /^Could not read the wrangler config: .*No environment found in configuration with name "production"/s,
      ),
    })
  })

  it('no wrangler config in the current folder or above: exit 2 saying where it looked', async () => {
    const result = await runCliProcess(['site', 'list', '--d1'], { cwd: dir, env: offlineEnv() })
    expect(result.code).toBe(2)
    expect(result.err).toBe(
      `No wrangler.toml (or wrangler.json, wrangler.jsonc) in ${dir} or a folder above it. Run this in your Worker's project, or name the file with --config PATH.`,
    )
  })

  it('--remote on the shipped wrangler.toml (no database_id yet): exit 2 saying how to find it', async () => {
    const result = await cli('site', 'list', '--d1', '--remote', '--config', shippedToml)
    expect(result.code).toBe(2)
    // The file is named as the operator would, relative to where the command runs.
    expect(result.err).toMatch(
      /^--remote needs the database's id, and (\.\.\/)*wrangler\.toml gives none for binding DB\. Find it with: npx wrangler d1 info porchlight\nthen add it to the \[\[d1_databases\]\] block: database_id = "…"$/,
    )
  })

  describe('--remote with a database_id, offline', () => {
    const accountId = '0123456789abcdef0123456789abcdef'
    // Found from the current folder, as an operator in their Worker project would.
    beforeEach(() => {
      writeToml(
        'wrangler.toml',
        `account_id = "${accountId}"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "shop"\ndatabase_id = "${databaseId}"\n[vars]\nMAIL_FROM = "shop@example.com"\n`,
      )
    })

    it("not logged in to Cloudflare: exit 1 with wrangler's reason, no stack trace", async () => {
      const result = await runCliProcess(['site', 'list', '--d1', '--remote'], {
        cwd: dir,
        env: offlineEnv(),
      })
      expect(result.code).toBe(1)
      expect(result.err).toMatch(
        /^Could not open the deployed D1 database "shop" \(binding DB\): .*CLOUDFLARE_API_TOKEN/,
      )
      expect(result.err).toMatch(/npx wrangler whoami/)
      expect(result.err).not.toMatch(/^\s+at /m)
      expect(result.out).toBe('')
    })

    it("Cloudflare's API out of reach: exit 1 naming the connection failure, no stack trace", async () => {
      const closedPort = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const address = server.address()
          server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
        })
      })
      const result = await runCliProcess(['site', 'list', '--d1', '--remote'], {
        cwd: dir,
        env: offlineEnv({
          CLOUDFLARE_API_TOKEN: 'not-a-real-token',
          // Where wrangler sends its API calls: a local port nobody listens on.
          CLOUDFLARE_API_BASE_URL: `http://127.0.0.1:${closedPort}/client/v4`,
        }),
      })
      expect(result.code).toBe(1)
      expect(result.err).toMatch(
        /^Could not open the deployed D1 database "shop" \(binding DB\): .*ECONNREFUSED/,
      )
      expect(result.err).not.toMatch(/^\s+at /m)
    })

    it('asks Cloudflare, with the token, for a proxy bound to that database and nothing else', async () => {
      const api = await startCloudflareApiStandIn()
      try {
        const result = await runCliProcess(
          ['site', 'create', '--name', 'Bakery', '--d1', '--remote'],
          {
            cwd: dir,
            // The account comes from wrangler.toml's account_id.
            env: offlineEnv({
              CLOUDFLARE_API_TOKEN: 'token-of-the-operator',
              CLOUDFLARE_API_BASE_URL: api.url,
            }),
          },
        )
        const upload = api.requests.find((r) => r.method === 'POST')
        expect(upload).toMatchObject({
          path: `/accounts/${accountId}/workers/scripts/shop/edge-preview`,
          authorization: 'Bearer token-of-the-operator',
        })
        // The project's variables and other bindings stay at home.
        expect((upload?.metadata as { bindings?: unknown[] } | undefined)?.bindings).toEqual([
          { name: 'DB', type: 'd1', id: databaseId, raw: true },
        ])
        expect(api.requests.every((r) => r.authorization === 'Bearer token-of-the-operator')).toBe(
          true,
        )
        expect(result.code).toBe(1)
        expect(result.err).toMatch(
          /^Could not open the deployed D1 database "shop" \(binding DB\): .*edge-preview\) failed/,
        )
        expect(result.err).not.toMatch(/^\s+at /m)
        expect(result.out).toBe('')
      } finally {
        await api.close()
      }
    })
  })

  it.each([
    [['site', 'list', '--remote']],
    [['site', 'list', '--persist-to', 'state']],
    [['migrate', '--config', 'wrangler.toml']],
  ])('%j without --d1: exit 2, touching no database', async (argv) => {
    const result = await cli(...argv)
    expect(result).toMatchObject({ code: 2, err: expect.stringContaining('only work with --d1') })
  })

  it('--remote with --persist-to, and serve with --d1: exit 2', async () => {
    const both = await cli('site', 'list', '--d1', '--remote', '--persist-to', state)
    expect(both).toMatchObject({
      code: 2,
      err: expect.stringContaining('--persist-to names local state'),
    })
    const serve = await cli('serve', '--d1')
    expect(serve).toMatchObject({ code: 2, err: expect.stringContaining('npx wrangler dev') })
  })
})

describe('loadWrangler', () => {
  it('says what to install when wrangler is not installed', () => {
    // Node itself resolving `wrangler` from a module outside any project, where it cannot be
    // found (vitest's own resolver would find the checkout's).
    const probe = join(dir, 'probe.mjs')
    writeFileSync(probe, "export const load = () => import('wrangler')\n")
    const script = [
      `import { loadWrangler } from ${JSON.stringify(new URL('./wrangler.ts', import.meta.url).href)}`,
      `const { load } = await import(${JSON.stringify(probe)})`,
      "await loadWrangler(load).then(() => console.log('loaded'), (e) => console.log(e.name + ': ' + e.message))",
    ].join('\n')
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(result.stdout.trim()).toBe(
      'CliError: --d1 reaches the database through wrangler, which is not installed here. Install it in your Worker project: npm install --save-dev wrangler@4',
    )
  })

  it('lets any other failure through', async () => {
    const broken = new Error('wrangler failed to start')
    await expect(loadWrangler(() => Promise.reject(broken))).rejects.toBe(broken)
  })
})

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCliCapturing } from '../../test/helpers/cli.ts'
import {
  holdingBuildLock,
  repoRoot,
  wranglerBin,
  wranglerEnv,
} from '../../test/worker/worker-bundle.ts'

// Issue 10: a Worker on D1 had no way to get its first site, because the CLI could not open a D1
// database. The operator's path, offline: `porchlight site create --d1` and `porchlight user
// create --d1` on the local D1 state, then `npx wrangler dev` (the installed wrangler's CLI, the
// shipped wrangler.toml) on that same state serves with the keys the CLI printed and signs the
// admin in; and what the Worker wrote, the CLI reads back. The state lives in a temp folder
// (--persist-to for both), never in the checkout's .wrangler/.

const password = 'a long and quiet walk home'
const toml = join(repoRoot, 'wrangler.toml')

let state: string
let base: string
let wrangler: ChildProcess | undefined
let output = ''
let site: { id: string; publishableKey: string; secretKey: string }
let admin: { id: string; email: string }

/** A port nobody listens on now: the OS picks one, and it is let go at once. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** `porchlight … --d1` on the temp state; its JSON output, after checking it succeeded. */
async function porchlight<T>(...argv: string[]): Promise<T> {
  const { code, out, err } = await runCliCapturing(
    [...argv, '--d1', '--config', toml, '--persist-to', state, '--json'],
    { LOG_LEVEL: 'silent' },
  )
  expect(err).toBe('')
  expect(code).toBe(0)
  return JSON.parse(out) as T
}

async function startWranglerDev(port: number, inspectorPort: number) {
  const noVars = join(state, 'empty.env')
  writeFileSync(noVars, '')
  // The `[build]` step rewrites the checkout's build outputs: take turns with the bundle build.
  await holdingBuildLock(async () => {
    wrangler = spawn(
      process.execPath,
      [
        wranglerBin,
        'dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--inspector-port',
        String(inspectorPort),
        '--persist-to',
        state,
        '--env-file',
        noVars,
      ],
      // Its own process group, so workerd goes with it when the test ends.
      { cwd: repoRoot, env: wranglerEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    )
    wrangler.stdout?.on('data', (chunk) => {
      output += chunk
    })
    wrangler.stderr?.on('data', (chunk) => {
      output += chunk
    })
    const deadline = Date.now() + 120_000
    for (;;) {
      if (wrangler.exitCode !== null) throw new Error(`wrangler dev exited:\n${output}`)
      const answered = await fetch(`${base}/healthz`).then(
        (res) => res.status === 200,
        () => false,
      )
      if (answered) return
      if (Date.now() > deadline) throw new Error(`wrangler dev did not answer in time:\n${output}`)
      await sleep(250)
    }
  })
}

async function stopWranglerDev() {
  const child = wrangler
  wrangler = undefined
  if (child?.pid === undefined || child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid, 'SIGTERM')
  await Promise.race([exited, sleep(10_000)])
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
}

beforeAll(async () => {
  state = mkdtempSync(join(tmpdir(), 'porchlight-cli-d1-dev-'))
  const [port, inspectorPort] = [await freePort(), await freePort()]
  base = `http://127.0.0.1:${port}`

  site = await porchlight('site', 'create', '--name', 'Bakery', '--origin', base)
  admin = await porchlight(
    'user',
    'create',
    '--email',
    'owner@bakery.example',
    '--password',
    password,
    '--name',
    'Olive',
    '--admin',
    '--verified',
  )
  await startWranglerDev(port, inspectorPort)
}, 240_000)

afterAll(async () => {
  await stopWranglerDev()
  if (state) rmSync(state, { recursive: true, force: true })
})

describe('a site made with `porchlight … --d1`, served by `wrangler dev`', {
  timeout: 60_000,
}, () => {
  it('accepts the printed publishable key from the site’s origin', async () => {
    const res = await fetch(`${base}/v1/site`, {
      headers: { 'X-Porchlight-Key': site.publishableKey, Origin: base },
    })
    expect(await res.json()).toEqual({ id: site.id, name: 'Bakery' })
    expect(res.status).toBe(200)
  })

  it('accepts the printed secret key on the owner API', async () => {
    const res = await fetch(`${base}/v1/admin/site`, {
      headers: { Authorization: `Bearer ${site.secretKey}` },
    })
    expect(await res.json()).toMatchObject({
      id: site.id,
      publishableKey: site.publishableKey,
      origins: [base],
    })
    expect(res.status).toBe(200)
  })

  it('signs in the admin the CLI created', async () => {
    const res = await fetch(`${base}/v1/auth/login`, {
      method: 'POST',
      headers: {
        'X-Porchlight-Key': site.publishableKey,
        Origin: base,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ email: admin.email, password }),
    })
    expect(await res.json()).toMatchObject({ account: { id: admin.id, role: 'admin' } })
    expect(res.status).toBe(200)
  })

  it('made no demo site, since the database already had one', () => {
    expect(output).not.toMatch(/demo site was created/)
  })

  it('leaves what the Worker wrote for the CLI to read', async () => {
    const res = await fetch(`${base}/v1/auth/register`, {
      method: 'POST',
      headers: {
        'X-Porchlight-Key': site.publishableKey,
        Origin: base,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        email: 'bob@example.com',
        password: 'parsnips need a long winter',
        displayName: 'Bob',
      }),
    })
    expect(res.status).toBe(202)
    // One workerd at a time on the state's SQLite files, as an operator would run them.
    await stopWranglerDev()
    const members = await porchlight<{ email: string; role: string }[]>('user', 'list')
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ['bob@example.com', 'member'],
      ['owner@bakery.example', 'admin'],
    ])
  })
})

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ProofOfWorkChallenge, solveChallenge } from '../../src/spam/proof-of-work.ts'
import { spamSettingsSchema } from '../../src/spam/settings.ts'
import { holdingBuildLock, repoRoot, wranglerBin, wranglerEnv } from './worker-bundle.ts'

// Issue 10: `npx wrangler dev` on a fresh clone answered 500 on every route
// (URL_SCHEME_NOT_SUPPORTED "file:": there was no database for it), and nothing told a Workers
// user how to run it locally. This runs the installed wrangler's CLI as a new user does, from the
// repository root with the shipped wrangler.toml and nothing else: its `[build]` step builds the
// static assets, its local D1 starts empty (in a temp folder here, .wrangler/state for a user),
// and no .dev.vars or .env is read (an empty env file stands in for both, as in a fresh clone).

let wrangler: ChildProcess | undefined
let output = ''
let base: string
let state: string

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

async function untilAnswering(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (wrangler?.exitCode !== null) {
      throw new Error(`wrangler dev exited (${wrangler?.exitCode}):\n${output}`)
    }
    try {
      const res = await fetch(url)
      if (res.status === 200) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`wrangler dev did not answer in time:\n${output}`)
    await sleep(250)
  }
}

beforeAll(async () => {
  state = mkdtempSync(join(tmpdir(), 'porchlight-wrangler-dev-'))
  const noVars = join(state, 'empty.env')
  writeFileSync(noVars, '')
  const [port, inspectorPort] = [await freePort(), await freePort()]
  base = `http://127.0.0.1:${port}`
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
        join(state, 'wrangler'),
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
    await untilAnswering(`${base}/healthz`, 120_000)
  })
}, 180_000)

afterAll(async () => {
  if (wrangler?.pid !== undefined && wrangler.exitCode === null) {
    const exited = new Promise((resolve) => wrangler?.once('exit', resolve))
    process.kill(-wrangler.pid, 'SIGTERM')
    await Promise.race([exited, sleep(10_000)])
    if (wrangler.exitCode === null) process.kill(-wrangler.pid, 'SIGKILL')
  }
  if (state) rmSync(state, { recursive: true, force: true })
})

describe('`npx wrangler dev` on a fresh clone, offline', { timeout: 60_000 }, () => {
  let key: string

  it('answers /healthz and /readyz: migrations applied to a local D1', async () => {
    const health = await fetch(`${base}/healthz`)
    expect(await health.json()).toEqual({ status: 'ok' })
    const ready = await fetch(`${base}/readyz`)
    expect(await ready.json()).toEqual({ status: 'ready' })
    expect(ready.status).toBe(200)
    expect(output).toContain('[custom build] Running: ')
  })

  it('serves /embed.js, built by the [build] step', async () => {
    const res = await fetch(`${base}/embed.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(await res.text()).toMatch(/^\/\*! @porchlight\/embed \d+\.\d+\.\d+/)
  })

  it('made a demo site, printed its keys, and fills them into the demo pages', async () => {
    const page = await (await fetch(`${base}/demo/contact.html`)).text()
    key = /data-key="(pk_[a-z2-7]+)"/.exec(page)?.[1] ?? ''
    expect(key).not.toBe('')
    expect(output).toContain(`publishable key: ${key}`)
    expect(output).toMatch(/secret key: +sk_[a-z2-7]+_[a-z2-7]+/)
  })

  it('takes a contact submission from the demo page’s origin', async () => {
    const visitor = { 'X-Porchlight-Key': key, Origin: base }
    const challengeRes = await fetch(`${base}/v1/forms/contact/challenge`, { headers: visitor })
    const challenge = (await challengeRes.json()) as ProofOfWorkChallenge & { timeToken: string }
    expect(challengeRes.status).toBe(200)
    const shownAt = Date.now()
    const solved = await solveChallenge(challenge)
    // A person takes a few seconds to fill in a form; the time trap marks anything faster.
    const minMs = spamSettingsSchema.parse({}).minSeconds * 1000
    await sleep(Math.max(0, shownAt + minMs + 300 - Date.now()))
    const res = await fetch(`${base}/v1/forms/contact/submissions`, {
      method: 'POST',
      headers: { ...visitor, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'ada@example.com',
        message: 'Hello from wrangler dev',
        _altcha: solved?.payload,
        _t: challenge.timeToken,
      }),
    })
    const body = (await res.json()) as { id: string }
    expect(res.status, JSON.stringify(body)).toBe(201)
    expect(body.id).toMatch(/^sub_/)
  })

  it('registers a member, and prints the verification email in the terminal', async () => {
    const res = await fetch(`${base}/v1/auth/register`, {
      method: 'POST',
      headers: { 'X-Porchlight-Key': key, Origin: base, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'bob@example.com',
        password: 'parsnips need a long winter',
        displayName: 'Bob',
      }),
    })
    expect(await res.json()).toEqual({ status: 'verification_sent' })
    expect(res.status).toBe(202)
    const deadline = Date.now() + 15_000
    while (!/dev transport, not sent.*bob@example\.com/.test(output)) {
      if (Date.now() > deadline) throw new Error(`No email printed:\n${output}`)
      await sleep(100)
    }
    expect(output).toMatch(/Confirm your email for Demo site/)
  })
})

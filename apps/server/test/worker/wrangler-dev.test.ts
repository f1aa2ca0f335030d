import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ProofOfWorkChallenge, solveChallenge } from '../../src/spam/proof-of-work.ts'
import { spamSettingsSchema } from '../../src/spam/settings.ts'
import { startWranglerDev, type WranglerDev } from './wrangler-dev-server.ts'

// Issue 10: `npx wrangler dev` on a fresh clone answered 500 on every route
// (URL_SCHEME_NOT_SUPPORTED "file:": there was no database for it), and nothing told a Workers
// user how to run it locally. This runs the installed wrangler's CLI as a new user does, from the
// repository root with the shipped wrangler.toml and nothing else: its `[build]` step builds the
// static assets, its local D1 starts empty (in a temp folder here, .wrangler/state for a user),
// and no .dev.vars or .env is read (an empty env file stands in for both, as in a fresh clone).

let dev: WranglerDev
let base: string
let state: string

beforeAll(async () => {
  state = mkdtempSync(join(tmpdir(), 'porchlight-wrangler-dev-'))
  dev = await startWranglerDev({ persistTo: join(state, 'wrangler') })
  base = dev.url
}, 180_000)

afterAll(async () => {
  await dev?.stop()
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
    expect(dev.output()).toContain('[custom build] Running: ')
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
    expect(dev.output()).toContain(`publishable key: ${key}`)
    expect(dev.output()).toMatch(/secret key: +sk_[a-z2-7]+_[a-z2-7]+/)
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
    await dev.until(/dev transport, not sent.*bob@example\.com/, 15_000)
    expect(dev.output()).toMatch(/Confirm your email for Demo site/)
  })
})

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bearer } from './helpers/http.ts'

// `npm start` as an operator runs it: `porchlight serve` in its own process, stopped by a signal.

const bin = fileURLToPath(new URL('../bin/porchlight.js', import.meta.url))
let dir: string
let children: ChildProcess[]

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-serve-'))
  children = []
})
afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** A port that was free a moment ago (PORT must be ≥ 1, so the OS cannot pick it for us). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (typeof address !== 'object' || !address) throw new Error('no port')
  return address.port
}

type Served = {
  child: ChildProcess
  output: () => string
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>
}

function serve(port: number): Served {
  const child = spawn(process.execPath, [bin, 'serve'], {
    // A folder of its own, so no stray .env file is read.
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      DATABASE_URL: `file:${join(dir, 'data', 'porchlight.db')}`,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return { child, output: () => output, exited }
}

async function until(served: Served, pattern: RegExp, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (!pattern.test(served.output())) {
    if (served.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`never printed ${pattern}; output:\n${served.output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return served.output().match(pattern)
}

describe('porchlight serve', () => {
  it('creates a demo site on first start, serves, stops on SIGTERM, and reuses its data', async () => {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`

    const first = serve(port)
    await until(first, /"message":"listening"/)
    const pk = (await until(first, /publishable key: (pk_\w+)/))?.[1] ?? ''
    const sk = (await until(first, /secret key: +(sk_\w+)/))?.[1] ?? ''
    expect(first.output()).toContain(`Porchlight is running at http://localhost:${port}`)

    const ready = await fetch(`${url}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready' })
    // The printed keys work, and the demo site allows the server's own public origin.
    const owner = await fetch(`${url}/v1/admin/site`, { headers: bearer(sk) })
    expect(await owner.json()).toMatchObject({
      name: 'Demo site',
      publishableKey: pk,
      origins: [`http://localhost:${port}`],
    })
    const page = await fetch(`${url}/v1/site`, {
      headers: { 'X-Porchlight-Key': pk, Origin: `http://localhost:${port}` },
    })
    expect(page.status).toBe(200)

    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(first.output()).toMatch(/"message":"shutting down","signal":"SIGTERM"/)
    await expect(fetch(`${url}/healthz`)).rejects.toThrow()

    const second = serve(port)
    await until(second, /"message":"listening"/)
    expect(second.output()).toMatch(new RegExp(`Site "Demo site" \\(site_\\w+\\): ${pk}`))
    expect(second.output()).not.toMatch(/sk_/)
    expect((await fetch(`${url}/v1/admin/site`, { headers: bearer(sk) })).status).toBe(200)

    second.child.kill('SIGINT')
    expect(await second.exited).toBe(0)
  })

  it('exits with an error, not a hang, when the port is taken', async () => {
    const port = await freePort()
    const taken: Server = createServer()
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve))
    try {
      const served = serve(port)
      const code = await Promise.race([
        served.exited,
        new Promise((resolve) => setTimeout(() => resolve('still running'), 10_000)),
      ])
      expect(code).not.toBe('still running')
      expect(code).not.toBe(0)
      expect(served.output()).toMatch(new RegExp(`Port ${port} is already in use`))
      expect(served.output()).not.toMatch(/\n\s+at /) // a message, not a stack trace
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  })

  it('exits 2 naming a bad setting', async () => {
    const served = serve(0)
    expect(await served.exited).toBe(2)
    expect(served.output()).toMatch(/^ {2}PORT: /m)
  })
})

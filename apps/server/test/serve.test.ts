import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freePort } from '../../../test/support/free-port.ts'
import { bearer } from './helpers/http.ts'
import { killServeProcesses, spawnServe } from './lifecycle/cli-process.ts'

// `npm start` as an operator runs it: `porchlight serve` in its own process, stopped by a signal.

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-serve-'))
})
afterEach(() => {
  killServeProcesses()
  rmSync(dir, { recursive: true, force: true })
})

const serve = (port: number) => spawnServe(dir, port)

describe('porchlight serve', () => {
  it('creates a demo site on first start, serves, stops on SIGTERM, and reuses its data', async () => {
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`

    const first = serve(port)
    await first.until(/"message":"listening"/, 15_000)
    const pk = (await first.until(/publishable key: (pk_\w+)/))?.[1] ?? ''
    const sk = (await first.until(/secret key: +(sk_\w+)/))?.[1] ?? ''
    expect(first.output()).toContain(`Porchlight is running at http://localhost:${port}`)
    // Issue 15: the log said 127.0.0.1 while the banner said localhost, the banner never named
    // /demo/, and a later start forgot /dev/mail. One address, and both places on every start.
    // Issue 12's review: nor did it name the owner console.
    const printsOneAddress = (served: ReturnType<typeof serve>) => {
      expect(served.output()).toContain(`\n  console:    http://localhost:${port}/console/\n`)
      expect(served.output()).toContain(`\n  demo pages: http://localhost:${port}/demo/\n`)
      expect(served.output()).toContain(`\n  dev mail:   http://localhost:${port}/dev/mail `)
      expect(served.logLines().find((line) => line.message === 'listening')).toMatchObject({
        url: `http://localhost:${port}`,
        listen: `127.0.0.1:${port}`,
      })
    }
    printsOneAddress(first)

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
    await second.until(/"message":"listening"/, 15_000)
    expect(second.output()).toMatch(new RegExp(`Site "Demo site" \\(site_\\w+\\): ${pk}`))
    expect(second.output()).not.toMatch(/sk_/)
    printsOneAddress(second)
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

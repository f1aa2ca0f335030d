import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { killServeProcesses, startServe } from './lifecycle/cli-process.ts'

// Regression (production safety, items 2 and 9): /dev/mail answered 200 with NODE_ENV=production,
// to anyone whose forwarded header said 127.0.0.1, and a deployment without a mail transport
// kept every reset link in memory instead of sending it.

const bin = fileURLToPath(new URL('../bin/porchlight.js', import.meta.url))
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-production-'))
})
afterEach(() => {
  killServeProcesses()
  rmSync(dir, { recursive: true, force: true })
})

/** `porchlight serve` that is expected to refuse: its exit code and what it printed. */
function refusedServe(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [bin, 'serve'], {
    cwd: dir,
    env: { PATH: process.env.PATH, PORT: '8799', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  })
  return { code: result.status, output: `${result.stdout}${result.stderr}` }
}

const safe = {
  PUBLIC_URL: 'https://forms.example.com',
  MAIL_TRANSPORT: 'smtp',
  // Nothing listens there; no email is sent in this test, and the transport connects lazily.
  SMTP_URL: 'smtp://127.0.0.1:9',
}

describe('production mode', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'NODE_ENV=production and nothing else',
      { NODE_ENV: 'production' },
      ['MAIL_TRANSPORT', 'PUBLIC_URL'],
    ],
    [
      'a public PUBLIC_URL, mail left at dev',
      { PUBLIC_URL: 'https://forms.example.com' },
      ['MAIL_TRANSPORT'],
    ],
    [
      'a plain-http PUBLIC_URL',
      { ...safe, PUBLIC_URL: 'http://forms.example.com' },
      ['PUBLIC_URL'],
    ],
  ])('refuses to start with %s, naming every unsafe setting', (_, env, names) => {
    const { code, output } = refusedServe(env)
    expect(code).toBe(2)
    for (const name of names) expect(output).toMatch(new RegExp(`^ {2}${name}: `, 'm'))
    expect(output).not.toMatch(/\n\s+at /) // a message, not a stack trace
    // Refused before anything was touched.
    expect(existsSync(join(dir, 'data'))).toBe(false)
  })

  it('serves with safe settings, and has no development routes at all', async () => {
    const served = await startServe(dir, safe)
    // From this machine, and with the header that used to open it:
    for (const path of ['/dev/mail', '/dev/mail.json', '/demo/', '/demo/contact.html']) {
      const forged: Record<string, string>[] = [{}, { 'X-Forwarded-For': '127.0.0.1' }]
      for (const headers of forged) {
        const res = await fetch(`${served.url}${path}`, { headers })
        expect(res.status, path).toBe(404)
        expect((await res.json()).error.code).toBe('NOT_FOUND')
      }
    }
    expect((await fetch(`${served.url}/readyz`)).status).toBe(200)
    // No demo site with printed keys: the operator creates the first site.
    expect(served.output()).not.toMatch(/sk_/)
    expect(served.output()).toMatch(/porchlight site create/)
  })
})

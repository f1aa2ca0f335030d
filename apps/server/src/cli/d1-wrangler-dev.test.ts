import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../../../../test/support/free-port.ts'
import { runCliJson } from '../../test/helpers/cli.ts'
import { repoRoot } from '../../test/worker/worker-bundle.ts'
import { startWranglerDev, type WranglerDev } from '../../test/worker/wrangler-dev-server.ts'

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
let dev: WranglerDev
let site: { id: string; publishableKey: string; secretKey: string }
let admin: { id: string; email: string }

/** `porchlight … --d1` on the temp state; its JSON output, after checking it succeeded. */
const porchlight = <T>(...argv: string[]) =>
  runCliJson<T>([...argv, '--d1', '--config', toml, '--persist-to', state], { LOG_LEVEL: 'silent' })

beforeAll(async () => {
  state = mkdtempSync(join(tmpdir(), 'porchlight-cli-d1-dev-'))
  const port = await freePort()
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
  dev = await startWranglerDev({ persistTo: state, port })
}, 240_000)

afterAll(async () => {
  await dev?.stop()
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
    expect(dev.output()).not.toMatch(/demo site was created/)
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
    await dev.stop()
    const members = await porchlight<{ email: string; role: string }[]>('user', 'list')
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ['bob@example.com', 'member'],
      ['owner@bakery.example', 'admin'],
    ])
  })
})

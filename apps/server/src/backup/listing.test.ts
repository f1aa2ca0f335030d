import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../test/helpers/app.ts'
import { apiError } from '../../test/helpers/http.ts'
import {
  addOperator,
  type ConsoleHarness,
  createConsoleHarness,
  operatorCookieOf,
  signInAs,
  totpCode,
} from '../../test/helpers/operators.ts'
import { loadConfig } from '../config.ts'
import { type NodeServer, startNodeServer } from '../entry/node.ts'
import { folderBackupCatalog } from './folder-catalog.ts'

// `GET /v1/operator/backups`: the scheduled backups in BACKUP_DIR as a deployment admin sees
// them in the console, read from the same folder, by the same names, as the schedule that makes
// and prunes them.

let dir: string
let h: ConsoleHarness | undefined
let server: NodeServer | undefined

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-backup-list-'))
})
afterEach(async () => {
  await h?.close()
  await server?.close()
  h = undefined
  server = undefined
  rmSync(dir, { recursive: true, force: true })
})

const sixHours = 6 * 3_600_000

async function backupsAs(harness: ConsoleHarness, cookie?: string) {
  const res = await harness.t.app.request('/v1/operator/backups', {
    headers: cookie ? { Cookie: cookie } : {},
  })
  return { status: res.status, body: await res.json() }
}

describe('GET /v1/operator/backups', () => {
  it('lists the scheduled backups, newest first, with size and time, and nothing else there', async () => {
    const folder = join(dir, 'backups')
    mkdirSync(folder)
    writeFileSync(join(folder, 'porchlight-20261120T060000Z.db'), 'x'.repeat(4096))
    writeFileSync(join(folder, 'porchlight-20261121T060000Z.db'), 'x'.repeat(8192))
    // Not backups: the operator's own file, and what an interrupted backup left.
    writeFileSync(join(folder, 'notes.txt'), 'mine')
    writeFileSync(join(folder, 'porchlight-20261121T120000Z.db.partial-0a1b'), 'half')
    h = await createConsoleHarness({
      backups: folderBackupCatalog({ dir: folder, intervalMs: sixHours, keep: 7 }),
    })
    const admin = await addOperator(h, { email: 'root@example.com', admin: true, totp: true })

    const answer = await backupsAs(h, await signInAs(h, admin))
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({
      enabled: true,
      intervalMs: sixHours,
      keep: 7,
      items: [
        {
          name: 'porchlight-20261121T060000Z.db',
          bytes: 8192,
          createdAt: Date.parse('2026-11-21T06:00:00Z'),
        },
        {
          name: 'porchlight-20261120T060000Z.db',
          bytes: 4096,
          createdAt: Date.parse('2026-11-20T06:00:00Z'),
        },
      ],
    })
  })

  it('is for deployment admins: a site’s owner is refused, and nobody without a session', async () => {
    h = await createConsoleHarness({
      backups: folderBackupCatalog({ dir: join(dir, 'none-yet'), intervalMs: sixHours, keep: 7 }),
    })
    const owner = await addOperator(h, {
      email: 'owner@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    const refused = await backupsAs(h, await signInAs(h, owner))
    expect(refused.status).toBe(403)
    expect(refused.body).toEqual({
      error: { code: 'ROLE_FORBIDDEN', message: 'Backups are for deployment admins.', fields: {} },
    })
    const anonymous = await backupsAs(h)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toEqual(apiError('SIGN_IN_REQUIRED'))

    // The folder is made with the first backup: until then, none.
    const admin = await addOperator(h, { email: 'root@example.com', admin: true, totp: true })
    expect((await backupsAs(h, await signInAs(h, admin))).body).toEqual({
      enabled: true,
      intervalMs: sixHours,
      keep: 7,
      items: [],
    })
  })

  it('says so when there is no schedule', async () => {
    h = await createConsoleHarness()
    const admin = await addOperator(h, { email: 'root@example.com', admin: true, totp: true })
    expect(await backupsAs(h, await signInAs(h, admin))).toEqual({
      status: 200,
      body: { enabled: false },
    })
  })

  it('shows what a Node server with BACKUP_DIR has made', async () => {
    const folder = join(dir, 'backups')
    const config = {
      ...loadConfig({
        DATABASE_URL: `file:${join(dir, 'data', 'porchlight.db')}`,
        BACKUP_DIR: folder,
        BACKUP_INTERVAL: '1d',
        BACKUP_KEEP: '3',
      }),
      port: 0,
    }
    const log = memoryLogger()
    server = await startNodeServer({ config, log })
    // The first backup is due at once.
    await expect
      .poll(() => log.lines.filter((l) => l.message === 'backup made').length, {
        timeout: 20_000,
      })
      .toBe(1)
    // addOperator writes through the harness's deps alone: here, the server's own.
    const harness = {
      t: { deps: server.deps },
      clock: server.deps.clock,
      site: undefined,
    } as unknown as ConsoleHarness
    const admin = await addOperator(harness, {
      email: 'root@example.com',
      admin: true,
      totp: true,
    })
    // Signed in over HTTP as the console does: password, then the authenticator's code.
    const headers = { 'content-type': 'application/json', Origin: server.url }
    const first = await fetch(`${server.url}/v1/operator/sign-in`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    })
    const { challenge } = (await first.json()) as { challenge: string }
    const second = await fetch(`${server.url}/v1/operator/sign-in/totp`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ challenge, code: totpCode(String(admin.totpSecret), Date.now()) }),
    })
    expect(second.status).toBe(200)
    const cookie = operatorCookieOf(second)
    const res = await fetch(`${server.url}/v1/operator/backups`, {
      headers: { Cookie: String(cookie) },
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { items: { name: string; bytes: number }[] }
    expect(body).toMatchObject({ enabled: true, intervalMs: 86_400_000, keep: 3 })
    expect(body.items).toEqual([
      {
        name: expect.stringMatching(/^porchlight-\d{8}T\d{6}Z\.db$/),
        bytes: expect.any(Number),
        createdAt: expect.any(Number),
      },
    ])
    expect(body.items[0]?.bytes).toBeGreaterThan(0)
  })
})

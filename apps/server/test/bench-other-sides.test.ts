import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import Database from 'libsql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, signUpAll, startBetterAuth } from '../bench/better-auth.ts'
import { killAll, type ServerProcess, stopProcess } from '../bench/processes.ts'
import type { BenchSite } from '../bench/scenarios.ts'
import { prepareDatabases, startBaseline } from '../bench/setup.ts'

// The bench's other sides must do what their rows say, or a ratio compares the wrong things:
// better-auth's get-session reads its database by default and answers from its signed cookie
// with the cache on; the bare-insert baseline validates with zod and stores one row.

let dir: string
let site: BenchSite
const servers: ServerProcess[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-bench-sides-'))
  site = await prepareDatabases(dir)
})
afterAll(async () => {
  await Promise.all(servers.map((server) => stopProcess(server)))
  killAll()
  rmSync(dir, { recursive: true, force: true })
})

const account = {
  email: 'member-0@bench.example',
  password: 'bench-0-correct-horse-battery-staple',
}

async function getSession(server: ServerProcess, cookie: string) {
  const res = await fetch(`${server.url}/api/auth/get-session`, { headers: { cookie } })
  expect(res.status).toBe(200)
  return (await res.json()) as { user?: { email: string } } | null
}

/** Revokes every better-auth session behind its back: straight in its database file. */
function revokeAll(variant: string) {
  const database = new Database(join(dir, `better-auth-${variant}.db`))
  try {
    database.exec('DELETE FROM session')
  } finally {
    database.close()
  }
}

describe('better-auth, as the session rows run it', () => {
  it('by default checks the session in its database: a revoked one is gone at once', async () => {
    const server = await startBetterAuth({ dir, variant: 'default' })
    servers.push(server)
    await signUpAll(server, [account])
    const cookie = await signIn(server, account)
    expect((await getSession(server, cookie))?.user?.email).toBe(account.email)
    revokeAll('default')
    expect(await getSession(server, cookie)).toBeNull()
  })

  it('with its cookie cache answers from the cookie, without reading the database', async () => {
    const server = await startBetterAuth({ dir, variant: 'cookie-cache' })
    servers.push(server)
    await signUpAll(server, [account])
    const cookie = await signIn(server, account)
    expect(cookie).toContain('better-auth.session_data=')
    revokeAll('cookie-cache')
    // Still signed in: the cached session data is trusted until it expires (5 minutes).
    expect((await getSession(server, cookie))?.user?.email).toBe(account.email)
  })
})

describe('the bare-insert baseline', () => {
  it('stores one submission row for valid fields and nothing for invalid ones', async () => {
    const server = await startBaseline({ dir })
    servers.push(server)
    const post = (body: unknown) =>
      fetch(`${server.url}/bare-insert/${site.openFormId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const db = createClient({ url: `file:${join(dir, 'baseline.db')}` })
    const count = async () =>
      Number(
        (
          await db.execute({
            sql: 'SELECT count(*) AS n FROM submissions WHERE form_id = ?',
            args: [site.openFormId],
          })
        ).rows[0]?.n,
      )
    const jobs = async () =>
      Number((await db.execute('SELECT count(*) AS n FROM outbox')).rows[0]?.n)
    try {
      const jobsBefore = await jobs()
      const good = await post({ name: 'Ada', email: 'Ada@Example.com', message: 'Hello there' })
      expect(good.status).toBe(201)
      const { id } = (await good.json()) as { id: string }
      const stored = await db.execute({
        sql: 'SELECT email, data, status FROM submissions WHERE id = ?',
        args: [id],
      })
      expect(stored.rows[0]).toMatchObject({ email: 'ada@example.com', status: 'new' })
      expect(JSON.parse(String(stored.rows[0]?.data))).toEqual({
        name: 'Ada',
        email: 'Ada@Example.com',
        message: 'Hello there',
      })
      // One insert: no notification job beside it.
      expect(await jobs()).toBe(jobsBefore)

      const bad = await post({ name: 'Ada', email: 'not an address', message: '' })
      expect(bad.status).toBe(400)
      expect(await count()).toBe(1)
    } finally {
      db.close()
    }
  })
})

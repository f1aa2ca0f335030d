import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { claimDatabase } from '../src/backup/claim.ts'
import { createBackup } from '../src/backup/create.ts'
import { restoreBackup } from '../src/backup/restore.ts'
import { loadConfig } from '../src/config.ts'
import { createLocalClient } from '../src/db/local-client.ts'
import { type NodeServer, startNodeServer } from '../src/entry/node.ts'
import { createSite } from '../src/sites/service.ts'
import { memoryLogger } from './helpers/app.ts'
import { bearer, jsonRequest } from './helpers/http.ts'
import { canSeeOpenHandles, openHandles } from './helpers/open-handles.ts'
import { holdWriteLock } from './support/lock-holder.ts'

// Regression: libSQL closes a connection only when the garbage collector reclaims the last
// statement prepared on it, so a database "closed" in this process stayed open, and locked:
// a restore right after a server's shutdown, in the same process, was refused with
// DATABASE_IN_USE; every backup the server checked stayed open after it was made; and a burst of
// writes under another process's lock retired one connection per write, each left open (300
// writes, some 300 file handles on the database). What this process has open is read from
// /proc/self/fd, which only Linux has: elsewhere these tests are skipped.

const origin = 'https://site.example'
let dir: string
let database: string
let server: NodeServer | undefined

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-file-release-'))
  database = join(dir, 'porchlight.db')
})

afterEach(async () => {
  await server?.close()
  server = undefined
  rmSync(dir, { recursive: true, force: true })
})

async function serve(env: Record<string, string> = {}) {
  return startNodeServer({
    config: { ...loadConfig({ DATABASE_URL: `file:${database}`, ...env }), port: 0 },
    log: memoryLogger(),
  })
}

/** A site with a contact form, on `served`. */
async function siteWithForm(served: NodeServer) {
  const site = await createSite(served.deps, { name: 'Shop', origins: [origin] })
  const form = await fetch(
    `${served.url}/v1/admin/forms`,
    jsonRequest(
      'POST',
      {
        id: 'contact',
        name: 'Contact',
        settings: {
          fields: { email: { type: 'email', required: true }, message: { required: true } },
          spam: { proofOfWork: 'off' },
          rateLimits: { perAddressPerHour: 10_000, perFormPerHour: 10_000 },
        },
      },
      bearer(site.secretKey),
    ),
  )
  expect(form.status).toBe(201)
  return site
}

type Site = Awaited<ReturnType<typeof siteWithForm>>

const submit = (served: NodeServer, site: Site, message: string) =>
  fetch(
    `${served.url}/v1/forms/contact/submissions`,
    jsonRequest(
      'POST',
      { email: 'ann@example.com', message },
      { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
    ),
  )

const messages = async (served: NodeServer, site: Site) => {
  const res = await fetch(`${served.url}/v1/admin/submissions`, {
    headers: bearer(site.secretKey),
  })
  expect(res.status).toBe(200)
  const body = (await res.json()) as { items: { data: { message: string } }[] }
  return body.items.map((item) => item.data.message).sort()
}

describe.skipIf(!canSeeOpenHandles)('a database closed in this process', () => {
  it('is free for a restore right after the server shuts down, and the server starts again on it', async () => {
    server = await serve()
    const site = await siteWithForm(server)
    expect((await submit(server, site, 'before the backup')).status).toBe(201)
    const backup = join(dir, 'backups', 'monday.db')
    await createBackup({ databasePath: database, out: backup })
    expect((await submit(server, site, 'after the backup')).status).toBe(201)

    await server.close()
    server = undefined
    const report = await restoreBackup({ databasePath: database, file: backup, now: new Date() })
    expect(report.keptAs).toMatch(/porchlight\.db\.before-restore-/)
    // Nothing of this process is left on the restored file, nor on the one kept aside.
    expect(openHandles(database)).toEqual([])

    server = await serve()
    expect(await messages(server, site)).toEqual(['before the backup'])
    expect((await submit(server, site, 'after the restore')).status).toBe(201)
    expect(await messages(server, site)).toEqual(['after the restore', 'before the backup'])
  })

  it('leaves no handle on a backup once it is made', async () => {
    server = await serve()
    await siteWithForm(server)
    const backup = join(dir, 'backups', 'tuesday.db')
    const report = await createBackup({ databasePath: database, out: backup })
    expect(report.rowCounts.sites).toBe(1)
    expect(openHandles(backup)).toEqual([])
  })

  it('is given back by a local client’s release, for another connection to claim', async () => {
    const client = createLocalClient({ path: database })
    await client.execute('CREATE TABLE notes (body TEXT)')
    await client.execute({ sql: 'INSERT INTO notes (body) VALUES (?)', args: ['kept'] })
    expect((await client.execute('SELECT body FROM notes')).rows).toHaveLength(1)

    await client.release()
    expect(openHandles(database)).toEqual([])
    // Only a file no connection holds can be claimed (what a restore does).
    claimDatabase(database).release()
  })
})

describe('a server whose database another process keeps locked', () => {
  it.skipIf(!canSeeOpenHandles)(
    'answers a burst of writes 503 DATABASE_BUSY with Retry-After and reads as usual, keeps its handles, and recovers alone',
    async () => {
      // A short wait keeps the test quick (production waits 5 s, DATABASE_BUSY_TIMEOUT_MS), yet
      // long enough for the whole burst to arrive while the first writes still wait.
      server = await serve({ DATABASE_BUSY_TIMEOUT_MS: '1000' })
      const served = server
      const site = await siteWithForm(served)
      const before = openHandles(database).length

      const holder = await holdWriteLock(database)
      const burst = Array.from({ length: 60 }, (_, n) => submit(served, site, `refused ${n}`))
      const reads = Array.from({ length: 10 }, () =>
        fetch(`${served.url}/v1/site`, { headers: { 'X-Porchlight-Key': site.publishableKey } }),
      )
      const refused = await Promise.all(burst)
      expect(refused.map((res) => res.status)).toEqual(refused.map(() => 503))
      expect(refused.map((res) => res.headers.get('retry-after'))).toEqual(refused.map(() => '2'))
      const codes = await Promise.all(
        refused.map(async (res) => ((await res.json()) as { error: { code: string } }).error.code),
      )
      expect(new Set(codes)).toEqual(new Set(['DATABASE_BUSY']))
      // Reads take no write lock in WAL mode: they are answered while the writes wait.
      expect((await Promise.all(reads)).map((res) => res.status)).toEqual(reads.map(() => 200))
      // The refused writes did not each leave a connection open: a few handles at most (each
      // connection retired after a failed write holds two until garbage collection), not one or
      // more per request (close to 200 for these 60 before the fix).
      expect(openHandles(database).length).toBeLessThanOrEqual(before + 8)

      await holder.release()
      // No restart: the next writes are accepted and stored, and nothing refused was.
      for (const n of [1, 2, 3])
        expect((await submit(served, site, `accepted ${n}`)).status).toBe(201)
      expect(await messages(served, site)).toEqual(['accepted 1', 'accepted 2', 'accepted 3'])
    },
  )
})

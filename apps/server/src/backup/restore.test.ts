import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCapturing, runCliProcess } from '../../test/helpers/cli.ts'
import { jsonRequest } from '../../test/helpers/http.ts'
import {
  killServeProcesses,
  type ServeProcess,
  startServe,
} from '../../test/lifecycle/cli-process.ts'
import { createLocalClient } from '../db/local-client.ts'
import { migrate } from '../db/migrate.ts'
import { migrations } from '../db/migrations.generated.ts'
import { holdDatabasePresence } from './presence.ts'
import { openSqliteFile } from './sqlite-file.ts'

// `porchlight restore` as an operator runs it: each command in a process of its own, beside a
// real `porchlight serve` on the same database file.

const origin = 'https://site.example'
let dir: string
let database: string
let env: NodeJS.ProcessEnv
let keys: { publishableKey: string; secretKey: string }

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-restore-'))
  database = join(dir, 'data', 'porchlight.db')
  env = { PATH: process.env.PATH, DATABASE_URL: `file:${database}`, LOG_LEVEL: 'silent' }
})
afterEach(() => {
  killServeProcesses()
  rmSync(dir, { recursive: true, force: true })
})

const cli = (...argv: string[]) => runCliProcess(argv, { cwd: dir, env })

/** A site with a contact form, made as an operator and an owner would. */
async function createSiteWithForm(served: ServeProcess) {
  const site = await cli('site', 'create', '--name', 'Shop', '--origin', origin, '--json')
  expect(site.code).toBe(0)
  keys = JSON.parse(site.out)
  const form = await fetch(
    `${served.url}/v1/admin/forms`,
    jsonRequest(
      'POST',
      { id: 'contact', name: 'Contact', settings: { spam: { proofOfWork: 'off' } } },
      { Authorization: `Bearer ${keys.secretKey}` },
    ),
  )
  expect(form.status).toBe(201)
}

async function submit(served: ServeProcess, message: string) {
  const res = await fetch(
    `${served.url}/v1/forms/contact/submissions`,
    jsonRequest('POST', { message }, { 'X-Porchlight-Key': keys.publishableKey, Origin: origin }),
  )
  expect(res.status).toBe(201)
}

/** The messages the owner's API lists, oldest first. */
async function listedMessages(served: ServeProcess) {
  const res = await fetch(`${served.url}/v1/admin/submissions`, {
    headers: { Authorization: `Bearer ${keys.secretKey}` },
  })
  expect(res.status).toBe(200)
  const page = (await res.json()) as { items: { data: { message: string } }[] }
  return page.items.map((s) => s.data.message).reverse()
}

async function stop(served: ServeProcess) {
  served.child.kill('SIGTERM')
  expect(await served.exited).toBe(0)
}

/** Rows of a database file, read without changing it. */
async function query(path: string, sql: string) {
  const file = openSqliteFile(path)
  try {
    return await file.query(sql)
  } finally {
    file.close()
  }
}

describe('porchlight restore FILE', () => {
  it('is refused while a server runs; once it is stopped, puts the backup back and keeps the old database aside', async () => {
    let served = await startServe(dir)
    await createSiteWithForm(served)
    await submit(served, 'before the backup')
    const backup = join(dir, 'backups', 'monday.db')
    expect((await cli('backup', '--out', backup)).code).toBe(0)
    await submit(served, 'after the backup')

    const refused = await cli('restore', backup)
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/^DATABASE_IN_USE: Another process has .*porchlight\.db open/)
    // Nothing changed: the server serves on, with everything.
    expect(await listedMessages(served)).toEqual(['before the backup', 'after the backup'])
    expect(readdirSync(join(dir, 'data')).filter((f) => f.includes('restore'))).toEqual([])

    await stop(served)
    const restored = await cli('restore', backup)
    expect(restored).toMatchObject({ code: 0, err: '' })
    const keptAs = /kept as (\S+before-restore-\S+) \(/.exec(restored.out)?.[1] ?? ''
    expect(keptAs.startsWith(`${database}.before-restore-`)).toBe(true)
    expect(await query(keptAs, 'SELECT count(*) AS n FROM submissions')).toEqual([{ n: 2 }])

    served = await startServe(dir)
    expect(await listedMessages(served)).toEqual(['before the backup'])
    // It works on: the restored database takes new submissions.
    await submit(served, 'after the restore')
    expect(await listedMessages(served)).toEqual(['before the backup', 'after the restore'])
    await stop(served)
  }, 60_000)

  // A server's request connection is closed and reopened after a lock failure; the connection it
  // holds for its whole life (holdDatabasePresence) is what keeps a restore out meanwhile.
  // (Five CLI processes, each a Node start: as slow as the machine is busy, hence the timeout.)
  it('sees the connection a server holds from start to stop, and nothing once it is closed', async () => {
    expect((await cli('migrate')).code).toBe(0)
    expect((await cli('site', 'create', '--name', 'Shop', '--origin', origin)).code).toBe(0)
    const backup = join(dir, 'b.db')
    expect((await cli('backup', '--out', backup)).code).toBe(0)

    const presence = holdDatabasePresence(database)
    const refused = await cli('restore', backup)
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/^DATABASE_IN_USE: /)
    presence.release()
    expect((await cli('restore', backup)).code).toBe(0)
  }, 60_000)

  it('replaces a damaged database, keeping it aside as it is', async () => {
    expect((await cli('migrate')).code).toBe(0)
    expect((await cli('site', 'create', '--name', 'Shop', '--origin', origin)).code).toBe(0)
    const backup = join(dir, 'b.db')
    expect((await cli('backup', '--out', backup)).code).toBe(0)
    const fd = openSync(database, 'r+')
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 0)
    closeSync(fd)

    const res = await cli('restore', backup)
    expect(res).toMatchObject({ code: 0, err: '' })
    expect(await query(database, 'SELECT name FROM sites')).toEqual([{ name: 'Shop' }])
    expect(readdirSync(join(dir, 'data')).filter((f) => f.includes('before-restore'))).toHaveLength(
      1,
    )
  }, 60_000)

  it('brings a backup made by an older version up to this version’s migrations', async () => {
    const old = join(dir, 'old.db')
    const client = createLocalClient({ path: old })
    await migrate(client, migrations.slice(0, -1))
    client.close()
    const latest = migrations.at(-1)?.tag ?? ''

    const res = await cli('restore', old)
    expect(res.code).toBe(0)
    expect(res.out).toContain(`Applied the migrations it predates: ${latest}.`)
    expect(res.out).toContain('There was no database there before.')
    const ledger = await query(database, 'SELECT tag FROM porchlight_migrations ORDER BY tag')
    expect(ledger.map((r) => r.tag)).toEqual(migrations.map((m) => m.tag))
  })
})

describe('what restore refuses, changing nothing', () => {
  let backup: string

  beforeEach(async () => {
    const cliEnv = { DATABASE_URL: `file:${database}`, LOG_LEVEL: 'silent' }
    expect((await runCliCapturing(['migrate'], cliEnv)).code).toBe(0)
    expect((await runCliCapturing(['site', 'create', '--name', 'Shop'], cliEnv)).code).toBe(0)
    backup = join(dir, 'b.db')
    expect((await runCliCapturing(['backup', '--out', backup], cliEnv)).code).toBe(0)
  })

  async function refusal(file: string) {
    const before = readdirSync(join(dir, 'data'))
    const res = await runCliCapturing(['restore', file], env)
    expect(res.code).toBe(1)
    expect(readdirSync(join(dir, 'data'))).toEqual(before)
    expect(await query(database, 'SELECT name FROM sites')).toEqual([{ name: 'Shop' }])
    return res.err
  }

  it('a database that is not Porchlight’s', async () => {
    const other = join(dir, 'other.db')
    const file = openSqliteFile(other)
    await file.exec('CREATE TABLE notes (body TEXT)')
    file.close()
    expect(await refusal(other)).toMatch(/^NOT_A_PORCHLIGHT_DATABASE: /)
  })

  it('a backup from a newer Porchlight', async () => {
    const file = openSqliteFile(backup)
    await file.exec("INSERT INTO porchlight_migrations VALUES ('9999_from_the_future', 0)")
    file.close()
    expect(await refusal(backup)).toMatch(
      /^NEWER_SCHEMA: .*9999_from_the_future are unknown to this one\): upgrade Porchlight first/,
    )
  })

  it('a damaged file, a file that is no database, and one that is not there', async () => {
    // Scribble over the middle of the file, where tables' pages are.
    const fd = openSync(backup, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * 4)
    closeSync(fd)
    expect(await refusal(backup)).toMatch(/^INTEGRITY_CHECK_FAILED: .*b\.db is damaged/)
    const text = join(dir, 'notes.db')
    writeFileSync(text, 'Not a database at all, just words.\n'.repeat(200))
    expect(await refusal(text)).toMatch(/^NOT_A_DATABASE: /)
    expect(await refusal(join(dir, 'missing.db'))).toMatch(/^BACKUP_NOT_FOUND: /)
    expect(existsSync(join(dir, 'missing.db'))).toBe(false)
  })

  it('the database itself', async () => {
    expect(await refusal(database)).toMatch(/^SAME_FILE: /)
  })
})

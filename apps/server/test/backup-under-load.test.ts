import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqliteFile } from '../src/backup/sqlite-file.ts'
import { loadConfig } from '../src/config.ts'
import { type NodeServer, startNodeServer } from '../src/entry/node.ts'
import { createSite } from '../src/sites/service.ts'
import { memoryLogger } from './helpers/app.ts'
import { runCliProcess } from './helpers/cli.ts'
import { bearer, jsonRequest } from './helpers/http.ts'

// `porchlight backup` in a process of its own while a server takes a stream of submissions: the
// copy must be a consistent snapshot (every submission acknowledged before the backup began, no
// half of a transaction), and the server must keep acknowledging writes while it is made.

const origin = 'https://site.example'
let dir: string
let server: NodeServer
let site: Awaited<ReturnType<typeof createSite>>

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-under-load-'))
  const config = {
    ...loadConfig({ DATABASE_URL: `file:${join(dir, 'data', 'porchlight.db')}` }),
    port: 0,
  }
  server = await startNodeServer({ config, log: memoryLogger() })
  site = await createSite(server.deps, { name: 'Busy', origins: [origin] })
  const form = await fetch(
    `${server.url}/v1/admin/forms`,
    jsonRequest(
      'POST',
      {
        id: 'contact',
        name: 'Contact',
        settings: {
          // Each submission queues its notification in the same transaction.
          notify: ['owner@example.com'],
          spam: { proofOfWork: 'off' },
          rateLimits: { perAddressPerHour: 100_000, perFormPerHour: 1_000_000 },
        },
      },
      bearer(site.secretKey),
    ),
  )
  expect(form.status).toBe(201)
  // Older submissions, about 40 MB of them, so that the copy takes a while to make.
  await server.client.execute({
    sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
      INSERT INTO submissions (id, site_id, form_id, status, data, spam_reasons, content_hash, created_at, updated_at)
      SELECT 'sub_old_' || i, ?, 'contact', 'read', json_object('message', printf('%.2000c', 'x')), '[]', 'old' || i, 0, 0 FROM n`,
    args: [site.id],
  })
})
afterEach(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

type Acknowledged = { id: string; message: string; at: number }

/** `writers` clients submitting one after another until `stop()`; what the server acknowledged. */
function submissionStream(writers: number) {
  const acknowledged: Acknowledged[] = []
  const refused: number[] = []
  let stopped = false
  let n = 0
  const loops = Array.from({ length: writers }, async () => {
    while (!stopped) {
      const message = `Message ${++n}`
      const res = await fetch(
        `${server.url}/v1/forms/contact/submissions`,
        jsonRequest(
          'POST',
          { message },
          { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
        ),
      )
      const body = (await res.json()) as { id?: string }
      if (res.status === 201 && body.id) acknowledged.push({ id: body.id, message, at: Date.now() })
      else refused.push(res.status)
    }
  })
  return {
    acknowledged,
    refused,
    async stop() {
      stopped = true
      await Promise.all(loops)
    },
  }
}

async function query(path: string, sql: string) {
  const file = openSqliteFile(path)
  try {
    return await file.query(sql)
  } finally {
    file.close()
  }
}

describe('porchlight backup while the server takes submissions', () => {
  it('copies a consistent snapshot holding everything acknowledged before it began', async () => {
    const stream = submissionStream(4)
    await expect.poll(() => stream.acknowledged.length, { timeout: 10_000 }).toBeGreaterThan(20)
    const before = [...stream.acknowledged]
    const started = Date.now()
    const out = join(dir, 'backups', 'live.db')
    const backup = await runCliProcess(['backup', '--out', out, '--json'], {
      cwd: dir,
      env: { PATH: process.env.PATH, DATABASE_URL: `file:${join(dir, 'data', 'porchlight.db')}` },
    })
    const finished = Date.now()
    await stream.stop()
    expect(backup).toMatchObject({ code: 0, err: '' })

    // The server kept acknowledging writes while the backup ran, and refused none.
    const during = stream.acknowledged.filter((a) => a.at > started && a.at < finished)
    expect(during.length).toBeGreaterThan(0)
    expect(stream.refused).toEqual([])

    expect(await query(out, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
    const copied = await query(
      out,
      "SELECT id, json_extract(data, '$.message') AS message FROM submissions WHERE id NOT LIKE 'sub_old_%'",
    )
    const copiedIds = new Set(copied.map((row) => String(row.id)))
    expect(before.filter((a) => !copiedIds.has(a.id))).toEqual([])
    // Every row in the copy is whole: a submission as it was sent, with the notification its
    // transaction queued, and no notification without its submission.
    const sent = new Map(stream.acknowledged.map((a) => [a.id, a.message]))
    expect(copied.filter((row) => sent.get(String(row.id)) !== row.message)).toEqual([])
    const jobs = await query(out, "SELECT id FROM outbox WHERE id LIKE 'job_%.notify'")
    expect(jobs.map((j) => String(j.id)).sort()).toEqual(
      [...copiedIds].map((id) => `job_${id}.notify`).sort(),
    )
    const report = JSON.parse(backup.out) as { rowCounts: Record<string, number> }
    expect(report.rowCounts.submissions).toBe(20_000 + copied.length)
  }, 60_000)
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '@libsql/client'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { rows } from '../../test/helpers/http.ts'
import { migrate } from '../db/migrate.ts'
import { migrations } from '../db/migrations.generated.ts'
import { openDatabase } from '../entry/node.ts'
import { trigramQuery } from './submission-search.ts'

// A deployment upgraded to the version with the owner console: submissions it already holds are
// found by the new search index, and deliveries it already queued appear in their form's log.

let dir: string
let client: Client

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-upgrade-'))
  client = await openDatabase({ url: `file:${join(dir, 'old.db')}` })
})
afterEach(() => {
  client.close()
  rmSync(dir, { recursive: true, force: true })
})

it('indexes the submissions and tags the deliveries that were there before', async () => {
  const upgrade = migrations.findIndex((m) => m.tag === '0010_owner_console_data')
  expect(upgrade).toBeGreaterThan(0)
  await migrate(client, migrations.slice(0, upgrade))
  await client.batch(
    [
      `INSERT INTO sites (id, name, publishable_key, created_at) VALUES ('site_a', 'A', 'pk_a', 0)`,
      `INSERT INTO submissions (id, site_id, form_id, status, data, spam_reasons, email, content_hash, created_at, updated_at)
       VALUES ('sub_old', 'site_a', 'contact', 'new', '{"msg":"Rhubarb","tags":["early","forced"]}', '[]', 'ann@example.com', 'h', 1, 1)`,
      `INSERT INTO outbox (id, site_id, kind, payload, max_attempts, run_at, created_at, updated_at) VALUES
       ('job_sub_old.notify', 'site_a', 'email', '{"to":["owner@example.com"]}', 10, 1, 1, 1),
       ('job_sub_old.webhook', 'site_a', 'webhook', '{"url":"https://hooks.example/x","formId":"contact","event":{}}', 10, 1, 1, 1),
       ('job_reset', 'site_a', 'email', '{"to":["member@example.com"]}', 10, 1, 1, 1)`,
    ],
    'write',
  )

  await migrate(client)

  const found = await rows(
    client,
    `SELECT s.id FROM submissions s WHERE s.rowid IN
       (SELECT rowid FROM submissions_search WHERE submissions_search MATCH ?)`,
    '"orc" AND "ced"',
  )
  expect(found).toEqual([{ id: 'sub_old' }])
  const byEmail = await rows(
    client,
    'SELECT rowid FROM submissions_search WHERE submissions_search MATCH ?',
    trigramQuery('ann@example') ?? '',
  )
  expect(byEmail).toHaveLength(1)
  expect(await rows(client, 'SELECT id, topic FROM outbox ORDER BY id')).toEqual([
    { id: 'job_reset', topic: null },
    { id: 'job_sub_old.notify', topic: 'form:contact' },
    { id: 'job_sub_old.webhook', topic: 'form:contact' },
  ])
})

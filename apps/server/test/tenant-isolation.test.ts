import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { enqueue } from '../src/outbox/jobs.ts'
import { parseSecretKey } from '../src/sites/keys.ts'
import { siteScope } from '../src/sites/scope.ts'
import { createTestApp, createTestSite, type TestApp, type TestSite } from './helpers/app.ts'
import { apiError, bearer, jsonRequest, rows } from './helpers/http.ts'

// Many sites share one deployment. Whatever site A's keys do, site B's data stays unseen and
// unchanged. Each scenario is an attempt by A on B, checked from both sides: A's answer, and
// B's rows afterwards.

let t: TestApp
let a: TestSite
let b: TestSite
let bJobId: string

beforeEach(async () => {
  t = await createTestApp({ handlers: {} })
  a = await createTestSite(t, { name: 'Site A', origins: ['https://a.example'] })
  b = await createTestSite(t, { name: 'Site B', origins: ['https://b.example'] })
  const { db, clock } = t.deps
  await db.batch([
    enqueue(db, clock, siteScope(b.id), { kind: 'test.secret', payload: { to: 'b@b.example' } }),
  ])
  const [job] = await rows(t.deps.client, 'SELECT id FROM outbox WHERE site_id = ?', b.id)
  bJobId = String(job?.id)
  // B's job has failed for good: exactly what A would like to retry or read.
  await t.deps.client.execute({
    sql: "UPDATE outbox SET status = 'dead', attempts = 10, last_error = 'smtp: b-secret' WHERE id = ?",
    args: [bJobId],
  })
})
afterEach(() => t.close())

const asA = (path: string, init: RequestInit = {}) =>
  t.app.request(`/v1/admin${path}`, {
    ...init,
    headers: { ...bearer(a.secretKey), ...(init.headers as Record<string, string>) },
  })

async function snapshotOfB() {
  const q = (sql: string) => rows(t.deps.client, sql, b.id)
  return {
    site: await q('SELECT name, publishable_key FROM sites WHERE id = ?'),
    origins: await q('SELECT origin FROM site_origins WHERE site_id = ? ORDER BY origin'),
    keys: await q('SELECT id, revoked_at FROM secret_keys WHERE site_id = ?'),
    jobs: await q('SELECT id, status, attempts, last_error FROM outbox WHERE site_id = ?'),
  }
}

describe("site A's secret key against site B", () => {
  const attempts: {
    name: string
    request: () => [string, RequestInit?]
    status: number
    code?: string
  }[] = [
    {
      name: "remove B's origin",
      request: () => [`/origins/${encodeURIComponent('https://b.example')}`, { method: 'DELETE' }],
      status: 404,
      code: 'ORIGIN_NOT_FOUND',
    },
    {
      name: "revoke B's key by its id",
      request: () => [`/keys/${parseSecretKey(b.secretKey)?.id}`, { method: 'DELETE' }],
      status: 404,
      code: 'KEY_NOT_FOUND',
    },
    {
      name: "read B's outbox job",
      request: () => [`/outbox/${bJobId}`],
      status: 404,
      code: 'JOB_NOT_FOUND',
    },
    {
      name: "retry B's dead job",
      request: () => [`/outbox/${bJobId}/retry`, { method: 'POST' }],
      status: 404,
      code: 'JOB_NOT_FOUND',
    },
    {
      name: 'rename its own site',
      request: () => ['/site', jsonRequest('PATCH', { name: 'A2' })],
      status: 204,
    },
    {
      name: 'rotate its own publishable key',
      request: () => ['/publishable-key/rotate', { method: 'POST' }],
      status: 200,
    },
    {
      name: 'create a key of its own',
      request: () => ['/keys', jsonRequest('POST', {})],
      status: 201,
    },
    {
      name: "allow B's origin for itself too",
      request: () => ['/origins', jsonRequest('POST', { origin: 'https://b.example' })],
      status: 201,
    },
  ]

  it.each(attempts)('$name → $status, and B is untouched', async ({ request, status, code }) => {
    const before = await snapshotOfB()
    const res = await asA(...request())
    expect(res.status).toBe(status)
    if (code) expect(await res.json()).toEqual(apiError(code))
    expect(await snapshotOfB()).toEqual(before)
    // B's own key still works and B still sees its own data.
    const asB = await t.app.request('/v1/admin/site', { headers: bearer(b.secretKey) })
    expect(asB.status).toBe(200)
    expect(await asB.json()).toMatchObject({
      id: b.id,
      name: 'Site B',
      origins: ['https://b.example'],
    })
  })

  it("sees only A's own site and an outbox without B's jobs", async () => {
    const site = await (await asA('/site')).json()
    expect(site).toMatchObject({ id: a.id, name: 'Site A', origins: ['https://a.example'] })
    expect(JSON.stringify(site)).not.toContain(b.id)
    expect(JSON.stringify(site)).not.toContain(parseSecretKey(b.secretKey)?.id)

    for (const query of ['', '?status=dead']) {
      const res = await asA(`/outbox${query}`)
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ items: [], nextCursor: null })
    }
    // B sees its job, so the empty list above is isolation, not an empty table.
    const asB = await t.app.request('/v1/admin/outbox', { headers: bearer(b.secretKey) })
    expect((await asB.json()).items).toEqual([
      expect.objectContaining({ id: bJobId, status: 'dead' }),
    ])
  })
})

describe("site A's publishable key", () => {
  it.each([
    { origin: 'https://b.example', status: 403 },
    { origin: 'https://a.example', status: 200 },
  ])('from $origin → $status', async ({ origin, status }) => {
    const res = await t.app.request('/v1/site', {
      headers: { 'X-Porchlight-Key': a.publishableKey, Origin: origin },
    })
    expect(res.status).toBe(status)
    const body = await res.json()
    if (status === 200) expect(body).toEqual({ id: a.id, name: 'Site A' })
    else expect(body).toEqual(apiError('ORIGIN_NOT_ALLOWED'))
    expect(JSON.stringify(body)).not.toContain('Site B')
  })

  it("does not open the owner's API", async () => {
    const res = await t.app.request('/v1/admin/site', { headers: bearer(a.publishableKey) })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('INVALID_SECRET_KEY'))
  })
})

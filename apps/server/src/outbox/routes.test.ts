import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { apiError, bearer, rows } from '../../test/helpers/http.ts'
import { siteScope } from '../sites/scope.ts'
import { enqueue, type Job } from './jobs.ts'

let clock: ReturnType<typeof manualClock>
let t: TestApp
let site: TestSite
let calls: Job[]
/** Whether `test.flaky` jobs fail; the test flips it to let a retry succeed. */
let downstreamDown: boolean

beforeEach(async () => {
  clock = manualClock()
  calls = []
  downstreamDown = true
  t = await createTestApp({
    clock,
    handlers: {
      'test.record': async (job) => void calls.push(job),
      'test.flaky': async (job) => {
        calls.push(job)
        if (downstreamDown) throw new Error('connection refused')
      },
    },
  })
  site = await createTestSite(t)
})
afterEach(() => t.close())

const admin = (path: string, init: RequestInit = {}) =>
  t.app.request(`/v1/admin${path}`, { ...init, headers: bearer(site.secretKey) })

async function addJob(kind: string, options: { maxAttempts?: number } = {}) {
  const { db } = t.deps
  await db.batch([enqueue(db, clock, siteScope(site.id), { kind, payload: { kind }, ...options })])
  const [row] = await rows(t.deps.client, 'SELECT id FROM outbox ORDER BY rowid DESC LIMIT 1')
  return String(row?.id)
}

/** A job that failed its only attempt: dead, with the error kept. */
async function deadJob() {
  const id = await addJob('test.flaky', { maxAttempts: 1 })
  await t.deps.outbox.kick()
  return id
}

describe('GET /v1/admin/outbox', () => {
  it('lists jobs newest first, filtered by status, a page at a time', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      ids.push(await addJob('test.record'))
      if (i % 2 === 0) clock.advance(1000) // some share a creation time, to test the tie-break
    }
    await t.deps.outbox.kick()
    const dead = await deadJob()

    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await admin(
        `/outbox?status=delivered&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(res.status).toBe(200)
      const body = (await res.json()) as {
        items: { id: string; status: string }[]
        nextCursor: string | null
      }
      expect(body.items.length).toBeLessThanOrEqual(2)
      expect(body.items.every((j) => j.status === 'delivered')).toBe(true)
      seen.push(...body.items.map((j) => j.id))
      cursor = body.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(5)
    expect(seen).toEqual(
      (
        await rows(
          t.deps.client,
          "SELECT id FROM outbox WHERE status = 'delivered' ORDER BY created_at DESC, id DESC",
        )
      ).map((r) => r.id),
    )

    const all = await (await admin('/outbox')).json()
    expect(all.items.map((j: { id: string }) => j.id)[0]).toBe(dead)
    expect(all.items).toHaveLength(6)
    expect(all.nextCursor).toBeNull()

    const deadOnly = await (await admin('/outbox?status=dead')).json()
    expect(deadOnly).toEqual({
      items: [
        {
          id: dead,
          kind: 'test.flaky',
          status: 'dead',
          attempts: 1,
          maxAttempts: 1,
          runAt: clock.now(),
          lastError: 'connection refused',
          createdAt: clock.now(),
          deliveredAt: null,
        },
      ],
      nextCursor: null,
    })
  })

  it.each([
    { query: '?status=lost', fields: { status: expect.any(String) } },
    { query: '?limit=0', fields: { limit: expect.any(String) } },
    { query: '?limit=101', fields: { limit: expect.any(String) } },
    {
      query: '?limit=ten&status=x&sort=asc',
      fields: { limit: expect.any(String), status: expect.any(String), sort: 'Unknown field.' },
    },
  ])('refuses $query with 422 listing every bad parameter', async ({ query, fields }) => {
    const res = await admin(`/outbox${query}`)
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', fields))
  })

  it.each([
    'not-base64!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('["x","y"]').toString('base64url'),
  ])('refuses a cursor it did not issue (%s) with 400 INVALID_CURSOR', async (cursor) => {
    const res = await admin(`/outbox?cursor=${cursor}`)
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual(apiError('INVALID_CURSOR'))
  })
})

describe('GET /v1/admin/outbox/:id', () => {
  it('shows one job', async () => {
    const id = await deadJob()
    const res = await admin(`/outbox/${id}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id, status: 'dead', lastError: 'connection refused' })
  })

  it('answers an unknown id with 404 JOB_NOT_FOUND', async () => {
    const res = await admin('/outbox/job_doesnotexist')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual(apiError('JOB_NOT_FOUND'))
  })
})

describe('POST /v1/admin/outbox/:id/retry', () => {
  it('puts a dead job back in line, and it is delivered', async () => {
    const id = await deadJob()
    downstreamDown = false
    clock.advance(60_000)

    const res = await admin(`/outbox/${id}/retry`, { method: 'POST' })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id, lastError: null, runAt: clock.now() })

    await t.deps.outbox.kick()
    const [row] = await rows(t.deps.client, 'SELECT * FROM outbox WHERE id = ?', id)
    expect(row).toMatchObject({
      status: 'delivered',
      attempts: 1,
      last_error: null,
      delivered_at: clock.now(),
    })
    expect(calls.map((c) => c.attempt)).toEqual([1, 1])
  })

  it.each([
    { status: 'pending', prepare: async () => addJob('test.record', { maxAttempts: 1 }) },
    {
      status: 'delivered',
      prepare: async () => {
        const id = await addJob('test.record')
        await t.deps.outbox.kick()
        return id
      },
    },
  ])('refuses to retry a $status job with 409 JOB_NOT_DEAD', async ({ status, prepare }) => {
    const id = await prepare()
    const before = await rows(t.deps.client, 'SELECT * FROM outbox WHERE id = ?', id)
    expect(before[0]?.status).toBe(status)

    const res = await admin(`/outbox/${id}/retry`, { method: 'POST' })
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(apiError('JOB_NOT_DEAD'))
    expect(await rows(t.deps.client, 'SELECT * FROM outbox WHERE id = ?', id)).toEqual(before)
  })

  it('answers an unknown id with 404 JOB_NOT_FOUND', async () => {
    const res = await admin('/outbox/job_doesnotexist/retry', { method: 'POST' })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual(apiError('JOB_NOT_FOUND'))
  })
})

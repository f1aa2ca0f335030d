import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, createTestSite, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { createDatabase } from '../db/client.ts'
import { siteOrigins, sites } from '../db/schema.ts'
import { openDatabase } from '../entry/node.ts'
import { type SiteScope, siteScope } from '../sites/scope.ts'
import { backoffMs, type DeliveryOptions, deliverDue } from './deliver.ts'
import { type EnqueueOptions, enqueue, type Job, type JobHandlers } from './jobs.ts'

let clock: ReturnType<typeof manualClock>
let t: TestApp
let scope: SiteScope
/** Every handler call, in order. */
let calls: Job[]

const handlers: JobHandlers = {
  'test.record': async (job) => {
    calls.push(job)
  },
  'test.fail': async (job) => {
    calls.push(job)
    throw new Error(`mail server said no (attempt ${job.attempt})`)
  },
}

beforeEach(async () => {
  clock = manualClock()
  calls = []
  t = await createTestApp({ clock, handlers })
  scope = siteScope((await createTestSite(t)).id)
})
afterEach(() => t.close())

const deliver = (options: DeliveryOptions = {}) =>
  deliverDue({ db: t.deps.db, clock, handlers, log: t.log }, options)

/** Enqueues a job the way features do: in one batch with the change that causes it. */
async function enqueueWithChange(options: Partial<EnqueueOptions> = {}) {
  const { db } = t.deps
  await db.batch([
    db.update(sites).set({ name: 'Changed' }).where(eq(sites.id, scope.siteId)),
    enqueue(db, clock, scope, { kind: 'test.record', payload: { n: 1 }, ...options }),
  ])
  const [job] = await rows(t.deps.client, 'SELECT id FROM outbox ORDER BY created_at DESC LIMIT 1')
  return String(job?.id)
}

async function job(id: string) {
  const [row] = await rows(t.deps.client, 'SELECT * FROM outbox WHERE id = ?', id)
  return row
}

describe('enqueue', () => {
  it('stores a job with its change, both or neither', async () => {
    const id = await enqueueWithChange({ payload: { to: 'owner@example.com', n: [1, 2] } })
    expect(await job(id)).toMatchObject({
      site_id: scope.siteId,
      kind: 'test.record',
      payload: '{"to":"owner@example.com","n":[1,2]}',
      status: 'pending',
      attempts: 0,
      max_attempts: 10,
      run_at: clock.now(),
    })

    // A batch whose change fails (a duplicate origin) leaves no job behind.
    const { db } = t.deps
    await expect(
      db.batch([
        db.insert(siteOrigins).values({
          siteId: scope.siteId,
          origin: 'https://site.example',
          createdAt: clock.now(),
        }),
        enqueue(db, clock, scope, { kind: 'test.record', payload: { n: 2 } }),
      ]),
    ).rejects.toThrow(/UNIQUE/)
    expect(await rows(t.deps.client, 'SELECT count(*) AS n FROM outbox')).toEqual([{ n: 1 }])
  })
})

describe('deliverDue', () => {
  it('delivers a job once', async () => {
    const id = await enqueueWithChange({ payload: { hello: 'world' } })

    expect(await deliver()).toBe(1)
    expect(calls).toEqual([
      { id, siteId: scope.siteId, kind: 'test.record', payload: { hello: 'world' }, attempt: 1 },
    ])
    expect(await job(id)).toMatchObject({
      status: 'delivered',
      attempts: 1,
      delivered_at: clock.now(),
      lease_until: null,
      last_error: null,
    })

    clock.advance(24 * 3600_000)
    expect(await deliver()).toBe(0)
    expect(calls).toHaveLength(1)
  })

  it('waits for a delayed job', async () => {
    const id = await enqueueWithChange({ delayMs: 60_000 })
    expect(await deliver()).toBe(0)
    clock.advance(59_999)
    expect(await deliver()).toBe(0)
    clock.advance(1)
    expect(await deliver()).toBe(1)
    expect((await job(id))?.status).toBe('delivered')
  })

  it('retries a failing job with exponential backoff, then gives up with the last error', async () => {
    const id = await enqueueWithChange({ kind: 'test.fail', maxAttempts: 4 })
    const options = { baseBackoffMs: 1000, maxBackoffMs: 3000 }
    // Delays double from 1 s and stop at 3 s, each within ±20% jitter (and never above the cap).
    const expected = [
      [800, 1200],
      [1600, 2400],
      [2400, 3000],
    ] as const

    for (const [attempt, [min, max]] of expected.entries()) {
      expect(await deliver(options)).toBe(1)
      const row = await job(id)
      const delay = Number(row?.run_at) - clock.now()
      expect(row).toMatchObject({
        status: 'pending',
        attempts: attempt + 1,
        last_error: `mail server said no (attempt ${attempt + 1})`,
        lease_until: null,
      })
      expect(delay).toBeGreaterThanOrEqual(min)
      expect(delay).toBeLessThanOrEqual(max)

      // Not a moment early.
      clock.advance(delay - 1)
      expect(await deliver(options)).toBe(0)
      clock.advance(1)
    }

    expect(await deliver(options)).toBe(1)
    expect(await job(id)).toMatchObject({
      status: 'dead',
      attempts: 4,
      last_error: 'mail server said no (attempt 4)',
      delivered_at: null,
    })
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3, 4])
    expect(t.log.lines.filter((l) => l.message === 'outbox job failed')).toHaveLength(4)
    expect(t.log.lines.at(-1)).toMatchObject({ level: 'warn', jobId: id, attempt: 4, dead: true })

    clock.advance(7 * 24 * 3600_000)
    expect(await deliver(options)).toBe(0)
    expect(calls).toHaveLength(4)
  })

  it('marks a job of an unknown kind dead at once', async () => {
    const id = await enqueueWithChange({ kind: 'test.nobody-handles-this' })
    expect(await deliver()).toBe(1)
    expect(await job(id)).toMatchObject({
      status: 'dead',
      attempts: 1,
      last_error: 'No handler for job kind "test.nobody-handles-this".',
    })
  })

  it('claims again a job whose worker died mid-delivery, once its lease has passed', async () => {
    const id = await enqueueWithChange()
    // A worker claimed it (attempt 1) and crashed: the row is left 'sending' with a lease.
    await t.deps.client.execute({
      sql: "UPDATE outbox SET status = 'sending', attempts = 1, lease_until = ? WHERE id = ?",
      args: [clock.now() + 120_000, id],
    })
    expect(await deliver()).toBe(0)
    clock.advance(120_001)

    expect(await deliver()).toBe(1)
    expect(calls).toEqual([expect.objectContaining({ id, attempt: 2 })])
    expect(await job(id)).toMatchObject({ status: 'delivered', attempts: 2, lease_until: null })
  })

  it('gives up on a job whose lease ran out on its last attempt', async () => {
    const id = await enqueueWithChange({ maxAttempts: 3 })
    await t.deps.client.execute({
      sql: "UPDATE outbox SET status = 'sending', attempts = 3, lease_until = ? WHERE id = ?",
      args: [clock.now() - 1, id],
    })
    expect(await deliver()).toBe(0)
    expect(calls).toEqual([])
    expect(await job(id)).toMatchObject({
      status: 'dead',
      last_error: 'Timed out on its last attempt.',
      lease_until: null,
    })
  })

  it('takes at most batchSize jobs a round, oldest first', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      ids.push(await enqueueWithChange({ payload: { i } }))
      clock.advance(1)
    }
    expect(await deliver({ batchSize: 2 })).toBe(2)
    expect(await deliver({ batchSize: 2 })).toBe(2)
    expect(await deliver({ batchSize: 2 })).toBe(1)
    expect(calls.map((c) => c.id).sort()).toEqual([...ids].sort())
    expect(
      calls
        .slice(0, 2)
        .map((c) => c.id)
        .sort(),
    ).toEqual(ids.slice(0, 2).sort())
  })

  it('never runs a job twice when two workers deliver at once', async () => {
    for (let i = 0; i < 30; i++) await enqueueWithChange({ payload: { i } })
    // A second process on the same database file, with its own connection.
    const other = await openDatabase(t.config.database)
    try {
      const slowHandlers: JobHandlers = {
        'test.record': async (job) => {
          calls.push(job)
          await new Promise((resolve) => setTimeout(resolve, 2))
        },
      }
      const worker = (db = t.deps.db) =>
        deliverDue({ db, clock, handlers: slowHandlers, log: t.log }, { batchSize: 7 })
      const drain = async (db = t.deps.db) => {
        while ((await worker(db)) > 0) {}
      }
      await Promise.all([
        drain(),
        drain(createDatabase(other)),
        drain(),
        drain(createDatabase(other)),
      ])
    } finally {
      other.close()
    }

    const ids = calls.map((c) => c.id)
    expect(ids).toHaveLength(30)
    expect(new Set(ids).size).toBe(30)
    expect(calls.every((c) => c.attempt === 1)).toBe(true)
    expect(
      await rows(
        t.deps.client,
        'SELECT status, count(*) AS n, max(attempts) AS a FROM outbox GROUP BY status',
      ),
    ).toEqual([{ status: 'delivered', n: 30, a: 1 }])
  })
})

describe('backoffMs', () => {
  const base = 15_000
  const max = 3_600_000
  it.each([
    { attempt: 1, exact: 15_000 },
    { attempt: 2, exact: 30_000 },
    { attempt: 5, exact: 240_000 },
    { attempt: 8, exact: 1_920_000 },
    { attempt: 9, exact: max },
    { attempt: 50, exact: max },
    { attempt: 5000, exact: max },
  ])('attempt $attempt waits about $exact ms', ({ attempt, exact }) => {
    const low = backoffMs(attempt, base, max, () => 0)
    const middle = backoffMs(attempt, base, max, () => 0.5)
    const high = backoffMs(attempt, base, max, () => 0.999_999)
    expect(middle).toBe(exact)
    expect(low).toBe(Math.round(exact * 0.8))
    expect(high).toBeLessThanOrEqual(Math.min(max, Math.round(exact * 1.2)))
    expect(high).toBeGreaterThan(middle === max ? max - 1 : middle)
    for (const delay of [low, middle, high]) {
      expect(Number.isInteger(delay)).toBe(true)
      expect(delay).toBeLessThanOrEqual(max)
    }
  })
})

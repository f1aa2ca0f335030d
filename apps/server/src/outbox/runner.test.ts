import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, createTestSite, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { siteScope } from '../sites/scope.ts'
import { enqueue, type Job } from './jobs.ts'

let t: TestApp
afterEach(() => t.close())

async function setUp(
  onJob: (job: Job) => Promise<void> | void = () => {},
  drains: 'shared' | 'per-request' = 'shared',
) {
  const clock = manualClock()
  const calls: Job[] = []
  t = await createTestApp({
    clock,
    delivery: { batchSize: 3, drains },
    handlers: {
      'test.record': async (job) => {
        calls.push(job)
        await onJob(job)
      },
    },
  })
  const scope = siteScope((await createTestSite(t)).id)
  const add = (n: number) => {
    const { db } = t.deps
    return db.batch(
      Array.from({ length: n }, (_, i) =>
        enqueue(db, clock, scope, { kind: 'test.record', payload: { i } }),
      ) as [ReturnType<typeof enqueue>],
    )
  }
  const statuses = () =>
    rows(t.deps.client, 'SELECT status, count(*) AS n FROM outbox GROUP BY status ORDER BY status')
  return { clock, calls, add, statuses }
}

describe('outbox runner', () => {
  it('kick() drains everything due, several batches in a row', async () => {
    const { calls, add, statuses } = await setUp()
    await add(10)
    await t.deps.outbox.kick()
    expect(calls).toHaveLength(10)
    expect(await statuses()).toEqual([{ status: 'delivered', n: 10 }])
  })

  it('a kick during a drain joins it, and a job enqueued mid-drain is delivered before it ends', async () => {
    let enqueuedMidDrain = false
    const { calls, add, statuses } = await setUp(async () => {
      if (enqueuedMidDrain) return
      enqueuedMidDrain = true
      await add(1)
      void t.deps.outbox.kick()
    })
    await add(1)
    await t.deps.outbox.kick()
    expect(calls).toHaveLength(2)
    expect(await statuses()).toEqual([{ status: 'delivered', n: 2 }])
  })

  it('on Workers (per-request drains) a kick joins the running drain without waiting on it, and every job is delivered once', async () => {
    const { calls, add, statuses } = await setUp(() => {}, 'per-request')
    await add(10)
    const first = t.deps.outbox.kick()
    const second = t.deps.outbox.kick()
    expect(first).not.toBe(second) // no request waits on a promise another request started
    await Promise.all([first, second])
    expect(calls.map((job) => job.id).sort()).toEqual(
      [...new Set(calls.map((job) => job.id))].sort(),
    )
    expect(calls).toHaveLength(10)
    expect(await statuses()).toEqual([{ status: 'delivered', n: 10 }])
  })

  it('on Workers a kick during a drain returns at once, and that drain delivers its job', async () => {
    let joined: Promise<void> | undefined
    let deliveredWhenJoinedSettled: number | undefined
    const { calls, add, statuses } = await setUp(async () => {
      if (joined) return
      await add(1)
      joined = t.deps.outbox.kick()
      void joined.then(() => {
        deliveredWhenJoinedSettled = calls.length
      })
    }, 'per-request')
    await add(1)
    const owner = t.deps.outbox.kick()
    await owner
    // The joining request waited for nothing (its job was not out yet when its promise
    // settled); the owner's drain went one more round for it.
    expect(deliveredWhenJoinedSettled).toBe(1)
    expect(calls).toHaveLength(2)
    expect(await statuses()).toEqual([{ status: 'delivered', n: 2 }])
  })

  it('a failed drain is logged, not thrown, and the next kick works', async () => {
    const { add, statuses } = await setUp()
    await add(1)
    await t.deps.client.execute('ALTER TABLE outbox RENAME TO outbox_away')
    await expect(t.deps.outbox.kick()).resolves.toBeUndefined()
    expect(t.log.lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'outbox delivery failed' }),
    )
    await t.deps.client.execute('ALTER TABLE outbox_away RENAME TO outbox')
    await t.deps.outbox.kick()
    expect(await statuses()).toEqual([{ status: 'delivered', n: 1 }])
  })

  it('tick() delivers what came due and prunes expired rate-limit counters', async () => {
    const { clock, calls, add } = await setUp()
    await t.deps.limiter.hit({ bucket: 'old', limit: 5, windowMs: 60_000 })
    clock.advance(3 * 60_000)
    await t.deps.limiter.hit({ bucket: 'fresh', limit: 5, windowMs: 60_000 })
    await add(2)

    await t.deps.outbox.tick()
    expect(calls).toHaveLength(2)
    expect(await rows(t.deps.client, 'SELECT bucket FROM rate_limits')).toEqual([
      { bucket: 'fresh' },
    ])
  })

  it('close() delivers what the last requests queued, then ignores kicks', async () => {
    const { calls, add, statuses } = await setUp()
    await add(4)
    await t.deps.outbox.close(Date.now() + 5000)
    expect(calls).toHaveLength(4)

    await add(1)
    await t.deps.outbox.kick()
    await t.deps.outbox.tick()
    expect(calls).toHaveLength(4)
    expect(await statuses()).toEqual([
      { status: 'delivered', n: 4 },
      { status: 'pending', n: 1 },
    ])
  })

  // Regression (issue 9, item 7): jobs claimed by a process that shut down stayed leased, so no
  // one delivered them until their two-minute lease ran out.
  it('close() hands back jobs still being delivered at the deadline, due at once and uncounted', async () => {
    const { clock, calls, add } = await setUp(() => new Promise<void>(() => {}))
    await add(2)
    void t.deps.outbox.kick()
    await expect.poll(() => calls.length).toBe(2)

    await t.deps.outbox.close(Date.now() + 100)
    expect(
      await rows(t.deps.client, 'SELECT status, attempts, lease_until, run_at FROM outbox'),
    ).toEqual([
      { status: 'pending', attempts: 0, lease_until: null, run_at: clock.now() },
      { status: 'pending', attempts: 0, lease_until: null, run_at: clock.now() },
    ])
  })
})

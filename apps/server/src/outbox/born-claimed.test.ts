import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTestApp, createTestSite, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { siteScope } from '../sites/scope.ts'
import { type ClaimedJob, deliverDue } from './deliver.ts'
import { type BirthClaim, enqueueWhen, type Job, jobIdFor } from './jobs.ts'

// A contact submission queues its notification already claimed by the process that stored it,
// which then delivers it without a claim of its own. These pin what that must not change: a job
// is never delivered by two processes, never lost when its process dies, and its retries and
// shutdown behave as for a job claimed by a sweep.

const leaseMs = 120_000
let t: TestApp
afterEach(() => t.close())

async function setUp(onJob: (job: Job) => Promise<void> | void = () => {}) {
  const clock = manualClock()
  const calls: Job[] = []
  const handlers = {
    'test.record': async (job: Job) => {
      calls.push(job)
      await onJob(job)
    },
  }
  t = await createTestApp({ clock, handlers, delivery: { leaseMs } })
  const scope = siteScope((await createTestSite(t)).id)
  /** Queues `n` jobs in one batch, as a request would, claimed by `claim` (or unclaimed). */
  const queue = async (n: number, claim: BirthClaim | null) => {
    const { db } = t.deps
    const jobs: ClaimedJob[] = Array.from({ length: n }, (_, i) => {
      const options = { kind: 'test.record', payload: { i } }
      return {
        id: jobIdFor(options),
        siteId: scope.siteId,
        kind: options.kind,
        payload: options.payload,
        attempt: 1,
        maxAttempts: 10,
        runAt: clock.now(),
      }
    })
    await db.batch(
      jobs.map((job) =>
        enqueueWhen(db, clock, scope, job, sql`1`, { claim: claim ?? undefined, id: job.id }),
      ) as [ReturnType<typeof enqueueWhen>],
    )
    return jobs
  }
  /** Another process's sweep over the same database. */
  const sweepElsewhere = () =>
    deliverDue({ db: t.deps.db, clock, handlers, log: t.log }, { leaseMs })
  const outbox = () =>
    rows(t.deps.client, 'SELECT status, attempts, lease_until, run_at FROM outbox ORDER BY id')
  return { clock, calls, scope, queue, sweepElsewhere, outbox }
}

describe('a job born claimed', () => {
  it('is stored as the claim would leave it, and no other process’s sweep takes it', async () => {
    const { clock, calls, queue, sweepElsewhere, outbox } = await setUp()
    const claim = t.deps.outbox.birthClaim()
    expect(claim).toEqual({ leaseUntil: clock.now() + leaseMs })
    await queue(1, claim)
    expect(await outbox()).toEqual([
      { status: 'sending', attempts: 1, lease_until: clock.now() + leaseMs, run_at: clock.now() },
    ])

    clock.advance(leaseMs - 1)
    expect(await sweepElsewhere()).toBe(0)
    expect(calls).toHaveLength(0)
  })

  it('is delivered once by the process that queued it, as its first attempt', async () => {
    const { calls, queue, sweepElsewhere, outbox } = await setUp()
    const jobs = await queue(1, t.deps.outbox.birthClaim())
    await t.deps.outbox.deliverBornClaimed(jobs)
    expect(calls.map((job) => [job.id, job.attempt])).toEqual([[jobs[0]?.id, 1]])
    expect(await outbox()).toMatchObject([{ status: 'delivered', attempts: 1, lease_until: null }])
    expect(await sweepElsewhere()).toBe(0)
    expect(calls).toHaveLength(1)
  })

  it('is delivered by a sweep once its lease has passed, when its process died first', async () => {
    const { clock, calls, queue, sweepElsewhere, outbox } = await setUp()
    // Queued and acknowledged, but the process is gone before it hands the job to its runner.
    await queue(1, t.deps.outbox.birthClaim())
    clock.advance(leaseMs + 1)
    expect(await sweepElsewhere()).toBe(1)
    expect(calls.map((job) => job.attempt)).toEqual([2])
    expect(await outbox()).toMatchObject([{ status: 'delivered', attempts: 2 }])
  })

  it('that fails is retried with backoff, as a claimed job is', async () => {
    let failing = true
    const { clock, calls, queue, outbox } = await setUp(() => {
      if (failing) throw new Error('mail server said no')
    })
    await t.deps.outbox.deliverBornClaimed(await queue(1, t.deps.outbox.birthClaim()))
    const [failed] = await outbox()
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lease_until: null })
    // The first backoff step (15 s, ±20%).
    expect(Number(failed?.run_at) - clock.now()).toBeGreaterThanOrEqual(12_000)
    expect(Number(failed?.run_at) - clock.now()).toBeLessThanOrEqual(18_000)

    failing = false
    clock.advance(18_000)
    await t.deps.outbox.tick()
    expect(calls.map((job) => job.attempt)).toEqual([1, 2])
    expect(await outbox()).toMatchObject([{ status: 'delivered', attempts: 2 }])
  })

  it('has the outcomes of a round written in one transaction', async () => {
    const { calls, queue, outbox } = await setUp()
    const jobs = await queue(5, t.deps.outbox.birthClaim())
    const batch = vi.spyOn(t.deps.db, 'batch')
    await t.deps.outbox.deliverBornClaimed(jobs)
    expect(calls).toHaveLength(5)
    expect(batch).toHaveBeenCalledTimes(1)
    expect(await outbox()).toEqual(
      Array.from({ length: 5 }, () => expect.objectContaining({ status: 'delivered' })),
    )
  })

  it('is handed back, due at once and uncounted, when handed over once the runner is closing', async () => {
    const { clock, calls, queue, outbox } = await setUp()
    const claim = t.deps.outbox.birthClaim()
    const jobs = await queue(1, claim)
    await t.deps.outbox.close(Date.now() + 1000)
    expect(t.deps.outbox.birthClaim()).toBeNull()

    await t.deps.outbox.deliverBornClaimed(jobs)
    expect(calls).toHaveLength(0)
    expect(await outbox()).toEqual([
      { status: 'pending', attempts: 0, lease_until: null, run_at: clock.now() },
    ])
  })
})

describe('a contact submission’s notification', () => {
  async function setUpForm() {
    const clock = manualClock()
    const sent: Job[] = []
    t = await createTestApp({
      clock,
      handlers: { email: async (job) => void sent.push(job) },
      delivery: { leaseMs },
    })
    const site = await createTestSite(t, { origins: ['https://site.example'] })
    const res = await t.app.request('/v1/admin/forms', {
      method: 'POST',
      headers: { Authorization: `Bearer ${site.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: 'ask',
        name: 'Ask',
        settings: { notify: ['owner@example.com'], spam: { proofOfWork: 'off' } },
      }),
    })
    expect(res.status).toBe(201)
    // A person takes a few seconds to fill in a form (the time trap).
    clock.advance(5_000)
    const submit = async () => {
      const answer = await t.app.request('/v1/forms/ask/submissions', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Porchlight-Key': site.publishableKey,
          Origin: 'https://site.example',
        },
        body: JSON.stringify({ message: 'Please call me back' }),
      })
      expect(answer.status).toBe(201)
      return ((await answer.json()) as { id: string }).id
    }
    const outbox = () => rows(t.deps.client, 'SELECT id, status, attempts FROM outbox')
    return { clock, sent, submit, outbox }
  }

  it('is sent once, on its first attempt, by the process that stored the submission', async () => {
    const { sent, submit, outbox } = await setUpForm()
    const id = await submit()
    await expect
      .poll(outbox)
      .toEqual([{ id: `job_${id}.notify`, status: 'delivered', attempts: 1 }])
    expect(sent.map((job) => [job.id, job.attempt])).toEqual([[`job_${id}.notify`, 1]])
  })

  it('is sent once by a later sweep when the process dies between the answer and the delivery', async () => {
    const { clock, sent, submit, outbox } = await setUpForm()
    // The process is gone right after answering: its runner never gets the job.
    t.deps.outbox.deliverBornClaimed = async () => {}
    const id = await submit()
    expect(await outbox()).toEqual([{ id: `job_${id}.notify`, status: 'sending', attempts: 1 }])

    // No sweep takes it while its lease lasts (another process may still be sending it) …
    await t.deps.outbox.tick()
    expect(sent).toHaveLength(0)
    // … and the first one after it does.
    clock.advance(leaseMs + 1)
    await t.deps.outbox.tick()
    expect(sent.map((job) => job.id)).toEqual([`job_${id}.notify`])
    expect(await outbox()).toEqual([{ id: `job_${id}.notify`, status: 'delivered', attempts: 2 }])
  })
})

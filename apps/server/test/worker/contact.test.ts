import { createHash } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outbox } from '../../src/db/schema.ts'
import { createSite } from '../../src/sites/service.ts'
import { spamSettingsSchema } from '../../src/spam/settings.ts'
import {
  errorLines,
  formatLogs,
  mailFrom,
  onEachDatabase,
  startWorkerHarness,
  type WorkerHarness,
} from './worker-harness.ts'

// The proof: the Worker build accepts a contact-form submission end to end in workerd,
// on each of its databases (D1, and Turso over HTTP). A visitor's page fetches a challenge,
// solves it, submits; the submission is stored, the owner's notification goes out through
// Resend's API after the response (waitUntil), and the cron trigger retries a notification that
// Resend refused at first.

const origin = 'https://bakery.example'
const owner = 'owner@example.com'
/** The time trap marks submissions sent sooner than this after the challenge as too fast. */
const minSecondsMs = spamSettingsSchema.parse({}).minSeconds * 1000

let w: WorkerHarness
let site: Awaited<ReturnType<typeof createSite>>

type Challenge = {
  algorithm: 'SHA-256'
  challenge: string
  maxnumber: number
  salt: string
  signature: string
  timeToken: string
}

const visitor = (extra: Record<string, string> = {}) => ({
  'X-Porchlight-Key': site.publishableKey,
  Origin: origin,
  ...extra,
})

/** What the script tag does in the page: find `number` with SHA-256(salt + number) = challenge. */
function solve(c: Challenge): string {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
  for (let number = 0; number <= c.maxnumber; number++) {
    if (sha256(c.salt + number) === c.challenge) {
      const { algorithm, challenge, salt, signature } = c
      return btoa(JSON.stringify({ algorithm, challenge, number, salt, signature }))
    }
  }
  throw new Error('The challenge has no solution up to maxnumber')
}

/** Fetches a challenge, solves it, and waits as long as a person filling in the form would. */
async function fillInForm(formId: string, fields: Record<string, string>) {
  const res = await w.fetch(`/v1/forms/${formId}/challenge`, { headers: visitor() })
  const challenge = (await w.json(res)) as Challenge
  expect(res.status).toBe(200)
  const shownAt = Date.now()
  const altcha = solve(challenge)
  await sleep(Math.max(0, shownAt + minSecondsMs + 300 - Date.now()))
  return { ...fields, _altcha: altcha, _t: challenge.timeToken }
}

function submit(formId: string, body: Record<string, string>) {
  return w.fetch(`/v1/forms/${formId}/submissions`, {
    method: 'POST',
    headers: visitor({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body),
  })
}

type SubmissionRow = { status: string; spam_reasons: string; data: string; email: string | null }
type OutboxRow = { status: string; attempts: number; last_error: string | null }

async function submissionRow(id: string) {
  const [row] = await w.query<SubmissionRow>(
    'SELECT status, spam_reasons, data, email FROM submissions WHERE id = ? AND site_id = ?',
    id,
    site.id,
  )
  return row
}

async function outboxRow(jobId: string) {
  const [row] = await w.query<OutboxRow>(
    'SELECT status, attempts, last_error FROM outbox WHERE id = ?',
    jobId,
  )
  return row
}

/** Polls the database until `check` passes; delivery happens after the response. */
async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs
  let value = await read()
  while (!check(value)) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out; last value: ${JSON.stringify(value)}\n${formatLogs(w.logs)}`)
    }
    await sleep(50)
    value = await read()
  }
  return value
}

onEachDatabase((database) => {
  beforeAll(async () => {
    w = await startWorkerHarness({ database })
    site = await createSite(w.deps, { name: 'Bakery', origins: [origin] })
  }, 240_000)

  afterAll(async () => {
    await w?.close()
  })

  // Each scenario waits out the time trap (3 s) once or twice; allow for slow CI machines.
  describe('contact form on the Worker build', { timeout: 60_000 }, () => {
    it('creates the form through the owner API', async () => {
      const res = await w.fetch('/v1/admin/forms', {
        method: 'POST',
        headers: { Authorization: `Bearer ${site.secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          id: 'contact',
          name: 'Contact',
          settings: { notify: [owner], fields: { email: { type: 'email', required: true } } },
        }),
      })
      expect(res.status, formatLogs(w.logs)).toBe(201)
      expect(await w.json(res)).toMatchObject({ id: 'contact', name: 'Contact', enabled: true })
    })

    it('hands a visitor a signed challenge, readable by the site’s page', async () => {
      const res = await w.fetch('/v1/forms/contact/challenge', { headers: visitor() })
      const body = (await w.json(res)) as Challenge
      expect(res.status).toBe(200)
      expect(body).toMatchObject({ algorithm: 'SHA-256', maxnumber: expect.any(Number) })
      expect(body.challenge).toMatch(/^[0-9a-f]{64}$/)
      expect(body.signature).toMatch(/^[0-9a-f]{64}$/)
      expect(body.timeToken).toMatch(/^\d+\./)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
    })

    it('accepts a submission end to end: stored, then the owner is emailed through Resend', async () => {
      const body = await fillInForm('contact', {
        name: 'Ada',
        email: 'Ada@Example.com',
        message: 'Do you bake rye bread on Saturdays?',
      })
      const res = await submit('contact', body)
      const { id } = await w.json(res)
      expect(res.status, formatLogs(w.logs)).toBe(201)
      expect(id).toMatch(/^sub_/)

      const row = await submissionRow(id)
      expect(row, JSON.stringify(row)).toMatchObject({ status: 'new', email: 'ada@example.com' })
      expect(JSON.parse(row?.spam_reasons ?? 'null')).toEqual([])
      expect(JSON.parse(row?.data ?? 'null')).toEqual({
        name: 'Ada',
        email: 'Ada@Example.com',
        message: 'Do you bake rye bread on Saturdays?',
      })

      // Delivered after the response, in waitUntil: wait for it at the Resend stand-in.
      const [email] = await w.resend.waitForEmails(1)
      expect(email?.body).toMatchObject({
        from: mailFrom,
        to: [owner],
        subject: 'New submission: Contact on Bakery',
        reply_to: 'ada@example.com',
      })
      expect(email?.body.text).toContain('Do you bake rye bread on Saturdays?')
      expect(email?.idempotencyKey).toBeTruthy()
      await eventually(
        () => outboxRow(`job_${id}.notify`),
        (job) => job?.status === 'delivered',
      )
    })

    it('stores a replayed proof of work as spam, answered like any other submission', async () => {
      const body = await fillInForm('contact', { email: 'bob@example.com', message: 'First' })
      expect((await submit('contact', body)).status).toBe(201)

      const replay = await submit('contact', { ...body, message: 'Second, same solution' })
      const { id } = await w.json(replay)
      expect(replay.status).toBe(201)
      const row = await submissionRow(id)
      expect(row?.status).toBe('spam')
      expect(JSON.parse(row?.spam_reasons ?? '[]')).toContain('replayed_proof_of_work')
      // Spam is stored for review but nobody is notified.
      expect(await outboxRow(`job_${id}.notify`)).toBeUndefined()
    })

    it('retries a notification Resend refused when the cron trigger runs', async () => {
      await w.resend.waitForEmails(2) // the clean submission of the previous test
      const sentBefore = w.resend.emails.length
      w.resend.failNext(1, 503)
      const body = await fillInForm('contact', {
        email: 'cy@example.com',
        message: 'Wedding cake?',
      })
      const res = await submit('contact', body)
      const { id } = await w.json(res)
      expect(res.status).toBe(201)

      const jobId = `job_${id}.notify`
      const failed = await eventually(
        () => outboxRow(jobId),
        (job) => job?.status === 'pending' && job.attempts === 1,
      )
      expect(failed?.last_error).toContain('503')
      expect(w.resend.refused).toBe(1)

      // The retry is due after a backoff of about 15 s; bring it forward rather than wait.
      await w.deps.db
        .update(outbox)
        .set({ runAt: Date.now() - 1000 })
        .where(eq(outbox.id, jobId))
      const result = await w.scheduled()
      expect(result.outcome).toBe('ok')

      const emails = await w.resend.waitForEmails(sentBefore + 1)
      expect(emails.at(-1)?.body).toMatchObject({ to: [owner], reply_to: 'cy@example.com' })
      const delivered = await eventually(
        () => outboxRow(jobId),
        (job) => job?.status === 'delivered',
      )
      expect(delivered?.attempts).toBe(2)
    })

    it('logged no errors', () => {
      expect(errorLines(w.logs)).toEqual([])
    })
  })
})

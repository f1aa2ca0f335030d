import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import {
  type OwnerApi,
  outboxRows,
  ownerApi,
  submitForId,
  submitHtml,
} from '../../test/helpers/owner-api.ts'
import {
  type ReceivedMessage,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../../test/helpers/smtp.ts'
import { createSmtpTransport, type SmtpTransport } from '../mail/smtp.ts'

// Notifications through a real SMTP server (smtp-server on loopback, AUTH required) with the
// app's own SMTP transport: what the owner receives, and that nothing is lost or sent twice
// while the server is down.

let smtp: TestSmtpServer
let mail: SmtpTransport
let t: TestApp
let clock: ReturnType<typeof manualClock>
let site: TestSite
let owner: OwnerApi

beforeEach(async () => {
  smtp = await startTestSmtpServer()
  // Short limits: a dead server must fail an attempt in well under a test's time budget.
  mail = createSmtpTransport({ url: smtp.url, timeoutMs: 2000, sendTimeoutMs: 5000 })
  clock = manualClock()
  t = await createTestApp({ mail, clock, env: { MAIL_FROM: 'Porchlight <forms@example.com>' } })
  site = await createTestSite(t, { name: 'Acme Garden' })
  owner = ownerApi(t, site)
  await owner.createForm({
    id: 'contact',
    name: 'Contact',
    settings: {
      notify: ['owner@acme.example', 'team@acme.example'],
      subject: '{{form}} on {{site}}: {{field.topic}}',
      fields: {
        email: { type: 'email', required: true, label: 'Your email' },
        topic: { label: 'Topic' },
        message: { required: true, label: 'Message' },
      },
      rateLimits: { perAddressPerHour: 1000, perFormPerHour: 1000 },
    },
  })
})

afterEach(async () => {
  // Let deliveries started by requests finish, then close the client before the server (the
  // server waits for its clients), and the database last.
  await t?.deps.outbox.kick()
  await mail?.close()
  await smtp?.close()
  await t?.close()
})

/** Drains the outbox until nothing more is due (each kick drains; a few rounds settle retries). */
async function deliverAll() {
  for (let round = 0; round < 3; round++) await t.deps.outbox.kick()
}

function byMessageId(messages: readonly ReceivedMessage[]) {
  const counts = new Map<string, number>()
  for (const m of messages) {
    const id = m.headers.get('message-id') ?? '(none)'
    counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

const submission = (n: number) => ({
  email: `visitor${n}@example.org`,
  topic: `Roses ${n}`,
  message: `Hello number ${n}`,
})

describe('a burst of submissions', () => {
  // Issue 13: each submission now only signals the outbox runner, which drains in the background.
  it('100 at once: 100 rows, and 100 notifications delivered exactly once each', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, n) => submitHtml(t, site, 'contact', submission(n))),
    )
    expect(answers.map((res) => res.status)).toEqual(Array(100).fill(303))
    // No kick from the test: the requests' own signals deliver everything.
    const received = await smtp.waitForMessages(100, 30_000)
    await deliverAll()
    expect(smtp.received).toHaveLength(100)
    const counts = byMessageId(received)
    expect(counts.size).toBe(100)
    expect([...counts.values()].every((n) => n === 1)).toBe(true)
    const subjects = new Set(received.map((m) => m.headers.get('subject')))
    expect(subjects).toEqual(
      new Set(Array.from({ length: 100 }, (_, n) => `Contact on Acme Garden: Roses ${n}`)),
    )
    expect((await rows(t.deps.client, 'SELECT count(*) AS n FROM submissions'))[0]?.n).toBe(100)
    expect(
      await rows(t.deps.client, 'SELECT status, attempts, count(*) AS n FROM outbox GROUP BY 1, 2'),
    ).toEqual([{ status: 'delivered', attempts: 1, n: 100 }])
  })
})

describe('the owner’s notification, through a real SMTP server', () => {
  it('arrives with the right headers, subject, and both parts holding the fields', async () => {
    const id = await submitForId(t, site, 'contact', {
      email: 'Visitor@Example.org',
      topic: 'Roses & <tulips>',
      message: 'Do you sell <script>alert("x")</script>?\nThanks, Ada',
    })
    await t.deps.outbox.kick()
    const [received] = await smtp.waitForMessages(1)

    expect(received?.recipients).toEqual(['owner@acme.example', 'team@acme.example'])
    const h = received?.headers
    expect(h?.get('from')).toBe('Porchlight <forms@example.com>')
    expect(h?.get('to')).toBe('owner@acme.example, team@acme.example')
    expect(h?.get('reply-to')).toBe('visitor@example.org')
    expect(h?.get('subject')).toBe('Contact on Acme Garden: Roses & <tulips>')
    expect(h?.get('message-id')).toBe(`<job_${id}.notify@example.com>`)
    expect(h?.get('auto-submitted')).toBe('auto-generated')

    const text = received?.parts.get('text/plain') ?? ''
    expect(text).toContain('Your email: Visitor@Example.org')
    expect(text).toContain('Topic: Roses & <tulips>')
    expect(text).toContain('Message:\n  Do you sell <script>alert("x")</script>?\n  Thanks, Ada')
    expect(text).toContain(`Submission ${id}`)

    const html = received?.parts.get('text/html') ?? ''
    expect(html).toContain('Your email')
    expect(html).toContain('Roses &amp; &lt;tulips&gt;')
    expect(html).toContain('Do you sell &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;?')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<tulips>')

    expect(await outboxRows(t, site)).toEqual([
      { id: `job_${id}.notify`, kind: 'email', status: 'delivered', attempts: 1, lastError: null },
    ])
  })

  it('a line break in a field cannot add headers or recipients through the subject', async () => {
    const res = await submitHtml(t, site, 'contact', {
      email: 'visitor@example.org',
      topic: 'Roses\r\nBcc: victim@evil.example\r\nX-Injected: yes',
      message: 'Hi',
    })
    expect(res.status).toBe(303)
    await t.deps.outbox.kick()
    const [received] = await smtp.waitForMessages(1)

    expect(received?.recipients).toEqual(['owner@acme.example', 'team@acme.example'])
    expect(received?.headers.get('subject')).toBe(
      'Contact on Acme Garden: Roses Bcc: victim@evil.example X-Injected: yes',
    )
    const names = received?.headerLines.map(([name]) => name) ?? []
    expect(names).not.toContain('bcc')
    expect(names).not.toContain('x-injected')
    expect(names.filter((n) => n === 'subject')).toHaveLength(1)
  })

  it('a spam submission sends no email', async () => {
    await submitForId(t, site, 'contact', { ...submission(1), _gotcha: 'bot was here' })
    await deliverAll()
    expect(smtp.received).toEqual([])
    expect(await outboxRows(t, site)).toEqual([])
  })
})

describe('while the SMTP server is down', () => {
  it('accepts and stores submissions, retries, and delivers each notification exactly once when it is back', async () => {
    // One notification goes out first, so the transport holds a pooled connection when the
    // server goes away.
    const first = await submitForId(t, site, 'contact', submission(0))
    await t.deps.outbox.kick()
    await smtp.waitForMessages(1)
    await smtp.stop()

    const ids: string[] = []
    for (const n of [1, 2, 3]) ids.push(await submitForId(t, site, 'contact', submission(n)))

    // Stored and acknowledged, whatever the mail server does.
    const stored = await rows(
      t.deps.client,
      'SELECT id, status, notified_at FROM submissions WHERE site_id = ? AND id <> ? ORDER BY rowid',
      site.id,
      first,
    )
    expect(stored).toEqual(ids.map((id) => ({ id, status: 'new', notified_at: clock.now() })))

    await t.deps.outbox.kick()
    const failed = (await outboxRows(t, site)).filter((j) => j.id !== `job_${first}.notify`)
    expect(failed).toHaveLength(3)
    for (const job of failed) {
      expect(job).toMatchObject({ kind: 'email', status: 'pending', attempts: 1 })
      expect(job.lastError).toMatch(/^SMTP send failed: .*ECONNREFUSED 127\.0\.0\.1/)
    }
    // Not due yet: kicking again before the backoff passes sends nothing and counts nothing.
    await t.deps.outbox.kick()
    expect((await outboxRows(t, site)).map((j) => j.attempts)).toEqual([1, 1, 1, 1])
    expect(smtp.received).toHaveLength(1)

    await smtp.start()
    clock.advance(20_000) // past the first backoff (15 s ± 20%)
    await deliverAll()

    const counts = byMessageId(await smtp.waitForMessages(4))
    expect(counts).toEqual(
      new Map([first, ...ids].map((id) => [`<job_${id}.notify@example.com>`, 1])),
    )
    const retried = (await outboxRows(t, site)).filter((j) => j.id !== `job_${first}.notify`)
    // Same creation time: the rows come ordered by id.
    expect(retried).toEqual(
      [...ids].sort().map((id) => ({
        id: `job_${id}.notify`,
        kind: 'email',
        status: 'delivered',
        attempts: 2,
        lastError: null,
      })),
    )

    // Later rounds find nothing to send again.
    clock.advance(3_600_000)
    await deliverAll()
    expect(smtp.received).toHaveLength(4)
  }, 30_000)

  it('a delivery that used up its attempts is dead, listed with its error, and retried on request', async () => {
    await smtp.stop()
    const id = await submitForId(t, site, 'contact', submission(1))
    const jobId = `job_${id}.notify`
    await t.deps.outbox.kick()
    for (let round = 0; round < 20; round++) {
      const [job] = await outboxRows(t, site)
      if (job?.status === 'dead') break
      clock.advance(2 * 3_600_000) // past any backoff (capped at an hour)
      await t.deps.outbox.kick()
    }

    const dead = await owner.request('/outbox?status=dead')
    expect(dead.status).toBe(200)
    const { items } = await dead.json()
    expect(items).toEqual([
      expect.objectContaining({
        id: jobId,
        kind: 'email',
        status: 'dead',
        attempts: 10,
        maxAttempts: 10,
        lastError: expect.stringMatching(/^SMTP send failed: .*ECONNREFUSED 127\.0\.0\.1/),
        deliveredAt: null,
      }),
    ])
    // Dead means left alone: no more attempts, however long the wait.
    clock.advance(24 * 3_600_000)
    await deliverAll()
    expect((await outboxRows(t, site))[0]).toMatchObject({ status: 'dead', attempts: 10 })
    expect(smtp.received).toEqual([])

    await smtp.start()
    const retry = await owner.request(`/outbox/${jobId}/retry`, { method: 'POST' })
    expect(retry.status).toBe(200)
    expect(await retry.json()).toMatchObject({ id: jobId })
    await deliverAll()

    const [received] = await smtp.waitForMessages(1)
    expect(received?.headers.get('message-id')).toBe(`<job_${id}.notify@example.com>`)
    expect(smtp.received).toHaveLength(1)
    expect((await outboxRows(t, site))[0]).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastError: null,
    })
    expect((await (await owner.request('/outbox?status=dead')).json()).items).toEqual([])

    const again = await owner.request(`/outbox/${jobId}/retry`, { method: 'POST' })
    expect(again.status).toBe(409)
  }, 60_000)
})

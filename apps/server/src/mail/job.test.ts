import { afterEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  memoryLogger,
  type TestApp,
} from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../test/helpers/smtp.ts'
import { enqueue, type Job } from '../outbox/jobs.ts'
import { siteScope } from '../sites/scope.ts'
import { createDevMailTransport } from './dev.ts'
import { type EmailPayload, emailJob, emailJobHandler, messageIdFor } from './job.ts'
import { PermanentMailError } from './message.ts'
import { createSmtpTransport, type SmtpTransport } from './smtp.ts'

const from = 'Porchlight <notify@porchlight.example>'

const payload = (n: number): EmailPayload => ({
  to: ['owner@site.example'],
  replyTo: `visitor${n}@visitor.example`,
  subject: `Contact form message ${n}`,
  text: `Message number ${n}`,
  html: `<p>Message number ${n}</p>`,
  headers: { 'X-Porchlight-Site': 'test' },
})

function job(payload: unknown, id = 'job_abc123'): Job {
  return { id, siteId: 'site_1', kind: 'email', payload, attempt: 1 }
}

describe('emailJob', () => {
  it('accepts any bare address a contact form accepted as the Reply-To, and cuts long subjects', () => {
    const job = emailJob({
      ...payload(1),
      replyTo: "o'brien+tag@mail.example.x1",
      subject: 'x'.repeat(900),
    })
    expect(job.payload).toMatchObject({
      replyTo: "o'brien+tag@mail.example.x1",
      subject: 'x'.repeat(500),
    })
  })

  it('builds the outbox job, with line breaks in the subject flattened', () => {
    const options = emailJob({ ...payload(1), subject: 'Hi\r\nBcc: victim@example.com' })
    expect(options).toEqual({
      kind: 'email',
      payload: { ...payload(1), subject: 'Hi Bcc: victim@example.com' },
    })
  })

  it('refuses a payload at enqueue time, so the request fails instead of a job dying later', () => {
    expect(() => emailJob({ ...payload(1), to: [] })).toThrow()
    expect(() => emailJob({ ...payload(1), to: ['not an address'] })).toThrow()
    expect(() => emailJob({ ...payload(1), replyTo: 'a@b.example, c@d.example' })).toThrow()
    expect(() => emailJob({ ...payload(1), replyTo: 'Eve <eve@x.example>' })).toThrow()
    expect(() => emailJob({ ...payload(1), headers: { Bcc: 'x@example.com' } })).toThrow()
    expect(() => emailJob({ ...payload(1), headers: { 'Bad Name': 'x' } })).toThrow()
  })
})

describe('emailJobHandler', () => {
  it('sends with the configured From and a Message-ID that is the same on every attempt', async () => {
    const dev = createDevMailTransport({ log: memoryLogger() })
    const handler = emailJobHandler(dev, { from })
    await handler(job(emailJob(payload(1)).payload))
    await handler({ ...job(emailJob(payload(1)).payload), attempt: 2 })

    const [second, first] = dev.messages()
    expect(first).toMatchObject({
      from,
      to: ['owner@site.example'],
      replyTo: 'visitor1@visitor.example',
      subject: 'Contact form message 1',
      messageId: '<job_abc123@porchlight.example>',
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Porchlight-Site': 'test' },
    })
    expect(second?.messageId).toBe(first?.messageId)
  })

  it('fails permanently on a malformed payload and sends nothing', async () => {
    const dev = createDevMailTransport({ log: memoryLogger() })
    const handler = emailJobHandler(dev, { from })
    const failure = handler(job({ to: 'owner@site.example', subject: 'x' }))
    await expect(failure).rejects.toBeInstanceOf(PermanentMailError)
    await expect(failure).rejects.toMatchObject({ permanent: true, message: /to: .*text: /s })
    expect(dev.messages()).toEqual([])
  })

  it('derives Message-IDs from the From domain, whatever form the address takes', () => {
    expect(messageIdFor('job_x1', 'Porchlight <a@Mail.Example.org>')).toBe(
      '<job_x1@mail.example.org>',
    )
    expect(messageIdFor('job_x1', 'a@example.com')).toBe('<job_x1@example.com>')
    expect(messageIdFor('job_x1', '"Odd <name>" <a@example.com>')).toBe('<job_x1@example.com>')
    expect(messageIdFor('job_x1', 'broken@')).toBe('<job_x1@porchlight.invalid>')
  })

  it('keeps Message-IDs of keyed jobs distinct and valid', () => {
    const id = (jobId: string) => messageIdFor(jobId, 'a@example.com')
    expect(id('job_sub_1.notify')).toBe('<job_sub_1.notify@example.com>')
    expect(id('job_contact:sub_1:owner')).toBe('<job_contact=3Asub_1=3Aowner@example.com>')
    expect(id('job_a..b.')).toBe('<job_a=2E.b=2E@example.com>')
    expect(id('job_contact:sub_1:owner')).not.toBe(id('job_contactsub_1owner'))
    expect(id('job_a=3A')).not.toBe(id('job_a:'))
  })
})

describe('contact notifications through the outbox while the mail server is down', () => {
  let t: TestApp | undefined
  let smtp: SmtpTransport | undefined
  let server: TestSmtpServer | undefined
  afterEach(async () => {
    await smtp?.close()
    await server?.close()
    await t?.close()
  })

  it('keeps every email pending with its error, then delivers each exactly once', async () => {
    server = await startTestSmtpServer()
    await server.stop() // down from the start
    const clock = manualClock()
    smtp = createSmtpTransport({ url: server.url })
    t = await createTestApp({ clock, handlers: { email: emailJobHandler(smtp, { from }) } })
    const { db, client, outbox } = t.deps
    const scope = siteScope((await createTestSite(t)).id)

    await db.batch([
      enqueue(db, clock, scope, emailJob(payload(1))),
      enqueue(db, clock, scope, emailJob(payload(2))),
      enqueue(db, clock, scope, emailJob(payload(3))),
    ])
    await outbox.kick()

    const pending = await rows(client, 'SELECT id, status, attempts, last_error FROM outbox')
    expect(pending).toHaveLength(3)
    for (const row of pending) {
      expect(row).toMatchObject({
        status: 'pending',
        attempts: 1,
        last_error: expect.stringMatching(/ECONNREFUSED/),
      })
    }

    await server.start() // back on the same port
    await outbox.kick()
    expect(server.received).toHaveLength(0) // the backoff has not passed yet

    clock.advance(60_000) // first retry is due after 15 s ± 20%
    await outbox.kick()
    clock.advance(3_600_000)
    await outbox.kick() // nothing left: no second copies

    const delivered = await rows(
      client,
      'SELECT id, status, attempts, last_error FROM outbox ORDER BY id',
    )
    expect(delivered.map((r) => [r.status, r.attempts, r.last_error])).toEqual([
      ['delivered', 2, null],
      ['delivered', 2, null],
      ['delivered', 2, null],
    ])
    const arrived = server.received.map((m) => m.headers.get('message-id')).sort()
    expect(arrived).toEqual(delivered.map((r) => `<${String(r.id)}@porchlight.example>`).sort())
    expect(server.received.map((m) => m.headers.get('subject')).sort()).toEqual([
      'Contact form message 1',
      'Contact form message 2',
      'Contact form message 3',
    ])
  })
})

import { z } from 'zod'
import type { EnqueueOptions, JobHandler } from '../outbox/jobs.ts'
import { type MailTransport, PermanentMailError } from './message.ts'

/** What a feature puts in the outbox to send one email; the From address comes from config. */
export type EmailPayload = {
  to: string[]
  replyTo?: string
  subject: string
  text: string
  html: string
  headers?: Record<string, string>
}

// Header injection: a visitor's name in a subject must not be able to start a new header line.
// Too long is cut rather than refused: a notification with a shortened subject beats none.
const oneLine = (max: number) =>
  z.string().transform((s) =>
    s
      .replace(/[\r\n]+/g, ' ')
      .trim()
      .slice(0, max),
  )

// The submitter's address, typed into a form: one bare mailbox, nothing that could turn it into
// an address list or a display name. Deliberately no stricter than the contact form's own check,
// or a submission it accepted would fail to enqueue its notification.
const replyToAddress = z
  .string()
  .max(254)
  .regex(/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/, 'must be one bare email address')

// Headers the message itself sets; letting a payload override them would make a feature's bug
// (or an attacker's input) able to redirect or disguise mail.
const reservedHeaders = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'message-id',
  'date',
  'return-path',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
])

export const emailPayloadSchema = z.strictObject({
  to: z.array(z.email()).min(1).max(50),
  replyTo: replyToAddress.optional(),
  subject: oneLine(500).pipe(z.string().min(1)),
  text: z.string().max(500_000),
  html: z.string().max(1_000_000),
  headers: z
    .record(
      z
        .string()
        // RFC 5322 field name: printable ASCII except the colon.
        .regex(/^[!-9;-~]+$/, 'not a valid header name')
        .refine((name) => !reservedHeaders.has(name.toLowerCase()), 'set by the message itself'),
      oneLine(2000),
    )
    .optional(),
}) satisfies z.ZodType<EmailPayload, EmailPayload>

/**
 * The outbox job for one email, validated now so a malformed payload fails the request that
 * builds it instead of becoming a dead job later.
 *
 * @example
 * await db.batch([insertSubmission, enqueue(db, clock, scope, emailJob({ to, subject, text, html }))])
 */
export function emailJob(payload: EmailPayload): EnqueueOptions & { kind: 'email' } {
  return { kind: 'email', payload: emailPayloadSchema.parse(payload) }
}

/**
 * Sends `email` jobs. The Message-ID is derived from the job id, so every attempt of one job
 * carries the same one: receivers and Resend's idempotency key can recognise a repeat after a
 * crash between sending and recording success.
 *
 * @example createDeps({ …, handlers: { email: emailJobHandler(transport, { from: config.mail.from }) } })
 */
export function emailJobHandler(transport: MailTransport, options: { from: string }): JobHandler {
  return async (job) => {
    const parsed = emailPayloadSchema.safeParse(job.payload)
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (i) => `${i.path.join('.') || 'payload'}: ${i.message}`,
      )
      throw new PermanentMailError(`Malformed email job: ${problems.join('; ')}`)
    }
    const payload = parsed.data
    await transport.send({
      from: options.from,
      to: payload.to,
      ...(payload.replyTo && { replyTo: payload.replyTo }),
      subject: payload.subject,
      text: payload.text,
      html: payload.html,
      messageId: messageIdFor(job.id, options.from),
      // RFC 3834: tells vacation responders and ticket systems not to answer automatically.
      headers: { 'Auto-Submitted': 'auto-generated', ...payload.headers },
    })
  }
}

/** `<job_abc@example.com>`: the job id at the From address's domain. */
export function messageIdFor(jobId: string, from: string): string {
  const address = /<([^<>]*)>\s*$/.exec(from)?.[1] ?? from
  const domain = address
    .slice(address.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase()
  const safeDomain = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(domain) ? domain : 'porchlight.invalid'
  // Job ids may carry a caller's idempotency key (`job_sub_….notify`). Other characters are
  // encoded as =XX, never dropped, so distinct ids keep distinct Message-IDs; a dot stays unless
  // it would break the dot-atom (leading, trailing, doubled).
  const safeId = jobId.replace(/[^A-Za-z0-9_.-]|^\.|\.(?=\.|$)/g, (c) =>
    [...new TextEncoder().encode(c)]
      .map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  )
  return `<${safeId}@${safeDomain}>`
}

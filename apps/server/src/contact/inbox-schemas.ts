import { z } from 'zod'
import { spamReasons } from '../spam/assess.ts'
import { formIdSchema, submissionStatusSchema } from './schemas.ts'

// The inbox's requests: which submissions (`GET /v1/admin/submissions` and its CSV export), and
// what to do to many at once (`POST /v1/admin/submissions/bulk`).

/**
 * A time in a query string: milliseconds since the epoch, an ISO 8601 date-time with its offset,
 * or a date (`2026-11-21`, the start of that day in UTC).
 */
const instantParam = z
  .string()
  .trim()
  .max(40)
  .transform((value, ctx) => {
    const ms = /^\d{1,15}$/.test(value)
      ? Number(value)
      : /^\d{4}-\d{2}-\d{2}$/.test(value) ||
          z.iso.datetime({ offset: true }).safeParse(value).success
        ? Date.parse(value)
        : Number.NaN
    if (Number.isNaN(ms)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Give a time: milliseconds since the epoch, an ISO 8601 date-time, or a date.',
      })
      return z.NEVER
    }
    return ms
  })

export const listSubmissionsSchema = z.strictObject({
  form: formIdSchema.optional(),
  status: submissionStatusSchema.optional(),
  spamReason: z
    .enum(spamReasons)
    .optional()
    .describe('Only submissions the spam filter marked for this reason.'),
  from: instantParam.optional().describe('Arrived at or after this time.'),
  to: instantParam.optional().describe('Arrived before this time.'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Text in one of the values or the sender’s address; case of A–Z ignored.'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const exportSubmissionsSchema = listSubmissionsSchema.omit({ cursor: true, limit: true })

/**
 * What the inbox's bulk action does to each submission: `read` marks new ones read, `archive`
 * and `spam` move any there, `not_spam` moves spam back to the inbox as new (sending the
 * notification and webhook it missed), `delete` deletes.
 */
export const inboxActions = ['read', 'archive', 'spam', 'not_spam', 'delete'] as const
export type InboxAction = (typeof inboxActions)[number]

/** At most 100 ids: a page of the inbox, and within D1's limits for one batch. */
export const bulkSubmissionsSchema = z.strictObject({
  ids: z.array(z.string().min(1).max(100)).min(1).max(100),
  action: z.enum(inboxActions),
})

export const bulkSubmissionsAnswer = z.strictObject({
  results: z
    .array(
      z.strictObject({
        id: z.string(),
        result: z
          .enum(['done', 'unchanged', 'not_found'])
          .describe(
            '`unchanged`: the action does not apply (already read, already spam, not spam); `not_found`: no such submission on this site.',
          ),
      }),
    )
    .describe('One per distinct id, in the order sent.'),
})

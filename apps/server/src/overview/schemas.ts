import { z } from 'zod'
import { type SpamReason, spamReasons } from '../spam/assess.ts'

/** `GET /v1/admin/overview`. */
export const overviewQuery = z.strictObject({
  days: z
    .enum(['7', '30', '90'])
    .default('30')
    .transform(Number)
    .describe('How many days, today included.'),
  utcOffset: z.coerce
    .number()
    .int()
    .min(-720)
    .max(840)
    .default(0)
    .describe(
      'Minutes east of UTC of the reader’s time zone, for where days begin (-300 for New York in winter). Default 0: UTC days.',
    ),
})

const count = z.number().int().min(0)

const dayCounts = {
  submissions: count.describe('Every submission received, spam included.'),
  spam: count.describe('Those the spam filter marked, whatever their status now.'),
  // Every reason named (an object, not a record): the document then lists each one as a property.
  spamByReason: z
    .strictObject(
      Object.fromEntries(spamReasons.map((reason) => [reason, count])) as Record<
        SpamReason,
        typeof count
      >,
    )
    .describe('Marked for each reason; one submission may have several.'),
  signups: count.describe('Members registered.'),
  posts: count.describe('Posts written, threads’ opening posts included.'),
  flags: count.describe('Posts flagged by members.'),
}

export const overviewAnswer = z.strictObject({
  days: z.number().int(),
  utcOffset: z.number().int(),
  from: z.number().int().describe('Start of the first day, ms since the epoch.'),
  to: z.number().int().describe('End of today (exclusive), ms since the epoch.'),
  series: z
    .array(z.strictObject({ date: z.string().describe('`YYYY-MM-DD`, local.'), ...dayCounts }))
    .describe('One entry per day, oldest first; days with nothing have zeros.'),
  totals: z.strictObject(dayCounts),
  deliveries: z
    .strictObject({
      pending: count.describe('Waiting for their first attempt or a retry.'),
      sending: count.describe('Being delivered now.'),
      retrying: count.describe('Pending after at least one failed attempt.'),
      dead: count.describe('Gave up after every attempt; retry them from the outbox.'),
      oldestPendingSeconds: z
        .number()
        .min(0)
        .describe('How long the longest-waiting delivery has waited; 0 when none waits.'),
    })
    .describe('The site’s outbox now, read as the deployment’s metrics read theirs.'),
})

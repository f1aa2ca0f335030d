import { z } from 'zod'

/** `GET /v1/admin/outbox`: a page of deliveries, optionally of one status. */
export const outboxListQuery = z.strictObject({
  status: z.enum(['pending', 'sending', 'delivered', 'dead']).optional(),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the page before.'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

// What the owner's delivery routes answer with. Strict: a field a route starts sending without
// documenting it fails the contract test instead of going unseen.

const timestampAnswer = z.number().int().describe('Milliseconds since the Unix epoch.')

/** One delivery (an email or a webhook) as the owner sees it: never its payload. */
export const deliveryAnswer = z.strictObject({
  id: z.string(),
  kind: z.string().describe('What is delivered: `email`, `webhook`, `forum.digest`.'),
  status: z
    .enum(['pending', 'sending', 'delivered', 'dead'])
    .describe('`dead`: every attempt failed; retry it once the cause is fixed.'),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: timestampAnswer.describe('When the next attempt is due.'),
  lastError: z.string().nullable().describe('Why the last attempt failed, if it did.'),
  createdAt: timestampAnswer,
  deliveredAt: timestampAnswer.nullable(),
})

/** `GET /v1/admin/outbox`: newest first. */
export const deliveriesPageAnswer = z.strictObject({
  items: z.array(deliveryAnswer),
  nextCursor: z
    .string()
    .nullable()
    .describe('Pass as `cursor` for the next page; `null` at the end.'),
})

import { z } from 'zod'

/** `GET /v1/admin/forms/{formId}/deliveries`. */
export const formDeliveriesQuery = z.strictObject({
  cursor: z.string().max(200).optional().describe('`nextCursor` of the page before.'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const webhookTestAnswer = z.strictObject({
  jobId: z.string().describe('The queued delivery: `/v1/admin/outbox/{jobId}` follows it.'),
})

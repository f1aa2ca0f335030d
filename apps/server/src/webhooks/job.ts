import { z } from 'zod'
import type { Clock } from '../clock.ts'
import { formById } from '../contact/queries.ts'
import type { Database } from '../db/client.ts'
import type { EnqueueOptions, JobHandler } from '../outbox/jobs.ts'
import { siteScope } from '../sites/scope.ts'
import { webhookHeaders } from './signature.ts'

const payloadSchema = z.object({
  url: z.url(),
  formId: z.string(),
  event: z.object({ type: z.string(), timestamp: z.string(), data: z.unknown() }),
})

export type WebhookPayload = z.infer<typeof payloadSchema>

/** A delivery of `event` to the form's webhook URL, for `enqueue`. */
export function webhookJob(payload: WebhookPayload): EnqueueOptions {
  return { kind: 'webhook', payload }
}

/**
 * Posts a webhook event, signed with the form's current secret (so a rotated secret applies to
 * retries too). A receiver that does not answer 2xx within 10 s gets the delivery again later.
 */
export function webhookJobHandler(deps: {
  db: Database
  clock: Clock
  fetch?: typeof fetch
}): JobHandler {
  const send = deps.fetch ?? ((input, init) => fetch(input, init))
  return async (job) => {
    const payload = payloadSchema.parse(job.payload)
    const form = await formById(deps.db, siteScope(job.siteId), payload.formId)
    // Permanent: no retry will bring the form back, so the delivery goes dead at once.
    if (!form)
      throw Object.assign(new Error('The form was deleted; nothing to sign the delivery with.'), {
        permanent: true,
      })
    const body = JSON.stringify(payload.event)
    const headers = await webhookHeaders({
      id: job.id,
      timestampSeconds: Math.floor(deps.clock.now() / 1000),
      body,
      secret: form.webhookSecret,
    })
    const response = await send(payload.url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'user-agent': 'Porchlight-Webhooks/1',
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    })
    await response.body?.cancel()
    if (!response.ok) throw new Error(`The receiver answered HTTP ${response.status}.`)
  }
}

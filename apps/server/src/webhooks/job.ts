import { z } from 'zod'
import type { Clock } from '../clock.ts'
import { formById } from '../contact/queries.ts'
import type { Database } from '../db/client.ts'
import type { EnqueueOptions, JobHandler } from '../outbox/jobs.ts'
import { siteScope } from '../sites/scope.ts'
import type { WebhookPost } from './post.ts'
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
 * retries too), through the runtime's guarded `post` (see post.ts). A receiver that does not
 * answer 2xx within 10 s gets the delivery again later; a refused destination never does.
 */
export function webhookJobHandler(deps: {
  db: Database
  clock: Clock
  post: WebhookPost
}): JobHandler {
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
    const status = await deps.post({
      url: payload.url,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'user-agent': 'Porchlight-Webhooks/1',
      },
      body,
      timeoutMs: 10_000,
    })
    if (status < 200 || status > 299) throw new Error(`The receiver answered HTTP ${status}.`)
  }
}

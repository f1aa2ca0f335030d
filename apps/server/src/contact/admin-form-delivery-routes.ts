import { Hono } from 'hono'
import type { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { outbox } from '../db/schema.ts'
import { queryParams } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { type RateLimiter, rateLimitOrThrow } from '../http/rate-limit.ts'
import { siteOf } from '../http/site.ts'
import { enqueue, formTopic } from '../outbox/jobs.ts'
import { deliveriesPage } from '../outbox/queries.ts'
import { deliveriesPageAnswer } from '../outbox/schemas.ts'
import { webhookJob } from '../webhooks/job.ts'
import { formDeliveriesQuery, webhookTestAnswer } from './admin-form-delivery-schemas.ts'
import { ContactErrors } from './errors.ts'
import { formById } from './queries.ts'

type Deps = {
  db: Database
  clock: Clock
  limiter: RateLimiter
  kickOutbox: () => Promise<void>
}

const tags = ['Owner: forms'] as const

/**
 * Test events sent to a receiver are requests to somebody's server: a button pressed in a loop
 * must not become a way to flood one. A person testing sends a few a minute.
 */
const testEventsPerMinute = 10

/** A form's webhook test and its delivery log: what the owner needs to set up a receiver. */
export function adminFormDeliveryRoutes(deps: Deps) {
  const { db, clock } = deps
  return new Hono<AppEnv>()
    .post(
      '/forms/:formId/webhook/test',
      documented({
        summary: 'Send a test event to a form’s webhook',
        description:
          'Queues a `test` event, signed like every delivery, to the form’s `webhookUrl`, and answers the delivery’s id: follow it in the form’s deliveries or at `/v1/admin/outbox/{id}`. It is tried once; a failure shows as `dead` with the reason in `lastError`. At most 10 a minute per site.',
        tags,
        access: 'owner',
        responses: { 202: webhookTestAnswer },
        errors: { 404: ['FORM_NOT_FOUND'], 409: ['WEBHOOK_NOT_SET'], 429: ['RATE_LIMITED'] },
      }),
      async (c) => {
        const site = siteOf(c)
        const form = await formById(db, site.scope, c.req.param('formId'))
        if (!form) throw ContactErrors.formNotFound()
        const url = form.settings.webhookUrl
        if (!url) throw ContactErrors.webhookNotSet()
        await rateLimitOrThrow(deps.limiter, {
          siteId: site.id,
          bucket: 'webhook-test',
          limit: testEventsPerMinute,
          windowMs: 60_000,
        })
        const now = clock.now()
        const job = enqueue(db, clock, site.scope, {
          ...webhookJob({
            url,
            formId: form.id,
            event: {
              type: 'test',
              timestamp: new Date(now).toISOString(),
              data: { form: form.id, message: 'A test event sent from the owner API.' },
            },
          }),
          topic: formTopic(form.id),
          // The owner is waiting for the answer: a failure shows at once, not after retries.
          maxAttempts: 1,
        })
        const [queued] = await job.returning({ id: outbox.id })
        if (!queued) throw new Error('The test event was not queued.')
        afterResponse(c, deps.kickOutbox())
        return c.json({ jobId: queued.id } satisfies z.input<typeof webhookTestAnswer>, 202)
      },
    )
    .get(
      '/forms/:formId/deliveries',
      documented({
        summary: 'A form’s deliveries',
        description:
          'The notification emails and webhook deliveries (test events included) of this form, newest first, with their status, attempts and last error. Pages with `cursor`/`nextCursor`.',
        tags,
        access: 'owner',
        responses: { 200: deliveriesPageAnswer },
        errors: { 400: ['INVALID_CURSOR'], 404: ['FORM_NOT_FOUND'] },
      }),
      queryParams(formDeliveriesQuery),
      async (c) => {
        const { scope } = siteOf(c)
        const form = await formById(db, scope, c.req.param('formId'))
        if (!form) throw ContactErrors.formNotFound()
        const page = await deliveriesPage(db, scope, {
          ...c.req.valid('query'),
          topic: formTopic(form.id),
        })
        return c.json(page satisfies z.input<typeof deliveriesPageAnswer>)
      },
    )
}

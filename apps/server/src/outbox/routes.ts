import { Hono } from 'hono'
import type { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { queryParams } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { deliveriesPage, jobForSite, retryJob } from './queries.ts'
import { deliveriesPageAnswer, deliveryAnswer, outboxListQuery } from './schemas.ts'

const jobNotFound = () => new ApiError(404, 'JOB_NOT_FOUND', 'No such delivery for this site.')

/** The owner's view of deliveries (emails, webhooks): what is queued, what failed and why. */
export function adminOutboxRoutes(deps: { db: Database; clock: Clock; kick: () => void }) {
  const { db, clock } = deps
  const owner = { tags: ['Owner: deliveries'], access: 'owner' } as const
  return new Hono<AppEnv>()
    .get(
      '/outbox',
      documented({
        ...owner,
        summary: 'List deliveries',
        description: 'Emails and webhooks, newest first, a page at a time.',
        responses: { 200: deliveriesPageAnswer },
        errors: { 400: ['INVALID_CURSOR'] },
      }),
      queryParams(outboxListQuery),
      async (c) => {
        const page = await deliveriesPage(db, siteOf(c).scope, c.req.valid('query'))
        return c.json(page satisfies z.input<typeof deliveriesPageAnswer>)
      },
    )
    .get(
      '/outbox/:id',
      documented({
        ...owner,
        summary: 'One delivery',
        responses: { 200: deliveryAnswer },
        errors: { 404: ['JOB_NOT_FOUND'] },
      }),
      async (c) => {
        const job = await jobForSite(db, siteOf(c).scope, c.req.param('id'))
        if (!job) throw jobNotFound()
        return c.json(job satisfies z.input<typeof deliveryAnswer>)
      },
    )
    .post(
      '/outbox/:id/retry',
      documented({
        ...owner,
        summary: 'Retry a delivery that gave up',
        description: 'Queues a `dead` delivery again, with a fresh set of attempts.',
        responses: { 200: deliveryAnswer },
        errors: { 404: ['JOB_NOT_FOUND'], 409: ['JOB_NOT_DEAD'] },
      }),
      async (c) => {
        const scope = siteOf(c).scope
        if (!(await retryJob(db, scope, c.req.param('id'), clock.now()))) {
          const job = await jobForSite(db, scope, c.req.param('id'))
          if (!job) throw jobNotFound()
          throw new ApiError(
            409,
            'JOB_NOT_DEAD',
            'Only a delivery that has given up can be retried.',
          )
        }
        deps.kick()
        const job = await jobForSite(db, scope, c.req.param('id'))
        // Retried a moment ago; gone only if the site was deleted in between.
        if (!job) throw jobNotFound()
        return c.json(job satisfies z.input<typeof deliveryAnswer>)
      },
    )
}

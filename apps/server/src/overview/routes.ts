import { Hono } from 'hono'
import type { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database, SqlClient } from '../db/client.ts'
import { queryParams } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { siteOverview } from './overview.ts'
import { overviewAnswer, overviewQuery } from './schemas.ts'

/** `/v1/admin/overview`: the console's first page, in one request. */
export function adminOverviewRoutes(deps: { db: Database; client: SqlClient; clock: Clock }) {
  return new Hono<AppEnv>().get(
    '/overview',
    documented({
      summary: 'The site at a glance',
      description:
        'Submissions, spam caught (by reason), sign-ups, posts and flags per day over the last 7, 30 or 90 days (`days`, today included), with totals; and the site’s deliveries now: pending, being sent, retrying, dead, and how long the oldest has waited.',
      tags: ['Owner: site'],
      access: 'owner',
      responses: { 200: overviewAnswer },
    }),
    queryParams(overviewQuery),
    async (c) => {
      const { days, utcOffset } = c.req.valid('query')
      const overview = await siteOverview(deps, siteOf(c).scope, {
        now: deps.clock.now(),
        days,
        utcOffset,
      })
      return c.json(overview satisfies z.input<typeof overviewAnswer>)
    },
  )
}

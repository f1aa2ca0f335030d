import { Hono } from 'hono'
import { z } from 'zod'
import type { SqlClient } from './db/client.ts'
import { isBusyError } from './db/faults.ts'
import { pendingMigrations } from './db/migrate.ts'
import type { AppEnv } from './http/env.ts'
import { ApiError, HttpErrors } from './http/errors.ts'
import { documented } from './http/openapi.ts'
import { describeError } from './logger.ts'

export type HealthOptions = {
  client: SqlClient
  /** True once shutdown began: a load balancer should stop sending before connections close. */
  draining?: () => boolean
  /** What makes the configuration unsafe to serve with (`productionProblems`). */
  configProblems?: () => string[]
}

/** `GET /healthz`: the process is up. */
export const liveAnswer = z.strictObject({ status: z.literal('ok') })
/** `GET /readyz`: this instance can serve. */
export const readyAnswer = z.strictObject({ status: z.literal('ready') })

const readinessDoc = {
  summary: 'Readiness',
  description:
    'Answers 200 only when this instance can do its work: for a load balancer or a rolling deploy. `SHUTTING_DOWN`: the process is stopping; `UNSAFE_CONFIGURATION`: a setting is unsafe for production (named in the message, explained in the log); `MIGRATIONS_PENDING`: the database schema is behind; `DATABASE_BUSY`: another process holds the write lock; `DATABASE_UNAVAILABLE`: the database does not answer.',
  tags: ['Operations'],
  access: 'public',
  responses: { 200: readyAnswer },
  errors: { 503: ['SHUTTING_DOWN', 'UNSAFE_CONFIGURATION', 'MIGRATIONS_PENDING'] },
} as const

/**
 * `/healthz` answers while the process is up (for restarts). `/readyz` answers 200 only when this
 * instance can do its work (for load balancers and rolling deploys): it is not shutting down,
 * its configuration is safe for production, the database answers, every migration is applied,
 * and a write could start now (no other process holds the write lock past the wait).
 */
export function healthRoutes(options: HealthOptions) {
  const { client } = options
  return new Hono<AppEnv>()
    .get(
      '/healthz',
      documented({
        summary: 'Liveness',
        description: 'Answers while the process runs: for a supervisor deciding on a restart.',
        tags: ['Operations'],
        access: 'public',
        responses: { 200: liveAnswer },
      }),
      (c) => c.json({ status: 'ok' } satisfies z.input<typeof liveAnswer>),
    )
    .get('/readyz', documented(readinessDoc), async (c) => {
      if (options.draining?.()) {
        throw new ApiError(503, 'SHUTTING_DOWN', 'This server is shutting down.')
      }
      const problems = options.configProblems?.() ?? []
      if (problems.length > 0) {
        // The variables are named, not their values: enough for the operator, nothing secret.
        throw new ApiError(
          503,
          'UNSAFE_CONFIGURATION',
          `Not ready: unsafe settings for production (${problems.map((p) => p.split(':')[0]).join(', ')}); see the log.`,
        )
      }
      let pending: number
      try {
        pending = (await pendingMigrations(client)).length
      } catch (error) {
        c.get('log').warn('readiness check failed', describeError(error))
        throw HttpErrors.databaseUnavailable()
      }
      if (pending > 0) {
        throw new ApiError(
          503,
          'MIGRATIONS_PENDING',
          `${pending} database migration(s) not applied yet.`,
        )
      }
      try {
        // Takes and releases the write lock, changing nothing: a database another process keeps
        // locked would answer every write with 503, so the instance is not ready.
        await client.batch(['UPDATE porchlight_migrations SET tag = tag WHERE 0'], 'write')
      } catch (error) {
        c.get('log').warn('readiness check failed: the database cannot be written', {
          ...describeError(error),
        })
        throw isBusyError(error) ? HttpErrors.databaseBusy() : HttpErrors.databaseUnavailable()
      }
      return c.json({ status: 'ready' } satisfies z.input<typeof readyAnswer>)
    })
}

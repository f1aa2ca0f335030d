import type { Client } from '@libsql/client'
import { Hono } from 'hono'
import { pendingMigrations } from './db/migrate.ts'
import type { AppEnv } from './http/env.ts'
import { ApiError } from './http/errors.ts'
import { describeError } from './logger.ts'

/**
 * `/healthz` answers while the process is up (for restarts); `/readyz` only once the database
 * answers and every migration is applied (for load balancers and rolling deploys).
 */
export function healthRoutes(client: Client) {
  return new Hono<AppEnv>()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      let pending: number
      try {
        pending = (await pendingMigrations(client)).length
      } catch (error) {
        c.get('log').warn('readiness check failed', describeError(error))
        throw new ApiError(503, 'DATABASE_UNAVAILABLE', 'The database is not reachable.')
      }
      if (pending > 0) {
        throw new ApiError(
          503,
          'MIGRATIONS_PENDING',
          `${pending} database migration(s) not applied yet.`,
        )
      }
      return c.json({ status: 'ready' })
    })
}

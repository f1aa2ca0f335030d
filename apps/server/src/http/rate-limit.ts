import { sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { rateLimits } from '../db/schema.ts'
import { HttpErrors } from './errors.ts'

export type RateLimitOptions = {
  /** What is being limited, e.g. `submit:<formId>:<ip>`. */
  bucket: string
  /** Site the bucket belongs to; omit for deployment-wide limits. */
  siteId?: string
  limit: number
  windowMs: number
}

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number }

export interface RateLimiter {
  /** Counts one hit against the bucket and says whether it is within the limit. */
  hit(options: RateLimitOptions): Promise<RateLimitResult>
}

/**
 * A sliding-window limiter stored in the database, so a limit holds across Worker isolates,
 * several Node processes and restarts. The estimate weights the previous window by how much of
 * it still overlaps the sliding window (as Cloudflare's own limiter does), which avoids the
 * double burst a fixed window allows at its edge. One upsert per hit, no read-modify-write race.
 */
export function createRateLimiter(db: Database, clock: Clock): RateLimiter {
  return {
    async hit({ bucket, siteId = '', limit, windowMs }) {
      const now = clock.now()
      const windowStart = Math.floor(now / windowMs) * windowMs
      const [row] = await db
        .insert(rateLimits)
        .values({
          siteId,
          bucket,
          windowStart,
          count: 1,
          previousCount: 0,
          expiresAt: windowStart + 2 * windowMs,
        })
        .onConflictDoUpdate({
          target: [rateLimits.siteId, rateLimits.bucket],
          set: {
            previousCount: sql`CASE
              WHEN ${rateLimits.windowStart} = ${windowStart} THEN ${rateLimits.previousCount}
              WHEN ${rateLimits.windowStart} = ${windowStart - windowMs} THEN ${rateLimits.count}
              ELSE 0 END`,
            count: sql`CASE WHEN ${rateLimits.windowStart} = ${windowStart}
              THEN ${rateLimits.count} + 1 ELSE 1 END`,
            windowStart,
            expiresAt: windowStart + 2 * windowMs,
          },
        })
        .returning({ count: rateLimits.count, previousCount: rateLimits.previousCount })
      const elapsed = (now - windowStart) / windowMs
      const estimate = (row?.previousCount ?? 0) * (1 - elapsed) + (row?.count ?? 1)
      if (estimate <= limit) return { allowed: true, retryAfterSeconds: 0 }
      // Wait until enough of the previous window has slid out, at most to the window's end.
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)),
      }
    },
  }
}

export async function rateLimitOrThrow(limiter: RateLimiter, options: RateLimitOptions) {
  const result = await limiter.hit(options)
  if (!result.allowed) throw HttpErrors.rateLimited(result.retryAfterSeconds)
}

import type { RateLimiter } from '../http/rate-limit.ts'
import { type Metrics, noMetrics } from './metrics.ts'

/**
 * The app's rate limits by the first part of their bucket names (`submit:<form>:<address>` is
 * `submit`). A bucket outside this list counts as `other`: the rest of a bucket name holds
 * addresses and ids, and a new limit must be added here, not leak them into labels.
 */
export const rateLimitNames: ReadonlySet<string> = new Set([
  'submit',
  'autoresponse',
  'register',
  'register-mail',
  'password-check',
  'password-reset',
  'bad-token',
  'verify-resend',
  'secret-key-failure',
  'preview',
  'forum-search',
])

/** The label for a rate-limit bucket: its limit's name, never the address or id in it. */
export function rateLimitName(bucket: string): string {
  const name = bucket.slice(0, bucket.indexOf(':'))
  return rateLimitNames.has(name) ? name : 'other'
}

/** A limiter that counts what it refuses, by limit. Unchanged when metrics are off. */
export function measuredRateLimiter(limiter: RateLimiter, metrics: Metrics): RateLimiter {
  if (metrics === noMetrics) return limiter
  return {
    async hit(options) {
      const result = await limiter.hit(options)
      if (!result.allowed) metrics.rateLimited(rateLimitName(options.bucket))
      return result
    },
  }
}

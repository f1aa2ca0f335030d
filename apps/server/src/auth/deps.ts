import type { Context } from 'hono'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Database } from '../db/client.ts'
import type { RateLimiter } from '../http/rate-limit.ts'
import type { Metrics } from '../metrics/metrics.ts'
import type { BreachedPasswordChecker } from './breached-passwords.ts'
import type { PasswordHasher } from './password.ts'

/** What the membership routes need from the app. */
export type AuthDeps = {
  db: Database
  clock: Clock
  limiter: RateLimiter
  passwords: PasswordHasher
  breachedPasswords: BreachedPasswordChecker
  config: Config
  clientAddress: (c: Context) => string
  /** Delivers queued emails now (after the response on Workers). */
  kickOutbox: () => Promise<void>
  /** Counts registrations and sign-ins. */
  metrics: Metrics
}

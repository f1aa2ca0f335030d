import type { Context } from 'hono'
import type { BreachedPasswordChecker } from '../auth/breached-passwords.ts'
import type { PasswordHasher } from '../auth/password.ts'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Database } from '../db/client.ts'
import type { RateLimiter } from '../http/rate-limit.ts'
import { siteScope } from '../sites/scope.ts'

/** What the operator features need from the app. */
export type OperatorDeps = {
  db: Database
  clock: Clock
  limiter: RateLimiter
  passwords: PasswordHasher
  breachedPasswords: BreachedPasswordChecker
  config: Config
  clientAddress: (c: Context) => string
  /** Delivers queued emails now (after the response on Workers). */
  kickOutbox: () => Promise<void>
}

/** Where a request came from, for the throttle, the session and the audit log. */
export type RequestMeta = { ip: string; userAgent?: string | undefined }

/**
 * Operators belong to no site: their sign-in throttle counts in the deployment's own rows of
 * `rate_limits` (site id `''`), apart from every site's members.
 */
export const deploymentScope = siteScope('')

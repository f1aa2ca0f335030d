import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { readAuthSettings } from '../auth/settings.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { SiteErrors } from '../sites/errors.ts'
import { parseSecretKey, secretKeyHint, secretMatches } from '../sites/keys.ts'
import { activeSecretKey, siteByPublishableKey, touchSecretKey } from '../sites/queries.ts'
import { siteScope } from '../sites/scope.ts'
import type { AppEnv, ResolvedSite } from './env.ts'
import { type RateLimiter, rateLimitOrThrow } from './rate-limit.ts'

export const publishableKeyHeader = 'X-Porchlight-Key'

/** The site a route's middleware resolved. Routes behind `publicSite` or `secretKeySite` only. */
export function siteOf(c: Context<AppEnv>): ResolvedSite {
  const site = c.get('site')
  if (!site) throw new Error('siteOf() used on a route without site middleware')
  return site
}

/**
 * Resolves the site from its publishable key (header, or `?key=` for plain HTML form posts that
 * cannot set headers) and refuses requests from origins the site has not allowed. A request with
 * no Origin header (a server, curl, a same-origin GET) passes: the key is public anyway, and the
 * origin check exists to stop other websites' pages from using it in visitors' browsers.
 */
export function publicSite(db: Database) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header(publishableKeyHeader) ?? c.req.query('key')
    const found = key?.startsWith('pk_') ? await siteByPublishableKey(db, key) : null
    if (!found) throw SiteErrors.invalidPublishableKey()
    const origin = c.req.header('origin')
    if (origin !== undefined && !found.origins.includes(origin)) {
      throw SiteErrors.originNotAllowed(origin)
    }
    const { authSettings, ...site } = found
    c.set('site', { ...site, auth: readAuthSettings(authSettings), scope: siteScope(found.id) })
    await next()
  })
}

/** Last-used times are for humans deciding which key to revoke: minute precision is plenty. */
const touchEveryMs = 60_000

/**
 * Resolves the site from `Authorization: Bearer sk_…`. Unknown, revoked and malformed keys get
 * the same answer. Failures are rate-limited per client address to spare the database from a
 * flood; guessing itself is hopeless (160 random bits), so valid keys never pay for a limit check.
 */
export function secretKeySite(deps: {
  db: Database
  clock: Clock
  limiter: RateLimiter
  clientAddress: (c: Context) => string
}) {
  const { db, clock, limiter } = deps
  return createMiddleware<AppEnv>(async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? ''
    const parsed = parseSecretKey(bearer)
    const row = parsed ? await activeSecretKey(db, parsed.id) : null
    if (!parsed || !row || !secretMatches(parsed.secret, row.secretHash)) {
      await rateLimitOrThrow(limiter, {
        bucket: `secret-key-failure:${deps.clientAddress(c)}`,
        limit: 30,
        windowMs: 60_000,
      })
      throw SiteErrors.invalidSecretKey()
    }
    const scope = siteScope(row.siteId)
    const now = clock.now()
    if (row.lastUsedAt === null || now - row.lastUsedAt > touchEveryMs) {
      await touchSecretKey(db, scope, parsed.id, now)
    }
    c.set('site', {
      id: row.siteId,
      name: row.siteName,
      signingSecret: row.signingSecret,
      auth: readAuthSettings(row.authSettings),
      origins: [],
      scope,
    })
    // A secret key is its site's owner; the audit log names it by its hint.
    const hint = secretKeyHint(parsed.id)
    c.set('owner', { type: 'key', id: parsed.id, label: hint, name: hint, role: 'owner' })
    await next()
  })
}

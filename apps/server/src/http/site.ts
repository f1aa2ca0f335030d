import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Clock } from '../clock.ts'
import { SiteErrors } from '../sites/errors.ts'
import { parseSecretKey, secretKeyHint, secretMatches } from '../sites/keys.ts'
import { touchSecretKey } from '../sites/queries.ts'
import type { SiteCache } from '../sites/site-cache.ts'
import {
  activeSecretKeyOf,
  type SiteReadDeps,
  siteOfPublishableKey,
} from '../sites/site-records.ts'
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
export function publicSite(deps: SiteReadDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header(publishableKeyHeader) ?? c.req.query('key')
    const found = key?.startsWith('pk_') ? await siteOfPublishableKey(deps, key) : null
    if (!found) throw SiteErrors.invalidPublishableKey()
    const origin = c.req.header('origin')
    if (origin !== undefined && !found.origins.includes(origin)) {
      throw SiteErrors.originNotAllowed(origin)
    }
    c.set('site', found)
    await next()
  })
}

/** Last-used times are for humans deciding which key to revoke: minute precision is plenty. */
const touchEveryMs = 60_000

/**
 * Resolves the site from `Authorization: Bearer sk_…`. Unknown, revoked and malformed keys get
 * the same answer. Failures are rate-limited per client address to spare the database from a
 * flood; guessing itself is hopeless (160 random bits), so valid keys never pay for a limit check.
 * The key is read through the site cache: one revoked in this process fails at once, one revoked
 * elsewhere (the CLI, another process) within `siteCacheLifetimeMs`.
 */
export function secretKeySite(
  deps: SiteReadDeps & {
    clock: Clock
    limiter: RateLimiter
    clientAddress: (c: Context) => string
  },
) {
  const { db, clock, limiter } = deps
  return createMiddleware<AppEnv>(async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? ''
    const parsed = parseSecretKey(bearer)
    const key = parsed ? await activeSecretKeyOf(deps, parsed.id) : null
    if (!parsed || !key || !secretMatches(parsed.secret, key.secretHash)) {
      await rateLimitOrThrow(limiter, {
        bucket: `secret-key-failure:${deps.clientAddress(c)}`,
        limit: 30,
        windowMs: 60_000,
      })
      throw SiteErrors.invalidSecretKey()
    }
    const { site } = key
    const now = clock.now()
    if (key.lastUsedAt === null || now - key.lastUsedAt > touchEveryMs) {
      // Noted on the cached key first, so concurrent requests do not all write the same minute.
      key.lastUsedAt = now
      await touchSecretKey(db, site.scope, parsed.id, now)
    }
    c.set('site', site)
    // A secret key is its site's owner; the audit log names it by its hint.
    const hint = secretKeyHint(parsed.id)
    c.set('owner', { type: 'key', id: parsed.id, label: hint, name: hint, role: 'owner' })
    await next()
  })
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * After any change through the owner API, forgets what this process's cache holds about the
 * site (its keys, origins, settings, forms), so the change applies here from the next request.
 * On the whole owner API rather than route by route, so a route added later cannot forget to:
 * a change it makes to something cached would otherwise go unseen for up to the cache lifetime.
 * Failed changes forget too: cheap, and a change that failed halfway is then read fresh.
 */
export function forgetSiteAfterChanges(cache: SiteCache) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next()
    const site = c.get('site')
    if (site && unsafeMethods.has(c.req.method)) cache.forgetSite(site.id)
  })
}

import type { Context } from 'hono'
import { deleteCookie, getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { validateSessionToken } from '../auth/sessions.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import type { AppEnv, MemberAuth } from './env.ts'
import { ApiError } from './errors.ts'
import { siteOf } from './site.ts'

export const MemberErrors = {
  invalidSession: () =>
    new ApiError(401, 'INVALID_SESSION', 'Your session has ended. Sign in again.'),
  signInRequired: () => new ApiError(401, 'SIGN_IN_REQUIRED', 'Sign in to do this.'),
  crossSiteRequest: () =>
    new ApiError(
      403,
      'CROSS_SITE_REQUEST',
      'This request came from another website and was refused (cookie sessions accept changes only from the site itself).',
    ),
} as const

/**
 * Cookie names: `__Host-` makes browsers refuse the cookie unless it is Secure, host-only and
 * for path `/`, so no subdomain or plain-HTTP page can plant or read it. Plain-HTTP development
 * servers (localhost) cannot use the prefix.
 */
export function sessionCookieName(secure: boolean) {
  return secure ? '__Host-porchlight_session' : 'porchlight_session'
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * A cookie rides along with any request the browser makes, including a form on another website
 * posting here: that is CSRF. SameSite=Lax stops most of it; this stops the rest. A state change
 * with a cookie must come from one of the site's origins (`Origin`), or, when a browser sends no
 * Origin, be same-origin by `Sec-Fetch-Site`. Bearer tokens need none of this: a page can only
 * send one it could read.
 */
function assertSameSite(c: Context<AppEnv>) {
  if (!unsafeMethods.has(c.req.method)) return
  const origin = c.req.header('origin')
  if (origin !== undefined) {
    if (!siteOf(c).origins.includes(origin)) throw MemberErrors.crossSiteRequest()
    return
  }
  const fetchSite = c.req.header('sec-fetch-site')
  if (fetchSite !== 'same-origin' && fetchSite !== 'same-site')
    throw MemberErrors.crossSiteRequest()
}

/**
 * Reads the member's session from `Authorization: Bearer <token>` or the session cookie and sets
 * `c.var.auth` (`null` for a guest). A token that is presented but no longer valid answers
 * `401 INVALID_SESSION` on any route, so clients learn at once to forget it.
 * Runs after `publicSite`.
 */
export function memberSession(deps: { db: Database; clock: Clock; secureCookies: boolean }) {
  const cookieName = sessionCookieName(deps.secureCookies)
  return createMiddleware<AppEnv>(async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1]
    const cookie = bearer ? undefined : getCookie(c, cookieName)
    const token = bearer ?? cookie
    if (!token) {
      c.set('auth', null)
      return next()
    }
    const site = siteOf(c)
    if (cookie) assertSameSite(c)
    const found = await validateSessionToken(deps.db, deps.clock, site.scope, site.auth, token)
    if (!found) {
      if (cookie) deleteCookie(c, cookieName, { path: '/', secure: deps.secureCookies })
      throw MemberErrors.invalidSession()
    }
    c.set('auth', { ...found, via: cookie ? 'cookie' : 'bearer' })
    await next()
  })
}

/** The signed-in member, or `null`. */
export function authOf(c: Context<AppEnv>): MemberAuth | null {
  return c.get('auth') ?? null
}

/** The signed-in member; `401 SIGN_IN_REQUIRED` for a guest. */
export function requireAuth(c: Context<AppEnv>): MemberAuth {
  const auth = c.get('auth')
  if (!auth) throw MemberErrors.signInRequired()
  return auth
}

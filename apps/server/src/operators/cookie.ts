import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../http/env.ts'
import { OperatorErrors } from './errors.ts'
import { operatorSessionLifetime } from './session-lifetime.ts'

/**
 * The console's cookie. `__Host-` makes browsers refuse it unless it is Secure, host-only and for
 * path `/`, so no subdomain or plain-HTTP page can plant or read it; plain-HTTP development
 * servers (localhost) cannot use the prefix.
 */
export function operatorCookieName(secure: boolean) {
  return secure ? '__Host-porchlight_operator' : 'porchlight_operator'
}

/**
 * HttpOnly: page scripts never see it. SameSite=Strict: no other site's page, link or form makes
 * the browser send it; the console is only ever used from its own pages.
 */
export function setOperatorCookie(c: Context<AppEnv>, token: string, secure: boolean) {
  setCookie(c, operatorCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'Strict',
    maxAge: operatorSessionLifetime.absoluteMs / 1000,
  })
}

export function clearOperatorCookie(c: Context<AppEnv>, secure: boolean) {
  deleteCookie(c, operatorCookieName(secure), { path: '/', secure })
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** What decides which origin is the console's own. */
export type ConsoleOrigin = { publicUrl: string; production: boolean }

/**
 * CSRF: a change made with the console's cookie must come from the console's own pages, whose
 * browsers always send `Origin` on such requests. Its origin is `PUBLIC_URL`'s; in development
 * the request's own host counts too (a test server on a random port, `localhost` vs
 * `127.0.0.1`). A change with any other Origin, or none, is refused. SameSite=Strict already
 * keeps other sites' requests from carrying the cookie; this holds even where it would not
 * (a sibling subdomain is "same site").
 */
export function assertConsoleOrigin(c: Context<AppEnv>, own: ConsoleOrigin) {
  if (!unsafeMethods.has(c.req.method)) return
  const origin = c.req.header('origin')
  if (origin === undefined || !isConsoleOrigin(c, origin, own)) {
    throw OperatorErrors.crossSiteRequest()
  }
}

/** An Origin that is sent must be the console's own, cookie or not (login CSRF). */
export function assertNoForeignOrigin(c: Context<AppEnv>, own: ConsoleOrigin) {
  if (!unsafeMethods.has(c.req.method)) return
  const origin = c.req.header('origin')
  if (origin !== undefined && !isConsoleOrigin(c, origin, own)) {
    throw OperatorErrors.crossSiteRequest()
  }
}

function isConsoleOrigin(c: Context<AppEnv>, origin: string, own: ConsoleOrigin) {
  if (origin === new URL(own.publicUrl).origin) return true
  return !own.production && origin === new URL(c.req.url).origin
}

import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Database } from '../db/client.ts'
import type { AppEnv } from '../http/env.ts'
import type { OperatorAuth } from './context.ts'
import {
  assertConsoleOrigin,
  assertNoForeignOrigin,
  clearOperatorCookie,
  operatorCookieName,
} from './cookie.ts'
import { validateOperatorSession } from './sessions.ts'
import { isRestricted } from './totp-policy.ts'

export type OperatorSessionDeps = {
  db: Database
  clock: Clock
  config: Pick<Config, 'secureCookies' | 'publicUrl' | 'production' | 'operatorTotp'>
}

/** Whether the request carries the console's cookie at all. */
export function hasOperatorCookie(c: Context<AppEnv>, secureCookies: boolean): boolean {
  return getCookie(c, operatorCookieName(secureCookies)) !== undefined
}

/**
 * The operator the console's cookie belongs to, or `null` when there is none or it has ended
 * (then the cookie is cleared). A change carrying the cookie must come from the console's own
 * origin (`403 CROSS_SITE_REQUEST`), checked before the session is even looked up.
 */
export async function readOperatorSession(
  deps: OperatorSessionDeps,
  c: Context<AppEnv>,
): Promise<OperatorAuth | null> {
  const { db, clock, config } = deps
  const token = getCookie(c, operatorCookieName(config.secureCookies))
  if (token === undefined) return null
  assertConsoleOrigin(c, config)
  const found = await validateOperatorSession(db, clock, token)
  if (!found) {
    clearOperatorCookie(c, config.secureCookies)
    return null
  }
  return { ...found, restricted: await isRestricted(db, config.operatorTotp, found.operator) }
}

/**
 * For `/v1/operator/*`: sets `c.var.operator` (`null` when signed out, including after a session
 * ended, so that signing in again just works). A change sent with a foreign `Origin` is refused
 * even without the cookie: nobody's page may sign a visitor in to the console (login CSRF).
 */
export function operatorSession(deps: OperatorSessionDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    assertNoForeignOrigin(c, deps.config)
    c.set('operator', await readOperatorSession(deps, c))
    await next()
  })
}

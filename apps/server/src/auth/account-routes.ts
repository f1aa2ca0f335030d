import { Hono, type MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { AuthDeps } from './deps.ts'

/** `/v1/account/*`: the signed-in member's own account. (Being built.) */
export function accountRoutes(
  _deps: AuthDeps,
  _site: MiddlewareHandler<AppEnv>,
  _member: MiddlewareHandler<AppEnv>,
) {
  return new Hono<AppEnv>()
}

import { Hono, type MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { AuthDeps } from './deps.ts'

/** `/v1/auth/*`: register, verify, sign in and out, password reset. (Being built.) */
export function authRoutes(
  _deps: AuthDeps,
  _site: MiddlewareHandler<AppEnv>,
  _member: MiddlewareHandler<AppEnv>,
) {
  return new Hono<AppEnv>()
}

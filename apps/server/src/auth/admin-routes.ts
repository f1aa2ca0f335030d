import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { AuthDeps } from './deps.ts'

/** `/v1/admin/members/*` and `/v1/admin/auth-settings`: the owner's view of members. (Being built.) */
export function adminMemberRoutes(_deps: AuthDeps) {
  return new Hono<AppEnv>()
}

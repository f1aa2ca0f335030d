import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import type { OperatorDeps } from './deps.ts'
import { operatorInviteRoutes } from './invite-routes.ts'
import { operatorSession } from './middleware.ts'
import { operatorSessionRoutes } from './session-routes.ts'
import { operatorSiteRoutes } from './site-routes.ts'
import { operatorTotpRoutes } from './totp-routes.ts'

/**
 * `/v1/operator/*`: the console's own routes, same-origin only (no CORS). Every one reads the
 * console's session cookie when there is one; those that need it say so.
 */
export function operatorRoutes(deps: OperatorDeps) {
  return new Hono<AppEnv>()
    .use('/operator/*', operatorSession(deps))
    .route('/', operatorSessionRoutes(deps))
    .route('/', operatorTotpRoutes(deps))
    .route('/', operatorInviteRoutes(deps))
    .route('/', operatorSiteRoutes(deps))
}

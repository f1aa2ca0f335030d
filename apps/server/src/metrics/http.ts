import type { Context } from 'hono'
import { routePath } from 'hono/route'
import type { MethodLabel, Metrics } from './metrics.ts'

const methods = new Set<string>(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/** Requests that matched no route, marked by the app's not-found handler. */
const unmatched = new WeakSet<Context>()

/** Call from the not-found handler: the request's route label becomes `unmatched`. */
export function markUnmatched(c: Context) {
  unmatched.add(c)
}

/**
 * The route a request was answered by, as registered: `/v1/forms/:formId/submissions` for every
 * form, or the middleware's own pattern (`/v1/admin/*`) when one answered first. A request that
 * matched no route is `unmatched`, whatever its path: a scanner trying a thousand paths adds no
 * label values.
 */
export function routeLabel(c: Context): string {
  if (unmatched.has(c)) return 'unmatched'
  return routePath(c) || 'unmatched'
}

export function methodLabel(method: string): MethodLabel {
  return methods.has(method) ? (method as MethodLabel) : 'OTHER'
}

/**
 * Counts and times one answered request by method, route template and status. Called by the
 * app's request middleware (http/request-basics.ts) once the route has answered, so the status
 * is the one the client got.
 */
export function recordRequest(metrics: Metrics, c: Context, seconds: number) {
  metrics.httpRequest({
    method: methodLabel(c.req.method),
    route: routeLabel(c),
    status: c.res.status,
    seconds,
  })
}

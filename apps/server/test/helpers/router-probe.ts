import type { RouterRoute } from 'hono/types'
import { accepts, refusalReason } from '../../src/http/app-router.ts'

type Route = Pick<RouterRoute, 'method' | 'path'>

/**
 * Every route Hono's RegExpRouter refuses, each with the reason, in registration order: the
 * routes are offered one by one, and a refused one is left out, so one bad route does not hide
 * the next. The app's own router (http/app-router.ts) stops at the first; this lists them all,
 * for a test's message or for trying a set of routes out before changing them.
 *
 * @example
 * expect(routesRegExpRouterRefuses(app.routes)).toEqual([])
 */
export function routesRegExpRouterRefuses(routes: readonly Route[]): string[] {
  const taken: Route[] = []
  const refused: string[] = []
  const seen = new Set<string>()
  for (const { method, path } of routes) {
    // A route's middleware and handler are entries of their own with the same method and path.
    const key = `${method} ${path}`
    if (seen.has(key)) continue
    seen.add(key)
    const route = { method, path }
    if (accepts([...taken, route])) taken.push(route)
    else refused.push(refusalReason(route, taken))
  }
  return refused
}

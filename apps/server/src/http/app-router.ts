import { UnsupportedPathError } from 'hono/router'
import { RegExpRouter } from 'hono/router/reg-exp-router'
import { descriptionOnly, keepRouteDoc, type RouteDoc } from './openapi.ts'

/**
 * The app's router: Hono's RegExpRouter, which matches a request against all ~200 routes with
 * one regular expression (or a map lookup for a path without parameters). Hono's default, the
 * SmartRouter, tries it first and silently falls back to the TrieRouter when a single route
 * cannot be compiled into it, which made every request slower (docs/performance.md, "Where
 * Porchlight's time goes"). Here nothing falls back: a route it cannot take stops the app at
 * startup, and the error names the route, the earlier route it collides with, and why.
 *
 * What it cannot take: within the routes of one method (middleware counts for every method), a
 * parameter and a literal, or two different parameter patterns, at the same position:
 * `GET /v1/x/:id` beside `GET /v1/x/new`. Give one of them a path that parts before the
 * parameter: `/v1/x-new`, or `/v1/x/start/:provider` rather than `/v1/x/:provider/start` beside
 * `/v1/x/callback`.
 *
 * A route's description (`documented(...)`, openapi.ts) is registered as its first handler, so
 * the OpenAPI document finds it among `app.routes`; it does nothing for a request, and each
 * handler a request runs is an async frame of Hono's. The router therefore leaves it out of
 * what it matches, and keeps it against the route's own entries (`routeDocOf`), where the owner
 * API's access check looks for it.
 *
 * @example
 * const app = new Hono<AppEnv>({ router: appRouter() })
 */
export function appRouter<T>(): RegExpRouter<T> {
  return new ExplainedRegExpRouter<T>()
}

type Registered = { method: string; path: string }

class ExplainedRegExpRouter<T> extends RegExpRouter<T> {
  readonly #registered: Registered[] = []
  /** Each documented route's description, by `METHOD path`. */
  readonly #docs = new Map<string, RouteDoc>()

  override add(method: string, path: string, handler: T): void {
    // Hono registers each handler as `[handler, route]`.
    const [run, route] = Array.isArray(handler) ? handler : []
    const key = `${method} ${path}`
    const description = descriptionOnly(run)
    if (description) {
      this.#docs.set(key, description)
      return
    }
    const doc = this.#docs.get(key)
    if (doc && typeof route === 'object' && route !== null) keepRouteDoc(route, doc)
    try {
      super.add(method, path, handler)
    } catch (error) {
      if (!(error instanceof UnsupportedPathError)) throw error
      throw new UnsupportedPathError(refusalReason({ method, path }, this.#registered))
    }
    this.#registered.push({ method, path })
  }
}

/**
 * Why RegExpRouter refuses `route` after `earlier`, in words: the earlier route it collides
 * with (found by trying each pair on a fresh router) and the position where they part.
 */
export function refusalReason(route: Registered, earlier: readonly Registered[]): string {
  const name = `${route.method} ${route.path}`
  const head = `Hono's RegExpRouter cannot take the route ${name}`
  if (!accepts([route]))
    return `${head}: its path pattern cannot be compiled (an empty or capturing parameter pattern).`
  const sharesTree = (other: Registered) =>
    route.method === 'ALL' || other.method === 'ALL' || other.method === route.method
  const other = earlier.find((e) => sharesTree(e) && !accepts([e, route]))
  if (!other) return `${head} beside the routes registered before it.`
  const where = partingSegments(route.path, other.path)
  return `${head}: ${where} ${other.method} ${other.path}. Within one method (middleware counts for every method) it cannot hold a parameter beside a literal, or two different parameters, at the same position: give one of them a path that differs before the parameter.`
}

/** Whether a fresh RegExpRouter takes `routes`, in order (one that refused may hold part of one). */
export function accepts(routes: readonly Registered[]): boolean {
  const router = new RegExpRouter<null>()
  try {
    for (const { method, path } of routes) router.add(method, path, null)
    return true
  } catch (error) {
    if (error instanceof UnsupportedPathError) return false
    throw error
  }
}

/** "`new` after `/v1/x/` collides with `:id` in" — the first segment where two paths differ. */
function partingSegments(path: string, otherPath: string): string {
  const mine = path.split('/')
  const theirs = otherPath.split('/')
  const at = mine.findIndex((segment, i) => segment !== theirs[i])
  if (at === -1) return 'it collides with'
  const prefix = `${mine.slice(0, at).join('/')}/`
  return `\`${mine[at]}\` after \`${prefix}\` collides with \`${theirs[at] ?? ''}\` in`
}

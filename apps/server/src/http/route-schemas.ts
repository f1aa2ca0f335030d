import type { z } from 'zod'
import { validatedPartOf } from './body.ts'

/** One route as a client sees it, with the schemas its handlers validate against. */
export type RouteDescription = {
  method: string
  /** Hono's pattern, e.g. `/v1/forum/threads/:id`. */
  path: string
  /** The JSON body's schema, when the route reads one through `jsonBody`/`optionalJsonBody`. */
  json?: z.ZodType
  /** Whether the JSON body may be left out (`optionalJsonBody`). */
  jsonOptional?: boolean
  /** The query string's schema, when the route reads one through `queryParams`. */
  query?: z.ZodType
}

// A sub-app with its own error handler is mounted with each handler wrapped; Hono keeps the
// original under this key.
const COMPOSED_HANDLER = '__COMPOSED_HANDLER'

function unwrapped(handler: unknown): unknown {
  let current = handler
  while (typeof current === 'function' && COMPOSED_HANDLER in current) {
    current = (current as unknown as Record<string, unknown>)[COMPOSED_HANDLER]
  }
  return current
}

/**
 * Every route of `app` with a method (catch-alls and `app.use` middleware left out), each with
 * the schemas it validates with: the one source for describing the API, and for tests that call
 * every route with what its schemas accept and refuse.
 *
 * @example describeRoutes(app).filter((route) => route.json) // the routes that read a JSON body
 */
export function describeRoutes(app: {
  routes: readonly { method: string; path: string; handler: unknown }[]
}): RouteDescription[] {
  const routes = new Map<string, RouteDescription>()
  for (const { method, path, handler } of app.routes) {
    if (method === 'ALL') continue
    const key = `${method} ${path}`
    const route = routes.get(key) ?? { method, path }
    routes.set(key, route)
    const part = validatedPartOf(unwrapped(handler))
    if (part?.target === 'json')
      Object.assign(route, { json: part.schema, jsonOptional: part.optional })
    if (part?.target === 'query') route.query = part.schema
  }
  return [...routes.values()]
}

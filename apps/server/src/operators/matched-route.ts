import type { Context } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { AppEnv } from '../http/env.ts'
import { type RouteDoc, routeDocOf } from '../http/openapi.ts'

/** The route a request matched, as the API reference names it. */
export type MatchedRoute = {
  method: string
  /** OpenAPI's form: `/v1/admin/forms/{formId}`. */
  template: string
  doc: RouteDoc | undefined
}

/** Hono's `/forms/:formId` (or `:id{[0-9]+}`) as OpenAPI writes it: `/forms/{formId}`. */
export function openApiTemplate(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)(\{[^/]*\})?\??/g, '{$1}')
}

/**
 * The route that answers this request, read in a middleware that runs before it: Hono matches
 * every route of the app up front, in the order they were registered, and the first with the
 * request's method answers (a literal path is registered before a template that also matches
 * it). `null` when none does: an unknown path, or a method the path does not take.
 */
export function matchedRoute(c: Context<AppEnv>): MatchedRoute | null {
  // HEAD is answered by the GET route.
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method
  const route = matchedRoutes(c).find((r) => r.method === method)
  if (!route) return null
  const doc = matchedRoutes(c)
    .filter((r) => r.method === method && r.path === route.path)
    .map((r) => routeDocOf(r))
    .find((found) => found !== undefined)
  return { method, template: openApiTemplate(route.path), doc }
}

/** The values of the template's parameters in `path`: what a change was made to. */
export function pathParams(template: string, path: string): Record<string, string> {
  const names = template.split('/')
  const values = path.split('/')
  const params: Record<string, string> = {}
  names.forEach((segment, i) => {
    const name = /^\{(.+)\}$/.exec(segment)?.[1]
    const value = values[i]
    if (name && value !== undefined) params[name] = safelyDecoded(value)
  })
  return params
}

function safelyDecoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

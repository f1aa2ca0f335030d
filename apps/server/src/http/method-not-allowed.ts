import { TrieRouter } from 'hono/router/trie-router'
import type { RouterRoute } from 'hono/types'

/**
 * The methods a path answers, for the 405 a request with another method gets (HTTP wants an
 * `Allow` header; Hono's own answer would be 404). Read from the app's routes once, after all are
 * registered; asked only by the not-found handler, so no answered request pays for it.
 *
 * Why not a catch-all route per path, as before: a catch-all answers every method, so it put
 * every path into every method's tree of the app's router, where `/v1/auth/passkeys/:id`
 * (PATCH, DELETE) then stood beside `/v1/auth/passkeys/sign-in` (POST). Hono's RegExpRouter
 * cannot compile a parameter beside a literal at the same position, so the app fell back to the
 * slower TrieRouter for every request (http/app-router.ts). This lookup has a router of its own,
 * one that takes any set of paths, and the app's router keeps only the real routes.
 *
 * @returns the allowed methods, sorted, or `null` for a path no route has (a 404).
 * @example
 * const allowedMethods = allowedMethodsOf(app.routes)
 * allowedMethods('/v1/account') // ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH']
 */
export function allowedMethodsOf(
  routes: readonly RouterRoute[],
): (path: string) => string[] | null {
  const methodsByPath = new Map<string, Set<string>>()
  for (const route of routes) {
    // Middleware (`use`) is registered for ALL methods; it answers nothing by itself.
    if (route.method === 'ALL') continue
    // Every path can be asked with OPTIONS (CORS preflights are answered before routing).
    const methods = methodsByPath.get(route.path) ?? new Set(['OPTIONS'])
    methods.add(route.method)
    if (route.method === 'GET') methods.add('HEAD')
    methodsByPath.set(route.path, methods)
  }
  const router = new TrieRouter<Set<string>>()
  for (const [path, methods] of methodsByPath) router.add('ALL', path, methods)
  return (path) => {
    // A path can match several routes (`/passkeys/sign-in` and `/passkeys/:id`): it answers the
    // methods of all of them.
    const [matches] = router.match('ALL', path)
    if (matches.length === 0) return null
    const allowed = new Set<string>()
    for (const [methods] of matches) for (const method of methods) allowed.add(method)
    return [...allowed].sort()
  }
}

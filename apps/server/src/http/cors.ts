import { createMiddleware } from 'hono/factory'
import type { Database } from '../db/client.ts'
import { SiteErrors } from '../sites/errors.ts'
import { originKnown } from '../sites/queries.ts'
import type { AppEnv } from './env.ts'
import { securedHead } from './request-basics.ts'
import { publishableKeyHeader } from './site.ts'

const allowedHeaders = ['Content-Type', 'Authorization', publishableKeyHeader, 'If-None-Match']
const exposedHeaders = ['Retry-After', 'X-Request-Id', 'ETag']

/**
 * CORS for the public API, by allow-list and never by reflection. A preflight carries no key,
 * so it is answered for origins that some site of this deployment allows; the real request is
 * then checked against its own site's origins by the site middleware. Responses carry
 * `Access-Control-Allow-Origin` only for an origin the request's site allows, so another site's
 * page can never read them. Error answers given before a site is known (a bad key) are readable
 * by any origin this deployment knows, so a developer sees the real error, not a CORS failure.
 */
export function cors(db: Database) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const origin = c.req.header('origin')
    if (c.req.method === 'OPTIONS') {
      if (!origin || !(await originKnown(db, origin)))
        throw SiteErrors.originNotAllowed(origin ?? 'null')
      const requested = (c.req.header('access-control-request-headers') ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean)
      const allowed = allowedHeaders.filter((h) => requested.includes(h.toLowerCase()))
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
        'Access-Control-Allow-Headers': allowed.join(', '),
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin, Access-Control-Request-Headers',
      })
    }
    await next()
    // Caches must keep answers apart by Origin, whether or not this one carried one.
    const added: [string, string][] = [['vary', 'Origin']]
    if (origin) {
      const site = c.get('site')
      const readable = site ? site.origins.includes(origin) : await originKnown(db, origin)
      if (readable) {
        added.push(['access-control-allow-origin', origin])
        added.push(['access-control-expose-headers', exposedHeaders.join(', ')])
        if (site) added.push(['access-control-allow-credentials', 'true'])
      }
    }
    // On Node's server they go with the response head (security-headers-node.ts): reading
    // `c.res.headers` would make the answer build a `Headers` object (~2% of a forum page).
    const head = securedHead(c.env)
    if (head) head.addedHeaders = added
    else {
      const headers = c.res.headers
      for (const [name, value] of added) {
        if (name === 'vary') headers.append(name, value)
        else headers.set(name, value)
      }
    }
  })
}

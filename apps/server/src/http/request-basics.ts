import { createMiddleware } from 'hono/factory'
import type { Logger } from '../logger.ts'
import { routeLabel } from '../metrics/http.ts'
import { clientDisconnected } from './client-disconnect.ts'
import type { AppEnv } from './env.ts'

// What every request gets, whatever it asks for: an id, a logger that carries it, one log line,
// and the security headers. Every request pays for it, `/healthz` included, so it is one
// middleware doing as little as it can: the headers go into the response as it is made (not
// patched onto it afterwards, which is where most of this used to go), and nothing is built for
// a log line the configured level drops.

export const requestIdHeader = 'X-Request-Id'

/**
 * A caller's own request id is kept (a proxy or the SDK may set one, to follow a request through
 * its logs) when it is short and plain: it goes into log lines and a response header, so it must
 * not carry line breaks or anything else a log reader would misread.
 */
const acceptableRequestId = /^[\w\-=]{1,255}$/

/**
 * Safe defaults for browsers: no framing by other sites, no MIME sniffing, no referrer leaks,
 * HTTPS only, and responses not readable cross-origin unless a route says so (as /embed.js does).
 */
const securityHeaders: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
]

/**
 * Sets the request id (`c.var.requestId`, echoed as `X-Request-Id`), the request's logger
 * (`c.var.log`), the security headers, and logs one `request` line at info level once answered.
 * A header a route sets itself wins over the default here.
 *
 * @example app.use(requestBasics(log))
 */
export function requestBasics(log: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header(requestIdHeader)
    const id = incoming && acceptableRequestId.test(incoming) ? incoming : crypto.randomUUID()
    c.set('requestId', id)
    const requestLog = log.child({ requestId: id })
    c.set('log', requestLog)
    // Before the route runs, so they are part of the response it makes, and a header the route
    // sets replaces the default.
    c.header(requestIdHeader, id)
    for (const [name, value] of securityHeaders) c.header(name, value)
    const logged = requestLog.enabled?.('info') ?? true
    const started = logged ? performance.now() : 0
    await next()
    // A route that answered with a Response of its own has none of the above: add what it lacks.
    const { headers } = c.res
    if (!headers.has(requestIdHeader)) {
      headers.set(requestIdHeader, id)
      for (const [name, value] of securityHeaders) if (!headers.has(name)) headers.set(name, value)
    }
    if (!logged) return
    // Nobody reads the answer of a client that left: its line says so, whatever the status.
    c.get('log').info(clientDisconnected(c) ? 'client disconnected' : 'request', {
      method: c.req.method,
      path: c.req.path,
      route: routeLabel(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  })
}

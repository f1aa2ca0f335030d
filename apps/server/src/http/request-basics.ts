import type { Context, Next } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Logger } from '../logger.ts'
import { routeLabel } from '../metrics/http.ts'
import { clientDisconnected } from './client-disconnect.ts'
import type { AppEnv } from './env.ts'
import { requestLogger } from './request-logger.ts'
import {
  apiSecurityHeaders,
  browserPageHeaders,
  type HeaderSet,
  headersAtResponseHead,
  isHtml,
} from './security-headers.ts'
import type { SecuredHead } from './security-headers-node.ts'

// What every request gets, whatever it asks for: an id, a logger that carries it, one log line,
// and the security headers for its kind of answer (security-headers.ts). Every request pays for
// it, `/healthz` included, so it is one middleware doing as little as it can: the headers go
// into the response as it is made (not patched onto it afterwards, which is where most of this
// used to go), or on Node into the response head as it is written (security-headers-node.ts);
// only HTML pages get the browser-page set on top; the request's logger is made on its first
// line, and nothing is built for a log line the configured level drops.

export const requestIdHeader = 'X-Request-Id'

/**
 * A caller's own request id is kept (a proxy or the SDK may set one, to follow a request through
 * its logs) when it is short and plain: it goes into log lines and a response header, so it must
 * not carry line breaks or anything else a log reader would misread.
 */
const acceptableRequestId = /^[\w\-=]{1,255}$/

export type RequestBasicsOptions = {
  /** The server is reached over https (`PUBLIC_URL`): API answers carry HSTS too. */
  https: boolean
}

/** Sets each header of `set` that `headers` lacks: a header the route chose itself wins. */
function addMissing(headers: Headers, set: HeaderSet) {
  for (const [name, value] of set) if (!headers.has(name)) headers.set(name, value)
}

/** The Node response behind a request, when its head gets the security headers by itself. */
function securedHead(env: unknown): SecuredHead | undefined {
  const outgoing = (env as { outgoing?: Record<symbol, unknown> } | undefined)?.outgoing
  return outgoing?.[headersAtResponseHead] === true ? (outgoing as SecuredHead) : undefined
}

/**
 * Sets the request id (`c.var.requestId`, echoed as `X-Request-Id`), the request's logger
 * (`c.var.log`), the API security headers on every answer and the browser-page ones on HTML
 * pages, and logs one `request` line at info level once answered. A header a route sets itself
 * wins over the default here. On Node's server with `securedServerResponse`
 * (security-headers-node.ts) the security headers are written with the response head instead,
 * by the same rules.
 *
 * @example app.use(requestBasics(log, { https: config.publicUrl.startsWith('https:') }))
 */
export function requestBasics(log: Logger, options: RequestBasicsOptions) {
  // Built once: each request copies a handful of constant pairs.
  const apiHeaders = apiSecurityHeaders(options)
  const logged = log.enabled?.('info') ?? true
  return createMiddleware<AppEnv>((c, next) => {
    const incoming = c.req.header(requestIdHeader)
    const id = incoming && acceptableRequestId.test(incoming) ? incoming : crypto.randomUUID()
    c.set('requestId', id)
    c.set('log', requestLogger(log, id))
    const head = securedHead(c.env)
    if (!head) return answerWithHeaders(c, next, id, apiHeaders, logged)
    // Node: the head adds the id and the security headers as it is written. With no log line
    // to write either, nothing is left to do after the route: its promise is passed straight on.
    head.requestId = id
    return logged ? logAnswer(c, next) : next()
  })
}

/** Workers and in-process requests: the headers go into the answer itself. */
async function answerWithHeaders(
  c: Context<AppEnv>,
  next: Next,
  id: string,
  apiHeaders: HeaderSet,
  logged: boolean,
) {
  // Before the route runs, so they are part of the response it makes, and a header the route
  // sets replaces the default.
  c.header(requestIdHeader, id)
  for (const [name, value] of apiHeaders) c.header(name, value)
  if (logged) await logAnswer(c, next)
  else await next()
  secureAnswer(c.res.headers, id, apiHeaders)
}

/** Runs the route, then writes the request's one line at info. */
async function logAnswer(c: Context<AppEnv>, next: Next) {
  const started = performance.now()
  await next()
  // Nobody reads the answer of a client that left: its line says so, whatever the status.
  c.get('log').info(clientDisconnected(c) ? 'client disconnected' : 'request', {
    method: c.req.method,
    path: c.req.path,
    route: routeLabel(c),
    status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  })
}

/**
 * A route that answered with a Response of its own has none of the headers set before it: they
 * are added where missing. Pages are few and never on a hot path: their extra headers are added
 * once they are made.
 */
function secureAnswer(headers: Headers, id: string, apiHeaders: HeaderSet) {
  if (!headers.has(requestIdHeader)) {
    headers.set(requestIdHeader, id)
    addMissing(headers, apiHeaders)
  }
  if (isHtml(headers.get('content-type'))) addMissing(headers, browserPageHeaders)
}

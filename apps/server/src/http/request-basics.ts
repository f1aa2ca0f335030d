import type { Context, ErrorHandler, MiddlewareHandler, Next } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Logger } from '../logger.ts'
import { recordRequest, routeLabel } from '../metrics/http.ts'
import type { Metrics } from '../metrics/metrics.ts'
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
// the security headers for its kind of answer (security-headers.ts), the body limit, and the
// request metrics when they are on. Every request pays for it, `/healthz` included, so it is ONE
// middleware doing as little as it can: each layer Hono runs is an async frame and two promises
// (docs/performance.md, "The middleware stack"). The headers go into the response as it is made
// (not patched onto it afterwards), or on Node into the response head as it is written
// (security-headers-node.ts); only HTML pages get the browser-page set on top; the request's
// logger is made on its first line; and with no log line to write and no metrics to record,
// nothing waits for the route at all.

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
  /** Counts and times every answer by route and status (metrics/http.ts); absent when off. */
  metrics?: Metrics | undefined
  /**
   * Run before the route on requests that may carry a body (`hono/body-limit`). GET and HEAD
   * have none (the Fetch spec forbids one), so it is skipped there: merely asking for the body
   * makes @hono/node-server build a full Request, once half of all middleware time.
   */
  bodyLimit?: MiddlewareHandler<AppEnv> | undefined
  /**
   * The app's error handler, for an error of the body limit itself (a body too large): it is
   * answered as if the limit were a layer of its own, and the answer is logged and counted.
   */
  onError?: ErrorHandler<AppEnv> | undefined
}

/** Sets each header of `set` that `headers` lacks: a header the route chose itself wins. */
function addMissing(headers: Headers, set: HeaderSet) {
  for (const [name, value] of set) if (!headers.has(name)) headers.set(name, value)
}

/** The Node response behind a request, when its head gets the security headers by itself. */
export function securedHead(env: unknown): SecuredHead | undefined {
  const outgoing = (env as { outgoing?: Record<symbol, unknown> } | undefined)?.outgoing
  return outgoing?.[headersAtResponseHead] === true ? (outgoing as SecuredHead) : undefined
}

/**
 * Sets the request id (`c.var.requestId`, echoed as `X-Request-Id`), the request's logger
 * (`c.var.log`), the API security headers on every answer and the browser-page ones on HTML
 * pages, applies the body limit, and once answered logs one `request` line at info level and
 * records the request's metrics. A header a route sets itself wins over the default here. On
 * Node's server with `securedServerResponse` (security-headers-node.ts) the security headers are
 * written with the response head instead, by the same rules. Register it first, alone: it is
 * every layer the whole app shares.
 *
 * @example
 * app.use(requestBasics(log, { https: true, metrics, bodyLimit: bodyLimit({ maxSize }), onError }))
 */
export function requestBasics(log: Logger, options: RequestBasicsOptions) {
  // Built once: each request copies a handful of constant pairs.
  const apiHeaders = apiSecurityHeaders(options)
  const logged = log.enabled?.('info') ?? true
  const { metrics, bodyLimit, onError } = options
  // Whether anything waits for the route's answer: only a log line or metrics do.
  const waits = logged || metrics !== undefined
  return createMiddleware<AppEnv>((c, next) => {
    const incoming = c.req.header(requestIdHeader)
    const id = incoming && acceptableRequestId.test(incoming) ? incoming : crypto.randomUUID()
    c.set('requestId', id)
    c.set('log', requestLogger(log, id))
    const method = c.req.method
    const route: Next =
      bodyLimit && method !== 'GET' && method !== 'HEAD'
        ? () => bodyLimit(c, next) as Promise<void>
        : next
    const head = securedHead(c.env)
    if (head) {
      // Node: the head adds the id and the security headers as it is written. With nothing to
      // do after the route either, its promise (or its error) is passed straight on to Hono.
      head.requestId = id
      if (!waits) return route()
    } else {
      // Workers and in-process requests: the headers go into the answer itself, before the
      // route runs, so a header the route sets replaces the default.
      c.header(requestIdHeader, id)
      for (const [name, value] of apiHeaders) c.header(name, value)
    }
    return answered(c, route, { logged, metrics, onError, secure: head ? undefined : apiHeaders })
  })
}

/** Runs the route, then records the request's metrics and writes its one line at info. */
async function answered(
  c: Context<AppEnv>,
  route: Next,
  after: {
    logged: boolean
    metrics: Metrics | undefined
    onError: ErrorHandler<AppEnv> | undefined
    /** The API set, when the answer itself must carry the headers (not Node's head). */
    secure: HeaderSet | undefined
  },
) {
  const started = performance.now()
  await settled(c, route, after.onError)
  const ms = performance.now() - started
  if (after.secure) secureAnswer(c.res.headers, c.var.requestId, after.secure)
  if (after.metrics) recordRequest(after.metrics, c, ms / 1000)
  if (!after.logged) return
  // Nobody reads the answer of a client that left: its line says so, whatever the status.
  c.get('log').info(clientDisconnected(c) ? 'client disconnected' : 'request', {
    method: c.req.method,
    path: c.req.path,
    route: routeLabel(c),
    status: c.res.status,
    ms: Math.round(ms * 10) / 10,
  })
}

/**
 * Runs the rest of the request so that its answer is in `c.res` afterwards, as the client gets
 * it. Hono's compose hands a layer's error to the app's error handler; but when this is the only
 * handler a request matched (a path no route takes), Hono calls it without compose, and the
 * not-found answer, like the body limit's refusal, arrives as an error. Both are answered here
 * by the app's own handler, so they are logged, counted and secured like any other answer.
 */
async function settled(c: Context<AppEnv>, route: Next, onError: ErrorHandler<AppEnv> | undefined) {
  try {
    const answer: unknown = await route()
    if (answer instanceof Response && !c.finalized) c.res = answer
  } catch (error) {
    if (!(error instanceof Error) || !onError) throw error
    c.res = await onError(error, c)
  }
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

import type { ServerResponse } from 'node:http'
import type { Http2Bindings, HttpBindings } from '@hono/node-server'
import type { SecuredHead } from '../http/security-headers-node.ts'
import type { Logger } from '../logger.ts'

type Fetch = (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>

/**
 * Logs a client that goes away while its answer is being written (a slow download, a closed
 * tab) as `client disconnected`, with the request's id. The app's own logging middleware sees
 * the requests that end before the app answers; this sees the rest, which only the runtime can.
 *
 * @example getRequestListener(logLateDisconnects(app.fetch, log))
 */
export function logLateDisconnects(fetch: Fetch, log: Logger): Fetch {
  // Its line is written at info: below that level there is nothing to watch for, and watching
  // (a listener on every response) was part of what every request cost.
  if (log.enabled?.('info') === false) return fetch
  return async (request, env) => {
    const response = await fetch(request, env)
    // The Node entry serves HTTP/1 only (`node:http`).
    const outgoing = env.outgoing as ServerResponse
    // Already closed means the client left before the app answered: the middleware logged it.
    if (!outgoing.closed) {
      outgoing.once('close', () => {
        if (outgoing.writableFinished) return
        log.info('client disconnected', {
          // A secured head (security-headers-node.ts) carries the id; else the answer does.
          requestId:
            (outgoing as Partial<SecuredHead>).requestId ??
            response.headers.get('x-request-id') ??
            undefined,
          method: request.method,
          path: new URL(request.url).pathname,
          status: response.status,
          during: 'response',
        })
      })
    }
    return response
  }
}

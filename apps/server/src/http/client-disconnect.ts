import type { Context } from 'hono'

/**
 * Whether the client went away before its answer was ready: an upload aborted halfway, a tab
 * closed while the request ran. The runtime aborts the request's signal then (on Node,
 * @hono/node-server does when the socket closes). Such a request is not a failure of ours: it
 * is logged as `client disconnected`, never as an unhandled error.
 */
export function clientDisconnected(c: Context): boolean {
  return c.req.raw.signal.aborted
}

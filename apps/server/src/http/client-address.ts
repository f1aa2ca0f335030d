import type { Context } from 'hono'
import { getRuntimeKey } from 'hono/adapter'
import type { Config } from '../config.ts'
import { clientAddressFrom } from './trust-proxy.ts'

/**
 * The client's address for rate limits and logs. Forwarding headers count only as far as the
 * operator says proxies set them (`TRUST_PROXY`, see `trust-proxy.ts`); otherwise any client could
 * pick its own address and dodge every per-address limit.
 */
export function clientAddressReader(
  trustProxy: Config['trustProxy'],
  socketAddress: (c: Context) => string | undefined,
): (c: Context) => string {
  return (c) => clientAddressFrom(trustProxy, socketAddress(c), (name) => c.req.header(name))
}

/**
 * Node runs a promise on after the response by itself and gives Hono no execution context;
 * asking for one there throws, and building that error (with its stack) cost about 2% of a
 * contact submission's CPU under load.
 */
const runsOnAfterResponse = getRuntimeKey() === 'node'

/** Keeps work alive after the response where the runtime would cancel it (Workers). */
export function afterResponse(c: Context, work: Promise<unknown>): void {
  if (runsOnAfterResponse) return
  try {
    c.executionCtx.waitUntil(work)
  } catch {
    // Node has no execution context: the promise simply runs on.
  }
}

import type { Context } from 'hono'
import type { Config } from '../config.ts'

/**
 * The client's address for rate limits and logs. Forwarding headers are trusted only when the
 * operator says a proxy sets them; otherwise any client could pick its own address and dodge
 * every per-IP limit.
 */
export function clientAddressReader(
  trustProxy: Config['trustProxy'],
  socketAddress: (c: Context) => string | undefined,
): (c: Context) => string {
  return (c) => {
    if (trustProxy === 'cloudflare') return c.req.header('cf-connecting-ip') ?? 'unknown'
    if (trustProxy === 'x-forwarded-for') {
      const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
      if (first) return first
    }
    return socketAddress(c) ?? 'unknown'
  }
}

/** Keeps work alive after the response where the runtime would cancel it (Workers). */
export function afterResponse(c: Context, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work)
  } catch {
    // Node has no execution context: the promise simply runs on.
  }
}

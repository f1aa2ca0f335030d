import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import type { MetricsEndpoint } from './metrics.ts'

const encoder = new TextEncoder()

/**
 * `GET /metrics`: the scrape, for whoever presents the token as `Authorization: Bearer <token>`,
 * or for anyone who reaches it when the endpoint has no token (a listener of its own, which the
 * config allows only on a loopback address). The counters tell a reader which routes are used,
 * how much spam arrives and how many sign-ins fail: not for the public.
 */
export function metricsRoutes(endpoint: MetricsEndpoint) {
  const expected = endpoint.token === undefined ? undefined : digest(endpoint.token)
  return new Hono<AppEnv>().get('/metrics', async (c) => {
    if (expected && !presentsToken(c.req.header('authorization'), expected)) {
      throw new ApiError(
        401,
        'INVALID_METRICS_TOKEN',
        'Send the metrics token (METRICS_TOKEN) as `Authorization: Bearer <token>`.',
        { headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' } },
      )
    }
    const { contentType, body } = await endpoint.scrape()
    return c.body(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' })
  })
}

/**
 * Compares digests in constant time: the time a wrong token takes says nothing about how much
 * of it was right, nor (the digests being of one length) how long the real one is.
 */
function presentsToken(header: string | undefined, expected: Uint8Array): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1] !== undefined && constantTimeEqual(digest(match[1]), expected)
}

function digest(token: string): Uint8Array {
  return sha256(encoder.encode(token))
}

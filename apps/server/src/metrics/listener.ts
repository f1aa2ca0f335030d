import { createServer } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { Hono } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { ApiError, errorBody, HttpErrors } from '../http/errors.ts'
import { describeError, type Logger } from '../logger.ts'
import { metricsRoutes } from './endpoint.ts'
import type { MetricsEndpoint } from './metrics.ts'

export type MetricsListener = {
  /** `http://host:port`, the scrape at `${url}/metrics`. */
  url: string
  close(): Promise<void>
}

/**
 * A listener that serves `/metrics` and nothing else (METRICS_PORT, on METRICS_HOST): scrapes
 * stay off the public port, and a firewall or the loopback address decides who reaches them.
 * Node only.
 */
export async function startMetricsListener(options: {
  host: string
  port: number
  endpoint: MetricsEndpoint
  log: Logger
}): Promise<MetricsListener> {
  const app = new Hono<AppEnv>().route('/', metricsRoutes(options.endpoint))
  app.notFound(() => {
    throw HttpErrors.notFound()
  })
  app.onError((error, c) => {
    if (!(error instanceof ApiError))
      options.log.error('metrics scrape failed', describeError(error))
    const e = error instanceof ApiError ? error : HttpErrors.internal()
    for (const [name, value] of Object.entries(e.headers ?? {})) c.header(name, value)
    return c.json(errorBody(e.code, e.message), e.status)
  })
  const server = createServer(getRequestListener(app.fetch))
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
    server.listen(options.port, options.host)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        // Prometheus keeps its scrape connection open between scrapes.
        server.closeAllConnections()
      }),
  }
}

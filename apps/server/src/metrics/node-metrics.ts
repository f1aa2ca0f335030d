import type { AppDeps } from '../deps.ts'
import { type MetricsListener, startMetricsListener } from './listener.ts'
import type { Metrics, MetricsEndpoint } from './metrics.ts'
import { cachedOutboxBacklog } from './outbox-backlog.ts'
import { createPrometheusMetrics } from './prometheus.ts'
import type { MetricsSettings } from './settings.ts'

export type NodeMetrics = {
  /** For `createDeps`: the recorder, and `/metrics` on the app's port unless it has its own. */
  deps: { metrics: Metrics; metricsEndpoint?: MetricsEndpoint }
  /**
   * Once the deps exist: reads the outbox gauges through the app's database client, and starts
   * the listener of its own (METRICS_PORT), if there is one.
   */
  start(deps: Pick<AppDeps, 'client' | 'clock' | 'log'>): Promise<MetricsListener | undefined>
}

/**
 * Metrics on Node: Prometheus counters served at `/metrics`, when the settings ask for them;
 * `undefined` (metrics off, nothing measured) otherwise.
 *
 * @example
 * const metrics = nodeMetrics(config.metrics)
 * const deps = createDeps({ ...options, ...metrics?.deps })
 * const listener = await metrics?.start(deps)
 */
export function nodeMetrics(settings: MetricsSettings | undefined): NodeMetrics | undefined {
  if (!settings) return undefined
  const prometheus = createPrometheusMetrics()
  const endpoint: MetricsEndpoint = {
    scrape: () => prometheus.scrape(),
    ...(settings.token && { token: settings.token }),
  }
  const { port } = settings
  return {
    deps: { metrics: prometheus, ...(port === undefined && { metricsEndpoint: endpoint }) },
    async start(deps) {
      prometheus.measureOutbox(cachedOutboxBacklog(deps))
      if (port === undefined) return undefined
      return startMetricsListener({ host: settings.host, port, endpoint, log: deps.log })
    },
  }
}

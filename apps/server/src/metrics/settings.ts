import { z } from 'zod'

/** The environment variables for metrics, merged into config.ts's schema. */
export const metricsEnv = {
  // 32 characters: `openssl rand -hex 16` at the least; anything shorter could be guessed.
  METRICS_TOKEN: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. the output of `openssl rand -hex 32`)')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).optional(),
}

/**
 * Prometheus metrics on Node; unset (off) unless METRICS_TOKEN or METRICS_PORT is set. With a
 * port, `/metrics` is served there only; otherwise on the app's own port, behind the token.
 */
export type MetricsSettings = {
  /** The bearer token `/metrics` asks for; required off loopback. */
  token?: string
  /** A listener of its own for `/metrics`. */
  port?: number
  /** Where that listener binds: loopback unless METRICS_HOST says otherwise. */
  host: string
}

type MetricsEnv = {
  PORT: number
  METRICS_TOKEN?: string | undefined
  METRICS_PORT?: number | undefined
  METRICS_HOST?: string | undefined
}

/**
 * The metrics settings, or the problems with them. Metrics are off by default: the counters
 * say which routes are used and how many sign-ins fail, so they are served only where the
 * operator said, and never to the network without a token.
 */
export function metricsSettings(e: MetricsEnv): {
  settings: MetricsSettings | undefined
  problems: string[]
} {
  const problems: string[] = []
  const host = e.METRICS_HOST ?? '127.0.0.1'
  if (e.METRICS_HOST !== undefined && e.METRICS_PORT === undefined) {
    problems.push('METRICS_HOST: only used with METRICS_PORT (a listener for /metrics alone)')
  }
  if (e.METRICS_PORT !== undefined && e.METRICS_PORT === e.PORT) {
    problems.push(`METRICS_PORT: must differ from PORT (${e.PORT})`)
  }
  if (e.METRICS_PORT !== undefined && !e.METRICS_TOKEN && !isLoopbackHost(host)) {
    problems.push(
      `METRICS_TOKEN: required when METRICS_HOST (${host}) is not a loopback address, or anyone who reaches it could read the metrics`,
    )
  }
  if (e.METRICS_TOKEN === undefined && e.METRICS_PORT === undefined) {
    return { settings: undefined, problems }
  }
  return {
    settings: {
      ...(e.METRICS_TOKEN && { token: e.METRICS_TOKEN }),
      ...(e.METRICS_PORT !== undefined && { port: e.METRICS_PORT }),
      host,
    },
    problems,
  }
}

/** `localhost`, 127.0.0.0/8 or `::1`: reachable from this machine only. */
function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

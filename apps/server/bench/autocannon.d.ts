// autocannon ships no types; this declares the part of its programmatic API the bench uses.
declare module 'autocannon' {
  /** A request as autocannon builds it; `setupRequest` may return a changed copy. */
  export type RequestParams = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
  }

  export type Options = {
    url: string
    method?: string
    headers?: Record<string, string>
    body?: string
    connections?: number
    /** Seconds. */
    duration?: number
    /** Responses to wait for before stopping; overrides `duration`. */
    amount?: number
    /** Seconds before a request counts as timed out. */
    timeout?: number
    /** Sent in turn by every connection; `setupRequest` runs before each one is sent. */
    requests?: { setupRequest?: (request: RequestParams) => RequestParams }[]
  }

  export type Histogram = {
    average: number
    mean: number
    stddev: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p99: number
  }

  export type Result = {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    resets: number
    mismatches: number
    '2xx': number
    statusCodeStats: Record<string, { count: number }>
    /** Milliseconds. */
    latency: Histogram
    /** Requests per second, sampled each second. */
    requests: Histogram & { sent: number }
    /** Bytes per second, sampled each second. */
    throughput: Histogram
  }

  /** A running load: a thenable for the result, and the events of each response. */
  export type Instance = PromiseLike<Result> & {
    on(
      event: 'response',
      listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void,
    ): Instance
  }

  /** Without a callback, autocannon returns a thenable for the result. */
  export default function autocannon(options: Options): Instance
}

import type { DatabaseFault } from '../db/faults.ts'
import type { SpamReason } from '../spam/assess.ts'

/**
 * Request methods as label values. Anything else a client sends is `OTHER`: a label value a
 * client could choose would let anyone grow the metrics without bound.
 */
export type MethodLabel = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'OTHER'

export type HttpRequestSample = {
  method: MethodLabel
  /** The route's template as registered (`/v1/forms/:formId/submissions`), never the path. */
  route: string
  status: number
  seconds: number
}

/** How a sign-in ended; `error` is anything unexpected (a busy database, a bug). */
export const signInResults = [
  'succeeded',
  'invalid_credentials',
  'throttled',
  'suspended',
  'unverified',
  'error',
] as const
export type SignInResult = (typeof signInResults)[number]

/** `existing_address`: the address had an account, so its owner was emailed instead. */
export type RegistrationResult = 'new_member' | 'existing_address'

/** One outbox attempt: done, failed and due again later, or failed for good. */
export type OutboxOutcome = 'delivered' | 'retry' | 'dead'

export type MailResult = 'sent' | 'failed'

/** `refused`: the destination is not allowed (a private address), so nothing was sent. */
export type WebhookResult = 'delivered' | 'failed' | 'refused'

export type DatabaseOperation = 'execute' | 'batch'

/**
 * What the app records, one method per thing that happens. Every label is a closed set (a union
 * of literals, or a route template, a job kind or a limit name drawn from the code), never an id,
 * an address or a path: each distinct value is one more time series an operator pays for.
 *
 * On Node, `prometheus.ts` keeps counters and histograms for `/metrics`; on Workers,
 * `log-lines.ts` writes each event as a structured log line; with metrics off, `noMetrics`.
 */
export interface Metrics {
  /** One answered HTTP request. */
  httpRequest(sample: HttpRequestSample): void
  /** A stored contact submission, with the reasons it was marked as spam (none when clean). */
  contactSubmission(verdict: { spam: boolean; reasons: readonly SpamReason[] }): void
  registration(result: RegistrationResult): void
  signIn(result: SignInResult): void
  /** A request refused by a rate limit; `limit` comes from `rateLimitName`. */
  rateLimited(limit: string): void
  /** `kind` is a registered job kind, or `unknown` for a job no handler claims. */
  outboxAttempt(kind: string, outcome: OutboxOutcome): void
  mail(result: MailResult): void
  webhook(result: WebhookResult): void
  /** One call to the database, waiting for a lock included. */
  databaseQuery(operation: DatabaseOperation, seconds: number): void
  /** A database call that failed with a passing fault (`db/faults.ts`). */
  databaseFault(fault: DatabaseFault): void
}

const ignore = () => {}

/** Records nothing: metrics are off. The app skips measuring altogether when it gets this one. */
export const noMetrics: Metrics = {
  httpRequest: ignore,
  contactSubmission: ignore,
  registration: ignore,
  signIn: ignore,
  rateLimited: ignore,
  outboxAttempt: ignore,
  mail: ignore,
  webhook: ignore,
  databaseQuery: ignore,
  databaseFault: ignore,
}

/** The scrape a `/metrics` request answers with: Prometheus's text format and its media type. */
export type MetricsScrape = { contentType: string; body: string }

/** Where `/metrics` gets its answer, and the token it asks for (none: a local listener). */
export type MetricsEndpoint = { scrape: () => Promise<MetricsScrape>; token?: string }

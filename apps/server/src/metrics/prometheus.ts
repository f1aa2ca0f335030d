import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import { spamReasons } from '../spam/assess.ts'
import { type Metrics, type MetricsScrape, signInResults } from './metrics.ts'
import type { OutboxBacklog } from './outbox-backlog.ts'
import { rateLimitNames } from './rate-limits.ts'

export type PrometheusMetrics = Metrics & {
  /** Everything, in Prometheus's text format: what `/metrics` answers. */
  scrape(): Promise<MetricsScrape>
  /** Where the outbox gauges are read from at each scrape (`cachedOutboxBacklog`). */
  measureOutbox(read: () => Promise<OutboxBacklog>): void
}

// Request times from a cached read (~1 ms) to a password hash waiting its turn (seconds).
const requestBuckets = [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
// Statements take tens of microseconds on a local file, milliseconds to Turso, and up to
// DATABASE_BUSY_TIMEOUT_MS (5 s) while another process holds the lock.
const queryBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 0.5, 1, 5]

/**
 * The app's metrics as prom-client counters, histograms and gauges, in a registry of their own
 * (so two servers in one process, as in tests, never share one), with prom-client's process
 * metrics beside them: memory, CPU, event-loop lag, garbage collection. Node only.
 *
 * @example
 * const metrics = createPrometheusMetrics()
 * const { body } = await metrics.scrape()
 */
export function createPrometheusMetrics(): PrometheusMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]

  const requests = new Counter({
    name: 'porchlight_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  })
  const requestSeconds = new Histogram({
    name: 'porchlight_http_request_duration_seconds',
    help: 'Time from a request arriving to its response, by method, route template and status class.',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: requestBuckets,
    registers,
  })
  const submissions = new Counter({
    name: 'porchlight_contact_submissions_total',
    help: 'Contact submissions stored, by verdict (clean or spam).',
    labelNames: ['verdict'] as const,
    registers,
  })
  const spam = new Counter({
    name: 'porchlight_contact_spam_reasons_total',
    help: 'Reasons contact submissions were marked as spam (one submission can have several).',
    labelNames: ['reason'] as const,
    registers,
  })
  const registrations = new Counter({
    name: 'porchlight_member_registrations_total',
    help: 'Registrations, by result: a new member, or an email to the owner of an existing address.',
    labelNames: ['result'] as const,
    registers,
  })
  const signIns = new Counter({
    name: 'porchlight_member_sign_ins_total',
    help: 'Password sign-ins, by result.',
    labelNames: ['result'] as const,
    registers,
  })
  const rateLimited = new Counter({
    name: 'porchlight_rate_limited_total',
    help: 'Requests refused (or emails skipped) by a rate limit, by limit.',
    labelNames: ['limit'] as const,
    registers,
  })
  const outboxAttempts = new Counter({
    name: 'porchlight_outbox_attempts_total',
    help: 'Outbox delivery attempts, by job kind and outcome (delivered, retry, dead).',
    labelNames: ['kind', 'outcome'] as const,
    registers,
  })
  const mail = new Counter({
    name: 'porchlight_mail_messages_total',
    help: 'Emails handed to the mail transport, by result (sent, failed).',
    labelNames: ['result'] as const,
    registers,
  })
  const webhooks = new Counter({
    name: 'porchlight_webhook_deliveries_total',
    help: 'Webhook deliveries, by result (delivered: a 2xx answer; failed; refused by the address policy).',
    labelNames: ['result'] as const,
    registers,
  })
  const querySeconds = new Histogram({
    name: 'porchlight_database_query_duration_seconds',
    help: 'Time of each database call (a statement or a batch), waiting for a lock included.',
    labelNames: ['operation'] as const,
    buckets: queryBuckets,
    registers,
  })
  const faults = new Counter({
    name: 'porchlight_database_faults_total',
    help: 'Database calls that failed with a passing fault: busy (a lock held past the wait) or unavailable.',
    labelNames: ['fault'] as const,
    registers,
  })

  // Every value of a closed label set starts at 0: a series that appears only with its first
  // event hides that event from rate() and increase().
  for (const verdict of ['clean', 'spam']) submissions.inc({ verdict }, 0)
  for (const reason of spamReasons) spam.inc({ reason }, 0)
  for (const result of ['new_member', 'existing_address']) registrations.inc({ result }, 0)
  for (const result of signInResults) signIns.inc({ result }, 0)
  for (const limit of rateLimitNames) rateLimited.inc({ limit }, 0)
  for (const result of ['sent', 'failed']) mail.inc({ result }, 0)
  for (const result of ['delivered', 'failed', 'refused']) webhooks.inc({ result }, 0)
  for (const fault of ['busy', 'unavailable']) faults.inc({ fault }, 0)

  let readOutbox: (() => Promise<OutboxBacklog>) | undefined
  new Gauge({
    name: 'porchlight_outbox_jobs',
    help: 'Outbox jobs not yet delivered, by status (pending, sending, dead), read at scrape time.',
    labelNames: ['status'] as const,
    registers,
    async collect() {
      if (!readOutbox) return
      const backlog = await readOutbox()
      this.set({ status: 'pending' }, backlog.pending)
      this.set({ status: 'sending' }, backlog.sending)
      this.set({ status: 'dead' }, backlog.dead)
    },
  })
  new Gauge({
    name: 'porchlight_outbox_retrying_jobs',
    help: 'Pending outbox jobs that failed at least once and wait for a retry.',
    registers,
    async collect() {
      if (readOutbox) this.set((await readOutbox()).retrying)
    },
  })
  new Gauge({
    name: 'porchlight_outbox_oldest_pending_age_seconds',
    help: 'How long the longest-waiting outbox job has waited to be delivered (0: none waits).',
    registers,
    async collect() {
      if (readOutbox) this.set((await readOutbox()).oldestPendingAgeSeconds)
    },
  })

  return {
    httpRequest({ method, route, status, seconds }) {
      requests.inc({ method, route, status: String(status) })
      requestSeconds.observe(
        { method, route, status_class: `${Math.floor(status / 100)}xx` },
        seconds,
      )
    },
    contactSubmission({ spam: isSpam, reasons }) {
      submissions.inc({ verdict: isSpam ? 'spam' : 'clean' })
      for (const reason of reasons) spam.inc({ reason })
    },
    registration: (result) => registrations.inc({ result }),
    signIn: (result) => signIns.inc({ result }),
    rateLimited: (limit) => rateLimited.inc({ limit }),
    outboxAttempt: (kind, outcome) => outboxAttempts.inc({ kind, outcome }),
    mail: (result) => mail.inc({ result }),
    webhook: (result) => webhooks.inc({ result }),
    databaseQuery: (operation, seconds) => querySeconds.observe({ operation }, seconds),
    databaseFault: (fault) => faults.inc({ fault }),
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() }
    },
    measureOutbox(read) {
      readOutbox = read
    },
  }
}

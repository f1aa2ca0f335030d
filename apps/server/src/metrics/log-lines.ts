import type { Logger } from '../logger.ts'
import type { Metrics } from './metrics.ts'

/**
 * Metrics for a runtime with no process to scrape (Workers): each event is one JSON log line,
 * `{"message":"metric","metric":"porchlight_contact_submissions_total","verdict":"spam",…}`,
 * named like the Prometheus counter it stands for. Workers Logs indexes the fields, so a query
 * counts them by any label; Logpush sends them to any other log store. Lines are written at
 * `info`, so LOG_LEVEL=warn silences them together with the request lines.
 *
 * Two events write nothing: a request, because the request line itself carries its method,
 * route, status and time; and a database call, because a line per statement would outnumber
 * everything else (D1's and Turso's own dashboards show query times).
 *
 * @example createDeps({ config, log, metrics: logLineMetrics(log), … })
 */
export function logLineMetrics(log: Logger): Metrics {
  const line = (metric: string, fields: Record<string, unknown>) =>
    log.info('metric', { metric, ...fields })
  return {
    httpRequest: () => {},
    contactSubmission: ({ spam, reasons }) =>
      line('porchlight_contact_submissions_total', {
        verdict: spam ? 'spam' : 'clean',
        ...(spam && { reasons }),
      }),
    registration: (result) => line('porchlight_member_registrations_total', { result }),
    signIn: (result) => line('porchlight_member_sign_ins_total', { result }),
    rateLimited: (limit) => line('porchlight_rate_limited_total', { limit }),
    outboxAttempt: (kind, outcome) => line('porchlight_outbox_attempts_total', { kind, outcome }),
    mail: (result) => line('porchlight_mail_messages_total', { result }),
    webhook: (result) => line('porchlight_webhook_deliveries_total', { result }),
    databaseQuery: () => {},
    databaseFault: (fault) => line('porchlight_database_faults_total', { fault }),
  }
}

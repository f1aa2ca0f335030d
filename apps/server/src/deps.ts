import type { Client } from '@libsql/client'
import type { Context } from 'hono'
import {
  type BreachedPasswordChecker,
  createPwnedPasswordsChecker,
} from './auth/breached-passwords.ts'
import { createPasswordHasher, type PasswordHasher } from './auth/password.ts'
import type { BackupCatalog } from './backup/catalog.ts'
import { type Clock, systemClock } from './clock.ts'
import type { Config } from './config.ts'
import { createDatabase, type Database, type SqlClient } from './db/client.ts'
import { forumDigestJobHandler } from './forum/digest.ts'
import { clientAddressReader } from './http/client-address.ts'
import { createRateLimiter, type RateLimiter } from './http/rate-limit.ts'
import { createLogger, describeError, type Logger } from './logger.ts'
import type { DevMailTransport } from './mail/dev.ts'
import { emailJobHandler } from './mail/job.ts'
import type { MailTransport } from './mail/message.ts'
import { createMailTransport, type MailTransportDeps } from './mail/transport.ts'
import { createHousekeeping } from './maintenance/housekeeping.ts'
import { measuredClient } from './metrics/database.ts'
import { measuredMailTransport, measuredWebhookPost } from './metrics/deliveries.ts'
import { type Metrics, type MetricsEndpoint, noMetrics } from './metrics/metrics.ts'
import { measuredRateLimiter } from './metrics/rate-limits.ts'
import type { JobHandlers } from './outbox/jobs.ts'
import { createOutboxRunner, type OutboxRunner, type RunnerOptions } from './outbox/runner.ts'
import type { StaticAssets } from './pages/assets.ts'
import { createSiteCache, type SiteCache } from './sites/site-cache.ts'
import { createTurnstileVerifier, type TurnstileVerifier } from './spam/turnstile.ts'
import { webhookJobHandler } from './webhooks/job.ts'
import { fetchWebhookPost, type WebhookPost } from './webhooks/post.ts'

/** Everything the app needs from its runtime, built by `entry/node.ts` or `entry/worker.ts`. */
export type AppDeps = {
  config: Config
  /** Raw SQL beside the queries: migrations, readiness, maintenance. */
  client: SqlClient
  db: Database
  clock: Clock
  log: Logger
  /** This process's (this isolate's) short-lived copy of sites, keys, settings and forms. */
  siteCache: SiteCache
  limiter: RateLimiter
  outbox: OutboxRunner
  /** The caller's address, for rate limits and logs (through trusted proxies: TRUST_PROXY). */
  clientAddress: (c: Context) => string
  /** The socket's peer, never from a header; undefined where there is no socket (Workers). */
  peerAddress: (c: Context) => string | undefined
  mail: MailTransport
  /** Set when MAIL_TRANSPORT=dev: the kept messages behind /dev/mail. */
  devMail: DevMailTransport | undefined
  /** Closes pooled mail connections; call on shutdown after the last outbox drain. */
  closeMail: () => Promise<void>
  turnstile: TurnstileVerifier
  passwords: PasswordHasher
  /** Pwned Passwords (k-anonymity); asked only for sites that enable the check. */
  breachedPasswords: BreachedPasswordChecker
  /** The embed bundle and demo pages, where the runtime has files (Node); else no such routes. */
  assets: StaticAssets | undefined
  /**
   * The runtime compresses response bodies itself (Workers, going by `Content-Encoding`): the app
   * must not, or clients get them compressed twice.
   */
  runtimeCompresses: boolean
  /** True while the process shuts down (Node, after SIGTERM): `/readyz` answers 503. */
  draining: () => boolean
  /** What the app records into: Prometheus (Node), log lines (Workers), or nothing (off). */
  metrics: Metrics
  /** `/metrics` on the app's own listener (Node with METRICS_TOKEN and no METRICS_PORT). */
  metricsEndpoint: MetricsEndpoint | undefined
  /** BACKUP_DIR's scheduled backups, for deployment admins (Node); else none. */
  backups: BackupCatalog | undefined
}

/**
 * The database: a libSQL client (drizzle is built on it), or, on Workers with D1, the raw client
 * and the drizzle database made from the binding.
 */
export type DatabaseOptions =
  | { client: Client; db?: undefined }
  | { client: SqlClient; db: Database }

export type DepsOptions = DatabaseOptions & {
  config: Config
  clock?: Clock
  log?: Logger
  handlers?: JobHandlers
  delivery?: RunnerOptions
  /** The peer address as the runtime knows it (the socket on Node). */
  socketAddress?: (c: Context) => string | undefined
  /** Replaces the configured mail transport (tests). */
  mail?: MailTransport
  /** How this runtime builds SMTP; only the Node entry can (TCP sockets). */
  smtp?: MailTransportDeps['smtp']
  /** Where development mail is kept across restarts; only the Node entry has files. */
  devMailStore?: MailTransportDeps['devMailStore']
  turnstile?: TurnstileVerifier
  /** Hashes at once when PASSWORD_HASH_CONCURRENCY is unset: the runtime's default. */
  hashConcurrency?: number
  /** Replaces the password hasher (tests use cheaper scrypt parameters). */
  passwords?: PasswordHasher
  breachedPasswords?: BreachedPasswordChecker
  assets?: StaticAssets
  /** Set by the Worker: its runtime compresses responses (see `AppDeps`). */
  runtimeCompresses?: boolean
  /** Whether the runtime is shutting down; a Worker never is. */
  draining?: () => boolean
  /** How webhooks go out; the default judges the URL's literal host only (Node passes more). */
  webhookPost?: WebhookPost
  /** Off (`noMetrics`) unless the runtime passes a recorder (`metrics/`). */
  metrics?: Metrics
  metricsEndpoint?: MetricsEndpoint
  backups?: BackupCatalog
}

/** Wires the runtime-independent parts around a database client. */
export function createDeps(options: DepsOptions): AppDeps {
  const { config } = options
  const clock = options.clock ?? systemClock
  const log = options.log ?? createLogger({ level: config.logLevel })
  const metrics = options.metrics ?? noMetrics
  // D1 goes unmeasured here: Cloudflare's dashboard shows its query times.
  const { client, db } =
    options.db === undefined
      ? libsqlDatabase(measuredClient(options.client, metrics))
      : { client: options.client, db: options.db }
  const setup = options.mail
    ? { transport: options.mail, devMail: null, close: async () => {} }
    : config.production && config.mail.transport === 'dev'
      ? withheldMail()
      : createMailTransport(config.mail, {
          log,
          clock,
          ...(options.smtp && { smtp: options.smtp }),
          ...(options.devMailStore && { devMailStore: options.devMailStore }),
        })
  const mail = measuredMailTransport(setup.transport, metrics)
  const handlers: JobHandlers = {
    email: emailJobHandler(mail, { from: config.mail.from }),
    webhook: webhookJobHandler({
      db,
      clock,
      post: measuredWebhookPost(
        options.webhookPost ?? fetchWebhookPost({ allowPrivate: config.allowPrivateWebhooks }),
        metrics,
      ),
    }),
    'forum.digest': forumDigestJobHandler({
      db,
      clock,
      mail,
      from: config.mail.from,
      publicUrl: config.publicUrl,
    }),
    ...options.handlers,
  }
  const housekeeping = createHousekeeping({ client, clock, log, retention: config.retention })
  const outbox = createOutboxRunner(
    { db, clock, log, handlers, metrics, housekeeping },
    options.delivery,
  )
  return {
    config,
    client,
    db,
    clock,
    log,
    siteCache: createSiteCache({ clock }),
    limiter: measuredRateLimiter(createRateLimiter(db, clock), metrics),
    outbox,
    clientAddress: clientAddressReader(
      config.trustProxy,
      options.socketAddress ?? (() => undefined),
    ),
    peerAddress: options.socketAddress ?? (() => undefined),
    mail,
    devMail: setup.devMail ?? undefined,
    closeMail: setup.close,
    turnstile:
      options.turnstile ?? createTurnstileVerifier({ verifyUrl: config.turnstileVerifyUrl }),
    // Each hash holds a core for ~250 ms, and every one running at once takes CPU from all other
    // requests: by default one core is left for everything else (measured in
    // docs/performance.md). PASSWORD_HASH_CONCURRENCY overrides it.
    passwords:
      options.passwords ??
      createPasswordHasher({
        maxConcurrent: config.passwordHashConcurrency ?? options.hashConcurrency ?? 1,
      }),
    breachedPasswords:
      options.breachedPasswords ??
      createPwnedPasswordsChecker({
        baseUrl: config.breachedPasswordsUrl,
        onUnavailable: (error) =>
          log.warn('breached-password check unavailable; password accepted', {
            ...describeError(error),
          }),
      }),
    assets: options.assets,
    runtimeCompresses: options.runtimeCompresses ?? false,
    draining: options.draining ?? (() => false),
    metrics,
    metricsEndpoint: options.metricsEndpoint,
    backups: options.backups,
  }
}

function libsqlDatabase(client: Client): { client: SqlClient; db: Database } {
  return { client, db: createDatabase(client) }
}

/**
 * Production with `MAIL_TRANSPORT=dev` (only a Worker gets this far; Node refuses to start): every
 * send fails, so emails stay queued in the outbox, retried with backoff, and go out once a real
 * transport is configured, instead of being dropped, or kept with their reset links in memory.
 */
function withheldMail() {
  const transport: MailTransport = {
    async send() {
      throw new Error(
        'MAIL_TRANSPORT=dev is refused in production: configure resend or smtp to send this email.',
      )
    },
  }
  return { transport, devMail: null, close: async () => {} }
}

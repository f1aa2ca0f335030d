import { z } from 'zod'
import { type BackupSchedule, backupEnv, backupSchedule } from './backup/schedule-settings.ts'
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.ts'
import {
  type RetentionConfig,
  retentionConfig,
  retentionEnv,
} from './maintenance/retention-settings.ts'
import { type MetricsSettings, metricsEnv, metricsSettings } from './metrics/settings.ts'

const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof logLevels)[number]

/** Where the database is when DATABASE_URL is unset: relative to the folder the process runs in. */
export const defaultDatabaseUrl = 'file:./data/porchlight.db'

/** Every setting Porchlight reads from its environment, with its default. */
const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, https: or wss:')
    .default(defaultDatabaseUrl),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  DATABASE_SYNC_URL: z
    .string()
    .regex(/^(libsql|https?):/, 'must be a libsql: or https: URL')
    .optional(),
  DATABASE_SYNC_INTERVAL: z.coerce.number().int().min(1).optional(),
  DATABASE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  TRUST_PROXY: z
    .string()
    .default('none')
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value)
      if (typeof parsed !== 'string') return parsed
      ctx.addIssue({ code: 'custom', message: parsed })
      return z.NEVER
    }),
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().min(0.05).max(3600).default(10),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(20),
  DEMO_SITE: z.stringbool().optional(),
  DEMO_PAGES: z.stringbool().optional(),
  MAIL_TRANSPORT: z.enum(['dev', 'smtp', 'resend']).default('dev'),
  MAIL_FROM: z.string().min(3).default('Porchlight <porchlight@localhost>'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be smtp://user:pass@host:port or smtps://…')
    .optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().default('https://api.resend.com'),
  ALLOW_PRIVATE_WEBHOOKS: z.stringbool().default(false),
  TURNSTILE_VERIFY_URL: z
    .url()
    .default('https://challenges.cloudflare.com/turnstile/v0/siteverify'),
  BREACHED_PASSWORDS_URL: z.url({ protocol: /^https?$/ }).default('https://api.pwnedpasswords.com'),
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  OPERATOR_TOTP: z
    .enum(['required-for-owners', 'required', 'optional'])
    .default('required-for-owners'),
  ...metricsEnv,
  ...retentionEnv,
  ...backupEnv,
})

export type Config = {
  /**
   * Production mode (`NODE_ENV=production`, a `PUBLIC_URL` that is not this machine, and
   * deployed Workers): no development routes, and `productionProblems` must be empty to serve.
   */
  production: boolean
  port: number
  host: string
  publicUrl: string
  /**
   * Session cookies `Secure` with the `__Host-` prefix: over https, and always in production, so
   * a production instance never hands out a cookie a network could read.
   */
  secureCookies: boolean
  database: {
    url: string
    authToken?: string
    syncUrl?: string
    syncInterval?: number
    /** How long a request waits for a lock another process holds before answering 503. */
    busyTimeoutMs?: number
  }
  maxBodyBytes: number
  logLevel: LogLevel
  /** Which proxies may say who the client is (`http/trust-proxy.ts`). */
  trustProxy: TrustProxy
  outboxIntervalMs: number
  /**
   * After SIGTERM, how long requests in flight and the last outbox deliveries may take before
   * they are cut off. 20 s leaves room under systemd's default 30 s stop timeout.
   */
  shutdownTimeoutMs: number
  /** Create a demo site on the first start (off by default in production). */
  demoSite: boolean
  /** Serve the demo pages at /demo/ with the first site's key (off by default in production). */
  demoPages: boolean
  mail: {
    /** `dev` prints each message and shows it at /dev/mail instead of sending it. */
    transport: 'dev' | 'smtp' | 'resend'
    from: string
    smtpUrl?: string
    resendApiKey?: string
    resendBaseUrl: string
  }
  /** Lets forms post webhooks to loopback and private networks (off: an SSRF guard). */
  allowPrivateWebhooks: boolean
  /** Cloudflare's siteverify endpoint; tests point it at a local stand-in. */
  turnstileVerifyUrl: string
  /** Base of the Pwned Passwords range API (sites opt in); tests point it at a local stand-in. */
  breachedPasswordsUrl: string
  /** How many scrypt hashes may run at once in this process; the rest wait their turn. */
  /** Unset: the runtime decides (Node: one less than its cores; Workers: one). */
  passwordHashConcurrency?: number
  /**
   * Which console operators must sign in with a TOTP code: `required-for-owners` (owners of any
   * site and deployment admins), `required` (everyone), or `optional`.
   */
  operatorTotp: 'required-for-owners' | 'required' | 'optional'
  /** Prometheus `/metrics` (Node): off unless METRICS_TOKEN or METRICS_PORT is set. */
  metrics?: MetricsSettings
  /** How long housekeeping keeps spam, read notifications and finished outbox jobs. */
  retention: RetentionConfig
  /** Scheduled backups of a local database file (Node); unset without BACKUP_DIR. */
  backup?: BackupSchedule
}

/** Thrown at start when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Reads and validates the environment once, at start, so a typo fails fast with a message that
 * names the variable instead of surfacing later as a confusing runtime error.
 *
 * @example loadConfig(process.env)
 */
export function loadConfig(
  env: Record<string, unknown>,
  options: { production?: boolean } = {},
): Config {
  // Empty strings mean "unset": `.env` files and Worker dashboards often leave blanks behind.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '' && v != null))
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const problems: string[] = []
  if (e.DATABASE_SYNC_URL && !e.DATABASE_URL.startsWith('file:')) {
    problems.push('DATABASE_SYNC_URL: an embedded replica needs DATABASE_URL to be a file: path')
  }
  if (e.MAIL_TRANSPORT === 'smtp' && !e.SMTP_URL)
    problems.push('SMTP_URL: required when MAIL_TRANSPORT=smtp')
  if (e.MAIL_TRANSPORT === 'resend' && !e.RESEND_API_KEY) {
    problems.push('RESEND_API_KEY: required when MAIL_TRANSPORT=resend')
  }
  const backup = backupSchedule(e)
  problems.push(...backup.problems)
  const metrics = metricsSettings(e)
  problems.push(...metrics.problems)
  if (problems.length > 0) throw new ConfigError(`Invalid environment:\n  ${problems.join('\n  ')}`)
  const production =
    options.production ??
    (e.NODE_ENV === 'production' || (e.PUBLIC_URL !== undefined && !isLocalUrl(e.PUBLIC_URL)))
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '')
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    secureCookies: production || publicUrl.startsWith('https:'),
    database: {
      url: e.DATABASE_URL,
      ...(e.DATABASE_AUTH_TOKEN && { authToken: e.DATABASE_AUTH_TOKEN }),
      ...(e.DATABASE_SYNC_URL && { syncUrl: e.DATABASE_SYNC_URL }),
      ...(e.DATABASE_SYNC_INTERVAL && { syncInterval: e.DATABASE_SYNC_INTERVAL }),
      busyTimeoutMs: e.DATABASE_BUSY_TIMEOUT_MS,
    },
    maxBodyBytes: e.MAX_BODY_BYTES,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    outboxIntervalMs: e.OUTBOX_INTERVAL_SECONDS * 1000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    demoSite: e.DEMO_SITE ?? !production,
    demoPages: e.DEMO_PAGES ?? !production,
    mail: {
      transport: e.MAIL_TRANSPORT,
      from: e.MAIL_FROM,
      ...(e.SMTP_URL && { smtpUrl: e.SMTP_URL }),
      ...(e.RESEND_API_KEY && { resendApiKey: e.RESEND_API_KEY }),
      resendBaseUrl: e.RESEND_BASE_URL.replace(/\/+$/, ''),
    },
    allowPrivateWebhooks: e.ALLOW_PRIVATE_WEBHOOKS,
    turnstileVerifyUrl: e.TURNSTILE_VERIFY_URL,
    breachedPasswordsUrl: e.BREACHED_PASSWORDS_URL.replace(/\/+$/, ''),
    ...(e.PASSWORD_HASH_CONCURRENCY && { passwordHashConcurrency: e.PASSWORD_HASH_CONCURRENCY }),
    operatorTotp: e.OPERATOR_TOTP,
    ...(metrics.settings && { metrics: metrics.settings }),
    retention: retentionConfig(e),
    ...(backup.schedule && { backup: backup.schedule }),
  }
}

/**
 * What makes `config` unsafe to serve the public with; empty when it is safe. In production the
 * Node server refuses to start unless this is empty, and a Worker reports itself not ready.
 *
 * - The development mail transport sends nothing and keeps messages, with their password-reset
 *   links, in memory (and in the log): members would never get their emails, and anyone who can
 *   read the log could take over accounts.
 * - Without https, session cookies lose `Secure` and the `__Host-` prefix, and emailed links go
 *   out in the clear.
 *
 * @example productionProblems(loadConfig({ NODE_ENV: 'production' }))
 * // ['MAIL_TRANSPORT: …', 'PUBLIC_URL: …']
 */
export function productionProblems(config: Config): string[] {
  if (!config.production) return []
  const problems: string[] = []
  if (config.mail.transport === 'dev') {
    problems.push(
      'MAIL_TRANSPORT: the development transport sends nothing and is refused in production; set MAIL_TRANSPORT=resend with RESEND_API_KEY, or (on Node) MAIL_TRANSPORT=smtp with SMTP_URL',
    )
  }
  if (!config.publicUrl.startsWith('https://')) {
    problems.push(
      `PUBLIC_URL: production needs the https:// address members reach this server at (now ${config.publicUrl})`,
    )
  }
  return problems
}

/** Whether a URL names this machine: localhost, *.localhost, 127.0.0.0/8 or [::1]. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '::1'
  )
}

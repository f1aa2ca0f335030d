import { z } from 'zod'

const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof logLevels)[number]

/** Every setting Porchlight reads from its environment, with its default. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, https: or wss:')
    .default('file:./data/porchlight.db'),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  DATABASE_SYNC_URL: z
    .string()
    .regex(/^(libsql|https?):/, 'must be a libsql: or https: URL')
    .optional(),
  DATABASE_SYNC_INTERVAL: z.coerce.number().int().min(1).optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  TRUST_PROXY: z.enum(['none', 'cloudflare', 'x-forwarded-for']).default('none'),
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().min(0.05).max(3600).default(10),
  DEMO_SITE: z.stringbool().default(true),
  DEMO_PAGES: z.stringbool().default(true),
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
})

export type Config = {
  port: number
  host: string
  publicUrl: string
  database: { url: string; authToken?: string; syncUrl?: string; syncInterval?: number }
  maxBodyBytes: number
  logLevel: LogLevel
  /** Which header, if any, carries the client's address; `none` uses the socket's address. */
  trustProxy: 'none' | 'cloudflare' | 'x-forwarded-for'
  outboxIntervalMs: number
  demoSite: boolean
  /** Serve examples/static-site at /demo/ with the first site's key (Node, from a checkout). */
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
export function loadConfig(env: Record<string, unknown>): Config {
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
  if (problems.length > 0) throw new ConfigError(`Invalid environment:\n  ${problems.join('\n  ')}`)
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    database: {
      url: e.DATABASE_URL,
      ...(e.DATABASE_AUTH_TOKEN && { authToken: e.DATABASE_AUTH_TOKEN }),
      ...(e.DATABASE_SYNC_URL && { syncUrl: e.DATABASE_SYNC_URL }),
      ...(e.DATABASE_SYNC_INTERVAL && { syncInterval: e.DATABASE_SYNC_INTERVAL }),
    },
    maxBodyBytes: e.MAX_BODY_BYTES,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    outboxIntervalMs: e.OUTBOX_INTERVAL_SECONDS * 1000,
    demoSite: e.DEMO_SITE,
    demoPages: e.DEMO_PAGES,
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
  }
}

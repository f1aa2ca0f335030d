import type { Client } from '@libsql/client'
import type { Context } from 'hono'
import { type Clock, systemClock } from './clock.ts'
import type { Config } from './config.ts'
import { createDatabase, type Database } from './db/client.ts'
import { clientAddressReader } from './http/client-address.ts'
import { createRateLimiter, type RateLimiter } from './http/rate-limit.ts'
import { createLogger, type Logger } from './logger.ts'
import { createDevMailTransport, type DevMailTransport } from './mail/dev.ts'
import { emailJobHandler } from './mail/job.ts'
import type { MailTransport } from './mail/message.ts'
import { createResendTransport } from './mail/resend.ts'
import type { DeliveryOptions } from './outbox/deliver.ts'
import type { JobHandlers } from './outbox/jobs.ts'
import { createOutboxRunner, type OutboxRunner } from './outbox/runner.ts'
import { createTurnstileVerifier, type TurnstileVerifier } from './spam/turnstile.ts'
import { webhookJobHandler } from './webhooks/job.ts'

/** Everything the app needs from its runtime, built by `entry/node.ts` or `entry/worker.ts`. */
export type AppDeps = {
  config: Config
  client: Client
  db: Database
  clock: Clock
  log: Logger
  limiter: RateLimiter
  outbox: OutboxRunner
  /** The caller's address, for rate limits and logs. */
  clientAddress: (c: Context) => string
  mail: MailTransport
  /** Set when MAIL_TRANSPORT=dev: the kept messages behind /dev/mail. */
  devMail: DevMailTransport | undefined
  turnstile: TurnstileVerifier
}

export type DepsOptions = {
  config: Config
  client: Client
  clock?: Clock
  log?: Logger
  handlers?: JobHandlers
  delivery?: DeliveryOptions
  /** The peer address as the runtime knows it (the socket on Node). */
  socketAddress?: (c: Context) => string | undefined
  /** The mail transport; required for SMTP, which only the Node entry can build. */
  mail?: MailTransport
  turnstile?: TurnstileVerifier
}

/** Wires the runtime-independent parts around a database client. */
export function createDeps(options: DepsOptions): AppDeps {
  const { config, client } = options
  const clock = options.clock ?? systemClock
  const log = options.log ?? createLogger({ level: config.logLevel })
  const db: Database = createDatabase(client)
  const devMail =
    !options.mail && config.mail.transport === 'dev'
      ? createDevMailTransport({ log, clock })
      : undefined
  const mail = options.mail ?? devMail ?? resendOrThrow(config)
  const handlers: JobHandlers = {
    email: emailJobHandler(mail, { from: config.mail.from }),
    webhook: webhookJobHandler({ db, clock }),
    ...options.handlers,
  }
  const outbox = createOutboxRunner({ db, clock, log, handlers }, options.delivery)
  return {
    config,
    client,
    db,
    clock,
    log,
    limiter: createRateLimiter(db, clock),
    outbox,
    clientAddress: clientAddressReader(
      config.trustProxy,
      options.socketAddress ?? (() => undefined),
    ),
    mail,
    devMail,
    turnstile:
      options.turnstile ?? createTurnstileVerifier({ verifyUrl: config.turnstileVerifyUrl }),
  }
}

function resendOrThrow(config: Config): MailTransport {
  const { resendApiKey, resendBaseUrl, transport } = config.mail
  if (transport === 'resend' && resendApiKey) {
    return createResendTransport({ apiKey: resendApiKey, baseUrl: resendBaseUrl })
  }
  // SMTP needs TCP sockets: only entry/node.ts can build it, and passes it in as `mail`.
  throw new Error(`MAIL_TRANSPORT=${transport} needs a transport from the runtime's entry`)
}

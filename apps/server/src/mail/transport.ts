import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Logger } from '../logger.ts'
import { createDevMailTransport, type DevMailStore, type DevMailTransport } from './dev.ts'
import type { MailTransport } from './message.ts'
import { createResendTransport } from './resend.ts'

/** Transports that need nothing but `fetch`: they run on Node and on Workers. */
export type PortableMailTransportName = 'dev' | 'resend'
/** Needs TCP sockets (`node:net`/`node:tls`): only the Node entry can provide it. */
export type NodeOnlyMailTransportName = 'smtp'

export type MailTransportDeps = {
  log: Logger
  clock?: Clock
  /** For the Resend transport; tests pass a stand-in. */
  fetch?: typeof fetch
  /**
   * How this runtime builds the SMTP transport. Only `entry/node.ts` passes one (it imports
   * `createSmtpTransport` from `./smtp.ts`), which keeps nodemailer out of the Worker bundle.
   */
  smtp?: (url: string) => MailTransport & { close(): Promise<void> }
  /** Where the dev transport keeps its messages across restarts (Node: a file); else memory. */
  devMailStore?: DevMailStore
}

export type MailSetup = {
  name: PortableMailTransportName | NodeOnlyMailTransportName
  transport: MailTransport
  /** Set when the dev transport is in use: mount `devMailRoutes(devMail, { clientAddress })` to see them. */
  devMail: DevMailTransport | null
  /** Closes pooled connections; call on shutdown after the last outbox drain. */
  close(): Promise<void>
}

/** Thrown at start when the configured transport cannot run here. */
export class MailSetupError extends Error {
  override name = 'MailSetupError'
}

/**
 * The transport `config.mail` asks for. `dev` and `resend` are built here on any runtime; `smtp`
 * only when the runtime supplies `deps.smtp`, otherwise this fails at start with a message that
 * names the fix, rather than at the first send.
 *
 * @example
 * // entry/node.ts
 * const mail = createMailTransport(config.mail, { log, smtp: (url) => createSmtpTransport({ url }) })
 * // entry/worker.ts
 * const mail = createMailTransport(config.mail, { log })
 */
export function createMailTransport(config: Config['mail'], deps: MailTransportDeps): MailSetup {
  const none = async () => {}
  switch (config.transport) {
    case 'dev': {
      const dev = createDevMailTransport({
        log: deps.log,
        ...(deps.clock && { clock: deps.clock }),
        ...(deps.devMailStore && { store: deps.devMailStore }),
      })
      return { name: 'dev', transport: dev, devMail: dev, close: none }
    }
    case 'resend': {
      if (!config.resendApiKey) throw new MailSetupError('RESEND_API_KEY is required for Resend.')
      const transport = createResendTransport({
        apiKey: config.resendApiKey,
        baseUrl: config.resendBaseUrl,
        ...(deps.fetch && { fetch: deps.fetch }),
      })
      return { name: 'resend', transport, devMail: null, close: none }
    }
    case 'smtp': {
      if (!deps.smtp) {
        throw new MailSetupError(
          'MAIL_TRANSPORT=smtp needs TCP sockets, which this runtime (Cloudflare Workers) does not offer to Porchlight; use MAIL_TRANSPORT=resend.',
        )
      }
      if (!config.smtpUrl) throw new MailSetupError('SMTP_URL is required for SMTP.')
      const smtp = deps.smtp(config.smtpUrl)
      return { name: 'smtp', transport: smtp, devMail: null, close: () => smtp.close() }
    }
  }
}

import { createTransport } from 'nodemailer'
import type { MailMessage, MailTransport } from './message.ts'

export type SmtpTransportOptions = {
  /**
   * `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465` (TLS
   * from the start). Percent-encode special characters in the user and password. Query
   * parameters are passed to nodemailer, e.g. `?requireTLS=true` or `?tls.servername=…`.
   */
  url: string
  /**
   * Limit for connecting, for the server's greeting, and for silence on an open connection.
   * Nodemailer's defaults (2 min, 30 s, 10 min) would hold an outbox round for minutes on a dead
   * server; failing fast lets the outbox record the error and retry with backoff.
   */
  timeoutMs?: number
  /** Upper bound for one whole send, covering a server that trickles replies. */
  sendTimeoutMs?: number
  /** Connections kept open and reused; a round of notifications needs no more than a few. */
  maxConnections?: number
}

export interface SmtpTransport extends MailTransport {
  /** Closes pooled connections; messages being handed over finish first. */
  close(): Promise<void>
}

/**
 * Sends through an SMTP server with nodemailer's pool. Node only (it needs TCP sockets):
 * `entry/node.ts` creates it, nothing the Worker imports may.
 *
 * @example
 * const smtp = createSmtpTransport({ url: config.mail.smtpUrl })
 * await smtp.send(message)
 * await smtp.close()
 */
export function createSmtpTransport(options: SmtpTransportOptions): SmtpTransport {
  const timeoutMs = options.timeoutMs ?? 10_000
  const sendTimeoutMs = options.sendTimeoutMs ?? 60_000
  const transporter = createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 3,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    url: options.url,
  })

  return {
    async send(message: MailMessage) {
      await transporter
        .sendMail({
          from: message.from,
          to: message.to,
          ...(message.replyTo && { replyTo: message.replyTo }),
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
          ...(message.headers && { headers: message.headers }),
          signal: AbortSignal.timeout(sendTimeoutMs),
        })
        .catch((error: unknown) => {
          throw describeSmtpFailure(error)
        })
    },
    async close() {
      transporter.close()
    },
  }
}

/**
 * Nodemailer's messages can be as terse as "Timeout"; the error code (ETIMEDOUT, ESOCKET, EAUTH,
 * EENVELOPE…) and the server's reply make the outbox's last_error say what actually happened.
 */
function describeSmtpFailure(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(`SMTP send failed: ${String(error)}`)
  const { code, response } = error as Error & { code?: unknown; response?: unknown }
  const parts = [
    typeof code === 'string' ? code : undefined,
    error.message,
    typeof response === 'string' && !error.message.includes(response) ? response : undefined,
  ]
  return new Error(`SMTP send failed: ${parts.filter(Boolean).join(': ')}`, { cause: error })
}

import type { MailMessage, MailTransport } from './message.ts'

export type ResendTransportOptions = {
  apiKey: string
  /** `https://api.resend.com`; tests point it at a local stand-in. */
  baseUrl?: string
  fetch?: typeof fetch
  /** A hung request would hold the outbox round; abort it and let the job retry. */
  timeoutMs?: number
}

/**
 * Resend answered with an error. `permanent` is set for 400 and 422 (the request itself is
 * invalid, so sending it again cannot succeed); 401/403 (a key the operator can fix), 429 and
 * 5xx stay retryable.
 */
export class ResendApiError extends Error {
  override name = 'ResendApiError'
  readonly status: number
  readonly permanent: boolean

  constructor(status: number, message: string) {
    super(message)
    this.status = status
    this.permanent = status === 400 || status === 422
  }
}

/**
 * Sends through Resend's HTTP API (`POST /emails`) with `fetch` alone, so it runs on Workers as
 * well as Node. The Idempotency-Key is derived from the Message-ID, which is stable per outbox
 * job: if a response is lost and the job runs again, Resend returns the first result instead of
 * sending a second copy (within its 24-hour window).
 *
 * @example
 * const resend = createResendTransport({ apiKey: config.mail.resendApiKey })
 */
export function createResendTransport(options: ResendTransportOptions): MailTransport {
  const baseUrl = (options.baseUrl ?? 'https://api.resend.com').replace(/\/+$/, '')
  const fetchFn = options.fetch ?? fetch
  const timeoutMs = options.timeoutMs ?? 15_000

  return {
    async send(message: MailMessage) {
      const body = {
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(message.replyTo && { reply_to: message.replyTo }),
        headers: { ...message.headers, 'Message-ID': message.messageId },
      }
      let response: Response
      try {
        response = await fetchFn(`${baseUrl}/emails`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${options.apiKey}`,
            'Content-Type': 'application/json',
            // Resend rejects requests without a User-Agent (403, error 1010).
            'User-Agent': 'porchlight',
            'Idempotency-Key': idempotencyKeyFor(message.messageId),
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new Error(`Resend API unreachable: ${redact(reason, options.apiKey)}`)
      }
      if (response.ok) {
        await response.body?.cancel()
        return
      }
      const detail = await errorDetail(response)
      throw new ResendApiError(
        response.status,
        redact(`Resend API answered ${response.status}${detail}`, options.apiKey),
      )
    },
  }
}

/** Resend allows keys of up to 256 characters; the Message-ID minus its brackets is unique. */
export function idempotencyKeyFor(messageId: string): string {
  return messageId.replace(/^<|>$/g, '').slice(0, 256)
}

/** Resend's error body is `{ statusCode, name, message }`; fall back to the start of the text. */
async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '')
  try {
    const parsed = JSON.parse(text) as { name?: unknown; message?: unknown }
    const parts = [parsed.name, parsed.message].filter((p) => typeof p === 'string' && p !== '')
    if (parts.length > 0) return ` ${parts.join(': ')}`.slice(0, 500)
  } catch {}
  const trimmed = text.trim().replace(/\s+/g, ' ').slice(0, 200)
  return trimmed ? ` ${trimmed}` : ''
}

/** The message ends up in the outbox's last_error and in logs: keep the key out of both. */
function redact(text: string, apiKey: string): string {
  return apiKey ? text.split(apiKey).join('[redacted]') : text
}

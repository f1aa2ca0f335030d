import { destinationProblem } from './destination.ts'

/** One webhook delivery, as the job handler hands it to a runtime's HTTP client. */
export type WebhookRequest = {
  url: string
  headers: Record<string, string>
  body: string
  timeoutMs: number
}

/**
 * Sends one POST and resolves with the receiver's HTTP status. Redirects are never followed (a
 * 3xx is the answer): a redirect would take the request to a host nobody checked. Throws
 * `RefusedDestinationError` when the policy forbids the destination, anything else when the
 * request could not be made (both end the attempt; only the latter is retried).
 */
export type WebhookPost = (request: WebhookRequest) => Promise<number>

/**
 * The destination is not allowed: no retry will change that, so the outbox gives the delivery up
 * at once (`permanent`) and shows this message as its last error.
 */
export class RefusedDestinationError extends Error {
  override name = 'RefusedDestinationError'
  readonly permanent = true
  constructor(reason: string) {
    super(`Refused: ${reason}`)
  }
}

/**
 * A failed request as a sentence for the owner's delivery log: what went wrong in words and the
 * error code, without the runtime's own wording (which names internals and suggests flags).
 */
export function deliveryFailure(error: unknown, timeoutMs: number): Error {
  const cause = (error as { cause?: unknown })?.cause
  const code = String(
    (error as { code?: unknown })?.code ?? (cause as { code?: unknown })?.code ?? '',
  )
  const name = error instanceof Error ? error.name : ''
  if (name === 'TimeoutError' || name === 'AbortError' || code === 'ETIMEDOUT') {
    return new Error(`The receiver did not answer within ${timeoutMs / 1000} s.`)
  }
  if (code === 'ECONNREFUSED') return new Error('The receiver refused the connection.')
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return new Error('The receiver closed the connection.')
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new Error('The host name did not resolve.')
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return new Error(`The receiver's TLS certificate was refused (${code}).`)
  }
  return new Error(`The request failed${code ? ` (${code})` : ''}.`)
}

/**
 * `fetch` with the URL's literal host checked first: the whole guard where the runtime has no
 * DNS API (Workers, whose `fetch` leaves Cloudflare's network for the public internet; see
 * docs/security.md). On Node, `nodeWebhookPost` also checks where the name resolves.
 */
export function fetchWebhookPost(options: {
  allowPrivate: boolean
  fetch?: typeof fetch
}): WebhookPost {
  // Called as a plain function: Workers refuse `fetch` invoked with another object as `this`.
  const send = options.fetch ?? ((input, init) => fetch(input, init))
  return async (request) => {
    const problem = destinationProblem(new URL(request.url), options.allowPrivate)
    if (problem) throw new RefusedDestinationError(problem)
    const response = await send(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    }).catch((error: unknown) => {
      throw deliveryFailure(error, request.timeoutMs)
    })
    await response.body?.cancel()
    return response.status
  }
}

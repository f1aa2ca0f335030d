// Cloudflare Turnstile, checked server-side through its siteverify endpoint. Behind an interface
// so tests (and deployments without network) use a stand-in; the URL comes from config.

export type TurnstileResult = {
  success: boolean
  /**
   * Cloudflare's `error-codes` (`invalid-input-response`, `timeout-or-duplicate`, …), or ours
   * when no verdict came back: `network-error` (unreachable, timed out) and `bad-response`
   * (not a 2xx JSON answer).
   */
  errorCodes: string[]
}

export interface TurnstileVerifier {
  verify(input: {
    secret: string
    token: string
    ip?: string
    /** Lets a retry re-check the same token; Cloudflare accepts each token only once otherwise. */
    idempotencyKey?: string
  }): Promise<TurnstileResult>
}

export type TurnstileVerifierOptions = {
  /** `config.turnstileVerifyUrl`: Cloudflare's siteverify URL, or a stand-in in tests. */
  verifyUrl: string
  fetch?: typeof fetch
  /** Give up after this long and report `network-error`. Default 5000. */
  timeoutMs?: number
}

/** Codes meaning Turnstile could not give a verdict, as opposed to a verdict of "no". */
export const turnstileUnavailableCodes: readonly string[] = [
  'network-error',
  'bad-response',
  'internal-error',
]

/** Cloudflare documents tokens as at most 2048 characters; longer ones are not worth a request. */
const maxTokenLength = 2048

/**
 * POSTs `secret`, `response` and `remoteip` form-encoded to siteverify. Never throws: a network
 * failure comes back as `{ success: false, errorCodes: ['network-error'] }`, so the caller can
 * tell an outage from a rejected token.
 *
 * @example createTurnstileVerifier({ verifyUrl: config.turnstileVerifyUrl })
 */
export function createTurnstileVerifier(options: TurnstileVerifierOptions): TurnstileVerifier {
  const { verifyUrl, timeoutMs = 5000 } = options
  // Called as a plain function: Workers refuse `fetch` invoked with another object as `this`.
  const send = options.fetch ?? ((input, init) => fetch(input, init))
  return {
    async verify({ secret, token, ip, idempotencyKey }) {
      if (token === '' || token.length > maxTokenLength) {
        return { success: false, errorCodes: ['invalid-input-response'] }
      }
      const body = new URLSearchParams({ secret, response: token })
      if (ip) body.set('remoteip', ip)
      if (idempotencyKey) body.set('idempotency_key', idempotencyKey)
      let response: Response
      try {
        response = await send(verifyUrl, {
          method: 'POST',
          body,
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch {
        return { success: false, errorCodes: ['network-error'] }
      }
      let answer: unknown
      try {
        answer = await response.json()
      } catch {
        return { success: false, errorCodes: ['bad-response'] }
      }
      if (!response.ok || typeof answer !== 'object' || answer === null) {
        return { success: false, errorCodes: ['bad-response'] }
      }
      const { success, 'error-codes': codes } = answer as Record<string, unknown>
      const errorCodes = Array.isArray(codes) ? codes.filter((c) => typeof c === 'string') : []
      return { success: success === true, errorCodes }
    },
  }
}

/**
 * What {@link PorchlightError} is built from.
 *
 * @example
 * new PorchlightError({ status: 409, code: 'EMAIL_TAKEN', message: 'Already registered' })
 */
export interface PorchlightErrorInit {
  /** HTTP status, or 0 when no response arrived. */
  status: number
  /** Stable SCREAMING_SNAKE code, e.g. `EMAIL_TAKEN`. */
  code: string
  message: string
  /** Per-field messages from a validation failure. */
  fields?: Record<string, string> | undefined
  /** Seconds to wait before retrying, from `Retry-After` on a 429. */
  retryAfter?: number | undefined
  cause?: unknown
}

/**
 * The one error every SDK call throws: an error answer from the server, or no answer at all.
 * Branch on `code`, which is stable; `message` is for people.
 *
 * Codes the SDK itself produces: `NETWORK_ERROR`, `TIMEOUT` and `ABORTED` (all with status 0),
 * and `UNEXPECTED_RESPONSE` when the body is not the JSON the API always sends.
 *
 * @example
 * try {
 *   await client.site()
 * } catch (e) {
 *   if (e instanceof PorchlightError && e.code === 'RATE_LIMITED') wait(e.retryAfter)
 * }
 */
export class PorchlightError extends Error {
  override name = 'PorchlightError'
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string>
  readonly retryAfter: number | undefined

  constructor(init: PorchlightErrorInit) {
    super(init.message, { cause: init.cause })
    this.status = init.status
    this.code = init.code
    this.fields = init.fields ?? {}
    this.retryAfter = init.retryAfter
  }
}

/**
 * True when `e` is a {@link PorchlightError}. Unlike `instanceof`, this also recognises errors from
 * another copy of the SDK on the same page (say, the embed script beside an npm bundle).
 *
 * @example
 * catch (e) { if (isPorchlightError(e)) showFieldErrors(e.fields) }
 */
export function isPorchlightError(e: unknown): e is PorchlightError {
  return e instanceof Error && e.name === 'PorchlightError'
}

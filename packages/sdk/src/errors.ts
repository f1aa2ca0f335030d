import type { ClientErrorCode, ErrorCode } from './error-codes.ts'

/**
 * What {@link PorchlightError} is built from.
 *
 * @example
 * new PorchlightError({ status: 409, code: 'EMAIL_TAKEN', message: 'Already registered' })
 */
export interface PorchlightErrorInit {
  /** HTTP status, or 0 when no response arrived. */
  status: number
  /**
   * Stable SCREAMING_SNAKE code, e.g. `EMAIL_TAKEN`: one of {@link ErrorCode}, or a code from a
   * newer server that this version does not know yet.
   */
  code: ErrorCode | (string & {})
  message: string
  /** Per-field messages from a validation failure. */
  fields?: Record<string, string> | undefined
  /** Seconds to wait before retrying, from `Retry-After` (sent with a 429 or 503). */
  retryAfter?: number | undefined
  cause?: unknown
}

/**
 * The one error every SDK call throws: an error answer from the server, or no answer at all.
 * Branch on `code`, which is stable; `message` is for people.
 *
 * Codes the SDK itself produces, all with status 0 unless noted: `NETWORK_ERROR`, `TIMEOUT`,
 * `ABORTED`, `CHALLENGE_FAILED` (no solution to a contact form's proof-of-work challenge),
 * `FILE_UPLOADS_NOT_SUPPORTED` (a file in a contact form), and `UNEXPECTED_RESPONSE` (with the
 * HTTP status) when the body is not the JSON the API always sends.
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
  // Declared, not initialised: the constructor assigns them in one go, which minifies smaller.
  declare readonly status: number
  declare readonly code: ErrorCode | (string & {})
  declare readonly fields: Record<string, string>
  declare readonly retryAfter: number | undefined

  constructor(init: PorchlightErrorInit) {
    // `init` doubles as the options: Error takes its `cause`.
    super(init.message, init)
    Object.assign(this, init, { fields: init.fields ?? {} })
  }
}

/**
 * A failure the SDK detects itself, before or without a response: status 0. Internal.
 *
 * @throws Nothing: it returns the error for the caller to throw.
 * @example
 * throw clientError('ABORTED', 'The request was aborted')
 */
export const clientError = (
  code: ClientErrorCode,
  message: string,
  cause?: unknown,
): PorchlightError => new PorchlightError({ status: 0, code, message, cause })

/**
 * True when `e` is a {@link PorchlightError}. Unlike `instanceof`, this also recognises errors from
 * another copy of the SDK on the same page (say, the embed script beside an npm bundle).
 *
 * @throws Nothing.
 * @example
 * catch (e) { if (isPorchlightError(e)) showFieldErrors(e.fields) }
 */
export function isPorchlightError(e: unknown): e is PorchlightError {
  return e instanceof Error && e.name === 'PorchlightError'
}

// Mistakes in how a page or a program is set up, not in anything its user did: the key, the
// page's origin, a form id, the server's own settings. Trying again cannot help, and the person
// who can fix it (the site's developer) is usually the first to meet it.
const configurationCodes = [
  'INVALID_PUBLISHABLE_KEY',
  'INVALID_SECRET_KEY',
  'SECRET_KEY_IN_BROWSER',
  'ORIGIN_NOT_ALLOWED',
  'FORM_NOT_FOUND',
  'INVALID_CONFIGURATION',
]

/**
 * True when `e` is a {@link PorchlightError} for a mistake in the setup rather than in what a
 * visitor did: a wrong key, an origin the site does not allow (`ORIGIN_NOT_ALLOWED`), an unknown
 * form. Its `message` names what is wrong and the fix (for an origin: the origin, and the
 * command that allows it): show it as it is, not as "try again later".
 *
 * @throws Nothing.
 * @example
 * catch (e) {
 *   if (isConfigurationError(e)) showSetupProblem(e.message) // names the origin and the fix
 * }
 */
export function isConfigurationError(e: unknown): e is PorchlightError {
  return isPorchlightError(e) && configurationCodes.includes(e.code)
}

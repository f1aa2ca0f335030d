import { isConfigurationError, type PorchlightError } from '../../sdk/src/errors.ts'
import { type EmbedStrings, format } from './strings.ts'

/**
 * What a refusal says on the page: the strings' words for its code; for a mistake in the page's
 * setup (`isConfigurationError`: the key, the page's origin, a form id), `configurationError`
 * with the server's message, which names the origin or the key and the fix; else `fallback`.
 *
 * @throws Nothing.
 * @example
 * say(failureText(error, strings, strings.formFailed), 'error')
 */
export function failureText(
  error: PorchlightError,
  strings: EmbedStrings,
  fallback: string,
): string {
  const text =
    strings.errors[error.code] ??
    (isConfigurationError(error) ? strings.configurationError : fallback)
  return format(text, { seconds: error.retryAfter, message: error.message })
}

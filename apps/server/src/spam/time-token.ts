import { hmac } from '@oslojs/crypto/hmac'
import { SHA256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeBase64urlNoPadding } from '@oslojs/encoding'

// The time trap: the page asks for a token when it renders the form and sends it back with the
// submission. Bots that post straight to the endpoint either have no token or post within a
// second of fetching one; people take longer than a few seconds to fill in a form. The token is
// signed with the site's secret and bound to one form, so it cannot be forged or moved between
// forms. It is not single-use (a bot may reuse one for up to `maxAgeSeconds`): proof of work is
// the single-use layer.

export type TimeTokenResult = 'ok' | 'too_fast' | 'expired' | 'invalid'

export type TimeTokenOptions = {
  /** Submissions sooner than this after the token was issued are `too_fast`. Default 3. */
  minSeconds?: number
  /** Tokens older than this are `expired`, so a harvested token is not good forever. Default 86400. */
  maxAgeSeconds?: number
}

const encoder = new TextEncoder()
/** Issue time in ms (up to 15 digits), a dot, and 32 bytes of HMAC as unpadded base64url (43). */
const tokenPattern = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/

function signature(secret: string, formId: string, issuedAt: string): string {
  const mac = hmac(SHA256, encoder.encode(secret), encoder.encode(`t:${formId}:${issuedAt}`))
  return encodeBase64urlNoPadding(mac)
}

/**
 * A token recording when the form was shown: `<issuedAtMs>.<base64url HMAC-SHA256>`.
 *
 * @example issueTimeToken(site.signingSecret, 'contact', clock.now())
 */
export function issueTimeToken(secret: string, formId: string, now: number): string {
  if (secret === '') throw new Error('issueTimeToken: the site has no signing secret')
  const issuedAt = String(Math.floor(now))
  return `${issuedAt}.${signature(secret, formId, issuedAt)}`
}

/**
 * Checks a token from `issueTimeToken`. Never throws: anything malformed, signed with another
 * secret or for another form is `invalid`.
 */
export function checkTimeToken(
  secret: string,
  formId: string,
  token: string,
  now: number,
  { minSeconds = 3, maxAgeSeconds = 86_400 }: TimeTokenOptions = {},
): TimeTokenResult {
  const match = tokenPattern.exec(token)
  if (!match?.[1] || !match[2] || secret === '') return 'invalid'
  const issuedAt = match[1]
  // Compare the encoded forms: both are 43 ASCII characters, so lengths never differ, and the
  // comparison takes the same time wherever the first wrong character is.
  const expected = encoder.encode(signature(secret, formId, issuedAt))
  if (!constantTimeEqual(encoder.encode(match[2]), expected)) return 'invalid'
  const age = now - Number(issuedAt)
  // A token from slightly in the future (clocks of two isolates differ) is simply too fast.
  if (age < minSeconds * 1000) return 'too_fast'
  if (age > maxAgeSeconds * 1000) return 'expired'
  return 'ok'
}

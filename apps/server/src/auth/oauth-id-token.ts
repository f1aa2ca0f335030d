import { decodeIdToken } from 'arctic'
import { ProviderFailure } from './oauth-fetch.ts'

// The checks an OpenID Connect client owes an ID token (OpenID Connect Core 3.1.3.7). Its
// signature is not checked: the token came straight from the provider's token endpoint over TLS,
// in answer to our own authenticated request, which 3.1.3.7 (6) allows in place of the signature
// (see docs/security.md). Everything else is checked here.

export type IdTokenExpectation = {
  /** Whether `iss` is the provider's issuer (Microsoft's depends on the tenant in the token). */
  issuerMatches: (iss: string, claims: Record<string, unknown>) => boolean
  clientId: string
  /** The nonce this flow sent: a token minted for another flow (a replay, an injection) fails. */
  nonce: string
  nowMs: number
}

/** Room for the clocks of two machines to disagree, no more. */
const clockSkewSeconds = 60

function invalid(reason: string): ProviderFailure {
  return new ProviderFailure('OAUTH_ID_TOKEN_INVALID', reason)
}

/** The ID token's claims once `iss`, `aud`, `azp`, `exp`, `nonce` and `sub` hold. */
export function checkedIdTokenClaims(
  idToken: string,
  expected: IdTokenExpectation,
): Record<string, unknown> {
  let claims: Record<string, unknown>
  try {
    claims = decodeIdToken(idToken) as Record<string, unknown>
  } catch {
    throw invalid('the ID token is not a JWT')
  }
  const { iss, aud, azp, exp, nonce, sub } = claims
  if (typeof iss !== 'string' || !expected.issuerMatches(iss, claims)) {
    throw invalid(`the ID token's issuer ${String(iss)} is not the provider's`)
  }
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : []
  if (!audiences.includes(expected.clientId)) throw invalid('the ID token is for another client')
  if (audiences.length > 1 && azp !== expected.clientId) {
    throw invalid('the ID token was issued to another party')
  }
  if (typeof exp !== 'number' || exp + clockSkewSeconds <= expected.nowMs / 1000) {
    throw invalid('the ID token has expired')
  }
  if (nonce !== expected.nonce) throw invalid('the ID token carries another nonce')
  if (typeof sub !== 'string' || sub === '') throw invalid('the ID token names no subject')
  return claims
}

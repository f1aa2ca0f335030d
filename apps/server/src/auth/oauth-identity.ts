import type { ProviderKind } from './oauth-presets.ts'

// Who the provider says the member is, in one shape for every kind. `emailVerified` is the
// provider's word that the address belongs to this account: only then may the address find an
// existing member (auth/oauth-members.ts).

export type ProviderIdentity = {
  /** The provider's stable id for the account; never the address, which can change hands. */
  subject: string
  email: string | null
  emailVerified: boolean
  name: string | null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/** Apple sends `"true"` as a string; others a boolean. Anything else is not a yes. */
function vouched(value: unknown): boolean {
  return value === true || value === 'true'
}

/**
 * The identity in OpenID Connect claims (an ID token, with userinfo merged in where asked).
 * Microsoft's `email` is not verified by Microsoft (any tenant can set any address on an
 * account: the "nOAuth" flaw), so it never vouches for one.
 */
export function identityFromClaims(
  kind: Exclude<ProviderKind, 'github'>,
  claims: Record<string, unknown>,
): ProviderIdentity {
  const email = text(claims.email)
  const name =
    text(claims.name) ?? text([claims.given_name, claims.family_name].filter(Boolean).join(' '))
  return {
    subject: String(claims.sub),
    email,
    emailVerified: email !== null && kind !== 'microsoft' && vouched(claims.email_verified),
    name,
  }
}

/**
 * Apple tells the member's name once, on the first sign-in, in the form post's `user` field
 * (`{"name": {"firstName", "lastName"}}`), not in the token.
 */
export function appleName(userField: string | undefined): string | null {
  if (!userField) return null
  try {
    const parsed = JSON.parse(userField) as { name?: { firstName?: unknown; lastName?: unknown } }
    return text(
      [text(parsed.name?.firstName), text(parsed.name?.lastName)].filter(Boolean).join(' '),
    )
  } catch {
    return null
  }
}

/**
 * GitHub speaks OAuth 2.0 only: the account from `GET /user`, the address from
 * `GET /user/emails`, taken only if it is the primary one and GitHub verified it.
 */
export function identityFromGitHub(
  user: Record<string, unknown>,
  emails: unknown,
): ProviderIdentity {
  const id = user.id
  const list = Array.isArray(emails) ? (emails as Record<string, unknown>[]) : []
  const primary = list.find((e) => e?.primary === true && e?.verified === true)
  const email = text(primary?.email)
  return {
    subject: typeof id === 'number' || typeof id === 'string' ? String(id) : '',
    email,
    emailVerified: email !== null,
    name: text(user.name) ?? text(user.login),
  }
}

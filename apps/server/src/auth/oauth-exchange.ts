import { decodeBase64IgnorePadding } from '@oslojs/encoding'
import { Apple, OAuth2Client, OAuth2RequestError, type OAuth2Tokens } from 'arctic'
import type { signInProviders } from '../db/schema.ts'
import { discoverProvider } from './oauth-discovery.ts'
import { ProviderFailure, type ProviderFetch, providerJson } from './oauth-fetch.ts'
import { checkedIdTokenClaims } from './oauth-id-token.ts'
import {
  appleName,
  identityFromClaims,
  identityFromGitHub,
  type ProviderIdentity,
} from './oauth-identity.ts'
import {
  defaultMicrosoftTenant,
  type ProviderEndpoints,
  presetEndpoints,
  presetFacts,
} from './oauth-presets.ts'

// From the code the provider sent back to who the member is: the code exchanged (with the PKCE
// verifier), then the ID token checked, or for GitHub its API asked.

export type SignInProvider = typeof signInProviders.$inferSelect

export type ProviderContext = { fetch: ProviderFetch; production: boolean; nowMs: number }

/** The provider's endpoints: fixed for the presets, discovered for `oidc`. */
export async function endpointsOf(
  ctx: ProviderContext,
  provider: SignInProvider,
): Promise<ProviderEndpoints & { issuer?: string }> {
  const fixed = presetEndpoints(provider.kind, provider.issuer)
  if (fixed) return fixed
  return discoverProvider(ctx.fetch, provider.issuer ?? '', {
    production: ctx.production,
    now: ctx.nowMs,
  })
}

/** A PEM private key's bytes (PKCS #8), as Apple hands it out in a `.p8` file. */
function pkcs8Bytes(pem: string): Uint8Array {
  const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '')
  return decodeBase64IgnorePadding(body)
}

async function exchangeCode(
  provider: SignInProvider,
  endpoints: ProviderEndpoints,
  input: { code: string; codeVerifier: string; redirectUri: string },
): Promise<OAuth2Tokens> {
  try {
    if (provider.kind === 'apple') {
      const { teamId = '', keyId = '', privateKey = '' } = provider.options
      const apple = new Apple(
        provider.clientId,
        teamId,
        keyId,
        pkcs8Bytes(privateKey),
        input.redirectUri,
      )
      return await apple.validateAuthorizationCode(input.code)
    }
    const client = new OAuth2Client(
      provider.clientId,
      provider.clientSecret === '' ? null : provider.clientSecret,
      input.redirectUri,
    )
    const verifier = presetFacts[provider.kind].pkce ? input.codeVerifier : null
    return await client.validateAuthorizationCode(endpoints.token, input.code, verifier)
  } catch (error) {
    // The provider refused the code (a wrong verifier, a used or foreign code) or did not answer.
    const detail = error instanceof OAuth2RequestError ? error.code : 'no usable answer'
    throw new ProviderFailure('OAUTH_PROVIDER_ERROR', `code exchange refused: ${detail}`, {
      cause: error,
    })
  }
}

const microsoftGenericTenants = new Set(['common', 'organizations', 'consumers'])
/**
 * A tenant named by its id can be compared with the token's `tid`; one named by its domain
 * cannot, and is held to by its own token endpoint, which issues that tenant's tokens only.
 */
const tenantId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** How an ID token's `iss` is checked for `provider` (the presets' fixed issuers, or discovery's). */
export function issuerMatcher(
  provider: SignInProvider,
  endpoints: ProviderEndpoints & { issuer?: string },
) {
  switch (provider.kind) {
    case 'google':
      return (iss: string) => iss === 'https://accounts.google.com' || iss === 'accounts.google.com'
    case 'apple':
      return (iss: string) => iss === 'https://appleid.apple.com'
    case 'microsoft': {
      // Multi-tenant apps get tokens from each member's own tenant: the issuer names it, and it
      // must be the tenant the token itself names (and the owner's, where they chose one).
      const tenant = provider.issuer || defaultMicrosoftTenant
      return (iss: string, claims: Record<string, unknown>) =>
        typeof claims.tid === 'string' &&
        iss === `https://login.microsoftonline.com/${claims.tid}/v2.0` &&
        (microsoftGenericTenants.has(tenant) || !tenantId.test(tenant) || claims.tid === tenant)
    }
    default:
      return (iss: string) => iss === endpoints.issuer
  }
}

async function gitHubIdentity(ctx: ProviderContext, tokens: OAuth2Tokens) {
  let accessToken: string
  try {
    accessToken = tokens.accessToken()
  } catch {
    throw new ProviderFailure('OAUTH_PROVIDER_ERROR', 'GitHub answered no access token')
  }
  const headers = { Authorization: `Bearer ${accessToken}` }
  const user = await providerJson(ctx.fetch, 'https://api.github.com/user', headers)
  const emails = await ctx
    .fetch('https://api.github.com/user/emails', {
      headers: { Accept: 'application/json', 'User-Agent': 'Porchlight', ...headers },
      signal: AbortSignal.timeout(10_000),
    })
    .then((res) => (res.ok ? res.json() : []))
    .catch(() => [])
  const identity = identityFromGitHub(user, emails)
  if (!identity.subject) throw new ProviderFailure('OAUTH_PROVIDER_ERROR', 'GitHub named no user')
  return identity
}

/** Userinfo when the ID token left the address out (providers that keep claims there). */
async function withUserinfo(
  ctx: ProviderContext,
  endpoints: ProviderEndpoints,
  tokens: OAuth2Tokens,
  claims: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (typeof claims.email === 'string' || !endpoints.userinfo) return claims
  let accessToken: string
  try {
    accessToken = tokens.accessToken()
  } catch {
    return claims
  }
  const info = await providerJson(ctx.fetch, endpoints.userinfo, {
    Authorization: `Bearer ${accessToken}`,
  })
  // Core 5.3.2: userinfo about anyone but the ID token's subject must not be used.
  if (info.sub !== claims.sub) {
    throw new ProviderFailure('OAUTH_ID_TOKEN_INVALID', 'userinfo names another subject')
  }
  return { ...info, ...claims, email: info.email, email_verified: info.email_verified }
}

export type ExchangeInput = {
  code: string
  codeVerifier: string
  nonce: string
  redirectUri: string
  /** Apple's form post `user` field, with the name on a first sign-in. */
  appleUser?: string | undefined
}

/** Who the member is, by the provider's word; any failure is a `ProviderFailure`. */
export async function identifyMember(
  ctx: ProviderContext,
  provider: SignInProvider,
  input: ExchangeInput,
): Promise<ProviderIdentity> {
  const endpoints = await endpointsOf(ctx, provider)
  const tokens = await exchangeCode(provider, endpoints, input)
  if (provider.kind === 'github') return gitHubIdentity(ctx, tokens)
  let idToken: string
  try {
    idToken = tokens.idToken()
  } catch {
    throw new ProviderFailure('OAUTH_ID_TOKEN_INVALID', 'the provider answered no ID token')
  }
  const checked = checkedIdTokenClaims(idToken, {
    issuerMatches: issuerMatcher(provider, endpoints),
    clientId: provider.clientId,
    nonce: input.nonce,
    nowMs: ctx.nowMs,
  })
  const claims = await withUserinfo(ctx, endpoints, tokens, checked)
  const identity = identityFromClaims(provider.kind, claims)
  if (provider.kind === 'apple') identity.name ??= appleName(input.appleUser)
  return identity
}

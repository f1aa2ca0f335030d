import { CodeChallengeMethod, OAuth2Client } from 'arctic'

// What Porchlight knows of each kind of provider: where to send the member, where to exchange
// the code, what to ask for, and how the provider proves who the member is. Endpoints are data
// here rather than arctic's per-provider classes because those fix the token endpoint and leave
// out PKCE for some (GitHub); arctic's generic `OAuth2Client` does the requests for all of them.

export type ProviderKind = 'github' | 'google' | 'microsoft' | 'apple' | 'oidc'

export const providerKinds = ['github', 'google', 'microsoft', 'apple', 'oidc'] as const

/** Where a provider's endpoints are; for `oidc` from its discovery document. */
export type ProviderEndpoints = {
  authorization: string
  token: string
  /** OpenID Connect's userinfo, asked when the ID token leaves the address out. */
  userinfo?: string | undefined
}

export type PresetFacts = {
  /** Shown on buttons when the owner gives no name. */
  defaultName: string
  scopes: readonly string[]
  /** Whether the answer carries an OpenID Connect ID token (and so a `nonce` is sent). */
  idToken: boolean
  /** Apple does not take PKCE; its `state` and `nonce` carry the protection there. */
  pkce: boolean
}

export const presetFacts: Record<ProviderKind, PresetFacts> = {
  github: {
    defaultName: 'GitHub',
    scopes: ['read:user', 'user:email'],
    idToken: false,
    pkce: true,
  },
  google: {
    defaultName: 'Google',
    scopes: ['openid', 'email', 'profile'],
    idToken: true,
    pkce: true,
  },
  microsoft: {
    defaultName: 'Microsoft',
    scopes: ['openid', 'email', 'profile'],
    idToken: true,
    pkce: true,
  },
  apple: { defaultName: 'Apple', scopes: ['name', 'email'], idToken: true, pkce: false },
  oidc: {
    defaultName: 'Single sign-on',
    scopes: ['openid', 'email', 'profile'],
    idToken: true,
    pkce: true,
  },
}

/** Microsoft's tenant when the owner names none: any work, school or personal account. */
export const defaultMicrosoftTenant = 'common'

/** The fixed endpoints of the presets; `null` for `oidc`, which are discovered. */
export function presetEndpoints(
  kind: ProviderKind,
  issuer: string | null,
): ProviderEndpoints | null {
  switch (kind) {
    case 'github':
      return {
        authorization: 'https://github.com/login/oauth/authorize',
        token: 'https://github.com/login/oauth/access_token',
      }
    case 'google':
      return {
        authorization: 'https://accounts.google.com/o/oauth2/v2/auth',
        token: 'https://oauth2.googleapis.com/token',
      }
    case 'microsoft': {
      const tenant = encodeURIComponent(issuer || defaultMicrosoftTenant)
      const base = `https://login.microsoftonline.com/${tenant}/oauth2/v2.0`
      return { authorization: `${base}/authorize`, token: `${base}/token` }
    }
    case 'apple':
      return {
        authorization: 'https://appleid.apple.com/auth/authorize',
        token: 'https://appleid.apple.com/auth/token',
      }
    case 'oidc':
      return null
  }
}

export type AuthorizationRequest = {
  kind: ProviderKind
  clientId: string
  redirectUri: string
  endpoints: ProviderEndpoints
  state: string
  codeVerifier: string
  nonce: string
}

/**
 * The URL the member's browser is sent to: PKCE with S256 (so a stolen code is useless without
 * the verifier this server keeps), `state` (ties the answer to the flow this server started) and,
 * where an ID token comes back, `nonce` (ties the token to that flow too).
 */
export function authorizationUrl(request: AuthorizationRequest): URL {
  const facts = presetFacts[request.kind]
  const client = new OAuth2Client(request.clientId, null, request.redirectUri)
  const url = facts.pkce
    ? client.createAuthorizationURLWithPKCE(
        request.endpoints.authorization,
        request.state,
        CodeChallengeMethod.S256,
        request.codeVerifier,
        [...facts.scopes],
      )
    : client.createAuthorizationURL(request.endpoints.authorization, request.state, [
        ...facts.scopes,
      ])
  if (facts.idToken) url.searchParams.set('nonce', request.nonce)
  // Apple returns the name and address only to a form post (and never in the URL).
  if (request.kind === 'apple') url.searchParams.set('response_mode', 'form_post')
  return url
}

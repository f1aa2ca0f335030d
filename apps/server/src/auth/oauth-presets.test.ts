import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { issuerMatcher, type SignInProvider } from './oauth-exchange.ts'
import { checkedIdTokenClaims } from './oauth-id-token.ts'
import { appleName, identityFromClaims, identityFromGitHub } from './oauth-identity.ts'
import { authorizationUrl, type ProviderKind, presetEndpoints } from './oauth-presets.ts'

// The presets whose real endpoints cannot be reached from the tests (GitHub, Google, Microsoft,
// Apple; arctic's requests go to the URLs given, with the runtime's fetch, so no stand-in can be
// put behind them without changing the product): what the member's browser is sent to, and how
// each provider's answer maps to an identity. The whole flow runs against a real OpenID provider
// in test/oauth/.

const flow = {
  clientId: 'client-1',
  redirectUri: 'https://api.example/v1/auth/oauth/callback',
  state: 'state-123',
  codeVerifier: 'verifier-abcdefghijklmnopqrstuvwxyz-0123456789',
  nonce: 'nonce-456',
}

function urlFor(kind: ProviderKind, issuer: string | null = null) {
  const endpoints = presetEndpoints(kind, issuer)
  if (!endpoints) throw new Error('no fixed endpoints')
  const url = authorizationUrl({ kind, endpoints, ...flow })
  return { origin: `${url.origin}${url.pathname}`, params: Object.fromEntries(url.searchParams) }
}

const pkce = {
  code_challenge_method: 'S256',
  code_challenge: createHash('sha256').update(flow.codeVerifier).digest('base64url'),
}
const common = {
  response_type: 'code',
  client_id: 'client-1',
  redirect_uri: flow.redirectUri,
  state: 'state-123',
}

describe('authorization URLs', () => {
  it('GitHub: PKCE, the user and email scopes, no nonce (no ID token)', () => {
    expect(urlFor('github')).toEqual({
      origin: 'https://github.com/login/oauth/authorize',
      params: { ...common, ...pkce, scope: 'read:user user:email' },
    })
  })

  it('Google: PKCE, OpenID scopes and the nonce', () => {
    expect(urlFor('google')).toEqual({
      origin: 'https://accounts.google.com/o/oauth2/v2/auth',
      params: { ...common, ...pkce, scope: 'openid email profile', nonce: 'nonce-456' },
    })
  })

  it('Microsoft: the tenant in the path, `common` by default', () => {
    expect(urlFor('microsoft').origin).toBe(
      'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    )
    expect(urlFor('microsoft', 'contoso.onmicrosoft.com')).toEqual({
      origin: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
      params: { ...common, ...pkce, scope: 'openid email profile', nonce: 'nonce-456' },
    })
  })

  it('Apple: name and email by form post, with the nonce (Apple takes no PKCE)', () => {
    expect(urlFor('apple')).toEqual({
      origin: 'https://appleid.apple.com/auth/authorize',
      params: { ...common, scope: 'name email', nonce: 'nonce-456', response_mode: 'form_post' },
    })
  })
})

function jwt(claims: Record<string, unknown>) {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
  return `${part({ alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`
}

const nowMs = Date.UTC(2026, 11, 7)
const exp = nowMs / 1000 + 300
const google = (iss: string) => iss === 'https://accounts.google.com'

describe('ID token checks', () => {
  const good = { iss: 'https://accounts.google.com', aud: 'client-1', exp, nonce: 'n', sub: '42' }
  const check = (claims: Record<string, unknown>) =>
    checkedIdTokenClaims(jwt(claims), {
      issuerMatches: google,
      clientId: 'client-1',
      nonce: 'n',
      nowMs,
    })

  it('accepts a token that meets every check', () => {
    expect(check(good)).toMatchObject({ sub: '42' })
  })

  it.each([
    ['another issuer', { iss: 'https://evil.example' }],
    ['another audience', { aud: 'client-2' }],
    ['several audiences without azp', { aud: ['client-1', 'client-2'] }],
    ['expired', { exp: nowMs / 1000 - 61 }],
    ['another nonce', { nonce: 'm' }],
    ['no nonce', { nonce: undefined }],
    ['no subject', { sub: '' }],
  ])('refuses %s', (_, change) => {
    expect(() => check({ ...good, ...change })).toThrow(
      expect.objectContaining({ code: 'OAUTH_ID_TOKEN_INVALID' }),
    )
  })

  it('refuses what is not a JWT', () => {
    expect(() =>
      checkedIdTokenClaims('not-a-jwt', {
        issuerMatches: google,
        clientId: 'c',
        nonce: 'n',
        nowMs,
      }),
    ).toThrow(expect.objectContaining({ code: 'OAUTH_ID_TOKEN_INVALID' }))
  })
})

describe('identities from each provider', () => {
  it('Google and OpenID providers: the address vouched for by email_verified', () => {
    const claims = { sub: 'g1', email: 'Ann@Example.com', email_verified: true, name: 'Ann' }
    expect(identityFromClaims('google', claims)).toEqual({
      subject: 'g1',
      email: 'Ann@Example.com',
      emailVerified: true,
      name: 'Ann',
    })
    expect(identityFromClaims('oidc', { ...claims, email_verified: false }).emailVerified).toBe(
      false,
    )
    expect(identityFromClaims('oidc', { sub: 'x', email: 'a@b.c' }).emailVerified).toBe(false)
  })

  it('Microsoft: never vouches for the address (any tenant can set any email: nOAuth)', () => {
    const identity = identityFromClaims('microsoft', {
      sub: 'm1',
      email: 'ceo@example.com',
      email_verified: true,
      given_name: 'Mo',
      family_name: 'Soft',
    })
    expect(identity).toEqual({
      subject: 'm1',
      email: 'ceo@example.com',
      emailVerified: false,
      name: 'Mo Soft',
    })
  })

  it('Apple: "true" as a string, and the name from the first form post', () => {
    expect(
      identityFromClaims('apple', {
        sub: 'a1',
        email: 'x@privaterelay.appleid.com',
        email_verified: 'true',
      }),
    ).toMatchObject({ emailVerified: true })
    expect(appleName('{"name":{"firstName":"Ann","lastName":"Lee"}}')).toBe('Ann Lee')
    expect(appleName('not json')).toBeNull()
    expect(appleName(undefined)).toBeNull()
  })

  it('GitHub: the primary address only if verified; the numeric id as subject', () => {
    const user = { id: 583231, login: 'octocat', name: null }
    expect(
      identityFromGitHub(user, [
        { email: 'old@example.com', primary: false, verified: true },
        { email: 'octo@example.com', primary: true, verified: true },
      ]),
    ).toEqual({
      subject: '583231',
      email: 'octo@example.com',
      emailVerified: true,
      name: 'octocat',
    })
    expect(
      identityFromGitHub(user, [{ email: 'o@example.com', primary: true, verified: false }]),
    ).toMatchObject({ email: null, emailVerified: false })
  })
})

describe('ID token issuers', () => {
  const provider = (kind: ProviderKind, issuer: string | null = null) =>
    ({ kind, issuer, clientId: 'c', clientSecret: 's', options: {} }) as unknown as SignInProvider
  const ms = (tid: string) => `https://login.microsoftonline.com/${tid}/v2.0`
  const contoso = '11111111-2222-3333-4444-555555555555'

  it('Microsoft: the issuer names the token’s own tenant, and the owner’s tenant when set', () => {
    const any = issuerMatcher(provider('microsoft'), { authorization: '', token: '' })
    expect(any(ms(contoso), { tid: contoso })).toBe(true)
    // A token whose issuer names another tenant than its `tid` claim.
    expect(any(ms(contoso), { tid: 'ffffffff-2222-3333-4444-555555555555' })).toBe(false)
    const one = issuerMatcher(provider('microsoft', contoso), { authorization: '', token: '' })
    expect(one(ms(contoso), { tid: contoso })).toBe(true)
    const other = 'ffffffff-2222-3333-4444-555555555555'
    expect(one(ms(other), { tid: other })).toBe(false)
    // A tenant named by its domain: the token's tenant id cannot be compared with it.
    const byDomain = issuerMatcher(provider('microsoft', 'contoso.onmicrosoft.com'), {
      authorization: '',
      token: '',
    })
    expect(byDomain(ms(contoso), { tid: contoso })).toBe(true)
  })

  it('Google, Apple and discovered issuers: exactly theirs', () => {
    const none = { authorization: '', token: '' }
    expect(issuerMatcher(provider('google'), none)('accounts.google.com', {})).toBe(true)
    expect(issuerMatcher(provider('google'), none)('https://evil.example', {})).toBe(false)
    expect(issuerMatcher(provider('apple'), none)('https://appleid.apple.com', {})).toBe(true)
    const oidc = issuerMatcher(provider('oidc'), { ...none, issuer: 'https://idp.example/' })
    expect(oidc('https://idp.example/', {})).toBe(true)
    expect(oidc('https://idp.example', {})).toBe(false)
  })
})

import { ProviderFailure, type ProviderFetch, providerJson } from './oauth-fetch.ts'
import type { ProviderEndpoints } from './oauth-presets.ts'

// Any OpenID provider by its issuer URL: its endpoints come from
// `{issuer}/.well-known/openid-configuration` (OpenID Connect Discovery 1.0).

/** Hosts that never leave the machine: allowed over http outside production, for development. */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Why an issuer URL cannot be used, or `null`. https only: the code exchange sends the client
 * secret and receives the ID token, whose signature we take on the strength of TLS (see
 * docs/security.md). A loopback http issuer is let through outside production, for testing.
 */
export function issuerProblem(issuer: string, production: boolean): string | null {
  let url: URL
  try {
    url = new URL(issuer)
  } catch {
    return 'Not a URL.'
  }
  if (url.search || url.hash) return 'An issuer URL has no query or fragment.'
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && !production && loopbackHosts.has(url.hostname)) return null
  return production ? 'Must be an https URL.' : 'Must be an https URL (or http on this machine).'
}

export type Discovered = ProviderEndpoints & { issuer: string }

/** Discovery documents change rarely; a few minutes spares the provider a request per sign-in. */
const discoveryLifetimeMs = 5 * 60_000

const cache = new Map<string, { value: Discovered; expiresAt: number }>()

function endpointOf(doc: Record<string, unknown>, name: string, production: boolean) {
  const value = doc[name]
  if (typeof value !== 'string' || issuerProblem(value, production) !== null) return undefined
  return value
}

/**
 * The provider's endpoints, from its discovery document (cached per process). The document must
 * name the same issuer it was fetched for (Discovery 4.3), so a document served elsewhere cannot
 * redirect sign-ins; its endpoints obey the same https rule as the issuer.
 */
export async function discoverProvider(
  fetchFn: ProviderFetch,
  issuer: string,
  options: { production: boolean; now: number },
): Promise<Discovered> {
  const problem = issuerProblem(issuer, options.production)
  if (problem) throw new ProviderFailure('OAUTH_PROVIDER_ERROR', `issuer ${issuer}: ${problem}`)
  const cached = cache.get(issuer)
  if (cached && cached.expiresAt > options.now) return cached.value
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`
  const doc = await providerJson(fetchFn, url)
  // The same URL, give or take the trailing slash some issuers carry (Auth0's do) and an owner
  // may leave out; from here on the document's own spelling is the one ID tokens must carry.
  const named = typeof doc.issuer === 'string' ? doc.issuer : ''
  if (named.replace(/\/$/, '') !== issuer.replace(/\/$/, '')) {
    throw new ProviderFailure('OAUTH_PROVIDER_ERROR', `discovery names issuer ${named}`)
  }
  const authorization = endpointOf(doc, 'authorization_endpoint', options.production)
  const token = endpointOf(doc, 'token_endpoint', options.production)
  if (!authorization || !token) {
    throw new ProviderFailure('OAUTH_PROVIDER_ERROR', `discovery for ${issuer} lacks endpoints`)
  }
  const userinfo = endpointOf(doc, 'userinfo_endpoint', options.production)
  const value: Discovered = { issuer: named, authorization, token, userinfo }
  cache.set(issuer, { value, expiresAt: options.now + discoveryLifetimeMs })
  return value
}

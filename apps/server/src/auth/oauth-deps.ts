import type { SiteReadDeps } from '../sites/site-records.ts'
import type { AuthDeps } from './deps.ts'
import type { ProviderFetch } from './oauth-fetch.ts'

/** What "Sign in with …" needs: membership's deps, the site cache, and a way to reach providers. */
export type OAuthDeps = AuthDeps &
  SiteReadDeps & {
    /** Requests to providers; the runtime's `fetch` unless a test passes its own. */
    providerFetch?: ProviderFetch | undefined
  }

/** The `fetch` provider requests go through (called unbound, as Workers require). */
export function providerFetchOf(deps: OAuthDeps): ProviderFetch {
  return deps.providerFetch ?? ((input, init) => fetch(input, init))
}

/** The one callback URL an owner registers at every provider; `state` says which flow it is. */
export function oauthCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/v1/auth/oauth/callback`
}

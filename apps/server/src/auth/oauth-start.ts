import type { MemberAuth, ResolvedSite } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { MemberErrors } from '../http/member.ts'
import { rateLimitOrThrow } from '../http/rate-limit.ts'
import type { Logger } from '../logger.ts'
import { type OAuthDeps, oauthCallbackUrl, providerFetchOf } from './oauth-deps.ts'
import { OAuthErrors } from './oauth-errors.ts'
import { endpointsOf } from './oauth-exchange.ts'
import { ProviderFailure } from './oauth-fetch.ts'
import { type OAuthPurpose, startFlow } from './oauth-flows.ts'
import { authorizationUrl } from './oauth-presets.ts'
import { enabledProviderOf } from './oauth-provider-store.ts'
import { requireRecentSignIn } from './recent-sign-in.ts'

/** Starts per client address: each writes a flow row, so a script must not fill the table. */
export const oauthStartsPerAddress = { limit: 30, windowMs: 10 * 60_000 }

export type StartInput = {
  providerId: string
  returnTo: string
  browserKey: string
  purpose: OAuthPurpose
}

/**
 * Where the page returns afterwards, if it is on one of the site's own origins, without any
 * fragment (the result goes there). Anything else would make this an open redirect that hands
 * grants to another website.
 */
export function allowedReturnTo(
  site: Pick<ResolvedSite, 'origins'>,
  returnTo: string,
): string | null {
  let url: URL
  try {
    url = new URL(returnTo)
  } catch {
    return null
  }
  if (!site.origins.includes(url.origin)) return null
  url.hash = ''
  return url.href
}

/** The provider's authorization URL for this browser's sign-in (or linking), flow recorded. */
export async function startOAuth(
  deps: OAuthDeps,
  site: ResolvedSite,
  input: StartInput,
  auth: MemberAuth | null,
  meta: { clientAddress: string; log: Logger },
): Promise<{ url: string }> {
  const { db, clock, config } = deps
  await rateLimitOrThrow(deps.limiter, {
    siteId: site.id,
    bucket: `oauth-start:${meta.clientAddress}`,
    ...oauthStartsPerAddress,
  })
  const provider = await enabledProviderOf(db, site.scope, input.providerId)
  if (!provider) throw OAuthErrors.providerUnknown()
  if (input.purpose === 'link') {
    if (!auth) throw MemberErrors.signInRequired()
    requireRecentSignIn(deps, auth.session)
  }
  const returnTo = allowedReturnTo(site, input.returnTo)
  if (!returnTo)
    throw HttpErrors.validation({ returnTo: 'Must be a page on one of the site’s origins.' })
  const ctx = { fetch: providerFetchOf(deps), production: config.production, nowMs: clock.now() }
  let endpoints: Awaited<ReturnType<typeof endpointsOf>>
  try {
    endpoints = await endpointsOf(ctx, provider)
  } catch (error) {
    if (!(error instanceof ProviderFailure)) throw error
    meta.log.warn('oauth provider unavailable', {
      siteId: site.id,
      provider: provider.id,
      reason: error.message,
    })
    throw OAuthErrors.providerUnavailable()
  }
  const flow = await startFlow(db, clock, site.scope, {
    providerId: provider.id,
    purpose: input.purpose,
    memberId: input.purpose === 'link' && auth ? auth.member.id : null,
    browserKey: input.browserKey,
    returnTo,
  })
  const url = authorizationUrl({
    kind: provider.kind,
    clientId: provider.clientId,
    redirectUri: oauthCallbackUrl(config.publicUrl),
    endpoints,
    ...flow,
  })
  return { url: url.href }
}

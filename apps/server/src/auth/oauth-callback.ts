import type { Logger } from '../logger.ts'
import { siteOfId } from '../sites/site-records.ts'
import { type OAuthDeps, oauthCallbackUrl, providerFetchOf } from './oauth-deps.ts'
import { type CallbackErrorCode, OAuthErrors } from './oauth-errors.ts'
import { identifyMember } from './oauth-exchange.ts'
import { ProviderFailure } from './oauth-fetch.ts'
import { recordGrant, takeStartedFlow } from './oauth-flows.ts'
import { enabledProviderOf } from './oauth-provider-store.ts'
import { allowedReturnTo } from './oauth-start.ts'

// The provider sends the member's browser back here with `code` and `state` (a GET, or for
// Apple a form post). The answer is always a redirect to the page that started, with the result
// in the URL's fragment: fragments are not sent to servers nor in `Referer`, so the grant stays
// in the browser. Only a callback whose `state` names no flow gets an error here, since then
// there is no page known to be safe to send it to.

export type CallbackParams = {
  state?: string | undefined
  code?: string | undefined
  /** The provider's refusal (`access_denied` when the member cancelled). */
  error?: string | undefined
  /** Apple's `user` field (the name, on a first sign-in). */
  user?: string | undefined
}

function withFragment(returnTo: string, name: string, value: string): string {
  return `${returnTo}#${name}=${encodeURIComponent(value)}`
}

/** The URL to send the browser to; throws `OAUTH_STATE_INVALID` when the flow is unknown. */
export async function finishAtCallback(
  deps: OAuthDeps,
  params: CallbackParams,
  log: Logger,
): Promise<string> {
  const { db, clock, config } = deps
  const flow = params.state ? await takeStartedFlow(db, clock, params.state) : null
  const site = flow ? await siteOfId(deps, flow.siteId) : null
  // The site's origins may have changed since the start: check the page again.
  const returnTo = flow && site ? allowedReturnTo(site, flow.returnTo) : null
  if (!flow || !site || !returnTo) throw OAuthErrors.stateInvalid()
  const refuse = (code: CallbackErrorCode, reason: string) => {
    log.warn('oauth sign-in refused', { siteId: site.id, provider: flow.providerId, code, reason })
    return withFragment(returnTo, 'porchlight_oauth_error', code)
  }
  if (params.error !== undefined) {
    const code = params.error === 'access_denied' ? 'OAUTH_CANCELLED' : 'OAUTH_PROVIDER_ERROR'
    return refuse(code, `the provider answered error=${params.error.slice(0, 100)}`)
  }
  if (!params.code) return refuse('OAUTH_PROVIDER_ERROR', 'the provider sent no code')
  const provider = await enabledProviderOf(db, site.scope, flow.providerId)
  if (!provider) return refuse('OAUTH_PROVIDER_ERROR', 'the provider was removed or turned off')
  const ctx = { fetch: providerFetchOf(deps), production: config.production, nowMs: clock.now() }
  try {
    const identity = await identifyMember(ctx, provider, {
      code: params.code,
      codeVerifier: flow.codeVerifier,
      nonce: flow.nonce,
      redirectUri: oauthCallbackUrl(config.publicUrl),
      appleUser: params.user,
    })
    const grant = await recordGrant(db, clock, flow, identity)
    return withFragment(returnTo, 'porchlight_oauth', grant)
  } catch (error) {
    if (error instanceof ProviderFailure) return refuse(error.code, error.message)
    throw error
  }
}

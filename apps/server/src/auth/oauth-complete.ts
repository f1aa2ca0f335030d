import type { MemberAuth, ResolvedSite } from '../http/env.ts'
import { rateLimitOrThrow } from '../http/rate-limit.ts'
import type { OAuthDeps } from './oauth-deps.ts'
import { OAuthErrors } from './oauth-errors.ts'
import { browserKeyMatches, takeGrant } from './oauth-flows.ts'
import { linkIdentity, memberForProviderSignIn } from './oauth-members.ts'
import { enabledProviderOf } from './oauth-provider-store.ts'
import { afterFirstFactor, type RequestMeta, type SignInOutcome } from './second-step.ts'
import type { SessionTransport } from './sessions.ts'

/** Completions per client address: a grant is 32 random bytes, so this only spares the database. */
export const oauthCompletionsPerAddress = { limit: 30, windowMs: 10 * 60_000 }

export type CompleteInput = { grant: string; browserKey: string; transport: SessionTransport }

export type CompleteOutcome = SignInOutcome | { status: 'linked'; provider: string }

/**
 * Redeems the grant the callback gave the page: once, in the browser that started (its
 * `browserKey`), so a grant sent to someone else, or a provider answer an attacker obtained with
 * their own account and planted in a victim's browser, does nothing there (login CSRF). Only
 * now is the member decided: signed in, linked or created by the rules (oauth-members.ts), then
 * on as after a password: a session, or the TOTP step first.
 */
export async function completeOAuth(
  deps: OAuthDeps,
  site: ResolvedSite,
  input: CompleteInput,
  auth: MemberAuth | null,
  meta: RequestMeta,
): Promise<CompleteOutcome> {
  const { db, clock } = deps
  await rateLimitOrThrow(deps.limiter, {
    siteId: site.id,
    bucket: `oauth-complete:${meta.ip}`,
    ...oauthCompletionsPerAddress,
  })
  const flow = await takeGrant(db, clock, site.scope, input.grant)
  if (!flow) throw OAuthErrors.grantInvalid()
  if (!browserKeyMatches(input.browserKey, flow.browserHash)) throw OAuthErrors.otherBrowser()
  if (!(await enabledProviderOf(db, site.scope, flow.providerId))) {
    throw OAuthErrors.providerUnknown()
  }
  if (flow.purpose === 'link') {
    // Linking finishes in the session that started it, or not at all.
    if (!auth || auth.member.id !== flow.memberId) throw OAuthErrors.grantInvalid()
    await linkIdentity(deps, site, auth.member.id, flow.providerId, flow.identity)
    return { status: 'linked', provider: flow.providerId }
  }
  const member = await memberForProviderSignIn(deps, site, flow.providerId, flow.identity)
  return afterFirstFactor(deps, site, member, input.transport, meta)
}

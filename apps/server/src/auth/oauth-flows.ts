import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { generateCodeVerifier, generateState } from 'arctic'
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { oauthFlows } from '../db/schema.ts'
import { randomToken } from '../ids.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { ProviderIdentity } from './oauth-identity.ts'

// A sign-in with a provider in flight, in two stages of `oauth_flows`:
//
// 1. Started: found by the SHA-256 of `state` (so a stolen table row cannot answer the
//    callback), with the PKCE verifier and nonce the callback needs. Taken once.
// 2. Answered: the provider said who the member is, kept in the row, and the page gets a
//    single-use random grant whose SHA-256 finds it. Only the grant travels in the URL, never
//    the member's address. Nothing about the member is decided before the grant is redeemed in
//    the browser that started it.

/** Long enough to sign in at the provider, create an account there, and read its terms. */
export const flowLifetimeMs = 10 * 60_000
/** From the redirect back to the page's call: seconds in practice. */
export const grantLifetimeMs = 2 * 60_000

export type OAuthPurpose = 'sign_in' | 'link'

export function sha256Hex(text: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(text)))
}

export function browserKeyMatches(browserKey: string, storedHash: string): boolean {
  const a = new TextEncoder().encode(sha256Hex(browserKey))
  const b = new TextEncoder().encode(storedHash)
  return a.length === b.length && constantTimeEqual(a, b)
}

export type StartedFlow = { state: string; codeVerifier: string; nonce: string }

export async function startFlow(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  input: {
    providerId: string
    purpose: OAuthPurpose
    memberId: string | null
    browserKey: string
    returnTo: string
  },
): Promise<StartedFlow> {
  const state = generateState()
  const codeVerifier = generateCodeVerifier()
  const nonce = randomToken(20)
  const now = clock.now()
  await db.insert(oauthFlows).values({
    id: sha256Hex(state),
    siteId: scope.siteId,
    providerId: input.providerId,
    purpose: input.purpose,
    memberId: input.memberId,
    codeVerifier,
    nonce,
    browserHash: sha256Hex(input.browserKey),
    returnTo: input.returnTo,
    createdAt: now,
    expiresAt: now + flowLifetimeMs,
  })
  return { state, codeVerifier, nonce }
}

export type FlowRow = typeof oauthFlows.$inferSelect

/**
 * The started flow `state` names, deleted as it is read, so a replayed callback finds nothing.
 * The one query here not scoped to a site: the callback comes from the provider and names no
 * site; the 256-bit state is what finds the flow, and the row says whose it is.
 */
export async function takeStartedFlow(
  db: Database,
  clock: Clock,
  state: string,
): Promise<FlowRow | null> {
  const [row] = await db
    .delete(oauthFlows)
    .where(and(eq(oauthFlows.id, sha256Hex(state)), isNull(oauthFlows.grantHash)))
    .returning()
  return row && row.expiresAt > clock.now() ? row : null
}

/** Records the provider's answer and returns the grant for the page. */
export async function recordGrant(
  db: Database,
  clock: Clock,
  flow: FlowRow,
  identity: ProviderIdentity,
): Promise<string> {
  const grant = randomToken(32)
  const grantHash = sha256Hex(grant)
  const now = clock.now()
  await db.insert(oauthFlows).values({
    ...flow,
    id: grantHash,
    // Spent with the code exchange; nothing later needs them.
    codeVerifier: '',
    nonce: '',
    grantHash,
    identity,
    createdAt: now,
    expiresAt: now + grantLifetimeMs,
  })
  return grant
}

export type AnsweredFlow = FlowRow & { identity: ProviderIdentity }

/** The answered flow a grant names, deleted as it is read (a grant works once). */
export async function takeGrant(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  grant: string,
): Promise<AnsweredFlow | null> {
  const [row] = await db
    .delete(oauthFlows)
    .where(
      scope.where(
        oauthFlows,
        eq(oauthFlows.grantHash, sha256Hex(grant)),
        gt(oauthFlows.expiresAt, clock.now()),
      ),
    )
    .returning()
  if (!row?.identity) return null
  // Written by recordGrant from a ProviderIdentity, and only ever by it.
  return { ...row, identity: row.identity as ProviderIdentity }
}

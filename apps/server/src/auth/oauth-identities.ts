import { and, count, eq } from 'drizzle-orm'
import { memberIdentities, signInProviders } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import type { AuthDeps } from './deps.ts'
import { OAuthErrors } from './oauth-errors.ts'
import type { ProviderKind } from './oauth-presets.ts'
import type { SessionMember } from './sessions.ts'
import { keepsAnotherWayIn, lastSignInMethod } from './sign-in-ways.ts'

// The member's linked provider accounts: listed, and unlinked unless that leaves no way in.

export type IdentityView = {
  provider: string
  providerName: string | null
  kind: ProviderKind | null
  email: string | null
  createdAt: number
  lastUsedAt: number | null
}

export async function identitiesOf(
  deps: Pick<AuthDeps, 'db'>,
  site: ResolvedSite,
  memberId: string,
): Promise<IdentityView[]> {
  return deps.db
    .select({
      provider: memberIdentities.providerId,
      providerName: signInProviders.displayName,
      kind: signInProviders.kind,
      email: memberIdentities.email,
      createdAt: memberIdentities.createdAt,
      lastUsedAt: memberIdentities.lastUsedAt,
    })
    .from(memberIdentities)
    .leftJoin(
      signInProviders,
      and(
        eq(signInProviders.siteId, memberIdentities.siteId),
        eq(signInProviders.id, memberIdentities.providerId),
      ),
    )
    .where(site.scope.where(memberIdentities, eq(memberIdentities.memberId, memberId)))
    .orderBy(memberIdentities.createdAt)
}

/** Unlinks every account of `providerId` from the member; refused if it was the last way in. */
export async function unlinkProvider(
  deps: Pick<AuthDeps, 'db'>,
  site: ResolvedSite,
  member: SessionMember,
  providerId: string,
): Promise<void> {
  const { db } = deps
  const mine = and(
    eq(memberIdentities.memberId, member.id),
    eq(memberIdentities.providerId, providerId),
  )
  const gone = await db
    .delete(memberIdentities)
    .where(
      site.scope.where(memberIdentities, mine, keepsAnotherWayIn(db, site, member, { providerId })),
    )
    .returning({ subject: memberIdentities.subject })
  if (gone.length > 0) return
  const [linked] = await db
    .select({ n: count() })
    .from(memberIdentities)
    .where(site.scope.where(memberIdentities, mine))
  throw (linked?.n ?? 0) === 0 ? OAuthErrors.identityNotFound() : lastSignInMethod()
}

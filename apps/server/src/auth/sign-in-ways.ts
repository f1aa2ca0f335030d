import { and, eq, exists, ne, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Database } from '../db/client.ts'
import { memberIdentities, memberPasskeys, signInProviders } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import type { SessionMember } from './sessions.ts'

// A member must keep one way to sign in: removing a passkey or unlinking a provider is refused
// when it would leave none, since a member locked out of their own account can only be helped
// by the site's owner. One rule for both, so they cannot disagree about what counts.

/** `409 LAST_SIGN_IN_METHOD`: what is being removed is the member's only way in. */
export function lastSignInMethod(): ApiError {
  return new ApiError(
    409,
    'LAST_SIGN_IN_METHOD',
    'This is your only way to sign in. Set a password, add a passkey or link a provider first.',
  )
}

/**
 * Ways in that need nothing stored beside the member: a password while the site takes them, or
 * emailed sign-in links while it sends them (a link needs only the mailbox).
 */
function signsInWithEmailOrPassword(site: ResolvedSite, member: SessionMember): boolean {
  if (site.auth.emailLinkSignIn) return true
  return site.auth.passwordSignIn && member.passwordHash !== ''
}

/** What is being removed: one passkey, or every account of one provider. */
export type RemovedWay = { passkeyId: string } | { providerId: string }

/**
 * A condition for the removing statement itself (undefined: nothing to check), so two removals
 * at once cannot each count on what the other removes. Passkeys count while the site offers
 * passkeys; providers while the owner has them enabled: a way the site turned off signs no one in.
 */
export function keepsAnotherWayIn(
  db: Database,
  site: ResolvedSite,
  member: SessionMember,
  removed: RemovedWay,
): SQL | undefined {
  if (signsInWithEmailOrPassword(site, member)) return undefined
  // A passkey the site no longer accepts signs no one in: removing it takes no way away.
  if ('passkeyId' in removed && !site.auth.passkeys) return undefined
  const siteId = site.scope.siteId
  // Aliased: the statement these go into deletes from the same tables.
  const passkey = alias(memberPasskeys, 'other_passkey')
  const identity = alias(memberIdentities, 'other_identity')
  const otherPasskey = site.auth.passkeys
    ? exists(
        db
          .select({ one: sql`1` })
          .from(passkey)
          .where(
            and(
              eq(passkey.siteId, siteId),
              eq(passkey.memberId, member.id),
              'passkeyId' in removed ? ne(passkey.id, removed.passkeyId) : undefined,
            ),
          ),
      )
    : undefined
  const otherProvider = exists(
    db
      .select({ one: sql`1` })
      .from(identity)
      .innerJoin(
        signInProviders,
        and(
          eq(signInProviders.siteId, identity.siteId),
          eq(signInProviders.id, identity.providerId),
          eq(signInProviders.enabled, true),
        ),
      )
      .where(
        and(
          eq(identity.siteId, siteId),
          eq(identity.memberId, member.id),
          'providerId' in removed ? ne(identity.providerId, removed.providerId) : undefined,
        ),
      ),
  )
  return or(otherPasskey, otherProvider)
}

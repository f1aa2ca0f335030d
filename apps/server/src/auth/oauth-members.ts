import { and, eq } from 'drizzle-orm'
import { memberIdentities, members } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { newId } from '../ids.ts'
import { enqueue } from '../outbox/jobs.ts'
import type { AuthDeps } from './deps.ts'
import { verifyEmailMail } from './emails.ts'
import { assertMaySignIn } from './login.ts'
import { issueMemberToken } from './member-tokens.ts'
import { memberByEmail, memberById, normalizeEmail } from './members.ts'
import { OAuthErrors } from './oauth-errors.ts'
import type { ProviderIdentity } from './oauth-identity.ts'
import { uniqueViolation } from './registration-checks.ts'
import type { SessionMember } from './sessions.ts'
import { memberLink } from './settings.ts'

// Which member a provider's answer signs in, and the linking rules. The threat: an account
// taken over through an address. A provider account is tied to a member only by its own stable
// subject, or through an address that both the provider and the member have proved; never to an
// address the member never confirmed (whoever registered it may not own it), and never to an
// address the provider does not vouch for (anyone can type any address into some providers).

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'config' | 'metrics'>

export async function identityOwner(
  deps: Pick<AuthDeps, 'db'>,
  site: ResolvedSite,
  providerId: string,
  subject: string,
) {
  const [row] = await deps.db
    .select({ memberId: memberIdentities.memberId })
    .from(memberIdentities)
    .where(
      site.scope.where(
        memberIdentities,
        and(eq(memberIdentities.providerId, providerId), eq(memberIdentities.subject, subject)),
      ),
    )
  return row?.memberId ?? null
}

/** The link between a provider account and a member, ready to insert. */
function newIdentity(
  deps: Deps,
  site: ResolvedSite,
  memberId: string,
  providerId: string,
  identity: ProviderIdentity,
) {
  const now = deps.clock.now()
  return deps.db.insert(memberIdentities).values({
    siteId: site.id,
    providerId,
    subject: identity.subject,
    memberId,
    email: identity.email === null ? null : normalizeEmail(identity.email),
    createdAt: now,
    lastUsedAt: now,
  })
}

/** Links an existing member; a link already there (a sign-in a moment ago) is kept. */
function identityInsert(
  deps: Deps,
  site: ResolvedSite,
  memberId: string,
  providerId: string,
  identity: ProviderIdentity,
) {
  return newIdentity(deps, site, memberId, providerId, identity).onConflictDoNothing()
}

async function touchIdentity(
  deps: Deps,
  site: ResolvedSite,
  providerId: string,
  identity: ProviderIdentity,
) {
  await deps.db
    .update(memberIdentities)
    .set({ lastUsedAt: deps.clock.now() })
    .where(
      site.scope.where(
        memberIdentities,
        and(
          eq(memberIdentities.providerId, providerId),
          eq(memberIdentities.subject, identity.subject),
        ),
      ),
    )
}

/** A display name from what the provider said, within the 80 characters names may have. */
function displayNameFor(identity: ProviderIdentity, email: string): string {
  const name = identity.name ?? email.slice(0, email.indexOf('@'))
  return (name.trim() || 'Member').slice(0, 80)
}

/** Whether the error is a lost race: the provider account was linked a moment ago. */
function identityTaken(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed: member_identities\./i.test(e.message)) return true
  }
  return false
}

/**
 * A new member from a provider: no password (the empty hash nothing verifies against), the
 * address verified only if the provider vouched for it; otherwise the usual confirmation mail
 * goes out, as after registering.
 *
 * The member, its link to the provider account (and the confirmation token and mail) are one
 * batch, one transaction on libSQL and D1 alike: a member written without the link would have no
 * way in (no password, and a provider that no longer finds them), and would hold the address so
 * that the next try is refused.
 */
async function createMemberFromProvider(
  deps: Deps,
  site: ResolvedSite,
  providerId: string,
  identity: ProviderIdentity,
  email: string,
): Promise<SessionMember> {
  const { db, clock } = deps
  const now = clock.now()
  const id = newId('mem')
  const writes = [
    // No `ON CONFLICT DO NOTHING` here: an address or provider account taken a moment ago must
    // fail the whole batch, not leave half of it written.
    db.insert(members).values({
      id,
      siteId: site.id,
      email,
      emailVerifiedAt: identity.emailVerified ? now : null,
      passwordHash: '',
      displayName: displayNameFor(identity, email),
      createdAt: now,
      updatedAt: now,
    }),
    newIdentity(deps, site, id, providerId, identity),
  ] as const
  try {
    if (identity.emailVerified) await db.batch(writes)
    else {
      const verify = issueMemberToken(db, clock, site.scope, {
        memberId: id,
        purpose: 'verify_email',
      })
      const link = memberLink(
        site.auth,
        site.origins,
        deps.config.publicUrl,
        'verify-email',
        verify.token,
      )
      await db.batch([
        ...writes,
        verify.insert,
        enqueue(db, clock, site.scope, verifyEmailMail(site, email, link)),
      ])
    }
  } catch (error) {
    // Someone registered the address a moment ago: treat it as theirs.
    if (uniqueViolation(error) === 'email') throw OAuthErrors.emailInUse()
    if (identityTaken(error)) throw OAuthErrors.identityInUse()
    throw error
  }
  deps.metrics.registration('new_member')
  const member = await memberById(db, site.scope, id)
  if (!member) throw new Error('a member just created is missing')
  return member
}

/**
 * The member a provider's answer signs in, linked or created as the rules say; refused with a
 * code the page can explain otherwise. Suspended and banned members are refused as at login.
 */
export async function memberForProviderSignIn(
  deps: Deps,
  site: ResolvedSite,
  providerId: string,
  identity: ProviderIdentity,
): Promise<SessionMember> {
  const { db, clock } = deps
  const now = clock.now()
  const ownerId = await identityOwner(deps, site, providerId, identity.subject)
  if (ownerId) {
    const member = await memberById(db, site.scope, ownerId)
    if (!member) throw OAuthErrors.grantInvalid()
    assertMaySignIn(member, site.auth, now)
    await touchIdentity(deps, site, providerId, identity)
    return member
  }
  const email = identity.email === null ? null : normalizeEmail(identity.email)
  if (email === null) throw OAuthErrors.emailMissing()
  const existing = await memberByEmail(db, site.scope, email)
  if (!existing) return createMemberFromProvider(deps, site, providerId, identity, email)
  // The provider does not vouch for the address: it proves nothing about this account.
  if (!identity.emailVerified) throw OAuthErrors.emailInUse()
  // Whoever registered the address may not own it; the provider's owner of it might.
  if (existing.emailVerifiedAt === null) throw OAuthErrors.accountNotVerified()
  assertMaySignIn(existing, site.auth, now)
  await identityInsert(deps, site, existing.id, providerId, identity)
  return existing
}

/** Links a provider account to the signed-in member, unless it signs in someone else. */
export async function linkIdentity(
  deps: Deps,
  site: ResolvedSite,
  memberId: string,
  providerId: string,
  identity: ProviderIdentity,
): Promise<void> {
  const ownerId = await identityOwner(deps, site, providerId, identity.subject)
  if (ownerId && ownerId !== memberId) throw OAuthErrors.identityInUse()
  if (ownerId === memberId) return touchIdentity(deps, site, providerId, identity)
  await identityInsert(deps, site, memberId, providerId, identity)
}

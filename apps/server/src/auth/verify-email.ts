import { eq, sql } from 'drizzle-orm'
import { members } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { rateLimitOrThrow } from '../http/rate-limit.ts'
import { enqueue } from '../outbox/jobs.ts'
import type { AuthDeps } from './deps.ts'
import { verifyEmailMail } from './emails.ts'
import { AuthErrors } from './errors.ts'
import { consumeMemberToken, issueMemberToken } from './member-tokens.ts'
import { ownAccount } from './members.ts'
import type { OwnAccount } from './schemas.ts'
import type { SessionMember } from './sessions.ts'
import { memberLink } from './settings.ts'

export type VerifyEmailDeps = Pick<AuthDeps, 'db' | 'clock' | 'limiter' | 'config'>

/** Verification emails a member may ask for again per hour: enough for a lost one, no more. */
export const resendsPerHour = 3
const hourMs = 3_600_000

/**
 * Spends an emailed verification token and marks the address verified. A malformed, unknown,
 * expired or used token is `400 INVALID_TOKEN`, all alike. Needs no session: the link is often
 * opened in another browser than the one that registered.
 */
export async function verifyEmail(
  deps: VerifyEmailDeps,
  site: ResolvedSite,
  token: string,
): Promise<OwnAccount> {
  const { db, clock } = deps
  const spent = await consumeMemberToken(db, clock, site.scope, 'verify_email', token)
  if (!spent) throw AuthErrors.invalidToken()
  const now = clock.now()
  const [member] = await db
    .update(members)
    .set({
      // The first confirmation is the one that counts; a later token leaves the time alone.
      emailVerifiedAt: sql`coalesce(${members.emailVerifiedAt}, ${now})`,
      updatedAt: now,
    })
    .where(site.scope.where(members, eq(members.id, spent.memberId)))
    .returning()
  if (!member) throw AuthErrors.invalidToken()
  return ownAccount(member, now)
}

/**
 * Mails a fresh verification link to a signed-in member. Already verified: nothing to send, and
 * nothing counted. At most `resendsPerHour` an hour, so the endpoint cannot be used to flood a
 * mailbox. Earlier links keep working until used or expired (see member-tokens.ts).
 */
export async function resendVerification(
  deps: VerifyEmailDeps,
  site: ResolvedSite,
  member: SessionMember,
): Promise<'verification_sent' | 'already_verified'> {
  const { db, clock, limiter, config } = deps
  if (member.emailVerifiedAt !== null) return 'already_verified'
  await rateLimitOrThrow(limiter, {
    siteId: site.id,
    bucket: `verify-resend:${member.id}`,
    limit: resendsPerHour,
    windowMs: hourMs,
  })
  const { token, insert } = issueMemberToken(db, clock, site.scope, {
    memberId: member.id,
    purpose: 'verify_email',
  })
  const url = memberLink(site.auth, site.origins, config.publicUrl, 'verify-email', token)
  await db.batch([insert, enqueue(db, clock, site.scope, verifyEmailMail(site, member.email, url))])
  return 'verification_sent'
}

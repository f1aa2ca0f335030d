import { eq } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { members, memberTokens, sessions, submissions } from '../db/schema.ts'
import type { MemberAuth, ResolvedSite } from '../http/env.ts'
import { enqueue } from '../outbox/jobs.ts'
import type { SiteScope } from '../sites/scope.ts'
import { verifyCurrentPassword } from './account.ts'
import type { Statement } from './account-queries.ts'
import type { AuthDeps } from './deps.ts'
import { accountDeletedMail } from './emails.ts'
import type { AuthSettings } from './settings.ts'

// Leaving: the member row goes, and with it the profile, the password hash, every session and
// every emailed link. What the member left elsewhere on the site is decided by onMemberDeleted.

/**
 * What happens to the things a deleted member left on the site, as statements committed in the
 * same batch as the deletion. Called before the member row is deleted.
 *
 * - Contact-form submissions are the site owner's records of messages sent to them, not the
 *   member's profile: they are kept for the owner under either policy, but unlinked from the
 *   account (`member_id` set to NULL). The owner deletes them through the admin API if asked to.
 * - Forum posts (next issue): `policy` is the site's `deletedMemberPosts`. `keep` leaves posts
 *   readable as "deleted member" (their `author_id` becomes NULL); `remove` soft-deletes them so
 *   threads stay readable. Add those statements here; the forum's tables already reference
 *   members with `ON DELETE SET NULL`, which covers `keep` wherever foreign keys are enforced.
 */
export function onMemberDeleted(
  db: Database,
  scope: SiteScope,
  memberId: string,
  _policy: AuthSettings['deletedMemberPosts'],
): Statement[] {
  return [
    db
      .update(submissions)
      .set({ memberId: null })
      .where(scope.where(submissions, eq(submissions.memberId, memberId))),
  ]
}

/**
 * Deletes the signed-in member's account after checking their password (403 INVALID_PASSWORD):
 * a session left open on a shared computer must not be enough to erase someone. One batch:
 * onMemberDeleted's statements, sessions and tokens, the member row, and a last email to the
 * address. Sessions and tokens are deleted explicitly rather than left to `ON DELETE CASCADE`,
 * which only holds where the connection enforces foreign keys. The address is free again at once.
 */
export async function deleteAccount(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'limiter' | 'passwords'>,
  site: ResolvedSite,
  auth: MemberAuth,
  password: string,
): Promise<void> {
  const { db, clock } = deps
  const { scope } = site
  const { member } = auth
  await verifyCurrentPassword(deps, site, member, password)
  await db.batch([
    db.delete(sessions).where(scope.where(sessions, eq(sessions.memberId, member.id))),
    ...onMemberDeleted(db, scope, member.id, site.auth.deletedMemberPosts),
    db.delete(memberTokens).where(scope.where(memberTokens, eq(memberTokens.memberId, member.id))),
    db.delete(members).where(scope.where(members, eq(members.id, member.id))),
    enqueue(db, clock, scope, accountDeletedMail(site, member.email)),
  ])
}

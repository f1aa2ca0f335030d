import { eq, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import {
  flags,
  members,
  memberTokens,
  notifications,
  postRevisions,
  posts,
  reactions,
  sessions,
  submissions,
  threads,
  watches,
} from '../db/schema.ts'
import type { MemberAuth, ResolvedSite } from '../http/env.ts'
import { enqueue } from '../outbox/jobs.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { Statement } from './account-queries.ts'
import type { AuthDeps } from './deps.ts'
import { accountDeletedMail } from './emails.ts'
import { confirmItIsTheMember } from './recent-sign-in.ts'
import type { AuthSettings } from './settings.ts'
import { twoFactorRowsOf } from './totp-store.ts'

// Leaving: the member row goes, and with it the profile, the password hash, every session and
// every emailed link. What the member left elsewhere on the site is decided by onMemberDeleted.

/**
 * What happens to the things a deleted member left on the site, as statements committed in the
 * same batch as the deletion. Called before the member row is deleted. Everything is written
 * out rather than left to `ON DELETE` clauses, which only hold where foreign keys are enforced.
 *
 * - Contact-form submissions are the site owner's records of messages sent to them: kept under
 *   either policy, but unlinked from the account.
 * - Forum posts follow the site's `deletedMemberPosts`: `keep` leaves them readable as "deleted
 *   member"; `remove` empties and soft-deletes them, so threads stay readable around the gap.
 *   Either way their author link goes, and the threads' versions move so cached pages refresh.
 * - Likes are withdrawn (counts corrected first), and the member's watches and notifications go.
 *   Flags they raised stay for the moderators, unattributed.
 */
export function onMemberDeleted(
  db: Database,
  scope: SiteScope,
  memberId: string,
  policy: AuthSettings['deletedMemberPosts'],
  now: number,
): Statement[] {
  return [
    db
      .update(submissions)
      .set({ memberId: null })
      .where(scope.where(submissions, eq(submissions.memberId, memberId))),
    db
      .update(threads)
      .set({ version: sql`${threads.version} + 1` })
      .where(
        scope.where(
          threads,
          sql`${threads.id} IN (SELECT ${posts.threadId} FROM ${posts} WHERE ${posts.siteId} = ${scope.siteId} AND ${posts.authorId} = ${memberId})`,
        ),
      ),
    ...(policy === 'remove'
      ? [
          db
            .update(posts)
            .set({
              bodySource: '',
              bodyHtml: '',
              deletedAt: sql`coalesce(${posts.deletedAt}, ${now})`,
            })
            .where(scope.where(posts, eq(posts.authorId, memberId))),
        ]
      : []),
    db
      .update(posts)
      .set({ authorId: null })
      .where(scope.where(posts, eq(posts.authorId, memberId))),
    db
      .update(threads)
      .set({ authorId: null })
      .where(scope.where(threads, eq(threads.authorId, memberId))),
    db
      .update(postRevisions)
      .set({ editorId: null })
      .where(scope.where(postRevisions, eq(postRevisions.editorId, memberId))),
    db
      .update(posts)
      .set({ likeCount: sql`${posts.likeCount} - 1` })
      .where(
        scope.where(
          posts,
          sql`${posts.id} IN (SELECT ${reactions.postId} FROM ${reactions} WHERE ${reactions.siteId} = ${scope.siteId} AND ${reactions.memberId} = ${memberId})`,
        ),
      ),
    db.delete(reactions).where(scope.where(reactions, eq(reactions.memberId, memberId))),
    db
      .update(flags)
      .set({ memberId: null })
      .where(scope.where(flags, eq(flags.memberId, memberId))),
    db.delete(watches).where(scope.where(watches, eq(watches.memberId, memberId))),
    db
      .delete(notifications)
      .where(scope.where(notifications, eq(notifications.memberId, memberId))),
  ]
}

/**
 * Deletes the signed-in member's account after checking their password (403 INVALID_PASSWORD),
 * or for a member who has none, that they signed in recently (403 REAUTHENTICATION_REQUIRED):
 * a session left open on a shared computer must not be enough to erase someone. Without the
 * second way a member who joined by link, passkey or provider could never leave. One batch:
 * onMemberDeleted's statements, sessions and tokens, the member row, and a last email to the
 * address. Sessions and tokens are deleted explicitly rather than left to `ON DELETE CASCADE`,
 * which only holds where the connection enforces foreign keys. The address is free again at once.
 */
export async function deleteAccount(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'limiter' | 'passwords'>,
  site: ResolvedSite,
  auth: MemberAuth,
  password: string | undefined,
): Promise<void> {
  const { db, clock } = deps
  const { scope } = site
  const { member } = auth
  await confirmItIsTheMember(deps, site, auth, password)
  await db.batch([
    db.delete(sessions).where(scope.where(sessions, eq(sessions.memberId, member.id))),
    ...onMemberDeleted(db, scope, member.id, site.auth.deletedMemberPosts, clock.now()),
    db.delete(memberTokens).where(scope.where(memberTokens, eq(memberTokens.memberId, member.id))),
    ...twoFactorRowsOf(db, scope, member.id),
    db.delete(members).where(scope.where(members, eq(members.id, member.id))),
    enqueue(db, clock, scope, accountDeletedMail(site, member.email)),
  ])
}

import { and, asc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { members, memberTokens, outbox, posts, submissions, threads } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { TokenPurpose } from './member-tokens.ts'

// The drizzle side of password recovery and account management. Statements meant for a batch
// are returned unexecuted, so the service can commit them together with the emails they cause.

/** A statement `db.batch([...])` accepts. */
export type Statement = BatchItem<'sqlite'>

export { peekMemberToken } from './member-tokens.ts'

/** Marks the member's unused tokens for `purposes` as used: links already mailed stop working. */
export function spendPendingTokens(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  memberId: string,
  purposes: TokenPurpose[],
) {
  return db
    .update(memberTokens)
    .set({ usedAt: clock.now() })
    .where(
      scope.where(
        memberTokens,
        eq(memberTokens.memberId, memberId),
        inArray(memberTokens.purpose, purposes),
        isNull(memberTokens.usedAt),
      ),
    )
}

/** A new password hash; `markVerified` also records that the member controls their address. */
export function setPasswordHash(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  memberId: string,
  passwordHash: string,
  options: { markVerified: boolean },
) {
  const now = clock.now()
  return db
    .update(members)
    .set({
      passwordHash,
      updatedAt: now,
      ...(options.markVerified && {
        emailVerifiedAt: sql`coalesce(${members.emailVerifiedAt}, ${now})`,
      }),
    })
    .where(scope.where(members, eq(members.id, memberId)))
}

/** Another member of the site whose username compares equal to `key`. */
export async function otherMemberWithUsername(
  db: Database,
  scope: SiteScope,
  key: string,
  memberId: string,
) {
  const [row] = await db
    .select({ id: members.id })
    .from(members)
    .where(scope.where(members, eq(members.usernameKey, key), ne(members.id, memberId)))
  return row ?? null
}

export function updateMember(
  db: Database,
  scope: SiteScope,
  memberId: string,
  values: Partial<typeof members.$inferInsert>,
) {
  return db
    .update(members)
    .set(values)
    .where(scope.where(members, eq(members.id, memberId)))
    .returning()
}

/**
 * What the member sent through the site's forms while signed in: what they typed and the
 * connection details stored with it. Not the owner's handling of it (status, spam reasons).
 */
export function submissionsForExport(db: Database, scope: SiteScope, memberId: string) {
  return db
    .select({
      id: submissions.id,
      formId: submissions.formId,
      data: submissions.data,
      email: submissions.email,
      ip: submissions.ip,
      userAgent: submissions.userAgent,
      createdAt: submissions.createdAt,
    })
    .from(submissions)
    .where(scope.where(submissions, eq(submissions.memberId, memberId)))
    .orderBy(asc(submissions.createdAt), asc(submissions.id))
}

/**
 * Two writes that match no row, for the path of a request that has nothing to write (a reset
 * for an unknown address): the same kind of write transaction as the real path, so the two take
 * comparable time. The conditions can never hold: ids are never empty.
 */
export function writesMatchingNothing(
  db: Database,
  clock: Clock,
  scope: SiteScope,
): [Statement, ...Statement[]] {
  const never: SQL = sql`0`
  return [
    db
      .update(memberTokens)
      .set({ usedAt: clock.now() })
      .where(scope.where(memberTokens, eq(memberTokens.id, ''), never)),
    db
      .update(outbox)
      .set({ updatedAt: clock.now() })
      .where(scope.where(outbox, and(eq(outbox.id, ''), never))),
  ]
}

/** SQLite's answer when an update would break a unique index (a race the pre-check lost). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed/i.test(e.message)) return true
  }
  return false
}

/** The member's forum posts for their data export: what they wrote, where, and when. */
export function postsForExport(db: Database, scope: SiteScope, memberId: string) {
  return db
    .select({
      id: posts.id,
      threadId: posts.threadId,
      threadTitle: threads.title,
      number: posts.number,
      body: posts.bodySource,
      createdAt: posts.createdAt,
      editedAt: posts.editedAt,
      deletedAt: posts.deletedAt,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(scope.where(posts, eq(posts.authorId, memberId)))
    .orderBy(asc(posts.createdAt))
}

/** Moves the version (the posts list's ETag) of every thread the member wrote in. */
export function bumpThreadsWrittenIn(db: Database, scope: SiteScope, memberId: string) {
  return db
    .update(threads)
    .set({ version: sql`${threads.version} + 1` })
    .where(
      scope.where(
        threads,
        sql`${threads.id} IN (SELECT ${posts.threadId} FROM ${posts} WHERE ${posts.siteId} = ${scope.siteId} AND ${posts.authorId} = ${memberId})`,
      ),
    )
}

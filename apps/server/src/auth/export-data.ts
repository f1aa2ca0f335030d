import { asc, eq } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { memberIdentities, memberPasskeys } from '../db/schema.ts'
import type { MemberAuth, ResolvedSite } from '../http/env.ts'
import type { SiteScope } from '../sites/scope.ts'
import { postsForExport, submissionsForExport } from './account-queries.ts'
import type { AccountExport } from './account-schemas.ts'
import type { AuthDeps } from './deps.ts'
import { ownAccount } from './members.ts'
import { listOwnSessions } from './own-sessions.ts'
import type { SessionMember } from './sessions.ts'

// "Take your data with you" (GDPR art. 15 and 20): everything the site holds about the member,
// as one JSON document. Built from explicit column lists, never `SELECT *`, so a secret added to
// a table later (a hash, a token) cannot slip into a download.

type SubmittedFields = AccountExport['submissions'][number]['data']

/** The export's file name, e.g. `porchlight-account-mem_….json`. */
export function exportFileName(memberId: string) {
  return `porchlight-account-${memberId}.json`
}

/** Passkeys by name and use: the public key and credential id are the site's, not personal. */
function passkeysForExport(db: Database, scope: SiteScope, memberId: string) {
  return db
    .select({
      name: memberPasskeys.name,
      createdAt: memberPasskeys.createdAt,
      lastUsedAt: memberPasskeys.lastUsedAt,
    })
    .from(memberPasskeys)
    .where(scope.where(memberPasskeys, eq(memberPasskeys.memberId, memberId)))
    .orderBy(asc(memberPasskeys.createdAt))
}

/** Linked providers: which one and the address it gave (the provider's user id stays out). */
function identitiesForExport(db: Database, scope: SiteScope, memberId: string) {
  return db
    .select({
      providerId: memberIdentities.providerId,
      email: memberIdentities.email,
      createdAt: memberIdentities.createdAt,
    })
    .from(memberIdentities)
    .where(scope.where(memberIdentities, eq(memberIdentities.memberId, memberId)))
    .orderBy(asc(memberIdentities.createdAt))
}

/**
 * The member's profile, live sessions (as `GET /v1/auth/sessions` lists them, the one that asked
 * marked `current`), the contact-form submissions they sent while signed in, every forum post
 * they wrote (with its markdown source and thread), deleted ones included, their passkeys and
 * their linked sign-in providers.
 * Times are epoch milliseconds, like everywhere else in the API.
 */
export function exportAccountData(
  deps: Pick<AuthDeps, 'db' | 'clock'>,
  site: ResolvedSite,
  auth: MemberAuth,
): Promise<AccountExport> {
  return exportMemberData(deps, site, auth.member, auth.session.id)
}

/**
 * The same document for any member of the site: the member's own download, or the site owner's
 * copy of it (`GET /v1/admin/members/{id}/export`, no session `current`), so that an owner
 * answering a data request hands over exactly what the member would get.
 */
export async function exportMemberData(
  deps: Pick<AuthDeps, 'db' | 'clock'>,
  site: ResolvedSite,
  member: SessionMember,
  currentSessionId: string | null,
): Promise<AccountExport> {
  const { db, clock } = deps
  const now = clock.now()
  const [sessions, submissions, posts, passkeys, identities] = await Promise.all([
    listOwnSessions(db, site, member.id, currentSessionId, now),
    submissionsForExport(db, site.scope, member.id),
    postsForExport(db, site.scope, member.id),
    passkeysForExport(db, site.scope, member.id),
    identitiesForExport(db, site.scope, member.id),
  ])
  return {
    exportedAt: now,
    site: { id: site.id, name: site.name },
    account: ownAccount(member, now),
    sessions,
    // Stored by contact/submit.ts from fields it accepted: strings, or lists of strings.
    submissions: submissions.map((s) => ({ ...s, data: s.data as SubmittedFields })),
    posts,
    passkeys,
    identities,
  }
}

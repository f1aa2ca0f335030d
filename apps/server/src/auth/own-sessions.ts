import { and, eq } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { sessions } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { AuthErrors } from './errors.ts'
import type { OwnSession, SessionView } from './schemas.ts'
import { type Session, sessionExpiresAt, sessionsOfMember } from './sessions.ts'

/** How a session describes itself to its owner (`GET /v1/auth/session`). */
export function sessionView(session: Session, site: ResolvedSite): SessionView {
  return {
    id: session.id,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    expiresAt: sessionExpiresAt(session, site.auth),
    transport: session.transport,
  }
}

/**
 * A member's live sessions, most recently used first, the one making the request marked
 * `current` (none when the site owner asks). Expired sessions not yet swept (they are deleted
 * when next presented) are left out.
 */
export async function listOwnSessions(
  db: Database,
  site: ResolvedSite,
  memberId: string,
  currentId: string | null,
  now: number,
): Promise<OwnSession[]> {
  const found = await sessionsOfMember(db, site.scope, memberId)
  return found
    .map(
      (s): OwnSession => ({
        id: s.id,
        current: s.id === currentId,
        createdAt: s.createdAt,
        lastUsedAt: s.lastUsedAt,
        expiresAt: sessionExpiresAt(s, site.auth),
        userAgent: s.userAgent,
        ip: s.ip,
        transport: s.transport,
      }),
    )
    .filter((s) => s.expiresAt > now)
    .sort((a, b) => b.lastUsedAt - a.lastUsedAt || a.id.localeCompare(b.id))
}

/** Ends one of the member's own sessions; another member's (or site's) is `404`, as if absent. */
export async function revokeOwnSession(
  db: Database,
  site: ResolvedSite,
  memberId: string,
  sessionId: string,
): Promise<void> {
  const deleted = await db
    .delete(sessions)
    .where(
      site.scope.where(sessions, and(eq(sessions.id, sessionId), eq(sessions.memberId, memberId))),
    )
    .returning({ id: sessions.id })
  if (deleted.length === 0) throw AuthErrors.sessionNotFound()
}

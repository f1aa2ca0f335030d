import { and, eq, ne, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { ofSite } from '../db/prepared-read.ts'
import { members, sessions } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { MemberStatus } from './admin-schemas.ts'
import type { AuthSettings } from './settings.ts'
import { newToken, splitToken, tokenSecretMatches } from './tokens.ts'

const dayMs = 86_400_000
/** Reading a session writes its last-used time at most this often. */
const touchEveryMs = 3_600_000

export type SessionTransport = 'bearer' | 'cookie'

export type Session = {
  id: string
  memberId: string
  transport: SessionTransport
  createdAt: number
  lastUsedAt: number
}

export type SessionMember = typeof members.$inferSelect

export async function createSession(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  input: { memberId: string; transport: SessionTransport; userAgent?: string; ip?: string },
) {
  const { id, token, secretHash } = newToken()
  const now = clock.now()
  await db.insert(sessions).values({
    id,
    siteId: scope.siteId,
    memberId: input.memberId,
    secretHash,
    transport: input.transport,
    createdAt: now,
    lastUsedAt: now,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    ip: input.ip ?? null,
  })
  return {
    token,
    session: {
      id,
      memberId: input.memberId,
      transport: input.transport,
      createdAt: now,
      lastUsedAt: now,
    },
  }
}

/** When a session ends: `inactivity` days after its last use, or `absolute` days after it began. */
export function sessionExpiresAt(
  session: Pick<Session, 'createdAt' | 'lastUsedAt'>,
  settings: AuthSettings,
) {
  return Math.min(
    session.lastUsedAt + settings.sessionInactivityDays * dayMs,
    session.createdAt + settings.sessionAbsoluteDays * dayMs,
  )
}

/**
 * The session and its member by the session's id, within the caller's site: every signed-in
 * request reads it, so it is built once per database with drizzle's `.prepare()` (the site and
 * the id are placeholders bound on each run) instead of per request. Drizzle still maps the
 * rows, so the member comes back exactly as a built-per-call query gives it. It reads the
 * database on every call: nothing about a session is cached, so a revoked session fails on the
 * very next request.
 */
function buildSessionRead(db: Database) {
  return db
    .select({ session: sessions, member: members })
    .from(sessions)
    .innerJoin(members, eq(members.id, sessions.memberId))
    .where(ofSite(sessions, eq(sessions.id, sql.placeholder('sessionId'))))
    .prepare()
}
const sessionReads = new WeakMap<Database, ReturnType<typeof buildSessionRead>>()

function sessionWithMember(db: Database, scope: SiteScope, sessionId: string) {
  let read = sessionReads.get(db)
  if (!read) {
    read = buildSessionRead(db)
    sessionReads.set(db, read)
  }
  return read.all({ siteId: scope.siteId, sessionId })
}

/**
 * The session and member a token belongs to, or `null` when the token is malformed, unknown,
 * from another site, expired, or its member may no longer sign in. Expired sessions are deleted
 * on sight. Invalid state is `null`, never an exception: the caller decides what a guest gets.
 */
export async function validateSessionToken(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  settings: AuthSettings,
  token: string,
): Promise<{ session: Session; member: SessionMember } | null> {
  const parts = splitToken(token)
  if (!parts) return null
  const [row] = await sessionWithMember(db, scope, parts.id)
  if (!row || !tokenSecretMatches(parts.secret, row.session.secretHash)) return null
  const now = clock.now()
  const { session, member } = row
  if (now >= sessionExpiresAt(session, settings) || !canSignIn(member, now)) {
    await db.delete(sessions).where(scope.where(sessions, eq(sessions.id, session.id)))
    return null
  }
  if (now - session.lastUsedAt >= touchEveryMs) {
    await db
      .update(sessions)
      .set({ lastUsedAt: now })
      .where(scope.where(sessions, eq(sessions.id, session.id)))
    session.lastUsedAt = now
  }
  return {
    session: {
      id: session.id,
      memberId: session.memberId,
      transport: session.transport,
      createdAt: session.createdAt,
      lastUsedAt: session.lastUsedAt,
    },
    member,
  }
}

/** Suspended (until a time) and banned members cannot sign in or keep a session. */
export function canSignIn(member: Pick<SessionMember, 'status' | 'suspendedUntil'>, now: number) {
  if (member.status === 'banned') return false
  if (member.status === 'suspended')
    return member.suspendedUntil !== null && member.suspendedUntil <= now
  return true
}

/**
 * The status in force at `now`, as `canSignIn` applies it: a suspension whose time has passed is
 * `active` with no end date, though its row still says `suspended`. Members and owners are both
 * shown this, so nobody who can sign in is told they are suspended.
 */
export function statusInForce(
  member: Pick<SessionMember, 'status' | 'suspendedUntil'>,
  now: number,
): { status: MemberStatus; suspendedUntil: number | null } {
  if (member.status === 'banned') return { status: 'banned', suspendedUntil: null }
  if (member.status === 'suspended' && !canSignIn(member, now)) {
    return { status: 'suspended', suspendedUntil: member.suspendedUntil }
  }
  return { status: 'active', suspendedUntil: null }
}

export function deleteSession(db: Database, scope: SiteScope, sessionId: string) {
  return db.delete(sessions).where(scope.where(sessions, eq(sessions.id, sessionId)))
}

/** Ends every session of a member, or every one but `keep` ("sign out other devices"). */
export function deleteMemberSessions(
  db: Database,
  scope: SiteScope,
  memberId: string,
  keep?: string,
) {
  return db
    .delete(sessions)
    .where(
      scope.where(
        sessions,
        eq(sessions.memberId, memberId),
        keep ? ne(sessions.id, keep) : undefined,
      ),
    )
}

export function sessionsOfMember(db: Database, scope: SiteScope, memberId: string) {
  return db
    .select({
      id: sessions.id,
      transport: sessions.transport,
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
    })
    .from(sessions)
    .where(and(scope.where(sessions, eq(sessions.memberId, memberId))))
}

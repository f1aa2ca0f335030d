import { eq } from 'drizzle-orm'
import { newToken, splitToken, tokenSecretMatches } from '../auth/tokens.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { operatorSessions, operators } from '../db/schema.ts'
import type { OperatorRow } from './queries.ts'
import { operatorSessionLifetime } from './session-lifetime.ts'

// The members' session design (auth/sessions.ts) for operators: a random `<id>.<secret>` token in
// an HttpOnly cookie, only a SHA-256 of the secret stored and compared in constant time, ended by
// inactivity or by age, whichever comes first.

export type OperatorSession = {
  id: string
  operatorId: string
  createdAt: number
  lastUsedAt: number
}

export async function createOperatorSession(
  db: Database,
  clock: Clock,
  input: { operatorId: string; userAgent?: string | undefined; ip?: string },
) {
  const { id, token, secretHash } = newToken()
  const now = clock.now()
  await db.batch([
    db.insert(operatorSessions).values({
      id,
      operatorId: input.operatorId,
      secretHash,
      createdAt: now,
      lastUsedAt: now,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip ?? null,
    }),
    db.update(operators).set({ lastSignInAt: now }).where(eq(operators.id, input.operatorId)),
  ])
  return { token, session: { id, operatorId: input.operatorId, createdAt: now, lastUsedAt: now } }
}

/** When a session ends: after its inactivity timeout, or its absolute lifetime. */
export function operatorSessionExpiresAt(
  session: Pick<OperatorSession, 'createdAt' | 'lastUsedAt'>,
) {
  return Math.min(
    session.lastUsedAt + operatorSessionLifetime.inactivityMs,
    session.createdAt + operatorSessionLifetime.absoluteMs,
  )
}

/**
 * The session and operator a token belongs to, or `null` when the token is malformed, unknown or
 * expired (expired sessions are deleted on sight). Never throws for a bad token.
 */
export async function validateOperatorSession(
  db: Database,
  clock: Clock,
  token: string,
): Promise<{ session: OperatorSession; operator: OperatorRow } | null> {
  const parts = splitToken(token)
  if (!parts) return null
  const [row] = await db
    .select({ session: operatorSessions, operator: operators })
    .from(operatorSessions)
    .innerJoin(operators, eq(operators.id, operatorSessions.operatorId))
    .where(eq(operatorSessions.id, parts.id))
  if (!row || !tokenSecretMatches(parts.secret, row.session.secretHash)) return null
  const now = clock.now()
  const { session, operator } = row
  if (now >= operatorSessionExpiresAt(session)) {
    await deleteOperatorSession(db, session.id)
    return null
  }
  if (now - session.lastUsedAt >= operatorSessionLifetime.touchEveryMs) {
    await db
      .update(operatorSessions)
      .set({ lastUsedAt: now })
      .where(eq(operatorSessions.id, session.id))
    session.lastUsedAt = now
  }
  return {
    session: {
      id: session.id,
      operatorId: session.operatorId,
      createdAt: session.createdAt,
      lastUsedAt: session.lastUsedAt,
    },
    operator,
  }
}

export function deleteOperatorSession(db: Database, sessionId: string) {
  return db.delete(operatorSessions).where(eq(operatorSessions.id, sessionId))
}

/** Ends every session of an operator (a lost phone, a reset from the CLI). */
export function deleteOperatorSessions(db: Database, operatorId: string) {
  return db.delete(operatorSessions).where(eq(operatorSessions.operatorId, operatorId))
}

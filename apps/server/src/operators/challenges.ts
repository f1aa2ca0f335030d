import { and, eq, gt, lt, sql } from 'drizzle-orm'
import { newToken, splitToken, tokenSecretMatches } from '../auth/tokens.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { operatorChallenges } from '../db/schema.ts'
import { challengeLifetimeMs, challengeMaxAttempts } from './session-lifetime.ts'

// The step between a correct password and the TOTP code: a token standing for "this operator
// proved the password a moment ago". Short-lived, good for a few wrong codes, used once.

export async function createChallenge(db: Database, clock: Clock, operatorId: string) {
  const { id, token, secretHash } = newToken()
  const now = clock.now()
  await db.insert(operatorChallenges).values({
    id,
    operatorId,
    secretHash,
    createdAt: now,
    expiresAt: now + challengeLifetimeMs,
  })
  return token
}

/** The challenge a token stands for, while it is unexpired and has attempts left; else `null`. */
export async function liveChallenge(db: Database, clock: Clock, token: string) {
  const parts = splitToken(token)
  if (!parts) return null
  const [row] = await db
    .select()
    .from(operatorChallenges)
    .where(
      and(
        eq(operatorChallenges.id, parts.id),
        gt(operatorChallenges.expiresAt, clock.now()),
        lt(operatorChallenges.attempts, challengeMaxAttempts),
      ),
    )
  if (!row || !tokenSecretMatches(parts.secret, row.secretHash)) return null
  return row
}

export function countWrongCode(db: Database, challengeId: string) {
  return db
    .update(operatorChallenges)
    .set({ attempts: sql`${operatorChallenges.attempts} + 1` })
    .where(eq(operatorChallenges.id, challengeId))
}

/** Spends the challenge; `false` when a parallel request already did. */
export async function spendChallenge(db: Database, challengeId: string): Promise<boolean> {
  const deleted = await db
    .delete(operatorChallenges)
    .where(eq(operatorChallenges.id, challengeId))
    .returning({ id: operatorChallenges.id })
  return deleted.length > 0
}

import { eq, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { operatorChallenges } from '../db/schema.ts'
import { challengeIdOf, challengeIsLive, newChallenge } from '../two-factor/challenge.ts'
import { challengeLifetimeMs, challengeMaxAttempts } from './session-lifetime.ts'

// The step between a correct password and the TOTP code: a token standing for "this operator
// proved the password a moment ago". Short-lived, good for a few wrong codes, used once; the
// rules are shared with members' (two-factor/challenge.ts).

export async function createChallenge(db: Database, clock: Clock, operatorId: string) {
  const { token, record } = newChallenge(clock.now(), challengeLifetimeMs)
  await db.insert(operatorChallenges).values({ ...record, operatorId })
  return token
}

/** The challenge a token stands for, while it is unexpired and has attempts left; else `null`. */
export async function liveChallenge(db: Database, clock: Clock, token: string) {
  const id = challengeIdOf(token)
  if (!id) return null
  const [row] = await db.select().from(operatorChallenges).where(eq(operatorChallenges.id, id))
  return challengeIsLive(row, token, clock.now(), challengeMaxAttempts) ? row : null
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

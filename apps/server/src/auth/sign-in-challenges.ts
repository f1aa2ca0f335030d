import { eq, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { memberSignInChallenges } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import { challengeIdOf, challengeIsLive, newChallenge } from '../two-factor/challenge.ts'

// The step between a first factor (the password, or an emailed link) and the second: a token
// standing for "this member proved the first factor a moment ago". It is no session: it can only
// be traded for one with a TOTP code (or, for staff who must enrol, used to enrol).

/**
 * Long enough to find the phone, or for staff who must enrol to install an authenticator app;
 * short enough that a challenge left in a shared browser is soon worthless.
 */
export const challengeLifetimeMs = 10 * 60_000

/**
 * Wrong codes one challenge takes before the first factor must be given again. The throttle
 * (login-throttle.ts) bounds guesses per member; this bounds one stolen challenge.
 */
export const challengeMaxAttempts = 5

export async function createSignInChallenge(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  memberId: string,
): Promise<{ challenge: string; expiresAt: number }> {
  const { token, record } = newChallenge(clock.now(), challengeLifetimeMs)
  await db.insert(memberSignInChallenges).values({ ...record, siteId: scope.siteId, memberId })
  return { challenge: token, expiresAt: record.expiresAt }
}

/** The challenge a token stands for while unexpired with attempts left; else `null`. */
export async function liveSignInChallenge(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  token: string,
) {
  const id = challengeIdOf(token)
  if (!id) return null
  const [row] = await db
    .select()
    .from(memberSignInChallenges)
    .where(scope.where(memberSignInChallenges, eq(memberSignInChallenges.id, id)))
  return challengeIsLive(row, token, clock.now(), challengeMaxAttempts) ? row : null
}

export function countWrongCode(db: Database, scope: SiteScope, challengeId: string) {
  return db
    .update(memberSignInChallenges)
    .set({ attempts: sql`${memberSignInChallenges.attempts} + 1` })
    .where(scope.where(memberSignInChallenges, eq(memberSignInChallenges.id, challengeId)))
}

/** Spends the challenge; `false` when a parallel request already did. */
export async function spendSignInChallenge(
  db: Database,
  scope: SiteScope,
  challengeId: string,
): Promise<boolean> {
  const deleted = await db
    .delete(memberSignInChallenges)
    .where(scope.where(memberSignInChallenges, eq(memberSignInChallenges.id, challengeId)))
    .returning({ id: memberSignInChallenges.id })
  return deleted.length > 0
}

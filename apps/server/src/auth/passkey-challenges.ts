import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase64urlNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { eq, gt, isNull } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { passkeyChallenges } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'

// The random challenge a passkey signs, so an old answer cannot be played again. Only its
// SHA-256 is stored: someone reading the table (a backup, a log of queries) cannot answer for
// a live challenge. Spent by a delete, so two requests with the same answer cannot both win.

/** Time to find the authenticator and touch it, or to fill a form with conditional UI open. */
export const passkeyChallengeLifetimeMs = 5 * 60_000

export type PasskeyPurpose = 'register' | 'sign_in'

function challengeId(challenge: Uint8Array) {
  return encodeHexLowerCase(sha256(challenge))
}

/** A fresh challenge (base64url, as WebAuthn's JSON forms carry it) and when it expires. */
export async function createPasskeyChallenge(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  purpose: PasskeyPurpose,
  memberId: string | null,
): Promise<{ challenge: string; expiresAt: number }> {
  // 32 bytes: WebAuthn asks for at least 16 random bytes.
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  const now = clock.now()
  const expiresAt = now + passkeyChallengeLifetimeMs
  await db.insert(passkeyChallenges).values({
    id: challengeId(bytes),
    siteId: scope.siteId,
    memberId,
    purpose,
    createdAt: now,
    expiresAt,
  })
  return { challenge: encodeBase64urlNoPadding(bytes), expiresAt }
}

/**
 * Spends the challenge the client data carries, if it is live and was made for this purpose
 * (and, for a registration, this member); `false` otherwise. Spent whatever comes next, so one
 * answer is checked at most once.
 */
export async function spendPasskeyChallenge(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  challenge: Uint8Array,
  purpose: PasskeyPurpose,
  memberId: string | null,
): Promise<boolean> {
  const spent = await db
    .delete(passkeyChallenges)
    .where(
      scope.where(
        passkeyChallenges,
        eq(passkeyChallenges.id, challengeId(challenge)),
        eq(passkeyChallenges.purpose, purpose),
        gt(passkeyChallenges.expiresAt, clock.now()),
        memberId === null
          ? isNull(passkeyChallenges.memberId)
          : eq(passkeyChallenges.memberId, memberId),
      ),
    )
    .returning({ id: passkeyChallenges.id })
  return spent.length > 0
}

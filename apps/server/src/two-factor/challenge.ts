import { newToken, splitToken, tokenSecretMatches } from '../auth/tokens.ts'

// Shared by operators (operators/challenges.ts) and members (auth/sign-in-challenges.ts).
// A challenge is the step between a first factor and the TOTP code: a token standing for "this
// account proved its first factor a moment ago". It is no session: short-lived, good for a few
// wrong codes, spent once. Its secret is stored hashed like every token (auth/tokens.ts).

/** A challenge as stored; each kind of account adds whose it is. */
export type ChallengeRecord = {
  id: string
  secretHash: string
  attempts: number
  createdAt: number
  expiresAt: number
}

/** A new challenge: the token to hand out once, and the record to store. */
export function newChallenge(
  now: number,
  lifetimeMs: number,
): { token: string; record: Omit<ChallengeRecord, 'attempts'> } {
  const { id, token, secretHash } = newToken()
  return { token, record: { id, secretHash, createdAt: now, expiresAt: now + lifetimeMs } }
}

/** The id a challenge token names, to look its record up by; `null` for a malformed token. */
export function challengeIdOf(token: string): string | null {
  return splitToken(token)?.id ?? null
}

/**
 * Whether `token` is the live challenge `record`: its secret matches, it has not expired, and
 * it has not used up its wrong codes (the throttle bounds guesses per account; this bounds one
 * stolen challenge).
 */
export function challengeIsLive<
  R extends Pick<ChallengeRecord, 'secretHash' | 'attempts' | 'expiresAt'>,
>(record: R | undefined, token: string, now: number, maxAttempts: number): record is R {
  const parts = splitToken(token)
  return (
    parts !== null &&
    record !== undefined &&
    record.expiresAt > now &&
    record.attempts < maxAttempts &&
    tokenSecretMatches(parts.secret, record.secretHash)
  )
}

import { hmac } from '@oslojs/crypto/hmac'
import { SHA256, sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding'
import { createChallenge as createAltchaChallenge } from 'altcha-lib/v1'
import { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { spentTokens } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'

// Proof of work in ALTCHA's v1 format, so the browser side can be the ALTCHA widget or a
// twenty-line solver. The server picks a random `number` ≤ maxnumber and sends
// `challenge = SHA-256(salt + number)` with an HMAC of it; the client finds `number` by trying
// them in turn (about maxnumber / 2 hashes on average), the server checks it with one hash and
// one HMAC. SHA-256 rather than ALTCHA v2's PBKDF2/scrypt/Argon2 because Workers caps PBKDF2 at
// 100k iterations and has no Argon2; the cost of a search over numbers needs neither.
//
// altcha-lib/v1 uses only Web Crypto, TextEncoder, atob and URLSearchParams (no node:
// built-ins), so it runs unchanged on Workers. We use it to make challenges, but verify here,
// recomputing them with @oslojs/crypto: its own verifySolution reads Date.now() rather than our
// clock, compares the signature with `===`, and does not know that a solution may be accepted
// only once.

export type ProofOfWorkChallenge = {
  algorithm: 'SHA-256'
  challenge: string
  maxnumber: number
  /** Random hex, then `?expires=<unix seconds>&`: the expiry is inside what is hashed and signed. */
  salt: string
  signature: string
}

export type ProofOfWorkResult = 'ok' | 'invalid' | 'expired' | 'replayed'

export type ChallengeOptions = {
  /** The clock's time; required so a challenge's expiry follows the injected clock. */
  now: number
  /** Upper bound of the secret number: the client's average cost is maxNumber / 2 hashes. */
  maxNumber?: number
  expiresInSeconds?: number
}

const encoder = new TextEncoder()

/**
 * A challenge for the site's form page or SDK to solve, signed with the site's secret.
 * 100k numbers take a browser roughly a tenth to a half of a second; a spammer pays that for
 * every single submission, as each solution is accepted only once.
 *
 * @example await createChallenge(site.signingSecret, { now: clock.now() })
 */
export async function createChallenge(
  secret: string,
  { now, maxNumber = 100_000, expiresInSeconds = 600 }: ChallengeOptions,
): Promise<ProofOfWorkChallenge> {
  if (secret === '') throw new Error('createChallenge: the site has no signing secret')
  if (!Number.isSafeInteger(maxNumber) || maxNumber < 1) {
    throw new Error('createChallenge: maxNumber must be a positive integer')
  }
  const challenge = await createAltchaChallenge({
    algorithm: 'SHA-256',
    hmacKey: secret,
    maxNumber,
    expires: new Date(now + expiresInSeconds * 1000),
  })
  return {
    algorithm: 'SHA-256',
    challenge: challenge.challenge,
    maxnumber: maxNumber,
    salt: challenge.salt,
    signature: challenge.signature,
  }
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/)

/** What a solver sends back, base64-encoded JSON; extra keys (the widget's `took`) are ignored. */
const payloadSchema = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: hex64,
  number: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  // Ours always end with `&`, which keeps `number` from being read as part of a parameter.
  salt: z
    .string()
    .max(200)
    .regex(/^[0-9a-f]+\?(.*&)?expires=\d+&$/),
  signature: hex64,
})

export type ProofOfWorkPayload = z.infer<typeof payloadSchema>

/** The `altcha` value a solver submits: base64 of the JSON payload. */
export function encodeProofOfWork(payload: ProofOfWorkPayload): string {
  return btoa(JSON.stringify(payload))
}

function decodeProofOfWork(value: string): ProofOfWorkPayload | null {
  if (value.length > 1000) return null
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(atob(value)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function equalHex(a: string, b: string): boolean {
  return a.length === b.length && constantTimeEqual(encoder.encode(a), encoder.encode(b))
}

/** A genuine, unexpired solution, to be spent (`spentTokens`) with the change it allows. */
export type ProofOfWorkSpend = { tokenHash: string; expiresAt: number }

/**
 * Checks a solution without spending it: `invalid` (malformed, wrong number, or not signed with
 * this site's secret), `expired` (genuine but past its expiry), or the token to spend. The spend
 * goes into the same batch as the submission (`contact/submission-write.ts`), which tells a replay
 * from a first use; `verifyProofOfWork` does both at once. Never throws for a bad payload.
 */
export async function checkProofOfWork(
  clock: Clock,
  secret: string,
  value: string,
): Promise<{ result: 'invalid' | 'expired' } | { result: 'valid'; spend: ProofOfWorkSpend }> {
  const payload = decodeProofOfWork(value)
  if (!payload || secret === '') return { result: 'invalid' }
  // The challenge ALTCHA v1 defines, recomputed synchronously: SHA-256(salt + number), signed
  // with HMAC-SHA-256 over its hex. Web Crypto would cost three async jobs per submission
  // (digest, importKey, sign), several times the hashing itself for inputs this small.
  const challenge = encodeHexLowerCase(sha256(encoder.encode(payload.salt + payload.number)))
  const signature = encodeHexLowerCase(
    hmac(SHA256, encoder.encode(secret), encoder.encode(challenge)),
  )
  // Both checks always run, so timing does not say which one failed.
  const challengeMatches = equalHex(challenge, payload.challenge)
  const signatureMatches = equalHex(signature, payload.signature)
  if (!challengeMatches || !signatureMatches) return { result: 'invalid' }

  const expiresAt = Number(new URLSearchParams(payload.salt.split('?')[1]).get('expires')) * 1000
  if (!(expiresAt >= clock.now())) return { result: 'expired' }
  return { result: 'valid', spend: { tokenHash: hashChallenge(payload.challenge), expiresAt } }
}

/**
 * Checks a solution and spends it. `invalid` and `expired` as `checkProofOfWork`; `replayed`:
 * genuine but already accepted once. Never throws for a bad payload; database errors propagate.
 *
 * Spending is one `INSERT … ON CONFLICT DO NOTHING RETURNING`: of two concurrent submissions
 * with the same solution, exactly one inserts the row and passes.
 */
export async function verifyProofOfWork(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  secret: string,
  value: string,
): Promise<ProofOfWorkResult> {
  const checked = await checkProofOfWork(clock, secret, value)
  if (checked.result !== 'valid') return checked.result
  return (await spendProofOfWork(db, scope, checked.spend)) ? 'ok' : 'replayed'
}

/** Spends a checked solution on its own; false when it had been spent already (a replay). */
export async function spendProofOfWork(db: Database, scope: SiteScope, spend: ProofOfWorkSpend) {
  const [spent] = await db
    .insert(spentTokens)
    .values({ siteId: scope.siteId, ...spend })
    .onConflictDoNothing({ target: [spentTokens.siteId, spentTokens.tokenHash] })
    .returning({ tokenHash: spentTokens.tokenHash })
  return spent !== undefined
}

function hashChallenge(challenge: string): string {
  return encodeHexLowerCase(sha256(encoder.encode(challenge)))
}

/**
 * The reference solver, for tests and tools: tries 0, 1, 2, … with a synchronous SHA-256,
 * which in Node is ten times faster than awaiting `crypto.subtle.digest` per try (about 3 µs
 * against 30–60 µs), and yields every few thousand tries. Any ALTCHA v1 solver works as well;
 * a page uses the ALTCHA widget or the embed script's solver.
 *
 * @example const solved = await solveChallenge(await createChallenge(secret, { now }))
 */
export async function solveChallenge(
  challenge: ProofOfWorkChallenge,
): Promise<{ number: number; payload: string } | null> {
  const target = decodeHex(challenge.challenge)
  const salt = challenge.salt
  for (let number = 0; number <= challenge.maxnumber; number++) {
    if (number % 5000 === 4999) await new Promise((resolve) => setTimeout(resolve, 0))
    const digest = sha256(encoder.encode(salt + number))
    if (digest.every((byte, i) => byte === target[i])) {
      const { algorithm, challenge: hash, signature } = challenge
      return {
        number,
        payload: encodeProofOfWork({ algorithm, challenge: hash, number, salt, signature }),
      }
    }
  }
  return null
}

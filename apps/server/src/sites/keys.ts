import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { randomToken } from '../ids.ts'

// Publishable keys identify a site from a web page, so they are public and stored as is.
// Secret keys are `sk_<id>_<secret>`: the id finds the row, and only a SHA-256 of the secret is
// stored, compared in constant time — the same design as sessions. 160 random bits of secret
// make online guessing pointless, so a plain fast hash is enough (no password hashing needed).

const secretKeyPattern = /^sk_([a-z2-7]{16})_([a-z2-7]{32})$/

export function newPublishableKey(): string {
  return `pk_${randomToken(15)}`
}

export function newSecretKey(): { id: string; key: string; secretHash: string } {
  const id = randomToken(10)
  const secret = randomToken(20)
  return { id, key: `sk_${id}_${secret}`, secretHash: hashSecret(secret) }
}

/** Splits a presented key into its lookup id and secret; `null` when it is not shaped like one. */
export function parseSecretKey(key: string): { id: string; secret: string } | null {
  const match = secretKeyPattern.exec(key)
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null
}

export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)))
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = new TextEncoder().encode(hashSecret(secret))
  const stored = new TextEncoder().encode(storedHash)
  return presented.length === stored.length && constantTimeEqual(presented, stored)
}

/** How a secret key is shown after creation: enough to recognise it, useless to an attacker. */
export function secretKeyHint(id: string): string {
  return `sk_${id}_…`
}

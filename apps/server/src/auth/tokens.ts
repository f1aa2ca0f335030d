import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { randomToken } from '../ids.ts'

// Session tokens and emailed tokens share one shape, after Lucia: `<id>.<secret>`. The id is a
// random lookup key; only SHA-256 of the secret is stored, and it is compared in constant time,
// so a database leak yields no usable token and lookups leak nothing through timing. 20 random
// bytes in each part: 160 bits, beyond guessing.

export type SplitToken = { id: string; secret: string }

export function newToken(): SplitToken & { token: string; secretHash: string } {
  const id = randomToken(20)
  const secret = randomToken(20)
  return { id, secret, token: `${id}.${secret}`, secretHash: hashTokenSecret(secret) }
}

export function splitToken(token: string): SplitToken | null {
  const match = /^([a-z2-7]{32})\.([a-z2-7]{32})$/.exec(token)
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null
}

export function hashTokenSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)))
}

export function tokenSecretMatches(secret: string, storedHash: string): boolean {
  const a = new TextEncoder().encode(hashTokenSecret(secret))
  const b = new TextEncoder().encode(storedHash)
  return a.length === b.length && constantTimeEqual(a, b)
}

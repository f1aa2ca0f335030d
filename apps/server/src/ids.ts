import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'

/** Random bytes as lower-case base32: URL-safe, case-insensitive, no look-alike padding. */
export function randomToken(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)))
}

/**
 * A random id prefixed by its type (`site_…`, `job_…`). Random rather than sequential so ids
 * reveal neither volume nor order, and cannot be guessed. 15 bytes = 120 bits, 24 characters.
 */
export function newId<P extends string>(prefix: P): `${P}_${string}` {
  return `${prefix}_${randomToken(15)}`
}

// Shared by operators (the console) and members (auth/totp-*.ts).
import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'

// Recovery codes stand in for the phone once each. 80 random bits apiece (16 base32 letters)
// make them unguessable online and too costly to recover from their SHA-256 offline, so a fast
// hash is enough, as for tokens. Shown grouped by four for reading aloud; accepted with or
// without the dashes, in any case.

export const recoveryCodeCount = 10

export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const letters = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)))
    return letters.match(/.{4}/g)?.join('-') ?? letters
  })
}

/** The stored form of a code as typed: dashes and spaces dropped, lower-cased, hashed. */
export function hashRecoveryCode(code: string): string {
  const normalised = code.replace(/[\s-]/g, '').toLowerCase()
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normalised)))
}

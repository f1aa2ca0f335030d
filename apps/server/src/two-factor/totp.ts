import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding'
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp'
import { renderSVG } from 'uqr'

// Shared by operators (the console) and members (auth/totp-*.ts).
// TOTP as every authenticator app speaks it (RFC 6238 defaults): HMAC-SHA1, 30-second steps,
// 6 digits, a 160-bit key. Checked against the app's clock (so tests can move it), a step either
// side to forgive a phone a little off, and each step accepted once: a code seen over a
// shoulder or in a log cannot be used again.

const stepMs = 30_000
const digits = 6
/** Steps either side of now: ±30 s of drift between the phone and the server. */
const driftSteps = 1

/** A new TOTP key, as the base32 text authenticator apps are given. */
export function newTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)))
}

/**
 * The time step `code` belongs to, if it is a current code of `secret` for a step after
 * `lastStep` (the last one accepted), else `null`. Store the step as the new `lastStep`.
 */
export function acceptedTotpStep(
  secret: string,
  code: string,
  now: number,
  lastStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const key = decodeBase32IgnorePadding(secret)
  const current = Math.floor(now / stepMs)
  for (let step = current - driftSteps; step <= current + driftSteps; step++) {
    if (lastStep !== null && step <= lastStep) continue
    if (verifyHOTP(key, BigInt(step), digits, code)) return step
  }
  return null
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, issuer: string, accountName: string): string {
  return createTOTPKeyURI(
    issuer,
    accountName,
    decodeBase32IgnorePadding(secret),
    stepMs / 1000,
    digits,
  )
}

/**
 * The URI as an SVG QR code, drawn on the server so the key never goes to a third-party QR
 * service. Black on white in any page theme: scanners need the contrast.
 */
export function totpQrSvg(uri: string): string {
  return renderSVG(uri, { ecc: 'M', border: 2, pixelSize: 6 })
}

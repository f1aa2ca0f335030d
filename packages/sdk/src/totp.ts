import type { Account } from './auth.ts'
import type { CallOptions } from './core.ts'

/**
 * A new key for an authenticator app, from {@link Totp.setup}: show the QR code (an SVG drawn by
 * the server) and the key as text for typing in.
 *
 * @example
 * const { qrSvg, secret } = await auth.totp.setup()
 */
export interface TotpSetup {
  /** The key in base32. */
  secret: string
  /** The `otpauth://` URI the QR code holds. */
  uri: string
  qrSvg: string
}

/**
 * The member's two-factor state, from {@link Totp.status}.
 *
 * @example
 * const { enabled, recoveryCodesLeft } = await auth.totp.status()
 */
export interface TotpStatus {
  /** The site lets members turn TOTP on. */
  available: boolean
  enabled: boolean
  /** The site requires it of this member's role (moderators and admins). */
  required: boolean
  recoveryCodesLeft: number
}

/**
 * Two-factor sign-in with an authenticator app (TOTP), at `auth.totp`. Every method also takes
 * `{ signal, headers }` last.
 *
 * @example
 * try {
 *   await auth.login({ email, password })
 * } catch (error) {
 *   if (error.code === 'SECOND_STEP_REQUIRED') await auth.totp.signIn({ code: typedCode })
 * }
 */
export interface Totp {
  /**
   * Whether TOTP is on, required, and how many recovery codes are left.
   *
   * @throws {PorchlightError} `SIGN_IN_REQUIRED` (401).
   * @example
   * const status = await auth.totp.status()
   */
  status(options?: CallOptions): Promise<TotpStatus>
  /**
   * Starts turning TOTP on: a new key, pending until {@link Totp.confirm}. Signed in, or right
   * after a sign-in that needs enrolment first (`fields.step === 'totp_setup_required'`).
   *
   * @throws {PorchlightError} `TOTP_ALREADY_ENABLED` (409), `TOTP_UNAVAILABLE` (403).
   * @example
   * const { qrSvg } = await auth.totp.setup()
   */
  setup(options?: CallOptions): Promise<TotpSetup>
  /**
   * Confirms the key with the app's current code and answers ten recovery codes to show once.
   * After a sign-in that needed enrolment, this also signs in.
   *
   * @throws {PorchlightError} `VALIDATION_FAILED` (422, `fields.code`) for a wrong code;
   *   `TOTP_SETUP_NOT_STARTED` (409).
   * @example
   * const { recoveryCodes } = await auth.totp.confirm('123456')
   */
  confirm(code: string, options?: CallOptions): Promise<{ recoveryCodes: string[] }>
  /**
   * Finishes a sign-in that asked for the second step, with the app's code or a recovery code
   * (then spent). Keeps the session like {@link Auth.login}.
   *
   * @throws {PorchlightError} `INVALID_TOTP_CODE` (401) for a wrong or reused code or an expired
   *   step (sign in again); `RATE_LIMITED` (429).
   * @example
   * const account = await auth.totp.signIn({ code: '123456' })
   */
  signIn(
    input: { code: string } | { recoveryCode: string },
    options?: CallOptions,
  ): Promise<Account>
  /**
   * Turns TOTP off with a current code or the password; every other session of the member ends.
   * A member without a password (`account.hasPassword` false) may leave the proof out within
   * 10 minutes of signing in.
   *
   * @throws {PorchlightError} `INVALID_PASSWORD` (403), `INVALID_TOTP_CODE` (401),
   *   `REAUTHENTICATION_REQUIRED` (403) for a member without a password whose sign-in is older
   *   (sign them in again, then repeat), `TOTP_REQUIRED` (403) where the site requires it.
   * @example
   * await auth.totp.disable({ password })
   */
  disable(proof?: { password?: string } | { code: string }, options?: CallOptions): Promise<void>
  /**
   * Ten new recovery codes in place of the old ones, after the password; a member without one
   * (`account.hasPassword` false) leaves it out within 10 minutes of signing in.
   *
   * @throws {PorchlightError} `INVALID_PASSWORD` (403), `REAUTHENTICATION_REQUIRED` (403) for a
   *   member without a password whose sign-in is older, `TOTP_NOT_ENABLED` (409).
   * @example
   * const { recoveryCodes } = await auth.totp.newRecoveryCodes(password)
   */
  newRecoveryCodes(password?: string, options?: CallOptions): Promise<{ recoveryCodes: string[] }>
}

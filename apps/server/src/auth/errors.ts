import { ApiError, HttpErrors } from '../http/errors.ts'

// Membership error codes; stable, the SDK and sites rely on them. Session errors shared with
// every route (INVALID_SESSION, SIGN_IN_REQUIRED, CROSS_SITE_REQUEST) live in http/member.ts.

export const AuthErrors = {
  /** Emailed tokens: malformed, unknown, expired and used all look alike. */
  invalidToken: () =>
    new ApiError(400, 'INVALID_TOKEN', 'This link is invalid or has expired. Ask for a new one.'),
  /** Unknown email, wrong password and banned account: one answer, so none can be told apart. */
  invalidCredentials: () =>
    new ApiError(401, 'INVALID_CREDENTIALS', 'The email or password is incorrect.'),
  /** Only after a correct password: the owner of the account may know it is suspended. */
  accountSuspended: (until: number) => {
    const iso = new Date(until).toISOString()
    return new ApiError(403, 'ACCOUNT_SUSPENDED', `This account is suspended until ${iso}.`, {
      fields: { suspendedUntil: iso },
    })
  },
  /** Only after a correct password, and only when the site refuses unverified sign-ins. */
  emailNotVerified: () =>
    new ApiError(
      403,
      'EMAIL_NOT_VERIFIED',
      'Confirm your email address first: follow the link in the email we sent you.',
    ),
  sessionNotFound: () =>
    new ApiError(404, 'SESSION_NOT_FOUND', 'You have no session with that id.'),
  /** Usernames are public, so saying one is taken reveals nothing; emails never get this. */
  usernameTaken: () => HttpErrors.validation({ username: 'Taken' }),
  /** A password sent to a site that signs in without passwords: it could never be used. */
  passwordNotAccepted: () =>
    new ApiError(
      422,
      'PASSWORD_NOT_ACCEPTED',
      'This site signs members in without passwords: leave the password out.',
      { fields: { password: 'This site does not use passwords.' } },
    ),
  /** A password rule failed; `problem` says which, in words a form can show. */
  weakPassword: (problem: string) => HttpErrors.validation({ password: problem }),
} as const

/** Password recovery and the signed-in member's own account (account-routes.ts). */
export const AccountErrors = {
  /** Re-entering the password guards changes a borrowed or stolen session must not make. */
  invalidPassword: () =>
    new ApiError(403, 'INVALID_PASSWORD', 'The current password is not correct.'),
  /**
   * The member never set a password (they joined by link, passkey or provider), so none can be
   * checked. Told only to the member themself, through their session.
   */
  passwordNotSet: () =>
    new ApiError(
      403,
      'PASSWORD_NOT_SET',
      'This account has no password. Set one first with a password-reset link, where the site uses passwords.',
    ),
  /**
   * A member without a password whose session began too long ago for it to stand in for one
   * (recent-sign-in.ts): signing in again, by any method, proves it is still them.
   */
  reauthenticationRequired: () =>
    new ApiError(
      403,
      'REAUTHENTICATION_REQUIRED',
      'Sign in again to confirm it is you, then repeat this change: it needs a sign-in from the last few minutes.',
    ),
  /** Only to the member who asked; says nothing about who owns the address. */
  sameEmail: () => HttpErrors.validation({ newEmail: 'This is already your email address.' }),
  /** The new address was registered by someone else between the request and the click. */
  emailTaken: () =>
    new ApiError(409, 'EMAIL_TAKEN', 'Another account now uses this email address.'),
} as const

/** The owner's member API (secret key) and the operator's CLI (admin-members.ts, create-member.ts). */
export const MemberAdminErrors = {
  memberNotFound: () =>
    new ApiError(404, 'MEMBER_NOT_FOUND', 'This site has no member with that id.'),
  /** Suspending a banned member would let the ban lapse; unban first. */
  memberBanned: () =>
    new ApiError(
      409,
      'MEMBER_BANNED',
      'This member is banned; unban them first if a suspension is what you want.',
    ),
  /** The owner creating a member directly (CLI): no enumeration concern, so say it plainly. */
  emailTaken: () =>
    new ApiError(409, 'EMAIL_TAKEN', 'A member of this site already uses that email address.'),
} as const

/** Sign-in methods a site can turn on and off (settings.ts), and the second step (TOTP). */
export const SignInErrors = {
  /** Said before any lookup, so it reveals nothing about who has an account. */
  methodDisabled: () =>
    new ApiError(403, 'SIGN_IN_METHOD_DISABLED', 'This site does not offer this way to sign in.'),
  /** A wrong, reused or out-of-date code, or a sign-in step that expired: all alike. */
  invalidTotpCode: () =>
    new ApiError(
      401,
      'INVALID_TOTP_CODE',
      'The code is not correct, or this sign-in has expired. Try the current code, or sign in again.',
    ),
  totpUnavailable: () =>
    new ApiError(403, 'TOTP_UNAVAILABLE', 'This site does not offer two-factor sign-in.'),
  totpSetupRequired: () =>
    new ApiError(
      403,
      'TOTP_SETUP_REQUIRED',
      'Set up two-factor sign-in (TOTP) first: this site requires it for your role.',
    ),
  totpRequired: () =>
    new ApiError(
      403,
      'TOTP_REQUIRED',
      'This site requires two-factor sign-in for your role; it cannot be turned off.',
    ),
  totpAlreadyEnabled: () =>
    new ApiError(
      409,
      'TOTP_ALREADY_ENABLED',
      'Two-factor sign-in is already on. Turn it off first to use another app.',
    ),
  totpNotEnabled: () =>
    new ApiError(409, 'TOTP_NOT_ENABLED', 'Two-factor sign-in is not turned on.'),
  totpSetupNotStarted: () =>
    new ApiError(
      409,
      'TOTP_SETUP_NOT_STARTED',
      'Start two-factor setup first: there is no new key waiting to be confirmed.',
    ),
  /** The link is fine but this browser did not ask for it; the link stays usable there. */
  linkOtherBrowser: () =>
    new ApiError(
      403,
      'SIGN_IN_LINK_OTHER_BROWSER',
      'Open this link in the browser where you asked for it, or ask for a new link here.',
    ),
} as const

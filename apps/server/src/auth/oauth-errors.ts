import { ApiError } from '../http/errors.ts'

// "Sign in with …" codes; stable, the SDK and sites rely on them. The callback's own refusals
// (a bad state, a provider that failed) reach the page as `#porchlight_oauth_error=<CODE>`.

export const OAuthErrors = {
  /** No enabled provider by that id on this site: said before anything else is looked at. */
  providerUnknown: () =>
    new ApiError(404, 'OAUTH_PROVIDER_UNKNOWN', 'This site offers no sign-in with that provider.'),
  /** Unknown, expired or replayed `state`: the page that started it is gone or it was used. */
  stateInvalid: () =>
    new ApiError(
      400,
      'OAUTH_STATE_INVALID',
      'This sign-in has expired or was already used. Start again from the site.',
    ),
  /** Unknown, expired and used grants all look alike. */
  grantInvalid: () =>
    new ApiError(
      400,
      'OAUTH_GRANT_INVALID',
      'This sign-in has expired or was already used. Start again.',
    ),
  /** The grant was made for another browser: stops a grant sent to a victim (login CSRF). */
  otherBrowser: () =>
    new ApiError(
      403,
      'OAUTH_OTHER_BROWSER',
      'Finish signing in in the browser where you started, or start again here.',
    ),
  /** The member's own address is unconfirmed, so a provider's word cannot be linked to it. */
  accountNotVerified: () =>
    new ApiError(
      409,
      'OAUTH_ACCOUNT_NOT_VERIFIED',
      'An account with this email address exists but its address is not confirmed. Sign in another way and link the provider from your account.',
    ),
  /** The provider does not vouch for the address, and an account already uses it. */
  emailInUse: () =>
    new ApiError(
      409,
      'OAUTH_EMAIL_IN_USE',
      'An account with this email address exists. Sign in another way and link the provider from your account.',
    ),
  /** A new member needs an address, and the provider gave none. */
  emailMissing: () =>
    new ApiError(
      403,
      'OAUTH_EMAIL_MISSING',
      'The provider did not share an email address, which this site needs to create an account.',
    ),
  identityInUse: () =>
    new ApiError(
      409,
      'OAUTH_IDENTITY_IN_USE',
      'This provider account already signs in to another member of this site.',
    ),
  identityNotFound: () =>
    new ApiError(404, 'IDENTITY_NOT_FOUND', 'Your account is not linked to that provider.'),
  /** Said at the start, when an OpenID provider's discovery document cannot be read. */
  providerUnavailable: () =>
    new ApiError(
      503,
      'OAUTH_PROVIDER_UNAVAILABLE',
      'The sign-in provider could not be reached. Try again in a moment.',
    ),
} as const

/** The callback's refusals, told to the page in the fragment (never any detail). */
export type CallbackErrorCode =
  | 'OAUTH_STATE_INVALID'
  | 'OAUTH_CANCELLED'
  | 'OAUTH_PROVIDER_ERROR'
  | 'OAUTH_ID_TOKEN_INVALID'

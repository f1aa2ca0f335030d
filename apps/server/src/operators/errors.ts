import { ApiError } from '../http/errors.ts'
import type { OperatorRole } from './roles.ts'

// Operator and console error codes; stable, the console and scripts rely on them.

export const OperatorErrors = {
  /** Unknown email and wrong password: one answer after the same work, so none can be told apart. */
  invalidCredentials: () =>
    new ApiError(401, 'INVALID_CREDENTIALS', 'The email or password is incorrect.'),
  /** A wrong, reused or expired code, or a challenge that is no longer good: one answer. */
  invalidTotpCode: () =>
    new ApiError(
      401,
      'INVALID_TOTP_CODE',
      'The code is not correct, or this sign-in has expired. Try the current code, or sign in again.',
    ),
  signInRequired: () => new ApiError(401, 'SIGN_IN_REQUIRED', 'Sign in to the console to do this.'),
  /** CSRF: the console's cookie must only ever act for the console's own pages. */
  crossSiteRequest: () =>
    new ApiError(
      403,
      'CROSS_SITE_REQUEST',
      'This request did not come from the console’s own pages and was refused.',
    ),
  totpSetupRequired: () =>
    new ApiError(
      403,
      'TOTP_SETUP_REQUIRED',
      'Set up two-factor sign-in (TOTP) first: your role requires it.',
    ),
  totpRequired: () =>
    new ApiError(
      403,
      'TOTP_REQUIRED',
      'Two-factor sign-in is required for your account and cannot be turned off.',
    ),
  totpSetupNotStarted: () =>
    new ApiError(
      409,
      'TOTP_SETUP_NOT_STARTED',
      'Start two-factor setup first: there is no new key waiting to be confirmed.',
    ),
  totpNotEnabled: () =>
    new ApiError(409, 'TOTP_NOT_ENABLED', 'Two-factor sign-in is not turned on.'),
  /** Re-entering the password guards changes a borrowed session must not make. */
  invalidPassword: () => new ApiError(403, 'INVALID_PASSWORD', 'The password is not correct.'),
  /** No role there, no such site, or no site named: alike, so site ids cannot be probed. */
  siteForbidden: () =>
    new ApiError(
      403,
      'SITE_FORBIDDEN',
      'You have no role on this site. Send X-Porchlight-Site with the id of a site you work on.',
    ),
  roleForbidden: (needed: OperatorRole) =>
    new ApiError(403, 'ROLE_FORBIDDEN', `This needs the ${needed} role on this site.`, {
      fields: {},
    }),
  /** Expired, used and unknown invites alike: a token's history is nobody's business. */
  inviteNotFound: () =>
    new ApiError(404, 'INVITE_NOT_FOUND', 'This invite does not exist, was used, or has expired.'),
  inviteForAnotherEmail: () =>
    new ApiError(
      403,
      'INVITE_FOR_ANOTHER_EMAIL',
      'This invite is for another email address than the one you are signed in with.',
    ),
  /** An account exists for the invited address: it accepts signed in, with its own password. */
  signInToAccept: () =>
    new ApiError(
      409,
      'SIGN_IN_TO_ACCEPT',
      'An operator account with this email exists: sign in with it, then accept the invite.',
    ),
  operatorExists: () =>
    new ApiError(409, 'OPERATOR_EXISTS', 'An operator with this email already exists.'),
  operatorNotFound: () =>
    new ApiError(404, 'OPERATOR_NOT_FOUND', 'This site has no operator with that id.'),
  alreadyOperator: () =>
    new ApiError(
      409,
      'ALREADY_OPERATOR',
      'This email already belongs to an operator of this site.',
    ),
  /** Nobody could then manage its operators from the console. */
  lastOwner: () =>
    new ApiError(
      409,
      'LAST_OWNER',
      'A site keeps at least one owner: make someone else owner first.',
    ),
  /** Only deployment admins and owners of a site may create sites. */
  siteCreationForbidden: () =>
    new ApiError(
      403,
      'ROLE_FORBIDDEN',
      'Creating a site needs the owner role on a site, or a deployment admin.',
      { fields: {} },
    ),
} as const

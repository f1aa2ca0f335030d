// Every `code` a PorchlightError can carry. The server's list is checked against the server's
// own source by test/error-codes.test.ts, so a code added, renamed or removed on either side
// fails the SDK's tests until both agree. Types only: nothing here reaches a bundle.

/**
 * The codes the Porchlight server answers with, in `{"error": {"code": …}}`.
 *
 * @example
 * const retryable: ServerErrorCode[] = ['RATE_LIMITED', 'SLOW_MODE', 'DATABASE_UNAVAILABLE']
 */
export type ServerErrorCode =
  // Any request.
  | 'BAD_REQUEST'
  | 'INVALID_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'INVALID_CURSOR'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR'
  | 'DATABASE_UNAVAILABLE'
  | 'DATABASE_BUSY'
  | 'MIGRATIONS_PENDING'
  | 'SHUTTING_DOWN'
  | 'UNSAFE_CONFIGURATION'
  | 'INVALID_CONFIGURATION'
  // Keys and origins.
  | 'INVALID_PUBLISHABLE_KEY'
  | 'INVALID_SECRET_KEY'
  | 'SECRET_KEY_IN_BROWSER'
  | 'ORIGIN_NOT_ALLOWED'
  // The member's session.
  | 'INVALID_SESSION'
  | 'SIGN_IN_REQUIRED'
  | 'CROSS_SITE_REQUEST'
  // Contact forms.
  | 'FORM_NOT_FOUND'
  | 'FORM_DISABLED'
  | 'TOO_MANY_FIELDS'
  | 'FILE_UPLOADS_NOT_SUPPORTED'
  // Membership.
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_SUSPENDED'
  | 'EMAIL_NOT_VERIFIED'
  | 'EMAIL_TAKEN'
  | 'INVALID_PASSWORD'
  | 'PASSWORD_NOT_SET'
  | 'REAUTHENTICATION_REQUIRED'
  | 'PASSWORD_NOT_ACCEPTED'
  | 'INVALID_TOKEN'
  | 'SESSION_NOT_FOUND'
  // Sign-in methods and the member's two-factor step.
  | 'SIGN_IN_METHOD_DISABLED'
  | 'SIGN_IN_LINK_OTHER_BROWSER'
  | 'OAUTH_PROVIDER_UNKNOWN'
  | 'OAUTH_PROVIDER_UNAVAILABLE'
  | 'OAUTH_STATE_INVALID'
  | 'OAUTH_GRANT_INVALID'
  | 'OAUTH_OTHER_BROWSER'
  | 'OAUTH_ACCOUNT_NOT_VERIFIED'
  | 'OAUTH_EMAIL_IN_USE'
  | 'OAUTH_EMAIL_MISSING'
  | 'OAUTH_IDENTITY_IN_USE'
  | 'IDENTITY_NOT_FOUND'
  | 'PROVIDER_NOT_FOUND'
  | 'TOTP_UNAVAILABLE'
  | 'TOTP_ALREADY_ENABLED'
  // Passkeys.
  | 'PASSKEY_CHALLENGE_INVALID'
  | 'PASSKEY_ORIGIN_MISMATCH'
  | 'PASSKEY_RP_ID_MISMATCH'
  | 'PASSKEY_INVALID_RESPONSE'
  | 'PASSKEY_UNSUPPORTED_ALGORITHM'
  | 'PASSKEY_ALREADY_REGISTERED'
  | 'PASSKEY_UNKNOWN_CREDENTIAL'
  | 'PASSKEY_INVALID_SIGNATURE'
  | 'PASSKEY_COUNTER_ROLLBACK'
  | 'PASSKEY_NOT_FOUND'
  | 'LAST_SIGN_IN_METHOD'
  // Discussions and moderation.
  | 'CATEGORY_NOT_FOUND'
  | 'THREAD_NOT_FOUND'
  | 'POST_NOT_FOUND'
  | 'MEMBER_NOT_FOUND'
  | 'THREAD_LOCKED'
  | 'POST_DELETED'
  | 'POST_HIDDEN'
  | 'EDIT_WINDOW_CLOSED'
  | 'SLOW_MODE'
  | 'NEW_MEMBER_LIMIT'
  | 'ALREADY_FLAGGED'
  | 'OWN_POST'
  | 'OWN_ACCOUNT'
  | 'FORBIDDEN'
  | 'NO_OPEN_FLAGS'
  | 'MEMBER_BANNED'
  // The owner's API (secret keys).
  | 'FORM_EXISTS'
  | 'SUBMISSION_NOT_FOUND'
  | 'CATEGORY_EXISTS'
  | 'CATEGORY_NOT_EMPTY'
  | 'ORIGIN_EXISTS'
  | 'ORIGIN_NOT_FOUND'
  | 'KEY_NOT_FOUND'
  | 'LAST_SECRET_KEY'
  | 'JOB_NOT_FOUND'
  | 'JOB_NOT_DEAD'
  | 'WEBHOOK_NOT_SET'
  // The owner's API through the console (operators' sessions, roles, invites, two-factor).
  | 'SITE_FORBIDDEN'
  | 'ROLE_FORBIDDEN'
  | 'LAST_OWNER'
  | 'OPERATOR_NOT_FOUND'
  | 'ALREADY_OPERATOR'
  | 'INVITE_NOT_FOUND'
  | 'INVITE_FOR_ANOTHER_EMAIL'
  | 'SIGN_IN_TO_ACCEPT'
  | 'INVALID_TOTP_CODE'
  | 'TOTP_REQUIRED'
  | 'TOTP_NOT_ENABLED'
  | 'TOTP_SETUP_NOT_STARTED'
  | 'TOTP_SETUP_REQUIRED'

/**
 * The codes the SDK gives failures it finds itself, with status 0 (no answer, or none yet),
 * except `UNEXPECTED_RESPONSE`, which carries the HTTP status of a body that is not the API's.
 *
 * @example
 * const offline: ClientErrorCode[] = ['NETWORK_ERROR', 'TIMEOUT']
 */
export type ClientErrorCode =
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'CHALLENGE_FAILED'
  | 'SECOND_STEP_REQUIRED'
  | 'PASSKEY_UNSUPPORTED'
  | 'PASSKEY_CANCELLED'
  | 'PASSKEY_ALREADY_REGISTERED'
  // The provider's side of a sign-in with it, as the callback put it in the page's URL.
  | 'OAUTH_CANCELLED'
  | 'OAUTH_PROVIDER_ERROR'
  | 'OAUTH_ID_TOKEN_INVALID'
  | 'FILE_UPLOADS_NOT_SUPPORTED'
  | 'UNEXPECTED_RESPONSE'

/**
 * Every code this version of the SDK knows. `PorchlightError.code` is typed
 * `ErrorCode | (string & {})`: a newer server may send a code this version does not know yet,
 * so any string stays possible, while editors still complete the known ones.
 *
 * @example
 * function message(code: ErrorCode): string {
 *   return code === 'RATE_LIMITED' ? 'Slow down' : 'Something went wrong'
 * }
 */
export type ErrorCode = ServerErrorCode | ClientErrorCode

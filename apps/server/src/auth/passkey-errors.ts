import { ApiError } from '../http/errors.ts'

// Passkey (WebAuthn) error codes; stable, the SDK and sites rely on them. Each check that can
// refuse a ceremony has its own code, so a developer can tell a misconfigured relying party
// (origin, RP id) from a stale page (challenge) or a wrong key (signature). None of them says
// whether a member exists: a credential id is not an address.

export const PasskeyErrors = {
  /** Unknown, expired, already used, or made for another ceremony or member: all alike. */
  challengeInvalid: () =>
    new ApiError(
      400,
      'PASSKEY_CHALLENGE_INVALID',
      'This passkey request has expired or was already used. Try again.',
    ),
  /** The browser said the ceremony ran on a page that is not one of the site's origins. */
  originMismatch: () =>
    new ApiError(
      400,
      'PASSKEY_ORIGIN_MISMATCH',
      'This passkey was used on a page that is not one of the site’s origins.',
    ),
  /** The authenticator signed for another relying party id than the site's. */
  relyingPartyMismatch: () =>
    new ApiError(
      400,
      'PASSKEY_RP_ID_MISMATCH',
      'This passkey belongs to another website (its relying party id does not match).',
    ),
  /** Malformed client data or authenticator data, the wrong ceremony, or no user presence. */
  invalidResponse: (why: string) =>
    new ApiError(
      400,
      'PASSKEY_INVALID_RESPONSE',
      `The authenticator’s answer is not valid: ${why}`,
    ),
  unsupportedAlgorithm: () =>
    new ApiError(
      400,
      'PASSKEY_UNSUPPORTED_ALGORITHM',
      'This authenticator’s key type is not supported (ES256 or RS256 only).',
    ),
  /** Registered to this site already (the browser should have been told by excludeCredentials). */
  alreadyRegistered: () =>
    new ApiError(409, 'PASSKEY_ALREADY_REGISTERED', 'This passkey is already registered here.'),
  /** No passkey with this credential id on this site (another site's, or one removed). */
  unknownCredential: () =>
    new ApiError(
      401,
      'PASSKEY_UNKNOWN_CREDENTIAL',
      'This passkey is not registered on this site. Sign in another way, or choose another passkey.',
    ),
  invalidSignature: () =>
    new ApiError(401, 'PASSKEY_INVALID_SIGNATURE', 'The passkey’s signature is not valid.'),
  /**
   * The authenticator's signature counter did not move forward: a sign of a cloned
   * authenticator (WebAuthn §6.1.1), so the sign-in is refused and the member should remove it.
   */
  counterRollback: () =>
    new ApiError(
      401,
      'PASSKEY_COUNTER_ROLLBACK',
      'This passkey’s signature counter went backwards, which suggests a copied authenticator. Sign in another way and remove this passkey.',
    ),
  notFound: () => new ApiError(404, 'PASSKEY_NOT_FOUND', 'You have no passkey with that id.'),
} as const

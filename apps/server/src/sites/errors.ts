import { ApiError } from '../http/errors.ts'

/** The site and key errors clients may see; codes are stable, the SDK and users rely on them. */
export const SiteErrors = {
  invalidPublishableKey: () =>
    new ApiError(
      401,
      'INVALID_PUBLISHABLE_KEY',
      'Send a valid publishable key (pk_…) in the X-Porchlight-Key header or the key query parameter.',
    ),
  invalidSecretKey: () =>
    new ApiError(
      401,
      'INVALID_SECRET_KEY',
      'Send a valid, unrevoked secret key in the Authorization header: Bearer sk_…',
    ),
  // The message names the fix in full: developers meet it first in a page they are building.
  originNotAllowed: (origin: string) =>
    new ApiError(
      403,
      'ORIGIN_NOT_ALLOWED',
      origin === 'null'
        ? 'This page sent no origin (Origin: null, as from a file or a sandboxed frame); serve it over http(s) from an origin the site allows.'
        : `The origin ${origin} is not allowed for this site. Allow it with: npx porchlight site origins add ${origin}`,
    ),
  originExists: () => new ApiError(409, 'ORIGIN_EXISTS', 'That origin is already allowed.'),
  originNotFound: () => new ApiError(404, 'ORIGIN_NOT_FOUND', 'That origin is not on this site.'),
  keyNotFound: () => new ApiError(404, 'KEY_NOT_FOUND', 'No active secret key with that id.'),
  lastSecretKey: () =>
    new ApiError(
      409,
      'LAST_SECRET_KEY',
      'This is the site’s only active secret key; create another before revoking it.',
    ),
} as const

import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Per-field messages for a validation failure, keyed by field path (`email`, `origins.0`). */
export type FieldErrors = Record<string, string>

/**
 * The one exception the API throws on purpose. `app.onError` turns it into the error envelope
 * `{"error": {"code", "message", "fields"?}}`; anything else becomes a plain 500.
 */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode
  readonly code: string
  readonly fields: FieldErrors | undefined
  readonly headers: Record<string, string> | undefined

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options: { fields?: FieldErrors; headers?: Record<string, string> } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = options.fields
    this.headers = options.headers
  }
}

/** The body every failed request answers with. */
export function errorBody(code: string, message: string, fields?: FieldErrors) {
  return { error: fields ? { code, message, fields } : { code, message } }
}

/** Codes shared by every feature; features declare their own in their `errors.ts`. */
export const HttpErrors = {
  notFound: () => new ApiError(404, 'NOT_FOUND', 'No such resource.'),
  methodNotAllowed: (allow: string[]) =>
    new ApiError(405, 'METHOD_NOT_ALLOWED', 'This resource does not accept that method.', {
      headers: { Allow: allow.join(', ') },
    }),
  payloadTooLarge: (limit: number) =>
    new ApiError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit} bytes.`),
  unsupportedMediaType: (expected: string) =>
    new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the body as ${expected}.`),
  invalidJson: () => new ApiError(400, 'INVALID_JSON', 'The request body is not valid JSON.'),
  validation: (fields: FieldErrors) =>
    new ApiError(422, 'VALIDATION_FAILED', 'Some fields are invalid.', { fields }),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(429, 'RATE_LIMITED', 'Too many requests. Try again later.', {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    }),
  internal: () => new ApiError(500, 'INTERNAL_ERROR', 'Something went wrong on our side.'),
  // A lock held by another process (a second server, the CLI, a backup) outlasted the request's
  // wait; nothing was written, and the same request will succeed once the lock is gone.
  databaseBusy: () =>
    new ApiError(503, 'DATABASE_BUSY', 'The database is busy. Try again in a moment.', {
      headers: { 'Retry-After': '2' },
    }),
  databaseUnavailable: () =>
    new ApiError(503, 'DATABASE_UNAVAILABLE', 'The database is not reachable. Try again shortly.', {
      headers: { 'Retry-After': '5' },
    }),
} as const

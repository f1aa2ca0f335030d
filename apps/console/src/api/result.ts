import { strings } from '../strings/index.ts'

/** What the API refused, as its error envelope says: a stable code, a message, bad fields. */
export class ApiFailure extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string>

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiFailure'
    this.status = status
    this.code = code
    this.fields = fields
  }
}

type Envelope = { error?: { code?: unknown; message?: unknown; fields?: unknown } }

function failureOf(response: Response, body: unknown): ApiFailure {
  const error = (body as Envelope | undefined)?.error
  const code = typeof error?.code === 'string' ? error.code : 'UNEXPECTED_ANSWER'
  // The console's own words for a code when it has them, else the server's message.
  const message =
    strings.errors.byCode[code] ??
    (typeof error?.message === 'string' ? error.message : strings.errors.unexpected)
  const fields =
    error?.fields && typeof error.fields === 'object'
      ? Object.fromEntries(
          Object.entries(error.fields as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
        )
      : {}
  return new ApiFailure(response.status, code, message, fields)
}

type Answer<T> = { data?: T; error?: unknown; response: Response }

/**
 * The answer's data, or an `ApiFailure` thrown with the API's code and message; a request that
 * never got an answer (offline, server down) throws one with the code `NETWORK`.
 *
 * @example
 * const forms = await ok(api.GET('/v1/admin/forms'))
 */
export async function ok<T>(pending: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>
  try {
    answer = await pending
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiFailure(0, 'NETWORK', strings.errors.network)
  }
  if (!answer.response.ok) throw failureOf(answer.response, answer.error)
  return answer.data as T
}

/** A message for anything a request threw. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiFailure) return error.message
  return strings.errors.unexpected
}

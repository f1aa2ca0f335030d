import { clientError, PorchlightError } from './errors.ts'
import type { AbortSignalLike, Fetch, FetchResponse } from './runtime-types.ts'

/**
 * Where the API is and which site is calling: all that {@link createRequest} needs.
 *
 * @example
 * const options: ConnectionOptions = { url: 'https://api.example.com', key: 'pk_…', timeout: 5000 }
 */
export interface ConnectionOptions {
  /** API base, e.g. `https://api.example.com`. */
  url: string
  /** The site's publishable key, `pk_…`; safe to ship in a page. */
  key: string
  /** Defaults to the global `fetch`. */
  fetch?: Fetch
  /** Milliseconds before a request fails with `TIMEOUT`; default 15000. */
  timeout?: number
}

/**
 * Options every call accepts.
 *
 * @example
 * await client.site({ signal: AbortSignal.timeout(2000) })
 * // On a server, acting for the member whose request it is handling:
 * await client.auth.getSession({ headers: { cookie: request.headers.get('cookie') ?? '' } })
 */
export interface CallOptions {
  /** Aborting it fails the call with `ABORTED`. */
  signal?: AbortSignalLike
  /**
   * Request headers for this call only, over the SDK's own: on a server, the member's `cookie`
   * (and `origin`) forwarded from the request it is answering. A call with a `cookie` or
   * `authorization` header acts for that member alone: the client's own session is neither sent
   * with it nor changed by its answer, so one client can serve many members.
   */
  headers?: Record<string, string>
}

/**
 * Options for a {@link RequestFunction}.
 *
 * @example
 * await client.request('POST', '/v1/things', { body: { title: 'Hi' }, headers: { 'X-Trace': 'a' } })
 */
export interface RequestOptions extends CallOptions {
  /** Sent as JSON. */
  body?: unknown
  /** Appended to the URL; `undefined` and `null` values are left out (say, a last page's cursor). */
  query?: Record<string, string | number | boolean | null | undefined>
  /**
   * Called with the response as soon as it arrives, before its body is read: for its headers,
   * such as `ETag`. A `304 Not Modified` (the answer to an `If-None-Match` header) resolves to
   * `undefined`, as an empty body does.
   */
  onResponse?: (response: FetchResponse) => void
}

/** What {@link createSend}'s function takes: {@link RequestOptions} less the query. */
export type SendOptions = Omit<RequestOptions, 'query'>

/**
 * The one request path every call goes through: JSON in and out, the key header, timeout.
 * Resolves to the parsed body, or `undefined` for an empty one.
 *
 * @throws {PorchlightError} on an error answer, a network failure, timeout or abort.
 * @example
 * const page = await request<Page>('GET', '/v1/things', { query: { limit: 20 } })
 */
export type RequestFunction = <T>(
  method: string,
  path: string,
  options?: RequestOptions,
) => Promise<T>

/** A {@link RequestFunction} without `query`, from {@link createSend}. */
export type SendFunction = <T>(method: string, path: string, options?: SendOptions) => Promise<T>

/**
 * Makes the request function for one site, without anything else: for code that calls the API
 * directly and wants the smallest bundle. {@link createClient} is built on it.
 *
 * @throws Nothing itself; the function it returns throws {@link PorchlightError}.
 * @example
 * import { createRequest } from '@porchlight/sdk'
 * const request = createRequest({ url: 'https://api.example.com', key: 'pk_…' })
 * const site = await request<SiteInfo>('GET', '/v1/site')
 */
export function createRequest(options: ConnectionOptions): RequestFunction {
  const send = createSend(options)
  return (method, path, { query, ...rest } = {}) => {
    // A JSON round trip drops the undefined values, and the replacer turns nulls into those;
    // URLSearchParams stringifies the rest.
    const search = `${new URLSearchParams(JSON.parse(JSON.stringify(query ?? {}, (_, v) => v ?? undefined)))}`
    return send(method, search ? `${path}?${search}` : path, rest)
  }
}

/**
 * The one request path under every call: JSON in and out, the key header, timeout, and every
 * failure turned into a {@link PorchlightError}. Query strings are left to
 * {@link createRequest}, so that features which never send one (contact forms) do not carry
 * the code. Internal: not exported from the package.
 *
 * @throws {PorchlightError} from the function it returns, as {@link RequestFunction} says.
 * @example
 * const send = createSend({ url: 'https://api.example.com', key: 'pk_…' })
 * await send('POST', '/v1/forms/contact/submissions', { body: fields })
 */
export function createSend({ url, key, fetch: fetcher, timeout = 15_000 }: ConnectionOptions) {
  const base = url.replace(/\/+$/, '')

  const send: SendFunction = async (method, path, { body, headers, signal, onResponse } = {}) => {
    const json = JSON.stringify(body) // undefined for no body
    const timer = AbortSignal.timeout(timeout)
    let response: Response
    let text: string
    try {
      // Called as a plain function: `window.fetch` called as a method of another object throws
      // "Illegal invocation". Looked up per call, so a polyfill installed later is honoured.
      response = await (fetcher ?? fetch)(base + path, {
        method,
        // No Content-Type without a body, so a GET stays a simple request with no preflight.
        headers: {
          'X-Porchlight-Key': key,
          ...(json && { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: json,
        // Engines before AbortSignal.any (Safari < 17.4) keep the caller's signal, not the timeout.
        signal: signal
          ? (AbortSignal.any?.([signal as AbortSignal, timer]) ?? (signal as AbortSignal))
          : timer,
      })
      onResponse?.(response)
      // Reading the body is part of the request: the timeout and the signal cover it too.
      text = await response.text()
    } catch (cause) {
      throw signal?.aborted
        ? clientError('ABORTED', 'The request was aborted', cause)
        : timer.aborted
          ? clientError('TIMEOUT', `No response within ${timeout} ms`, cause)
          : clientError('NETWORK_ERROR', `Could not reach ${base}`, cause)
    }

    const { status } = response
    let data: Envelope | undefined
    try {
      data = text ? JSON.parse(text) : undefined
      // 2xx, or a 304 from If-None-Match: fetch follows every other redirect itself. Shorter than
      // `response.ok || status === 304`, which matters in the contact form's 1.5 KB.
      if (status < 400) return data as never
    } catch {}
    // Not ok, or a body that is not JSON (then `data` is undefined).
    const error = data?.error
    throw new PorchlightError({
      status,
      retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
      // A proxy's HTML error page, or a body that is not ours: say so rather than guess.
      ...(typeof error?.code === 'string'
        ? { code: error.code, message: error.message ?? error.code, fields: error.fields }
        : { code: 'UNEXPECTED_RESPONSE', message: `Unexpected response (HTTP ${status})` }),
    })
  }
  return send
}

/**
 * Builds an API path from a template, URI-encoding every value, so an id can never reach
 * another route. Internal.
 *
 * @throws Nothing.
 * @example
 * apiPath`/v1/forum/threads/${threadId}/posts` // '/v1/forum/threads/thr_abc/posts'
 */
export const apiPath = (parts: TemplateStringsArray, ...values: string[]): string =>
  String.raw({ raw: parts }, ...values.map(encodeURIComponent))

/** The API's error body: `{"error": {"code", "message", "fields"}}`. */
interface Envelope {
  error?: { code?: unknown; message?: string; fields?: Record<string, string> }
}

/** `Retry-After` (on a 429 or 503) is either delay-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  const seconds = value ? +value : NaN
  const wait = seconds >= 0 ? seconds : Math.ceil((Date.parse(value ?? '') - Date.now()) / 1000)
  // NaN (no header, or neither form) fails both comparisons.
  return wait >= 0 ? wait : wait < 0 ? 0 : undefined
}

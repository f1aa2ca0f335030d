import { PorchlightError } from './errors.ts'
import { anySignal } from './signal.ts'
import { type KeyValueStorage, webStorage } from './storage.ts'

/**
 * Options for {@link createClient}.
 *
 * @example
 * const options: ClientOptions = { url: 'https://api.example.com', key: 'pk_live_…', timeout: 5000 }
 */
export interface ClientOptions {
  /** API base, e.g. `https://api.example.com`. */
  url: string
  /** The site's publishable key, `pk_…`; safe to ship in a page. */
  key: string
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch
  /** Defaults to `localStorage` when available, else memory. */
  storage?: KeyValueStorage
  /** Milliseconds before a request fails with `TIMEOUT`; default 15000. */
  timeout?: number
}

/**
 * Options every call accepts.
 *
 * @example
 * await client.site({ signal: AbortSignal.timeout(2000) })
 */
export interface CallOptions {
  /** Aborting it fails the call with `ABORTED`. */
  signal?: AbortSignal
}

/**
 * Options for {@link Client.request}.
 *
 * @example
 * await client.request('POST', '/v1/things', { body: { title: 'Hi' }, headers: { 'X-Trace': 'a' } })
 */
export interface RequestOptions extends CallOptions {
  /** Sent as JSON. */
  body?: unknown
  /** Appended to the URL; `undefined` values are left out. */
  query?: Record<string, string | number | boolean | undefined>
  headers?: Record<string, string>
}

/**
 * Public information about the site a key belongs to.
 *
 * @example
 * const { id, name }: SiteInfo = await client.site()
 */
export interface SiteInfo {
  id: string
  name: string
}

/**
 * A Porchlight client, made by {@link createClient}.
 *
 * @example
 * const client: Client = createClient({ url: 'https://api.example.com', key: 'pk_live_…' })
 */
export interface Client {
  readonly storage: KeyValueStorage
  /**
   * The one request path every call goes through: JSON in and out, the key header, timeout.
   * Resolves to the parsed body, or `undefined` for an empty one.
   *
   * @throws {PorchlightError} on an error answer, a network failure, timeout or abort.
   * @example
   * const page = await client.request<Page>('GET', '/v1/things', { query: { limit: 20 } })
   */
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>
  /**
   * Fetches the public information of the site the key belongs to.
   *
   * @throws {PorchlightError} e.g. `INVALID_PUBLISHABLE_KEY` (401) when the key is unknown.
   * @example
   * const { name } = await client.site()
   */
  site(options?: CallOptions): Promise<SiteInfo>
}

/**
 * Creates a client for one site.
 *
 * @example
 * import { createClient } from '@porchlight/sdk'
 * const client = createClient({ url: 'https://api.example.com', key: 'pk_live_…' })
 * const site = await client.site()
 */
export function createClient(options: ClientOptions): Client {
  const { key, timeout = 15_000 } = options
  const base = options.url.replace(/\/+$/, '')
  // Calling a detached `window.fetch` throws "Illegal invocation" in browsers; looking it up at
  // call time also honours polyfills installed after the client was made.
  const fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init))

  async function send<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const { body, query, signal } = opts
    let url = base + path
    if (query) {
      const params = new URLSearchParams()
      for (const [name, value] of Object.entries(query)) {
        if (value !== undefined) params.set(name, String(value))
      }
      const search = params.toString()
      if (search) url += `?${search}`
    }
    const headers: Record<string, string> = { 'X-Porchlight-Key': key }
    // No Content-Type without a body, so a GET stays free of it.
    if (body !== undefined) headers['Content-Type'] = 'application/json'

    const timer = new AbortController()
    const id = setTimeout(() => timer.abort(), timeout)
    let response: Response
    let text: string
    try {
      response = await fetcher(url, {
        method,
        headers: { ...headers, ...opts.headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? anySignal([signal, timer.signal]) : timer.signal,
      })
      // Reading the body is part of the request: the timeout and the signal cover it too.
      text = await response.text()
    } catch (cause) {
      const [code, message] = signal?.aborted
        ? ['ABORTED', 'The request was aborted']
        : timer.signal.aborted
          ? ['TIMEOUT', `No response within ${timeout} ms`]
          : ['NETWORK_ERROR', `Could not reach ${base}`]
      throw new PorchlightError({ status: 0, code, message, cause })
    } finally {
      clearTimeout(id)
    }

    const { status } = response
    let data: Envelope | undefined
    let isJson = true
    try {
      data = text ? JSON.parse(text) : undefined
    } catch {
      isJson = false
    }
    if (response.ok && isJson) return data as T

    const retryAfter =
      status === 429 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined
    const error = data?.error
    if (typeof error?.code === 'string') {
      const message = typeof error.message === 'string' ? error.message : error.code
      throw new PorchlightError({
        status,
        code: error.code,
        message,
        fields: error.fields,
        retryAfter,
      })
    }
    // A proxy's HTML error page, or a body that is not ours: say so rather than guess.
    const message = `Unexpected response (HTTP ${status})`
    throw new PorchlightError({ status, code: 'UNEXPECTED_RESPONSE', message, retryAfter })
  }

  return {
    storage: options.storage ?? webStorage(),
    request: send,
    site: (opts) => send('GET', '/v1/site', opts),
  }
}

/** The API's error body: `{"error": {"code", "message", "fields"}}`. */
interface Envelope {
  error?: { code?: unknown; message?: unknown; fields?: Record<string, string> }
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

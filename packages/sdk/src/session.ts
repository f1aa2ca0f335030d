import type { Account } from './auth.ts'
import {
  type CallOptions,
  type ConnectionOptions,
  createRequest,
  type RequestFunction,
} from './core.ts'
import type { PorchlightError } from './errors.ts'
import { inPage, type KeyValueStorage, webStorage } from './storage.ts'

/**
 * Options for {@link createClient} and the feature factories (`createAuth`, `createForum`…).
 *
 * @example
 * const options: ClientOptions = { url: 'https://api.example.com', key: 'pk_…', session: 'cookie' }
 */
export interface ClientOptions extends ConnectionOptions {
  /**
   * Where the session is kept between page loads. Default: `localStorage` in a web page (where
   * `window` and `document` exist), else memory of this client's own, never a server runtime's
   * process-wide `localStorage` (see {@link webStorage}).
   */
  storage?: KeyValueStorage
  /**
   * How the member's session travels. `bearer` (default): a token kept in `storage` and sent as
   * `Authorization: Bearer …`; works from any origin. `cookie`: an HttpOnly cookie that page
   * scripts cannot read, for a site whose API is served from its own domain; no token is stored.
   */
  session?: 'bearer' | 'cookie'
}

/**
 * Called with the signed-in account, or `null` once signed out.
 *
 * @example
 * const listener: SessionListener = (user) => render(user ? `Hi ${user.displayName}` : 'Sign in')
 */
export type SessionListener = (user: Account | null) => void

/**
 * What is kept of a session: the account and, with bearer sessions, the token.
 *
 * @example
 * await client.session.save({ account, token }) // adopt a session signed in elsewhere
 */
export interface SavedSession {
  account: Account
  token?: string | null
}

/**
 * The member's session as one client keeps it, shared by every feature made from that client.
 * Pages normally use `auth.user` and `auth.onChange`; this is for code that needs the token.
 *
 * @example
 * const { token } = client.session // e.g. to call your own backend as the member
 */
export interface SessionStore {
  readonly storage: KeyValueStorage
  readonly transport: 'bearer' | 'cookie'
  /** The last known account, or `null`. */
  readonly user: Account | null
  /** The bearer token, or `null` (always `null` with cookie sessions). */
  readonly token: string | null
  /** Settles once the stored session is read: at once with `localStorage`. */
  readonly ready: Promise<void>
  /**
   * Calls `listener` whenever the account changes: sign-in, sign-out, a session that ended, a
   * profile update, or any of these in another tab. Not called for the current state.
   *
   * @throws Nothing.
   * @example
   * const stop = client.session.onChange((user) => render(user))
   */
  onChange(listener: SessionListener): () => void
  /**
   * Replaces the kept session (`null` forgets it) and tells the listeners.
   *
   * @throws Whatever the storage throws (say, a full `localStorage`); the session is kept in
   *   memory all the same.
   * @example
   * await client.session.save(null)
   */
  save(session: SavedSession | null): Promise<void>
}

/**
 * A request path that carries the member's session, and the session itself: what feature
 * factories such as `createAuth` and `createForum` take instead of options, so that they share
 * one session. A {@link Client} is one, and so is what `createAuth` returns.
 *
 * @example
 * const auth = createAuth({ url, key })
 * const forum = createForum(auth) // signed in when auth is
 */
export interface Connection {
  readonly request: RequestFunction
  readonly session: SessionStore
}

/**
 * True when a call carries its own credentials, a `cookie` or `authorization` header: a server
 * forwarding the member's cookie from the request it answers. Such a call acts for that member
 * alone: the client's kept session is not sent with it, and its answer does not change that
 * session, so one client can serve many members without one member's session becoming the
 * next request's. Internal.
 *
 * @throws Nothing.
 * @example
 * if (!ownCredentials(options)) await session.save(signedIn)
 */
export const ownCredentials = (options?: CallOptions): boolean =>
  Object.keys(options?.headers ?? {}).some((name) => /^(cookie|authorization)$/i.test(name))

/**
 * Opens a connection with a session: the request path sends the token, and any
 * `401 INVALID_SESSION` (the session ended, was revoked, or expired) forgets the session, tells
 * the listeners and is thrown as usual. Internal: the factories call it when given options.
 *
 * @throws Nothing itself; its request function throws {@link PorchlightError}.
 * @example
 * const { request, session } = connect({ url: 'https://api.example.com', key: 'pk_…' })
 */
export function connect(options: ClientOptions): Connection {
  const { key, storage = webStorage(), session: transport = 'bearer', fetch: fetcher } = options
  const name = `porchlight:${key}:session`
  const listeners = new Set<SessionListener>()
  let saved: string | null = null
  let state: Partial<SavedSession> = {}

  /** Takes stored JSON as the current state; listeners hear when the account changed. */
  const take = (value: string | null) => {
    if (value === saved) return
    saved = value
    const before = JSON.stringify(state.account)
    try {
      // JSON.parse(null) is null; a value some other code left there is no session.
      state = JSON.parse(value as string) ?? {}
    } catch {
      state = {}
    }
    if (JSON.stringify(state.account) !== before) {
      for (const listener of listeners) listener(state.account ?? null)
    }
  }
  const read = () => {
    const value = storage.get(name)
    // Read synchronously when the storage allows, so `user` is right as soon as the page runs.
    return (value as Promise<string | null>)?.then
      ? (value as Promise<null>).then(take)
      : take(value as string | null)
  }
  // A storage that fails to read holds no session: requests go out as a guest's.
  const ready = Promise.resolve(read()).catch(() => {})

  // Another tab signed in or out: localStorage tells the other tabs of the origin. The key is
  // read again rather than taken from the event, so a custom storage is never second-guessed.
  // Only in a page: a server runtime with a global event target (Deno) would keep every
  // per-request client alive through its listener.
  if (inPage()) {
    addEventListener('storage', (event) => {
      const changed = event.key
      if (changed === name || changed === null) read()
    })
  }

  const session: SessionStore = {
    storage,
    transport,
    ready,
    get user() {
      return state.account ?? null
    },
    get token() {
      return state.token ?? null
    },
    onChange(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    async save(next) {
      const value = next && JSON.stringify(next)
      // Memory first, so requests made while the storage writes already use the new session.
      take(value)
      await (value ? storage.set(name, value) : storage.remove(name))
    },
  }

  const base = createRequest(
    transport === 'cookie'
      ? {
          ...options,
          // Cross-origin requests carry cookies only when asked; same-origin ones always do.
          fetch: (url, init) => (fetcher ?? fetch)(url, { ...init, credentials: 'include' }),
        }
      : options,
  )
  const request = (async (method, path, call = {}) => {
    await ready
    if (ownCredentials(call)) return base(method, path, call)
    const { token } = state
    try {
      return await base(
        method,
        path,
        token ? { ...call, headers: { Authorization: `Bearer ${token}`, ...call.headers } } : call,
      )
    } catch (error) {
      // Only when the session sent is still the one kept: a sign-in made meanwhile stays.
      if ((error as PorchlightError).code === 'INVALID_SESSION' && token === state.token) {
        await session.save(null)
      }
      throw error
    }
  }) as RequestFunction

  return { request, session }
}

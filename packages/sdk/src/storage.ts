import type { WebStorageLike } from './runtime-types.ts'

/**
 * Where the client keeps small strings between page loads: the member's session.
 * Methods may be async, so a store can sit on IndexedDB, a cookie API or a native bridge.
 *
 * @example
 * const cookieStorage: KeyValueStorage = {
 *   get: (key) => readCookie(key),
 *   set: (key, value) => writeCookie(key, value),
 *   remove: (key) => writeCookie(key, '', { maxAge: 0 }),
 * }
 */
export interface KeyValueStorage {
  get(key: string): string | null | Promise<string | null>
  set(key: string, value: string): void | Promise<void>
  remove(key: string): void | Promise<void>
}

/**
 * A store that lives as long as the page or process: for servers, tests and private windows.
 *
 * @throws Nothing.
 * @example
 * const client = createClient({ url, key, storage: memoryStorage() })
 */
export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, string>()
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  }
}

/**
 * True in a web page: only there is `localStorage` one visitor's. Node (with
 * `--experimental-webstorage`), Deno and Bun have a `localStorage` too, but it is one store for
 * the whole process, so a session kept there would be every request's, whoever made it.
 * Internal.
 *
 * @throws Nothing.
 * @example
 * if (inPage()) addEventListener('storage', onStorage)
 */
export const inPage = (): boolean => typeof window === 'object' && typeof document === 'object'

/**
 * A store over a Web Storage: the one given, or else, in a web page (where `window` and
 * `document` exist), `localStorage`. Anywhere else, and where the storage cannot be read, it is
 * {@link memoryStorage}: on a server each client keeps its own session in memory. This is the
 * client's default.
 *
 * @throws Nothing: a Web Storage that cannot be read (a sandboxed iframe, blocked site data)
 *   gives memory storage instead.
 * @example
 * const client = createClient({ url, key, storage: webStorage(sessionStorage) })
 */
export function webStorage(store?: WebStorageLike): KeyValueStorage {
  try {
    // No default outside a page (see inPage). In one, reading localStorage throws in sandboxed
    // iframes and when the user blocks site data.
    const web = store ?? (inPage() ? localStorage : null)
    if (web) {
      web.getItem('')
      return {
        get: (key) => web.getItem(key),
        set: (key, value) => web.setItem(key, value),
        remove: (key) => web.removeItem(key),
      }
    }
  } catch {}
  return memoryStorage()
}

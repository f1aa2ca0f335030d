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
 * A store over `localStorage` (or any Web Storage), falling back to {@link memoryStorage} when
 * there is none. This is the client's default.
 *
 * @throws Nothing: a Web Storage that cannot be read (a sandboxed iframe, blocked site data)
 *   gives memory storage instead.
 * @example
 * const client = createClient({ url, key, storage: webStorage(sessionStorage) })
 */
export function webStorage(store?: Storage): KeyValueStorage {
  try {
    // Reading localStorage throws in sandboxed iframes and when the user blocks site data.
    store ??= globalThis.localStorage
    store.getItem('')
  } catch {
    return memoryStorage()
  }
  const web = store
  return {
    get: (key) => web.getItem(key),
    set: (key, value) => web.setItem(key, value),
    remove: (key) => web.removeItem(key),
  }
}

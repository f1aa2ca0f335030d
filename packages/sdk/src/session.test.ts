// How the SDK keeps, sends and forgets a session, against the real server on a socket
// (test/real-server.ts), with a new site per test.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { browserFetch } from '../test/browser-fetch.ts'
import { failure } from '../test/failure.ts'
import { type RealServer, startRealServer } from '../test/real-server.ts'
import {
  cookieName,
  type MembersScene,
  memberPassword as password,
  siteOrigin,
} from '../test/scene.ts'
import type { Account } from './auth.ts'
import { createAuth } from './auth.ts'
import { createClient } from './client.ts'
import { createForum } from './forum.ts'
import { type KeyValueStorage, memoryStorage } from './storage.ts'

let real: RealServer
let server: MembersScene
let key: string
/** Where the SDK keeps the session: `porchlight:<key>:session`. */
let storageKey: string

beforeAll(async () => {
  real = await startRealServer()
}, 60_000)
afterAll(() => real?.close())
beforeEach(async () => {
  server = await real.membersScene()
  key = server.key
  storageKey = `porchlight:${key}:session`
  await server.addMember({ email: 'ada@example.com', displayName: 'Ada' })
})
afterEach(() => server.close())

describe('bearer sessions (the default)', () => {
  it('keeps the token in storage under porchlight:<key>:session and sends it on every request', async () => {
    const storage = memoryStorage()
    const client = createClient({ url: server.url, key, storage })

    await client.auth.login({ email: 'ada@example.com', password })
    const saved = JSON.parse(String(storage.get(storageKey)))
    expect(saved.token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/)
    expect(saved.account.email).toBe('ada@example.com')

    await client.forum.categories()
    await client.notifications.unreadCount()
    const [login, ...after] = server.seen
    expect(login?.headers.authorization).toBeUndefined()
    expect(JSON.parse(login?.body ?? '')).toEqual({
      email: 'ada@example.com',
      password,
      transport: 'bearer',
    })
    for (const req of after) expect(req.headers.authorization).toBe(`Bearer ${saved.token}`)
  })

  it('restores the session from storage at once: `user` is right before any request', async () => {
    const storage = memoryStorage()
    await createAuth({ url: server.url, key, storage }).login({
      email: 'ada@example.com',
      password,
    })

    // A new page load: a new client on the same storage.
    const auth = createAuth({ url: server.url, key, storage })
    expect(auth.user?.displayName).toBe('Ada')
    expect(await auth.getSession()).toMatchObject({ account: { email: 'ada@example.com' } })
  })

  it('waits for an async storage before the first request, so the token is sent', async () => {
    const inner = memoryStorage()
    const slow: KeyValueStorage = {
      get: async (k) => {
        await new Promise((resolve) => setTimeout(resolve, 20))
        return inner.get(k)
      },
      set: async (k, v) => inner.set(k, v),
      remove: async (k) => inner.remove(k),
    }
    await createAuth({ url: server.url, key, storage: slow }).login({
      email: 'ada@example.com',
      password,
    })

    const auth = createAuth({ url: server.url, key, storage: slow })
    expect(auth.user).toBeNull() // not read yet
    const heard: (Account | null)[] = []
    auth.onChange((user) => heard.push(user))
    expect((await auth.getSession())?.account.displayName).toBe('Ada')
    expect(server.seen.at(-1)?.headers.authorization).toMatch(/^Bearer /)
    expect(heard.map((u) => u?.displayName)).toEqual(['Ada']) // the stored session, once read
  })

  it('forgets a session the server ended (401 INVALID_SESSION), tells listeners, and still throws', async () => {
    const storage = memoryStorage()
    const client = createClient({ url: server.url, key, storage })
    const account = await client.auth.login({ email: 'ada@example.com', password })
    const heard: (Account | null)[] = []
    client.auth.onChange((user) => heard.push(user))

    await server.endSessions(account.id) // revoked elsewhere: another device, an admin, a password reset
    const error = await failure(client.forum.categories())

    expect(error).toMatchObject({ status: 401, code: 'INVALID_SESSION' })
    expect(client.auth.user).toBeNull()
    expect(storage.get(storageKey)).toBeNull()
    expect(heard).toEqual([null])
    // The next request goes out as a guest and works.
    expect(await client.forum.categories()).toHaveLength(2)
    expect(server.seen.at(-1)?.headers.authorization).toBeUndefined()
  })

  it('keeps a sign-in made while an older request was failing with INVALID_SESSION', async () => {
    // Holds the answer to the first categories request until released.
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const client = createClient({
      url: server.url,
      key,
      storage: memoryStorage(),
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        if (String(input).endsWith('/forum/categories')) await held
        return response
      },
    })
    const first = await client.auth.login({ email: 'ada@example.com', password })
    await server.endSessions(first.id)
    const stale = client.forum.categories().catch((e: unknown) => e)
    await new Promise((resolve) => setTimeout(resolve, 20)) // it left with the old token
    await client.auth.login({ email: 'ada@example.com', password })
    const token = client.session.token
    release()

    expect(await stale).toMatchObject({ code: 'INVALID_SESSION' })
    expect(client.auth.user?.email).toBe('ada@example.com')
    expect(client.session.token).toBe(token)
  })

  it('shares one session between factories made from each other', async () => {
    const auth = createAuth({ url: server.url, key, storage: memoryStorage() })
    const forum = createForum(auth)
    await auth.login({ email: 'ada@example.com', password })
    const { id } = await forum.createThread({ category: 'general', title: 'Ferns', body: 'Hi' })
    expect((await forum.thread(id)).author?.id).toBe(auth.user?.id)
  })
})

describe('cookie sessions', () => {
  it('sends credentials: include on every request, keeps no token, and signs in with transport cookie', async () => {
    const browser = browserFetch(siteOrigin)
    const storage = memoryStorage()
    const client = createClient({
      url: server.url,
      key,
      storage,
      session: 'cookie',
      fetch: browser.fetch,
    })

    const account = await client.auth.login({ email: 'ada@example.com', password })
    expect(JSON.parse(server.seen[0]?.body ?? '').transport).toBe('cookie')
    expect(browser.jar.get(cookieName)).toMatch(/\./) // the HttpOnly cookie the server set
    expect(client.session.token).toBeNull()
    expect(JSON.parse(String(storage.get(storageKey)))).toEqual({
      account,
      expiresAt: expect.any(Number),
    })

    const current = await client.auth.getSession()
    expect(current?.session.transport).toBe('cookie')
    expect(browser.calls.every((init) => init.credentials === 'include')).toBe(true)
    for (const req of server.seen) expect(req.headers.authorization).toBeUndefined()
    expect(server.seen.at(-1)?.headers.cookie).toMatch(`${cookieName}=`)

    await client.auth.logout()
    expect(browser.jar.has(cookieName)).toBe(false)
    expect(client.auth.user).toBeNull()
    expect(storage.get(storageKey)).toBeNull()
  })

  it('forgets the account when the server ends a cookie session', async () => {
    const browser = browserFetch(siteOrigin)
    const client = createClient({
      url: server.url,
      key,
      storage: memoryStorage(),
      session: 'cookie',
      fetch: browser.fetch,
    })
    const account = await client.auth.login({ email: 'ada@example.com', password })
    await server.endSessions(account.id)
    expect(await failure(client.notifications.unreadCount())).toMatchObject({
      code: 'INVALID_SESSION',
    })
    expect(client.auth.user).toBeNull()
    expect(browser.jar.has(cookieName)).toBe(false) // the server cleared it
  })

  it('bearer sessions leave credentials to the fetch default', async () => {
    const browser = browserFetch(siteOrigin)
    const client = createClient({ url: server.url, key, fetch: browser.fetch })
    await client.site().catch(() => {})
    expect(browser.calls[0]?.credentials).toBeUndefined()
  })
})

describe('onChange', () => {
  it('fires on sign-in, profile updates and sign-out, and stops when unsubscribed', async () => {
    const auth = createAuth({ url: server.url, key, storage: memoryStorage() })
    const heard: (string | null)[] = []
    const stop = auth.onChange((user) => heard.push(user?.displayName ?? null))

    await auth.login({ email: 'ada@example.com', password })
    await auth.updateProfile({ displayName: 'Ada L.' })
    await auth.logout()
    stop()
    await auth.login({ email: 'ada@example.com', password })

    expect(heard).toEqual(['Ada', 'Ada L.', null])
  })
})

describe('tabs stay in sync', () => {
  /** A Web Storage shared by "tabs", like one origin's localStorage. */
  function sharedLocalStorage(): Storage {
    const items = new Map<string, string>()
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    } as Storage
  }
  const target = new EventTarget()
  /** What the browser does in every other tab after one writes to localStorage. */
  function storageEvent(changedKey: string | null) {
    target.dispatchEvent(Object.assign(new Event('storage'), { key: changedKey }))
  }

  // A page: tabs only listen where there are a window and a document.
  beforeEach(() => {
    Object.assign(globalThis, {
      addEventListener: target.addEventListener.bind(target),
      window: globalThis,
      document: {},
    })
  })
  afterEach(() => {
    const page = globalThis as { addEventListener?: unknown; window?: unknown; document?: unknown }
    delete page.addEventListener
    delete page.window
    delete page.document
  })

  it('another tab signing in and out fires onChange here', async () => {
    const { webStorage } = await import('./storage.ts')
    const local = sharedLocalStorage()
    const tabA = createAuth({ url: server.url, key, storage: webStorage(local) })
    const tabB = createAuth({ url: server.url, key, storage: webStorage(local) })
    const heard: (string | null)[] = []
    tabB.onChange((user) => heard.push(user?.email ?? null))

    await tabA.login({ email: 'ada@example.com', password })
    storageEvent(storageKey)
    expect(tabB.user?.email).toBe('ada@example.com')
    // Tab B now sends the token tab A got.
    await tabB.getSession()
    expect(server.seen.at(-1)?.headers.authorization).toBe(`Bearer ${tabA.session.token}`)

    await tabA.logout()
    storageEvent(storageKey)
    expect(tabB.user).toBeNull()

    storageEvent(null) // localStorage.clear() elsewhere: nothing changed for us, nothing fired
    storageEvent('some-other-key')
    expect(heard).toEqual(['ada@example.com', null])
  })
})

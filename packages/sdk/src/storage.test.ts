import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Account } from './auth.ts'
import { createClient } from './client.ts'
import { memoryStorage, webStorage } from './storage.ts'

const key = 'pk_3mzq7kx2vbn4tr6wd5yh2fja'
const account = { id: 'mem_ada', email: 'ada@example.com', displayName: 'Ada' } as Account

/** A Web Storage over a Map, as a runtime's `localStorage` would be. */
function fakeWebStorage() {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (name: string) => items.get(name) ?? null,
    setItem: (name: string, value: string) => void items.set(name, value),
    removeItem: (name: string) => void items.delete(name),
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('storage', () => {
  it('memory storage keeps, replaces and forgets values', () => {
    const storage = memoryStorage()
    expect(storage.get('session')).toBeNull()
    storage.set('session', 'a')
    storage.set('session', 'b')
    expect(storage.get('session')).toBe('b')
    storage.remove('session')
    expect(storage.get('session')).toBeNull()
  })

  it('falls back to memory where there is no localStorage (as in Node)', () => {
    const storage = webStorage()
    storage.set('k', 'v')
    expect(storage.get('k')).toBe('v')
  })

  it('web storage reads and writes the Storage it wraps', () => {
    const store = fakeWebStorage()
    const storage = webStorage(store)
    storage.set('session', 'a')
    expect(store.items.get('session')).toBe('a')
    expect(storage.get('session')).toBe('a')
    storage.remove('session')
    expect(store.items.has('session')).toBe(false)
  })

  it('is the one the client was given', () => {
    const storage = memoryStorage()
    expect(createClient({ url: 'http://x', key, storage }).storage).toBe(storage)
  })
})

// Issue 10: the default storage took `globalThis.localStorage` wherever one existed. Node (with
// --experimental-webstorage), Deno and Bun have one that the whole process shares, so on a
// server one member's session was every request's.
describe('the default storage on a server runtime', () => {
  it('is not a global localStorage without window and document: each client keeps its own', async () => {
    const shared = fakeWebStorage()
    vi.stubGlobal('localStorage', shared)

    const first = createClient({ url: 'http://127.0.0.1:1', key })
    await first.session.save({ account, token: 'ada-token' })
    const second = createClient({ url: 'http://127.0.0.1:1', key })

    expect(shared.items.size).toBe(0)
    expect(first.session.token).toBe('ada-token')
    expect(second.session.token).toBeNull()
    expect(second.auth.user).toBeNull()
  })

  it('is localStorage in a page, where window and document exist', async () => {
    const shared = fakeWebStorage()
    vi.stubGlobal('localStorage', shared)
    vi.stubGlobal('window', globalThis)
    vi.stubGlobal('document', {})
    vi.stubGlobal('addEventListener', () => {})

    await createClient({ url: 'http://127.0.0.1:1', key }).session.save({ account, token: 't' })
    expect(JSON.parse(shared.items.get(`porchlight:${key}:session`) ?? '')).toMatchObject({
      token: 't',
    })
    // The next page load reads it back.
    expect(createClient({ url: 'http://127.0.0.1:1', key }).session.token).toBe('t')
  })

  it('listens for other tabs only in a page, so a server runtime holds no client through a listener', () => {
    const listen = vi.fn()
    vi.stubGlobal('addEventListener', listen)
    createClient({ url: 'http://127.0.0.1:1', key })
    expect(listen).not.toHaveBeenCalled()

    vi.stubGlobal('window', globalThis)
    vi.stubGlobal('document', {})
    createClient({ url: 'http://127.0.0.1:1', key })
    expect(listen).toHaveBeenCalledWith('storage', expect.any(Function))
  })

  it("leaves Node's own localStorage (--experimental-webstorage) untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'porchlight-webstorage-'))
    const file = join(dir, 'localstorage.json')
    // Two clients in one process, as two requests on one server: the first signs a member in.
    const script = `
      const { createClient } = await import(${JSON.stringify(fileURLToPath(new URL('./index.ts', import.meta.url)))})
      const options = { url: 'http://127.0.0.1:1', key: ${JSON.stringify(key)} }
      const first = createClient(options)
      await first.session.save({ account: { id: 'mem_ada' }, token: 'ada-token' })
      const second = createClient(options)
      console.log(JSON.stringify({
        webStorage: typeof localStorage,
        stored: localStorage.length,
        second: second.session.token,
      }))`
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--experimental-webstorage',
          `--localstorage-file=${file}`,
          '--no-warnings',
          '--input-type=module',
          '-e',
          script,
        ],
        { encoding: 'utf8' },
      )
      expect(JSON.parse(stdout)).toEqual({ webStorage: 'object', stored: 0, second: null })
      let persisted = ''
      try {
        persisted = readFileSync(file, 'utf8')
      } catch {}
      expect(persisted).not.toContain('ada-token')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

import { describe, expect, it } from 'vitest'
import { createClient } from './client.ts'
import { memoryStorage, webStorage } from './storage.ts'

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
    const items = new Map<string, string>()
    const store = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => items.set(key, value),
      removeItem: (key: string) => items.delete(key),
    } as unknown as Storage
    const storage = webStorage(store)
    storage.set('session', 'a')
    expect(items.get('session')).toBe('a')
    expect(storage.get('session')).toBe('a')
    storage.remove('session')
    expect(items.has('session')).toBe(false)
  })

  it('is the one the client was given', () => {
    const storage = memoryStorage()
    expect(createClient({ url: 'http://x', key: 'pk_1', storage }).storage).toBe(storage)
  })
})

import { describe, expect, it } from 'vitest'
import { createStatementCache } from './statement-cache.ts'

/** A cache whose entries record how many times each SQL text was prepared. */
function countingCache(capacity: number) {
  const prepared: string[] = []
  const cache = createStatementCache<string>(capacity)
  const get = (sql: string) =>
    cache.get(sql, (text) => {
      prepared.push(text)
      return `prepared ${text}`
    })
  return { cache, get, prepared }
}

describe('a statement cache', () => {
  it('prepares each SQL text once while it is kept', () => {
    const { cache, get, prepared } = countingCache(10)
    for (let i = 0; i < 5; i++) expect(get('SELECT 1')).toBe('prepared SELECT 1')
    get('SELECT 2')
    expect(prepared).toEqual(['SELECT 1', 'SELECT 2'])
    expect(cache.size).toBe(2)
  })

  it('lets the least recently used text go first when full', () => {
    const { cache, get, prepared } = countingCache(2)
    get('a')
    get('b')
    get('a') // now `b` is the oldest use
    get('c')
    expect(cache.size).toBe(2)
    get('a')
    get('b')
    expect(prepared).toEqual(['a', 'b', 'c', 'b'])
  })

  it('forgets a dropped text, and everything when cleared', () => {
    const { cache, get, prepared } = countingCache(5)
    get('a')
    get('b')
    cache.drop('a')
    get('a')
    cache.clear()
    expect(cache.size).toBe(0)
    get('b')
    expect(prepared).toEqual(['a', 'b', 'a', 'b'])
  })

  it('keeps nothing at capacity 0', () => {
    const { cache, get, prepared } = countingCache(0)
    get('a')
    get('a')
    expect(cache.size).toBe(0)
    expect(prepared).toEqual(['a', 'a'])
  })
})

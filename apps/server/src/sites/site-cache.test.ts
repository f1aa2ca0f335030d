import { describe, expect, it } from 'vitest'
import { manualClock } from '../../test/helpers/app.ts'
import { createSiteCache, type SiteCacheEntry } from './site-cache.ts'

/** A loader that counts its reads, as the database would see them. */
function counted<T>(siteId: string, value: () => T | null) {
  const loader = async (): Promise<SiteCacheEntry<T> | null> => {
    loader.reads++
    const v = value()
    return v === null ? null : { siteId, value: v }
  }
  loader.reads = 0
  return loader
}

describe('the site cache', () => {
  it('reads once per lifetime, then again', async () => {
    const clock = manualClock()
    const cache = createSiteCache({ clock, lifetimeMs: 5_000 })
    let name = 'Bakery'
    const load = counted('site_a', () => name)
    expect(await cache.get('pk:a', load)).toBe('Bakery')
    name = 'Bread & Co'
    clock.advance(4_999)
    expect(await cache.get('pk:a', load)).toBe('Bakery')
    expect(load.reads).toBe(1)
    clock.advance(1)
    expect(await cache.get('pk:a', load)).toBe('Bread & Co')
    expect(load.reads).toBe(2)
  })

  it('treats a clock that moved backwards as expired', async () => {
    const clock = manualClock()
    const cache = createSiteCache({ clock })
    let name = 'Bakery'
    const load = counted('site_a', () => name)
    await cache.get('pk:a', load)
    name = 'Bread & Co'
    clock.advance(-1)
    expect(await cache.get('pk:a', load)).toBe('Bread & Co')
  })

  it('never keeps "not found": a key created later is found at once', async () => {
    const cache = createSiteCache({ clock: manualClock() })
    let exists = false
    const load = counted('site_a', () => (exists ? 'Bakery' : null))
    expect(await cache.get('pk:a', load)).toBeNull()
    exists = true
    expect(await cache.get('pk:a', load)).toBe('Bakery')
  })

  it('forgets every entry of a site, and only that site', async () => {
    const cache = createSiteCache({ clock: manualClock() })
    const names = { site_a: 'A', site_b: 'B' }
    const a1 = counted('site_a', () => names.site_a)
    const a2 = counted('site_a', () => `${names.site_a} settings`)
    const b = counted('site_b', () => names.site_b)
    await cache.get('pk:a', a1)
    await cache.get('site:site_a', a2)
    await cache.get('pk:b', b)
    names.site_a = 'A2'
    names.site_b = 'B2'
    cache.forgetSite('site_a')
    expect(await cache.get('pk:a', a1)).toBe('A2')
    expect(await cache.get('site:site_a', a2)).toBe('A2 settings')
    expect(await cache.get('pk:b', b)).toBe('B')
  })

  it('does not keep a read that was under way while the site changed', async () => {
    const cache = createSiteCache({ clock: manualClock() })
    let name = 'Bakery'
    let release: () => void = () => {}
    const slowOldRead = async () => {
      const seen = name
      await new Promise<void>((resolve) => {
        release = resolve
      })
      return { siteId: 'site_a', value: seen }
    }
    const pending = cache.get('pk:a', slowOldRead)
    // The change is written and forgotten while the old read is still on its way.
    name = 'Bread & Co'
    cache.forgetSite('site_a')
    release()
    expect(await pending).toBe('Bakery')
    expect(
      await cache.get(
        'pk:a',
        counted('site_a', () => name),
      ),
    ).toBe('Bread & Co')
  })

  it('holds at most maxEntries, dropping the least recently used', async () => {
    const cache = createSiteCache({ clock: manualClock(), maxEntries: 2 })
    const loads = ['a', 'b', 'c'].map((k) => counted(`site_${k}`, () => k))
    const [a, b, c] = loads as [(typeof loads)[0], (typeof loads)[0], (typeof loads)[0]]
    await cache.get('pk:a', a)
    await cache.get('pk:b', b)
    await cache.get('pk:a', a) // a is now the most recently used
    await cache.get('pk:c', c) // drops b
    await cache.get('pk:a', a)
    await cache.get('pk:c', c)
    expect([a.reads, c.reads]).toEqual([1, 1])
    await cache.get('pk:b', b)
    expect(b.reads).toBe(2)
  })
})

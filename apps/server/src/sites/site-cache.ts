import type { Clock } from '../clock.ts'

// What almost every request reads first — the site its key belongs to, the site's parsed
// settings, the form it posts to — changes a few times a year and is read thousands of times a
// second. This process keeps it for a few seconds instead of reading and parsing it per request.
//
// Correctness rests on two rules:
// - In the process that makes a change, the change is seen at once: every change through the
//   owner API forgets its site (`forgetSiteAfterChanges` in http/site.ts), and a read that was
//   under way while a change was made is not kept (the generation check below).
// - Anywhere else (another Node process, another Worker isolate, the CLI) the change is seen
//   within `siteCacheLifetimeMs`, after which an entry is read again. That includes a revoked
//   secret key or a rotated publishable key: see docs/security.md.

/**
 * Five seconds: how long a change made elsewhere (the CLI, another process or isolate) may go
 * unseen here, revoked keys included. Short enough that an owner who revokes a leaked key from
 * the CLI sees it refused by the time they try it; long enough that a busy site's key, settings
 * and forms cost one read per few seconds rather than several per request.
 */
export const siteCacheLifetimeMs = 5_000

/**
 * Entries kept at most, least recently used dropped first. An entry is a site, a key or a form
 * (a few KB at most with its settings), so 1,000 is a few MB, within a Worker isolate's 128 MB;
 * a deployment with more sites active at once still works, it reads more often.
 */
export const siteCacheMaxEntries = 1_000

/** A loaded value and the site it belongs to, so a change to the site can forget it. */
export type SiteCacheEntry<T> = { siteId: string; value: T }

export interface SiteCache {
  /**
   * The value cached under `key`, or else the one `load` finds, kept for the lifetime. `null` is
   * never kept: an unknown key (a typo, a guess) costs a read each time but cannot push real
   * sites out of the cache. Keys start with the kind of thing they name (`pk:`, `form:`…).
   *
   * @example
   * const site = await cache.get(`pk:${key}`, () => loadSite(db, key))
   */
  get<T>(key: string, load: () => Promise<SiteCacheEntry<T> | null>): Promise<T | null>
  /** Forgets everything kept about the site: call once a change to it is written. */
  forgetSite(siteId: string): void
}

type Stored = { siteId: string; value: unknown; storedAt: number }

export type SiteCacheOptions = {
  clock: Clock
  lifetimeMs?: number
  maxEntries?: number
}

/**
 * A per-process (per-isolate on Workers) cache of what requests read about their site.
 *
 * @example
 * const cache = createSiteCache({ clock: systemClock })
 */
export function createSiteCache(options: SiteCacheOptions): SiteCache {
  const { clock } = options
  const lifetimeMs = options.lifetimeMs ?? siteCacheLifetimeMs
  const maxEntries = options.maxEntries ?? siteCacheMaxEntries
  // A Map iterates in insertion order: re-inserting on each hit keeps the least recently used
  // first, which is what eviction drops.
  const entries = new Map<string, Stored>()
  // Bumped by every forget. A load that began before a change may have read the old value; if
  // the generation moved while it ran, its answer is used once but not kept.
  let generation = 0

  const fresh = (entry: Stored, now: number) =>
    // A clock that moved backwards (a test, a corrected system clock) counts as expired too.
    entry.storedAt <= now && now - entry.storedAt < lifetimeMs

  return {
    async get<T>(key: string, load: () => Promise<SiteCacheEntry<T> | null>) {
      const now = clock.now()
      const hit = entries.get(key)
      if (hit && fresh(hit, now)) {
        entries.delete(key)
        entries.set(key, hit)
        return hit.value as T
      }
      if (hit) entries.delete(key)
      const startedAt = generation
      const loaded = await load()
      if (!loaded) return null
      if (generation === startedAt) {
        entries.set(key, { siteId: loaded.siteId, value: loaded.value, storedAt: now })
        if (entries.size > maxEntries) {
          const oldest = entries.keys().next().value
          if (oldest !== undefined) entries.delete(oldest)
        }
      }
      return loaded.value
    },
    forgetSite(siteId) {
      generation++
      for (const [key, entry] of entries) {
        if (entry.siteId === siteId) entries.delete(key)
      }
    },
  }
}

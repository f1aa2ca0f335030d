import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit.ts'

const minute = 60_000
let clock: ReturnType<typeof manualClock>
let t: TestApp
let limiter: RateLimiter

beforeEach(async () => {
  // The clock starts on a window boundary (12:00:00 UTC), so elapsed fractions are exact.
  clock = manualClock()
  t = await createTestApp({ clock })
  limiter = createRateLimiter(t.deps.db, clock)
})
afterEach(() => t.close())

const login: RateLimitOptions = { bucket: 'login:198.51.100.7', limit: 3, windowMs: minute }

/** Hits `n` times; returns which were allowed. */
async function hits(n: number, options = login) {
  const allowed: boolean[] = []
  for (let i = 0; i < n; i++) allowed.push((await limiter.hit(options)).allowed)
  return allowed
}

describe('rate limiter', () => {
  it('allows up to the limit, then refuses with the time to wait', async () => {
    expect(await hits(3)).toEqual([true, true, true])
    clock.advance(15_000)
    expect(await limiter.hit(login)).toEqual({ allowed: false, retryAfterSeconds: 45 })
    expect(
      await rows(
        t.deps.client,
        'SELECT site_id, bucket, count, previous_count, window_start, expires_at FROM rate_limits',
      ),
    ).toEqual([
      {
        site_id: '',
        bucket: login.bucket,
        count: 4,
        previous_count: 0,
        window_start: clock.now() - 15_000,
        expires_at: clock.now() - 15_000 + 2 * minute,
      },
    ])
  })

  it('weights the previous window by how much of it still overlaps', async () => {
    expect(await hits(3)).toEqual([true, true, true])

    // At the very start of the next window the previous one still counts fully: no double burst.
    clock.advance(minute)
    expect(await limiter.hit(login)).toEqual({ allowed: false, retryAfterSeconds: 60 })

    // Once a whole window has passed without hits, nothing earlier counts. (Refused hits do
    // count, so a client that keeps hammering stays refused.)
    clock.advance(2 * minute)
    expect(await hits(3)).toEqual([true, true, true])

    // Halfway through the following window: 3 × 0.5 + 1 = 2.5 ≤ 3, then 3.5 > 3.
    clock.advance(minute + minute / 2)
    expect(await limiter.hit(login)).toEqual({ allowed: true, retryAfterSeconds: 0 })
    expect(await limiter.hit(login)).toEqual({ allowed: false, retryAfterSeconds: 30 })
  })

  it('forgets a bucket idle for more than a window', async () => {
    expect(await hits(4)).toEqual([true, true, true, false])
    clock.advance(5 * minute)
    expect(await hits(3)).toEqual([true, true, true])
  })

  it('keeps buckets and sites apart', async () => {
    expect(await hits(4)).toEqual([true, true, true, false])
    expect(await hits(3, { ...login, bucket: 'login:198.51.100.8' })).toEqual([true, true, true])
    expect(await hits(3, { ...login, siteId: 'site_a' })).toEqual([true, true, true])
    expect(await hits(3, { ...login, siteId: 'site_b' })).toEqual([true, true, true])
    expect(await hits(1, { ...login, siteId: 'site_b' })).toEqual([false])
    expect(await rows(t.deps.client, 'SELECT count(*) AS n FROM rate_limits')).toEqual([{ n: 4 }])
  })

  it('counts concurrent hits exactly (one upsert each, no lost updates)', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => limiter.hit({ ...login, limit: 5 })),
    )
    expect(results.filter((r) => r.allowed)).toHaveLength(5)
    expect(await rows(t.deps.client, 'SELECT count FROM rate_limits')).toEqual([{ count: 20 }])
  })
})

describe('housekeeping', () => {
  it('deletes counters whose windows have passed, and only those', async () => {
    await limiter.hit({ bucket: 'short', limit: 1, windowMs: 1000 })
    await limiter.hit({ bucket: 'long', limit: 1, windowMs: 3600_000 })
    clock.advance(2 * 1000 + 1)

    await t.deps.outbox.tick()
    expect(await rows(t.deps.client, 'SELECT bucket FROM rate_limits')).toEqual([
      { bucket: 'long' },
    ])

    clock.advance(2 * 3600_000)
    await t.deps.outbox.tick()
    expect(await rows(t.deps.client, 'SELECT bucket FROM rate_limits')).toEqual([])
  })
})

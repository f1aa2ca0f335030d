import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { countHit, countHitThenIfWithin, slidingWindow, withinLimit } from './rate-limit.ts'

// A submission counts its address and its form in one statement (`countHitThenIfWithin`); the
// form's hit counts only while the address is within its limit, so one noisy client hits its own
// limit before it uses up the form's. These pin it to the two statements it replaced.

const minute = 60_000
let clock: ReturnType<typeof manualClock>
let t: TestApp

beforeEach(async () => {
  clock = manualClock()
  t = await createTestApp({ clock })
})
afterEach(() => t.close())

const counters = async (bucket: string) =>
  rows(
    t.deps.client,
    'SELECT count, previous_count, window_start, expires_at FROM rate_limits WHERE bucket = ?',
    bucket,
  )

/** One submission's hits the old way (two statements) on `two:*`, the new way on `one:*`. */
async function hitBothWays(addressLimit: number) {
  const { db } = t.deps
  const window = slidingWindow(clock.now(), minute)
  const address = (way: string) => ({ siteId: 'site_a', bucket: `${way}:address` })
  const form = (way: string) => ({ siteId: 'site_a', bucket: `${way}:form` })
  await db.batch([
    countHit(db, address('two'), window),
    countHit(
      db,
      form('two'),
      window,
      withinLimit({ ...address('two'), limit: addressLimit }, window),
    ),
  ])
  await db.batch([
    countHitThenIfWithin(db, { ...address('one'), limit: addressLimit }, form('one'), window),
  ])
}

describe('an address and its form counted in one statement', () => {
  it('counts the form until the address passes its limit, then the address alone', async () => {
    for (let i = 0; i < 5; i++) await hitBothWays(3)
    expect(await counters('one:address')).toMatchObject([{ count: 5 }])
    expect(await counters('one:form')).toMatchObject([{ count: 3 }])
  })

  it('leaves the same counters as two statements, over any hits and pauses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 3 * minute }), fc.integer({ min: 1, max: 4 })),
          {
            minLength: 1,
            maxLength: 25,
          },
        ),
        async (steps) => {
          await t.deps.client.execute('DELETE FROM rate_limits')
          for (const [pause, limit] of steps) {
            clock.advance(pause)
            await hitBothWays(limit)
            expect(await counters('one:address')).toEqual(await counters('two:address'))
            expect(await counters('one:form')).toEqual(await counters('two:form'))
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})

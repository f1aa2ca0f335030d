import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { apiError } from '../../test/helpers/http.ts'
import { type OwnerApi, ownerApi } from '../../test/helpers/owner-api.ts'
import { dayMs, storedIds, storedRows } from '../../test/helpers/stored-rows.ts'

// Rules a site's owner sets for their own site: how long sessions last, and how long a form's
// submissions are kept. Housekeeping applies each to that site alone; another site's rows of the
// same age, under other settings, stay.

const minute = 60_000
let t: TestApp
let clock: ReturnType<typeof manualClock>
let seed: ReturnType<typeof storedRows>
let a: TestSite
let b: TestSite
let ownerA: OwnerApi
let ownerB: OwnerApi

beforeEach(async () => {
  clock = manualClock()
  t = await createTestApp({ clock, handlers: {} })
  seed = storedRows(t.deps.db)
  a = await createTestSite(t, { name: 'A' })
  b = await createTestSite(t, { name: 'B' })
  ownerA = ownerApi(t, a)
  ownerB = ownerApi(t, b)
})
afterEach(() => t.close())

async function tickAt(at: number) {
  clock.advance(at - clock.now())
  await t.deps.outbox.tick()
}

describe("a form's retentionDays", () => {
  it('deletes that form’s submissions of every status once older, and no other form’s or site’s', async () => {
    await ownerA.createForm({ id: 'contact', name: 'Contact', settings: { retentionDays: 7 } })
    await ownerA.createForm({ id: 'orders', name: 'Orders' })
    // Another site's form of the same name, without the setting.
    await ownerB.createForm({ id: 'contact', name: 'Contact' })
    const start = clock.now()
    const old = await Promise.all(
      (['new', 'read', 'archived', 'spam'] as const).map((status) =>
        seed.submission({ siteId: a.id, formId: 'contact', status, createdAt: start }),
      ),
    )
    const recent = await seed.submission({
      siteId: a.id,
      formId: 'contact',
      status: 'new',
      createdAt: start + 2 * dayMs,
    })
    const otherForm = await seed.submission({
      siteId: a.id,
      formId: 'orders',
      status: 'new',
      createdAt: start,
    })
    const otherSite = await seed.submission({
      siteId: b.id,
      formId: 'contact',
      status: 'new',
      createdAt: start,
    })

    await tickAt(start + 7 * dayMs - minute)
    expect(await storedIds(t.client, 'submissions')).toEqual(
      [...old, recent, otherForm, otherSite].sort(),
    )
    await tickAt(start + 7 * dayMs + minute)
    expect(await storedIds(t.client, 'submissions')).toEqual([recent, otherForm, otherSite].sort())
  })

  it('null turns it off again: submissions are kept until the owner deletes them', async () => {
    await ownerA.createForm({ id: 'contact', name: 'Contact', settings: { retentionDays: 7 } })
    const res = await ownerA.send('PATCH', '/forms/contact', { settings: { retentionDays: null } })
    expect(res.status).toBe(200)
    const start = clock.now()
    const kept = await seed.submission({
      siteId: a.id,
      formId: 'contact',
      status: 'read',
      createdAt: start,
    })

    await tickAt(start + 3650 * dayMs)
    expect(await storedIds(t.client, 'submissions')).toEqual([kept])
  })

  it.each([0, 3651, 2.5, '7'])(
    'refuses %j with 422 naming the setting, and stores nothing',
    async (value) => {
      const created = await ownerA.createForm({
        id: 'contact',
        name: 'Contact',
        settings: { retentionDays: 30 },
      })
      const res = await ownerA.send('PATCH', '/forms/contact', {
        settings: { retentionDays: value },
      })
      expect(res.status).toBe(422)
      expect(await res.json()).toEqual(
        apiError('VALIDATION_FAILED', { 'settings.retentionDays': expect.any(String) }),
      )
      expect(await (await ownerA.request('/forms/contact')).json()).toEqual(created)
    },
  )
})

describe("a site's session lifetimes", () => {
  it('end sessions by that site’s own settings; another site’s sessions of the same age stay', async () => {
    const res = await ownerA.send('PATCH', '/auth-settings', {
      sessionInactivityDays: 1,
      sessionAbsoluteDays: 2,
    })
    expect(res.status).toBe(200)
    const start = clock.now()
    const memberA = await seed.member(a.id)
    const memberB = await seed.member(b.id)
    const session = { createdAt: start, lastUsedAt: start }
    const idleA = await seed.session({ siteId: a.id, memberId: memberA, ...session })
    const idleB = await seed.session({ siteId: b.id, memberId: memberB, ...session })

    await tickAt(start + dayMs - minute)
    expect(await storedIds(t.client, 'sessions')).toEqual([idleA, idleB].sort())
    await tickAt(start + dayMs)
    expect(await storedIds(t.client, 'sessions')).toEqual([idleB])
    // Site B keeps the defaults: 30 days idle.
    await tickAt(start + 30 * dayMs - minute)
    expect(await storedIds(t.client, 'sessions')).toEqual([idleB])
    await tickAt(start + 30 * dayMs)
    expect(await storedIds(t.client, 'sessions')).toEqual([])
  })
})

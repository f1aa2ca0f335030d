import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { type OwnerApi, ownerApi, submitForId } from '../../test/helpers/owner-api.ts'
import { dayMs } from '../../test/helpers/stored-rows.ts'
import { trigramQuery } from './submission-search.ts'

// The inbox's filters and search, as the owner console uses them: form, status, spam reason,
// a date range and a text, on the list and on the CSV export alike.

type Page = { items: { id: string }[]; nextCursor: string | null }

let t: TestApp
let clock: ReturnType<typeof manualClock>
let site: TestSite
let owner: OwnerApi

beforeEach(async () => {
  clock = manualClock()
  t = await createTestApp({ clock })
  site = await createTestSite(t, { name: 'Acme' })
  owner = ownerApi(t, site)
  await owner.createForm({
    id: 'contact',
    name: 'Contact',
    settings: {
      rateLimits: { perAddressPerHour: 10_000, perFormPerHour: 10_000 },
      spam: { blockedEmails: ['@spam.example'], duplicateWindowMinutes: 0 },
    },
  })
})
afterEach(async () => {
  await t.deps.outbox.kick()
  await t.close()
})

async function ids(query: string) {
  const res = await owner.request(`/submissions${query}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as Page).items.map((s) => s.id).sort()
}

async function exportedIds(query: string) {
  const res = await owner.request(`/submissions.csv${query}`)
  expect(res.status).toBe(200)
  const lines = (await res.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
  // Every cell is quoted: the id is the first.
  return lines.map((line) => line.split(',')[0]?.replaceAll('"', '')).sort()
}

describe('filters', () => {
  it('by spam reason, on the list and the export', async () => {
    const honeypot = await submitForId(t, site, 'contact', { msg: 'bot', _gotcha: 'x' })
    const blocked = await submitForId(t, site, 'contact', {
      email: 'seller@spam.example',
      msg: 'cheap',
    })
    await submitForId(t, site, 'contact', { msg: 'a person' })

    expect(await ids('?spamReason=honeypot')).toEqual([honeypot])
    expect(await ids('?spamReason=blocked_email')).toEqual([blocked])
    expect(await ids('?spamReason=too_fast')).toEqual([])
    expect(await exportedIds('?spamReason=blocked_email')).toEqual([blocked])
    const bad = await owner.request('/submissions?spamReason=rude')
    expect(bad.status).toBe(422)
    expect(Object.keys((await bad.json()).error.fields)).toEqual(['spamReason'])
  })

  it('by date range: from is inclusive, to exclusive; milliseconds, date-times or dates', async () => {
    const start = clock.now()
    const first = await submitForId(t, site, 'contact', { msg: 'day one' })
    clock.advance(dayMs)
    const second = await submitForId(t, site, 'contact', { msg: 'day two' })
    clock.advance(dayMs)
    const third = await submitForId(t, site, 'contact', { msg: 'day three' })

    expect(await ids(`?from=${start + dayMs}`)).toEqual([second, third].sort())
    expect(await ids(`?to=${start + dayMs}`)).toEqual([first])
    expect(await ids(`?from=${start + dayMs}&to=${start + 2 * dayMs}`)).toEqual([second])
    // The test clock starts at 2026-11-21 12:00 UTC.
    expect(await ids('?from=2026-11-22&to=2026-11-23')).toEqual([second])
    expect(await ids('?from=2026-11-22T13:00:00%2B01:00')).toEqual([second, third].sort())
    expect(await exportedIds('?to=2026-11-22')).toEqual([first])

    for (const value of ['yesterday', '2026-13-45', '1e3']) {
      const res = await owner.request(`/submissions?from=${value}`)
      expect(res.status, value).toBe(422)
      expect((await res.json()).error.fields).toHaveProperty('from')
    }
  })

  it('combines every filter with a search, on the list and the export', async () => {
    await owner.createForm({ id: 'quote', name: 'Quote' })
    const wanted = await submitForId(t, site, 'contact', { msg: 'About the rhubarb crumble' })
    await submitForId(t, site, 'quote', { msg: 'About the rhubarb crumble' })
    await submitForId(t, site, 'contact', { msg: 'About the apple crumble' })
    const query = '?form=contact&status=new&q=rhubarb&from=2026-11-21'
    expect(await ids(query)).toEqual([wanted])
    expect(await exportedIds(query)).toEqual([wanted])
  })
})

describe('search', () => {
  it('finds any part of a value or the sender’s address, mid-word too, ignoring case', async () => {
    const ada = await submitForId(t, site, 'contact', {
      email: 'Ada@Lovelace.example',
      msg: 'Notes on the Analytical Engine',
    })
    const list = await submitForId(t, site, 'contact', [
      ['topic', 'gears'],
      ['topic', 'Difference engine'],
    ])
    const quote = await submitForId(t, site, 'contact', { msg: 'She said "yes" & left\\right' })

    expect(await ids('?q=ovelac')).toEqual([ada])
    expect(await ids('?q=ANALYTICAL%20eng')).toEqual([ada])
    expect(await ids('?q=engine')).toEqual([ada, list].sort())
    expect(await ids('?q=ference%20en')).toEqual([list])
    expect(await ids(`?q=${encodeURIComponent('"yes" &')}`)).toEqual([quote])
    expect(await ids(`?q=${encodeURIComponent('left\\right')}`)).toEqual([quote])
    // Two characters are below what the index holds: found by reading the site's submissions.
    expect(await ids('?q=Ad')).toEqual([ada])
    expect(await ids('?q=zz')).toEqual([])
  })

  it('matches within one value, never across two, nor a field’s name', async () => {
    const id = await submitForId(t, site, 'contact', [
      ['first', 'garden'],
      ['second', 'shed'],
    ])
    expect(await ids('?q=garden')).toEqual([id])
    // The index holds the values one after another; a search spanning them is not a match.
    expect(await ids(`?q=${encodeURIComponent('garden\nshed')}`)).toEqual([])
    expect(await ids('?q=dens')).toEqual([])
    expect(await ids('?q=second')).toEqual([])
  })

  it('finds long texts and odd characters, and characters outside ASCII', async () => {
    const long = 'a much longer search text than any LIKE pattern that D1 would accept here'
    const a = await submitForId(t, site, 'contact', { msg: `Intro. ${long}. Outro.` })
    const b = await submitForId(t, site, 'contact', { msg: 'Grüße aus Köln 🌻 und Zürich' })
    expect(await ids(`?q=${encodeURIComponent(long)}`)).toEqual([a])
    expect(await ids(`?q=${encodeURIComponent('aus Köln 🌻')}`)).toEqual([b])
    expect(await ids(`?q=${encodeURIComponent('🌻')}`)).toEqual([b])
    for (const odd of ['" OR 1=1 --', '*', 'NEAR(a b)', '\u0000ab', '"""']) {
      const res = await owner.request(`/submissions?q=${encodeURIComponent(odd)}`)
      expect({ odd, status: res.status }).toEqual({ odd, status: 200 })
      expect(((await res.json()) as Page).items).toEqual([])
    }
  })

  it('forgets a deleted submission, and never shows another site’s', async () => {
    const other = await createTestSite(t, { name: 'Other' })
    await ownerApi(t, other).createForm({ id: 'contact', name: 'Contact' })
    await submitForId(t, other, 'contact', { msg: 'marigold seeds' })
    const mine = await submitForId(t, site, 'contact', { msg: 'marigold seeds' })
    expect(await ids('?q=marigold')).toEqual([mine])

    expect((await owner.send('DELETE', `/submissions/${mine}`)).status).toBe(204)
    expect(await ids('?q=marigold')).toEqual([])
    const indexed = await rows(
      t.deps.client,
      `SELECT rowid FROM submissions_search WHERE submissions_search MATCH '"mar" AND "igo"'`,
    )
    // Only the other site's submission is left in the index.
    expect(indexed).toHaveLength(1)
  })
})

describe('trigramQuery', () => {
  it('asks for each distinct three-character piece, quoted, at most twelve', () => {
    expect(trigramQuery('ab')).toBeUndefined()
    expect(trigramQuery('abcb')).toBe('"abc" AND "bcb"')
    expect(trigramQuery('a"bc')).toBe('"a""b" AND """bc"')
    expect(trigramQuery('🌻ab')).toBe('"🌻ab"')
    expect(trigramQuery('\u0000ab')).toBeUndefined()
    const long = trigramQuery('abcdefghijklmnopqrstuvwxyz')
    expect(long?.split(' AND ')).toHaveLength(12)
    expect(long?.startsWith('"abc"')).toBe(true)
    expect(long?.endsWith('"xyz"')).toBe(true)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError, bearer, rows } from '../../test/helpers/http.ts'
import { type OwnerApi, ownerApi } from '../../test/helpers/owner-api.ts'
import { encodeCursor } from '../http/cursor.ts'
import { addMember, sessionFor } from './admin-test-helpers.ts'
import { type AuthHarness, createAuthHarness, registerMember, signIn } from './test-helpers.ts'

// GET /v1/admin/members: the owner's list of members, newest first, with search and filters,
// and keyset pages that stay stable while members join.

type Summary = {
  id: string
  email: string
  displayName: string
  role: string
  status: string
  createdAt: number
  lastSeenAt: number | null
}
type Page = { items: Summary[]; nextCursor: string | null }

let h: AuthHarness
let owner: OwnerApi
const minute = 60_000
const day = 86_400_000

beforeEach(async () => {
  h = await createAuthHarness()
  owner = ownerApi(h.t, h.site)
})
afterEach(() => h.close())

async function page(query: string, api = owner): Promise<Page> {
  const res = await api.request(`/members${query}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Page
}

/** Members joining one minute apart; the returned ids are oldest first. */
async function join(...emails: string[]) {
  const ids: string[] = []
  for (const email of emails) {
    h.clock.advance(minute)
    ids.push((await addMember(h.t, h.site, { email })).id)
  }
  return ids
}

describe('GET /v1/admin/members', () => {
  it('lists every field of a member summary, newest first', async () => {
    const created = await addMember(h.t, h.site, {
      email: 'Ann@Example.com',
      displayName: 'Ann',
      verified: true,
    })
    expect(await page('')).toEqual({
      items: [
        {
          id: created.id,
          email: 'ann@example.com',
          emailVerified: true,
          displayName: 'Ann',
          username: null,
          role: 'member',
          status: 'active',
          suspendedUntil: null,
          createdAt: h.clock.now(),
          lastSeenAt: null,
        },
      ],
      nextCursor: null,
    })
  })

  it('reports lastSeenAt as the latest use of any of the member’s sessions', async () => {
    const { id } = await addMember(h.t, h.site, { email: 'ann@example.com' })
    const signedInAt = h.clock.now()
    expect((await signIn(h, { email: 'ann@example.com' })).status).toBe(200)
    h.clock.advance(3 * day)
    await sessionFor(h.t, h.site, id)
    const [item] = (await page('')).items
    expect(item?.lastSeenAt).toBe(signedInAt + 3 * day)
  })

  it('pages stay stable while members join: no repeats, no gaps', async () => {
    const [a, b, c, d, e] = await join(
      'a@x.example',
      'b@x.example',
      'c@x.example',
      'd@x.example',
      'e@x.example',
    )
    const first = await page('?limit=2')
    expect(first.items.map((m) => m.id)).toEqual([e, d])
    expect(first.nextCursor).toEqual(expect.any(String))

    const [late] = await join('late@x.example')
    const second = await page(`?limit=2&cursor=${first.nextCursor}`)
    expect(second.items.map((m) => m.id)).toEqual([c, b])
    const third = await page(`?limit=2&cursor=${second.nextCursor}`)
    expect(third).toEqual({ items: [expect.objectContaining({ id: a })], nextCursor: null })

    // The newcomer is at the top of a fresh first page.
    expect((await page('?limit=2')).items.map((m) => m.id)).toEqual([late, e])
  })

  it('members who joined in the same millisecond are each listed exactly once', async () => {
    const ids = []
    for (const email of ['a@x.example', 'b@x.example', 'c@x.example']) {
      ids.push((await addMember(h.t, h.site, { email })).id)
    }
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const next: Page = await page(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...next.items.map((m) => m.id))
      cursor = next.nextCursor
    } while (cursor)
    expect(seen).toEqual([...ids].sort().reverse())
  })

  describe('search and filters', () => {
    let ids: Record<string, string>
    beforeEach(async () => {
      ids = {}
      const add = async (key: string, input: Parameters<typeof addMember>[2]) => {
        h.clock.advance(minute)
        ids[key] = (await addMember(h.t, h.site, input)).id
      }
      await add('ann', { email: 'ann@bakery.example', displayName: 'Ann Baker' })
      await add('bob', {
        email: 'bob@shop.example',
        displayName: 'Robert Smith',
        role: 'moderator',
      })
      await add('pct', { email: 'pct@shop.example', displayName: '100% Pure' })
      await add('und', { email: 'und@shop.example', displayName: 'fifty_fifty' })
      await add('boss', { email: 'boss@shop.example', displayName: 'The Boss', role: 'admin' })
      // A username is set by registering, as members do.
      h.clock.advance(minute)
      expect(
        (await registerMember(h, { email: 'cat@shop.example', username: 'Whiskers' })).status,
      ).toBe(202)
      const [cat] = await rows(
        h.t.deps.client,
        "SELECT id FROM members WHERE email = 'cat@shop.example'",
      )
      ids.cat = String(cat?.id)
      // Suspended now, a suspension that has lapsed, and a ban.
      await h.t.deps.client.batch([
        {
          sql: "UPDATE members SET status = 'suspended', suspended_until = ? WHERE id = ?",
          args: [h.clock.now() + day, ids.ann ?? ''],
        },
        {
          sql: "UPDATE members SET status = 'suspended', suspended_until = ? WHERE id = ?",
          args: [h.clock.now() - 1, ids.pct ?? ''],
        },
        { sql: "UPDATE members SET status = 'banned' WHERE id = ?", args: [ids.und ?? ''] },
      ])
    })

    const listed = async (query: string) =>
      (await page(query)).items.map((m) => Object.entries(ids).find(([, id]) => id === m.id)?.[0])

    it.each([
      { query: '?q=BAKERY', expected: ['ann'], why: 'email, any case' },
      { query: '?q=robert', expected: ['bob'], why: 'display name, any case' },
      { query: '?q=whisk', expected: ['cat'], why: 'username' },
      { query: '?q=shop', expected: ['cat', 'boss', 'und', 'pct', 'bob'], why: 'many' },
      { query: '?q=%25', expected: ['pct'], why: '% is a literal' },
      { query: '?q=_', expected: ['und'], why: '_ is a literal' },
      { query: '?q=nobody', expected: [], why: 'no match' },
      {
        query: '?q=',
        expected: ['cat', 'boss', 'und', 'pct', 'bob', 'ann'],
        why: 'empty q: no filter',
      },
      { query: '?role=admin', expected: ['boss'], why: 'role' },
      { query: '?role=moderator&q=shop', expected: ['bob'], why: 'role and search' },
      { query: '?status=suspended', expected: ['ann'], why: 'suspended now' },
      { query: '?status=banned', expected: ['und'], why: 'banned' },
      {
        query: '?status=active',
        expected: ['cat', 'boss', 'pct', 'bob'],
        why: 'a lapsed suspension is active',
      },
    ])('$query finds $expected ($why)', async ({ query, expected }) => {
      expect(await listed(query)).toEqual(expected)
    })

    it('shows the status in force: a lapsed suspension reads as active, with no end time', async () => {
      const items = (await page('')).items as (Summary & { suspendedUntil: number | null })[]
      const byId = (id?: string) => items.find((m) => m.id === id)
      expect(byId(ids.ann)).toMatchObject({
        status: 'suspended',
        suspendedUntil: h.clock.now() + day,
      })
      expect(byId(ids.pct)).toMatchObject({ status: 'active', suspendedUntil: null })
      expect(byId(ids.und)).toMatchObject({ status: 'banned', suspendedUntil: null })
    })
  })

  it.each([
    {
      query: '?role=owner',
      status: 422,
      body: apiError('VALIDATION_FAILED', { role: expect.any(String) }),
    },
    {
      query: '?status=gone',
      status: 422,
      body: apiError('VALIDATION_FAILED', { status: expect.any(String) }),
    },
    {
      query: '?limit=0',
      status: 422,
      body: apiError('VALIDATION_FAILED', { limit: expect.any(String) }),
    },
    {
      query: '?limit=101',
      status: 422,
      body: apiError('VALIDATION_FAILED', { limit: expect.any(String) }),
    },
    {
      query: '?sort=email',
      status: 422,
      body: apiError('VALIDATION_FAILED', { sort: 'Unknown field.' }),
    },
    { query: '?cursor=not-a-cursor', status: 400, body: apiError('INVALID_CURSOR') },
    { query: `?cursor=${encodeCursor(['x', 1])}`, status: 400, body: apiError('INVALID_CURSOR') },
  ])('$query → $status', async ({ query, status, body }) => {
    const res = await owner.request(`/members${query}`)
    expect(res.status).toBe(status)
    expect(await res.json()).toEqual(body)
  })

  it('needs the secret key: a publishable key or a member token gets 401', async () => {
    const { id } = await addMember(h.t, h.site, { email: 'ann@example.com' })
    const token = await sessionFor(h.t, h.site, id)
    for (const headers of [{}, { 'X-Porchlight-Key': h.site.publishableKey }, bearer(token)]) {
      const res = await h.t.app.request('/v1/admin/members', { headers })
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual(apiError('INVALID_SECRET_KEY'))
    }
  })
})

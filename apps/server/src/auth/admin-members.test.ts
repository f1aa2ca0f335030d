import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, type TestSite } from '../../test/helpers/app.ts'
import { apiError, jsonRequest, rows } from '../../test/helpers/http.ts'
import { type OwnerApi, ownerApi } from '../../test/helpers/owner-api.ts'
import { siteScope } from '../sites/scope.ts'
import { addMember, memberRow, sessionCount, sessionFor } from './admin-test-helpers.ts'
import { issueMemberToken } from './member-tokens.ts'
import { type AuthHarness, asMember, createAuthHarness } from './test-helpers.ts'

// The owner's member API (secret key) for one member: reading, changing the role, deleting, and
// another site's key finding nothing. Each scenario checks the answer and the rows afterwards.

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

describe('GET /v1/admin/members/:id', () => {
  it('answers the summary plus the number of sessions still in force', async () => {
    const { id } = await addMember(h.t, h.site, { email: 'ann@example.com' })
    await sessionFor(h.t, h.site, id)
    // 31 days later the first session has expired by inactivity, though its row remains.
    h.clock.advance(31 * day)
    await sessionFor(h.t, h.site, id)
    await sessionFor(h.t, h.site, id)
    const res = await owner.request(`/members/${id}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(
      expect.objectContaining({
        id,
        email: 'ann@example.com',
        lastSeenAt: h.clock.now(),
        sessionCount: 2,
      }),
    )
    expect(await sessionCount(h.t, id)).toBe(3)
  })

  it('404 MEMBER_NOT_FOUND for an unknown id', async () => {
    const res = await owner.request('/members/mem_nope')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual(apiError('MEMBER_NOT_FOUND'))
  })
})

describe('PATCH /v1/admin/members/:id', () => {
  it.each(['moderator', 'admin', 'member'])('sets the role to %s', async (role) => {
    const { id } = await addMember(h.t, h.site, { email: 'ann@example.com', role: 'moderator' })
    h.clock.advance(minute)
    const res = await owner.send('PATCH', `/members/${id}`, { role })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(expect.objectContaining({ id, role, sessionCount: 0 }))
    expect(await memberRow(h.t, id)).toMatchObject({ role, updated_at: h.clock.now() })
  })

  it('the new role is what the member sees on their next request', async () => {
    const { id } = await addMember(h.t, h.site, { email: 'ann@example.com' })
    const token = await sessionFor(h.t, h.site, id)
    await owner.send('PATCH', `/members/${id}`, { role: 'moderator' })
    const res = await asMember(h, token, '/v1/auth/session')
    expect(await res.json()).toMatchObject({ account: { role: 'moderator' } })
  })

  it.each([
    {
      body: { role: 'owner' },
      status: 422,
      error: apiError('VALIDATION_FAILED', { role: expect.any(String) }),
    },
    { body: {}, status: 422, error: apiError('VALIDATION_FAILED', { role: expect.any(String) }) },
    {
      body: { role: 'admin', status: 'banned' },
      status: 422,
      error: apiError('VALIDATION_FAILED', { status: 'Unknown field.' }),
    },
  ])('refuses $body with $status and changes nothing', async ({ body, status, error }) => {
    const { id } = await addMember(h.t, h.site, { email: 'ann@example.com' })
    const res = await owner.send('PATCH', `/members/${id}`, body)
    expect(res.status).toBe(status)
    expect(await res.json()).toEqual(error)
    expect(await memberRow(h.t, id)).toMatchObject({ role: 'member', status: 'active' })
  })

  it('415 without a JSON content type; 404 for an unknown member', async () => {
    const { id } = await addMember(h.t, h.site, { email: 'ann@example.com' })
    const plain = await owner.request(`/members/${id}`, { method: 'PATCH', body: 'role=admin' })
    expect(plain.status).toBe(415)
    const missing = await owner.send('PATCH', '/members/mem_nope', { role: 'admin' })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual(apiError('MEMBER_NOT_FOUND'))
  })
})

describe('DELETE /v1/admin/members/:id', () => {
  it('deletes the member, their sessions and tokens; their submissions stay, unlinked', async () => {
    const { id } = await addMember(h.t, h.site, { email: 'ann@example.com' })
    const other = await addMember(h.t, h.site, { email: 'bob@example.com' })
    const token = await sessionFor(h.t, h.site, id)
    const otherToken = await sessionFor(h.t, h.site, other.id)
    const scope = siteScope(h.site.id)
    await issueMemberToken(h.t.deps.db, h.clock, scope, { memberId: id, purpose: 'reset_password' })
      .insert
    // A contact submission sent while signed in (the contact API links them once it knows members).
    await h.t.deps.client.execute({
      sql: `INSERT INTO submissions (id, site_id, form_id, status, data, spam_reasons, member_id,
              content_hash, created_at, updated_at) VALUES ('sub_1', ?, 'contact', 'new', '{}', '[]', ?, 'h', 0, 0)`,
      args: [h.site.id, id],
    })

    const res = await owner.request(`/members/${id}`, { method: 'DELETE' })
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
    expect(await rows(h.t.deps.client, 'SELECT id FROM members')).toEqual([{ id: other.id }])
    expect(await rows(h.t.deps.client, 'SELECT member_id FROM sessions')).toEqual([
      { member_id: other.id },
    ])
    expect(await rows(h.t.deps.client, 'SELECT id FROM member_tokens')).toEqual([])
    expect(await rows(h.t.deps.client, 'SELECT id, member_id FROM submissions')).toEqual([
      { id: 'sub_1', member_id: null },
    ])
    expect((await asMember(h, token, '/v1/auth/session')).status).toBe(401)
    expect((await asMember(h, otherToken, '/v1/auth/session')).status).toBe(200)

    const again = await owner.request(`/members/${id}`, { method: 'DELETE' })
    expect(again.status).toBe(404)
    expect(await again.json()).toEqual(apiError('MEMBER_NOT_FOUND'))
    // The address is free again.
    expect((await addMember(h.t, h.site, { email: 'ann@example.com' })).id).not.toBe(id)
  })
})

describe('tenant isolation', () => {
  let other: TestSite
  let otherOwner: OwnerApi
  beforeEach(async () => {
    other = await createTestSite(h.t, { name: 'Other' })
    otherOwner = ownerApi(h.t, other)
  })

  it('site B’s secret key cannot list, read or change site A’s members (404, nothing changed)', async () => {
    const { id } = await addMember(h.t, h.site, { email: 'ann@example.com' })
    const token = await sessionFor(h.t, h.site, id)
    await addMember(h.t, other, { email: 'ann@example.com', displayName: 'Ann on B' })

    expect((await page('', otherOwner)).items.map((m) => m.displayName)).toEqual(['Ann on B'])
    expect((await page('?q=ann', otherOwner)).items).toHaveLength(1)
    const attempts: [string, string, unknown?][] = [
      ['GET', `/members/${id}`],
      ['PATCH', `/members/${id}`, { role: 'admin' }],
      ['POST', `/members/${id}/suspend`, { until: h.clock.now() + day }],
      ['POST', `/members/${id}/ban`, {}],
      ['POST', `/members/${id}/unban`],
      ['DELETE', `/members/${id}/sessions`],
      ['DELETE', `/members/${id}`],
    ]
    for (const [method, path, body] of attempts) {
      const res = await otherOwner.request(
        path,
        body === undefined ? { method } : jsonRequest(method, body),
      )
      expect([method, path, res.status]).toEqual([method, path, 404])
      expect(await res.json()).toEqual(apiError('MEMBER_NOT_FOUND'))
    }
    expect(await memberRow(h.t, id)).toMatchObject({ role: 'member', status: 'active' })
    expect((await asMember(h, token, '/v1/auth/session')).status).toBe(200)
  })
})

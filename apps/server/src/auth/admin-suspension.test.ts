import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import { type OwnerApi, ownerApi } from '../../test/helpers/owner-api.ts'
import { siteScope } from '../sites/scope.ts'
import { addMember, memberRow, sessionCount, sessionFor } from './admin-test-helpers.ts'
import { validateSessionToken } from './sessions.ts'
import { readAuthSettings } from './settings.ts'
import { type AuthHarness, asMember, createAuthHarness, signIn } from './test-helpers.ts'

// Taking sign-in away: suspend (until a time), ban, unban, and ending a member's sessions. The
// proof is what the member experiences: their token stops working on the very next request,
// and sign-in is refused until the owner's decision says otherwise.

let h: AuthHarness
let owner: OwnerApi
let ann: { id: string; email: string }
let bob: { id: string; email: string }
let annTokens: string[]
let bobToken: string
const day = 86_400_000
const year = 365 * day

beforeEach(async () => {
  h = await createAuthHarness()
  owner = ownerApi(h.t, h.site)
  ann = await addMember(h.t, h.site, { email: 'ann@example.com', verified: true })
  bob = await addMember(h.t, h.site, { email: 'bob@example.com', verified: true })
  annTokens = [await sessionFor(h.t, h.site, ann.id), await sessionFor(h.t, h.site, ann.id)]
  bobToken = await sessionFor(h.t, h.site, bob.id)
})
afterEach(() => h.close())

const sessionStatus = async (token: string) => (await asMember(h, token, '/v1/auth/session')).status
const signInStatus = async (email: string) => {
  const res = await signIn(h, { email })
  return {
    status: res.status,
    code: res.ok ? null : ((await res.json()) as { error: { code: string } }).error.code,
  }
}

describe('POST /v1/admin/members/:id/suspend', () => {
  it('suspends until the given time, ending every session in the same step', async () => {
    const until = h.clock.now() + 3 * day
    const res = await owner.send('POST', `/members/${ann.id}/suspend`, { until, reason: 'Spam' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      member: expect.objectContaining({
        id: ann.id,
        status: 'suspended',
        suspendedUntil: until,
        sessionCount: 0,
        lastSeenAt: null,
      }),
      reason: 'Spam',
      sessionsEnded: 2,
    })
    expect(await memberRow(h.t, ann.id)).toMatchObject({
      status: 'suspended',
      suspended_until: until,
    })
    expect(await sessionCount(h.t, ann.id)).toBe(0)

    // The token stops working on the next request; Bob is untouched.
    const next = await asMember(h, annTokens[0] ?? '', '/v1/auth/session')
    expect(next.status).toBe(401)
    expect(await next.json()).toEqual(apiError('INVALID_SESSION'))
    expect(await sessionStatus(bobToken)).toBe(200)

    // Sign-in is refused until `until`, then allowed again without the owner doing anything.
    expect(await signInStatus(ann.email)).toEqual({ status: 403, code: 'ACCOUNT_SUSPENDED' })
    h.clock.advance(3 * day - 1)
    expect(await signInStatus(ann.email)).toEqual({ status: 403, code: 'ACCOUNT_SUSPENDED' })
    h.clock.advance(1)
    expect(await signInStatus(ann.email)).toEqual({ status: 200, code: null })
    const after = await owner.request(`/members/${ann.id}`)
    expect(await after.json()).toMatchObject({
      status: 'active',
      suspendedUntil: null,
      sessionCount: 1,
    })
  })

  it('a session made during the suspension (e.g. by another path) is worthless too', async () => {
    await owner.send('POST', `/members/${ann.id}/suspend`, { until: h.clock.now() + day })
    const token = await sessionFor(h.t, h.site, ann.id)
    const scope = siteScope(h.site.id)
    expect(
      await validateSessionToken(h.t.deps.db, h.clock, scope, readAuthSettings({}), token),
    ).toBeNull()
    expect(await sessionCount(h.t, ann.id)).toBe(0)
  })

  it('accepts an ISO 8601 time, and a new suspension replaces the old end', async () => {
    const until = h.clock.now() + 7 * day
    const iso = new Date(until).toISOString()
    const res = await owner.send('POST', `/members/${ann.id}/suspend`, { until: iso })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ member: { suspendedUntil: until }, reason: null })
    const shorter = await owner.send('POST', `/members/${ann.id}/suspend`, {
      until: until - 6 * day,
    })
    expect(await shorter.json()).toMatchObject({
      member: { suspendedUntil: until - 6 * day },
      sessionsEnded: 0,
    })
    expect(await memberRow(h.t, ann.id)).toMatchObject({ suspended_until: until - 6 * day })
  })

  it.each([
    { name: 'in the past', body: () => ({ until: h.clock.now() - 1 }), field: 'until' },
    { name: 'now', body: () => ({ until: h.clock.now() }), field: 'until' },
    { name: 'past ten years', body: () => ({ until: h.clock.now() + 11 * year }), field: 'until' },
    { name: 'not a time', body: () => ({ until: 'next tuesday' }), field: 'until' },
    { name: 'a fraction', body: () => ({ until: h.clock.now() + 0.5 }), field: 'until' },
    { name: 'missing', body: () => ({}), field: 'until' },
    {
      name: 'a long reason',
      body: () => ({ until: h.clock.now() + day, reason: 'x'.repeat(501) }),
      field: 'reason',
    },
    {
      name: 'an unknown field',
      body: () => ({ until: h.clock.now() + day, notify: true }),
      field: 'notify',
    },
  ])('422 for `until` $name; nothing changes', async ({ body, field }) => {
    const res = await owner.send('POST', `/members/${ann.id}/suspend`, body())
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', { [field]: expect.any(String) }))
    expect(await memberRow(h.t, ann.id)).toMatchObject({ status: 'active', suspended_until: null })
    expect(await sessionCount(h.t, ann.id)).toBe(2)
  })

  it('accepts exactly ten years', async () => {
    const res = await owner.send('POST', `/members/${ann.id}/suspend`, {
      until: h.clock.now() + 3653 * day,
    })
    expect(res.status).toBe(200)
  })

  it('409 MEMBER_BANNED for a banned member: the ban stays; 404 for an unknown member', async () => {
    await owner.send('POST', `/members/${ann.id}/ban`, {})
    const res = await owner.send('POST', `/members/${ann.id}/suspend`, {
      until: h.clock.now() + day,
    })
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(apiError('MEMBER_BANNED'))
    expect(await memberRow(h.t, ann.id)).toMatchObject({ status: 'banned', suspended_until: null })

    const missing = await owner.send('POST', '/members/mem_nope/suspend', {
      until: h.clock.now() + day,
    })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual(apiError('MEMBER_NOT_FOUND'))
  })
})

describe('POST /v1/admin/members/:id/ban and /unban', () => {
  it.each([
    { name: 'no body', init: { method: 'POST' }, reason: null },
    {
      name: 'an empty object',
      init: { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } },
      reason: null,
    },
    {
      name: 'a reason',
      init: {
        method: 'POST',
        body: '{"reason":" Threats "}',
        headers: { 'Content-Type': 'application/json' },
      },
      reason: 'Threats',
    },
  ])('bans with $name, ending every session', async ({ init, reason }) => {
    const res = await owner.request(`/members/${ann.id}/ban`, init)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      member: expect.objectContaining({
        id: ann.id,
        status: 'banned',
        suspendedUntil: null,
        sessionCount: 0,
      }),
      reason,
      sessionsEnded: 2,
    })
    expect(await memberRow(h.t, ann.id)).toMatchObject({ status: 'banned', suspended_until: null })
    expect(await sessionStatus(annTokens[1] ?? '')).toBe(401)
    expect(await sessionStatus(bobToken)).toBe(200)
    // A ban reads like a wrong password, forever.
    h.clock.advance(5 * year)
    expect(await signInStatus(ann.email)).toEqual({ status: 401, code: 'INVALID_CREDENTIALS' })
  })

  it('unban lets the member sign in again at once', async () => {
    await owner.send('POST', `/members/${ann.id}/ban`, {})
    h.clock.advance(day)
    const res = await owner.request(`/members/${ann.id}/unban`, { method: 'POST' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      member: expect.objectContaining({ id: ann.id, status: 'active', suspendedUntil: null }),
    })
    expect(await memberRow(h.t, ann.id)).toMatchObject({
      status: 'active',
      suspended_until: null,
      updated_at: h.clock.now(),
    })
    expect(await signInStatus(ann.email)).toEqual({ status: 200, code: null })
  })

  it('banning a suspended member replaces the suspension; unban also lifts a suspension', async () => {
    await owner.send('POST', `/members/${ann.id}/suspend`, { until: h.clock.now() + day })
    const banned = await owner.send('POST', `/members/${ann.id}/ban`, {})
    expect(await banned.json()).toMatchObject({
      member: { status: 'banned', suspendedUntil: null },
    })
    await owner.request(`/members/${ann.id}/unban`, { method: 'POST' })

    await owner.send('POST', `/members/${bob.id}/suspend`, { until: h.clock.now() + year })
    const lifted = await owner.request(`/members/${bob.id}/unban`, { method: 'POST' })
    expect(await lifted.json()).toMatchObject({
      member: { status: 'active', suspendedUntil: null },
    })
    expect(await signInStatus(bob.email)).toEqual({ status: 200, code: null })
    expect(await signInStatus(ann.email)).toEqual({ status: 200, code: null })
  })

  it.each([
    {
      name: 'a form-encoded body',
      init: { body: 'reason=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'malformed JSON',
      init: { body: '{', headers: { 'Content-Type': 'application/json' } },
      status: 400,
      code: 'INVALID_JSON',
    },
    {
      name: 'an unknown field',
      init: { body: '{"until":1}', headers: { 'Content-Type': 'application/json' } },
      status: 422,
      code: 'VALIDATION_FAILED',
    },
  ])('ban refuses $name ($status) and bans no one', async ({ init, status, code }) => {
    const res = await owner.request(`/members/${ann.id}/ban`, { method: 'POST', ...init })
    expect(res.status).toBe(status)
    expect(await res.json()).toMatchObject({ error: { code } })
    expect(await memberRow(h.t, ann.id)).toMatchObject({ status: 'active' })
    expect(await sessionCount(h.t, ann.id)).toBe(2)
  })

  it('404 MEMBER_NOT_FOUND for unknown members', async () => {
    for (const path of ['/members/mem_nope/ban', '/members/mem_nope/unban']) {
      const res = await owner.request(path, { method: 'POST' })
      expect(res.status).toBe(404)
      expect(await res.json()).toEqual(apiError('MEMBER_NOT_FOUND'))
    }
  })
})

describe('DELETE /v1/admin/members/:id/sessions', () => {
  it('ends every session of the member; they may sign in again', async () => {
    const res = await owner.request(`/members/${ann.id}/sessions`, { method: 'DELETE' })
    expect(res.status).toBe(204)
    expect(await sessionCount(h.t, ann.id)).toBe(0)
    for (const token of annTokens) expect(await sessionStatus(token)).toBe(401)
    expect(await sessionStatus(bobToken)).toBe(200)
    expect(await memberRow(h.t, ann.id)).toMatchObject({ status: 'active' })
    expect(await signInStatus(ann.email)).toEqual({ status: 200, code: null })
  })

  it('204 for a member with no sessions; 404 for an unknown member', async () => {
    await owner.request(`/members/${ann.id}/sessions`, { method: 'DELETE' })
    expect((await owner.request(`/members/${ann.id}/sessions`, { method: 'DELETE' })).status).toBe(
      204,
    )
    const missing = await owner.request('/members/mem_nope/sessions', { method: 'DELETE' })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual(apiError('MEMBER_NOT_FOUND'))
  })
})

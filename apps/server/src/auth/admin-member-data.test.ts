import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bearer, rows } from '../../test/helpers/http.ts'
import {
  type AccountHarness,
  call,
  createAccountHarness,
  firstPassword,
  insertSubmission,
  signIn,
  signUp,
  type TestMember,
} from './account-test-helpers.ts'

// What the owner sees of one member: the devices signed in (never a token), and the same data
// export the member downloads themselves.

let h: AccountHarness
let ann: TestMember
afterEach(() => h.close())

beforeEach(async () => {
  h = await createAccountHarness()
  ann = await signUp(h, { email: 'ann@example.com', username: 'ann' })
})

function asOwner(path: string, site = h.site) {
  return h.t.app.request(`/v1/admin${path}`, { headers: bearer(site.secretKey) })
}

describe('GET /v1/admin/members/{id}/sessions', () => {
  it('lists each device signed in, most recently used first, without any token', async () => {
    h.clock.advance(2 * 3_600_000)
    const laptop = await call(h, 'POST', '/auth/login', {
      body: { email: ann.email, password: firstPassword, transport: 'cookie' },
      headers: { 'User-Agent': 'Firefox on the laptop' },
    })
    expect(laptop.status).toBe(200)

    const res = await asOwner(`/members/${ann.id}/sessions`)
    expect(res.status).toBe(200)
    const text = await res.text()
    const { items } = JSON.parse(text) as { items: Record<string, unknown>[] }
    expect(items).toHaveLength(2)
    expect(items[0]).toMatchObject({
      transport: 'cookie',
      userAgent: 'Firefox on the laptop',
      createdAt: h.clock.now(),
    })
    expect(items[1]).toMatchObject({ transport: 'bearer' })
    expect(items[0]).not.toHaveProperty('current')
    // Neither half of a token's secret, nor its hash, is anywhere in the answer.
    const hashes = await rows(h.t.deps.client, 'SELECT secret_hash AS hash FROM sessions')
    expect(hashes).toHaveLength(2)
    for (const secret of [ann.token.split('.')[1] ?? '', ...hashes.map((r) => String(r.hash))]) {
      expect(secret.length).toBeGreaterThan(0)
      expect(text).not.toContain(secret)
    }
  })

  it('answers 404 for a member of another site, as for none', async () => {
    const bob = await signUp(h, { email: 'bob@example.com', site: h.otherSite })
    for (const id of [bob.id, 'mem_nobody']) {
      const res = await asOwner(`/members/${id}/sessions`)
      expect(res.status).toBe(404)
      expect((await res.json()).error.code).toBe('MEMBER_NOT_FOUND')
    }
  })
})

describe('GET /v1/admin/members/{id}/export', () => {
  it('is the document the member downloads, with no session marked current', async () => {
    await insertSubmission(h, {
      site: h.site,
      memberId: ann.id,
      data: { email: 'ann@example.com', message: 'Is the bakery open on Sunday?' },
    })
    await signIn(h, ann.email, firstPassword)

    const own = await (await call(h, 'GET', '/account/export', { token: ann.token })).json()
    const res = await asOwner(`/members/${ann.id}/export`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="porchlight-account-${ann.id}.json"`,
    )
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await res.json()
    const withoutCurrent = (data: { sessions: { current: boolean }[] }) => ({
      ...data,
      sessions: data.sessions.map(({ current: _, ...s }) => s),
    })
    expect(withoutCurrent(body)).toEqual(withoutCurrent(own))
    expect(body.submissions).toHaveLength(1)
    expect(body.sessions.map((s: { current: boolean }) => s.current)).toEqual([false, false])
  })

  it('answers 404 for a member of another site', async () => {
    const bob = await signUp(h, { email: 'bob@example.com', site: h.otherSite })
    const res = await asOwner(`/members/${bob.id}/export`)
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('MEMBER_NOT_FOUND')
  })
})

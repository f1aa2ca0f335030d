import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { createTestCategory } from '../../test/helpers/categories.ts'
import { createTestMember, fastPasswords } from '../../test/helpers/members.ts'

describe('forum basics', () => {
  let t: TestApp
  let site: TestSite
  const clock = manualClock()
  beforeEach(async () => {
    t = await createTestApp({ clock, passwords: fastPasswords })
    site = await createTestSite(t)
    await createTestCategory(t, site)
  })
  afterEach(() => t.close())

  it('starts a thread, replies, and lists both in order', async () => {
    const ann = await createTestMember(t, site)
    const bob = await createTestMember(t, site)
    const headers = (token?: string) => ({
      'X-Porchlight-Key': site.publishableKey,
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    })
    const created = await t.app.request('/v1/forum/threads', {
      method: 'POST',
      headers: headers(ann.token),
      body: JSON.stringify({
        category: 'general',
        title: 'Hello there',
        body: `First *post* @${bob.username}`,
      }),
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    clock.advance(1000)
    const reply = await t.app.request(`/v1/forum/threads/${id}/posts`, {
      method: 'POST',
      headers: headers(bob.token),
      body: JSON.stringify({ body: 'A reply' }),
    })
    expect(reply.status).toBe(201)
    expect(await reply.json()).toMatchObject({ number: 2 })
    const list = await t.app.request(`/v1/forum/threads/${id}/posts`, { headers: headers() })
    expect(list.status).toBe(200)
    const body = (await list.json()) as { items: { number: number; html: string }[] }
    expect(body.items.map((p) => p.number)).toEqual([1, 2])
    expect(body.items[0]?.html).toContain('<em>post</em>')
    const etag = list.headers.get('etag') ?? ''
    const again = await t.app.request(`/v1/forum/threads/${id}/posts`, {
      headers: { ...headers(), 'if-none-match': etag },
    })
    expect(again.status).toBe(304)
    const threads = await t.app.request('/v1/forum/categories/general/threads', {
      headers: headers(),
    })
    expect(((await threads.json()) as { items: { postCount: number }[] }).items[0]?.postCount).toBe(
      2,
    )
    const guest = await t.app.request(`/v1/forum/threads/${id}/posts`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ body: 'x' }),
    })
    expect(guest.status).toBe(401)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { createTestCategory } from '../../test/helpers/categories.ts'
import { createTestMember, fastPasswords, type TestMember } from '../../test/helpers/members.ts'

// Regressions found by the SDK's author: what a client needs back from the forum API.
describe('the forum API gives clients what they need', () => {
  let t: TestApp
  let site: TestSite
  let ann: TestMember
  let threadId: string
  const clock = manualClock()
  const headers = (token?: string) => ({
    'X-Porchlight-Key': site.publishableKey,
    'content-type': 'application/json',
    ...(token && { authorization: `Bearer ${token}` }),
  })

  beforeEach(async () => {
    t = await createTestApp({ clock, passwords: fastPasswords })
    site = await createTestSite(t)
    await createTestCategory(t, site)
    ann = await createTestMember(t, site)
    const res = await t.app.request('/v1/forum/threads', {
      method: 'POST',
      headers: headers(ann.token),
      body: JSON.stringify({ category: 'general', title: 'A question', body: 'Hello **all**' }),
    })
    expect(res.status).toBe(201)
    const created = (await res.json()) as {
      id: string
      post: { number: number; html: string; author: { id: string } }
    }
    threadId = created.id
    // The rendered post comes back, so a page can show it without fetching the thread again.
    expect(created.post).toMatchObject({
      number: 1,
      html: '<p>Hello <strong>all</strong></p>\n',
      author: { id: ann.id },
    })
  })
  afterEach(() => t.close())

  it('names the thread author when one thread is read', async () => {
    const res = await t.app.request(`/v1/forum/threads/${threadId}`, { headers: headers() })
    expect(await res.json()).toMatchObject({ author: { id: ann.id, username: ann.username } })
  })

  it('returns the new reply, and pages posts with `cursor` as with every other list', async () => {
    const reply = await t.app.request(`/v1/forum/threads/${threadId}/posts`, {
      method: 'POST',
      headers: headers(ann.token),
      body: JSON.stringify({ body: 'Second' }),
    })
    expect(await reply.json()).toMatchObject({
      number: 2,
      post: { number: 2, html: '<p>Second</p>\n' },
    })
    const page = await t.app.request(`/v1/forum/threads/${threadId}/posts?limit=1`, {
      headers: headers(),
    })
    const { nextCursor } = (await page.json()) as { nextCursor: string }
    const next = await t.app.request(`/v1/forum/threads/${threadId}/posts?cursor=${nextCursor}`, {
      headers: headers(),
    })
    expect(
      ((await next.json()) as { items: { number: number }[] }).items.map((p) => p.number),
    ).toEqual([2])
  })

  it('changes the posts ETag when an author renames themselves, so polling pages see it', async () => {
    const first = await t.app.request(`/v1/forum/threads/${threadId}/posts`, { headers: headers() })
    const etag = first.headers.get('etag') ?? ''
    const renamed = await t.app.request('/v1/account', {
      method: 'PATCH',
      headers: headers(ann.token),
      body: JSON.stringify({ displayName: 'Ann Example' }),
    })
    expect(renamed.status).toBe(200)
    const again = await t.app.request(`/v1/forum/threads/${threadId}/posts`, {
      headers: { ...headers(), 'if-none-match': etag },
    })
    expect(again.status).toBe(200)
    expect(
      ((await again.json()) as { items: { author: { displayName: string } }[] }).items[0]?.author
        .displayName,
    ).toBe('Ann Example')
  })

  it('includes the member’s posts in their data export', async () => {
    const res = await t.app.request('/v1/account/export', { headers: headers(ann.token) })
    const exported = (await res.json()) as {
      posts: { threadId: string; threadTitle: string; body: string }[]
    }
    expect(exported.posts).toEqual([
      expect.objectContaining({ threadId, threadTitle: 'A question', body: 'Hello **all**' }),
    ])
  })
})

describe('the composer preview', () => {
  it('renders as a post would, stores nothing, and is for members only', async () => {
    const t = await createTestApp({ passwords: fastPasswords })
    const site = await createTestSite(t)
    const ann = await createTestMember(t, site)
    const request = (token?: string) =>
      t.app.request('/v1/forum/preview', {
        method: 'POST',
        headers: {
          'X-Porchlight-Key': site.publishableKey,
          'content-type': 'application/json',
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ body: '*hi* <script>alert(1)</script> [x](javascript:alert(1))' }),
      })
    try {
      const res = await request(ann.token)
      expect(res.status).toBe(200)
      const { html } = (await res.json()) as { html: string }
      expect(html).toContain('<em>hi</em> &lt;script&gt;')
      expect(html).not.toContain('href="javascript')
      expect((await request()).status).toBe(401)
      const stored = await t.deps.client.execute('SELECT count(*) AS n FROM posts')
      expect(Number(stored.rows[0]?.n)).toBe(0)
    } finally {
      await t.close()
    }
  })
})

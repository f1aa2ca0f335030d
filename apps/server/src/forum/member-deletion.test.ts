import { eq } from 'drizzle-orm'
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
import { posts, reactions, sites } from '../db/schema.ts'

// Deleting an account settles what the member wrote, per the site's `deletedMemberPosts`.
describe.each(['keep', 'remove'] as const)('deleting a member who posted (policy %s)', (policy) => {
  let t: TestApp
  let site: TestSite
  let ann: TestMember
  let bob: TestMember
  let threadId: string
  const clock = manualClock()
  const headers = (token: string) => ({
    'X-Porchlight-Key': site.publishableKey,
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  })

  beforeEach(async () => {
    t = await createTestApp({ clock, passwords: fastPasswords })
    site = await createTestSite(t)
    await t.deps.db
      .update(sites)
      .set({ authSettings: { deletedMemberPosts: policy } })
      .where(eq(sites.id, site.id))
    await createTestCategory(t, site)
    ann = await createTestMember(t, site, { password: 'a long and unusual passphrase' })
    bob = await createTestMember(t, site)
    const res = await t.app.request('/v1/forum/threads', {
      method: 'POST',
      headers: headers(ann.token),
      body: JSON.stringify({ category: 'general', title: 'Ann asks', body: 'Ann wrote this' }),
    })
    threadId = ((await res.json()) as { id: string }).id
    await t.app.request(`/v1/forum/threads/${threadId}/posts`, {
      method: 'POST',
      headers: headers(bob.token),
      body: JSON.stringify({ body: 'Bob answers' }),
    })
    const [bobsPost] = await t.deps.db.select().from(posts).where(eq(posts.authorId, bob.id))
    await t.deps.db
      .insert(reactions)
      .values({ siteId: site.id, postId: bobsPost?.id ?? '', memberId: ann.id, createdAt: 1 })
    await t.deps.db.update(posts).set({ likeCount: 1 }).where(eq(posts.authorId, bob.id))
  })
  afterEach(() => t.close())

  it('keeps the thread readable and settles posts and likes', async () => {
    const res = await t.app.request('/v1/account', {
      method: 'DELETE',
      headers: headers(ann.token),
      body: JSON.stringify({ password: 'a long and unusual passphrase' }),
    })
    expect(res.status).toBe(204)
    const list = await t.app.request(`/v1/forum/threads/${threadId}/posts`, {
      headers: { 'X-Porchlight-Key': site.publishableKey },
    })
    const items = (
      (await list.json()) as {
        items: { author: unknown; html: string; deleted: boolean; likeCount: number }[]
      }
    ).items
    expect(items).toHaveLength(2)
    expect(items[0]?.author).toBeNull()
    if (policy === 'keep') {
      expect(items[0]?.html).toContain('Ann wrote this')
      expect(items[0]?.deleted).toBe(false)
    } else {
      expect(items[0]?.html).toBe('<p>[deleted]</p>')
      const [stored] = await t.deps.db.select().from(posts).where(eq(posts.number, 1))
      expect(stored?.bodySource).toBe('')
    }
    expect(items[1]?.likeCount).toBe(0)
    expect(await t.deps.db.select().from(reactions)).toEqual([])
  })
})

// Issue 13: a page of posts ran five statements where the same SQL on bare Hono runs one (the
// site batch, the forum settings read, the thread, the posts, the likes). Site and settings now
// come from the site cache, and each page is one statement; these scenarios count them.
import { describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { categories, threads } from '../db/schema.ts'
import { newId } from '../ids.ts'
import type { DatabaseOperation } from '../metrics/metrics.ts'
import { noMetrics } from '../metrics/metrics.ts'
import { siteScope } from '../sites/scope.ts'
import { forumFixture } from './moderation-test-helpers.ts'
import { categoryThreadsPage, threadPostsPage } from './page-queries.ts'

async function countedForum() {
  const calls: DatabaseOperation[] = []
  const f = await forumFixture(
    {},
    { metrics: { ...noMetrics, databaseQuery: (op) => calls.push(op) } },
  )
  const author = await f.member()
  const { threadId } = await f.thread(author)
  await f.reply(threadId, author)
  /** The database calls `request` makes, once the site is in this process's cache. */
  const callsOf = async <T extends { status: number }>(request: () => Promise<T>) => {
    expect((await request()).status).toBe(200)
    calls.length = 0
    const answer = await request()
    return { answer, calls: [...calls] }
  }
  return { f, threadId, author, callsOf }
}

describe('reading the forum as a guest', () => {
  it('a page of posts is one statement', async () => {
    const { f, threadId, callsOf } = await countedForum()
    const { answer, calls } = await callsOf(() => f.send('GET', `/forum/threads/${threadId}/posts`))
    expect(answer.body.items.map((p: { html: string }) => p.html)).toEqual([
      '<p>Opening post</p>',
      '<p>A reply</p>',
    ])
    // A guest never gets the markdown source.
    expect(answer.body.items.every((p: object) => !('source' in p))).toBe(true)
    expect(calls).toEqual(['execute'])
    await f.t.close()
  })

  it('a category’s page of threads is one statement', async () => {
    const { f, callsOf } = await countedForum()
    const { answer, calls } = await callsOf(() => f.send('GET', '/forum/categories/public/threads'))
    expect(answer.body.items).toHaveLength(1)
    expect(calls).toEqual(['execute'])
    await f.t.close()
  })

  it('a page polled with its ETag is one statement and a 304 while nothing changed', async () => {
    const { f, threadId, callsOf } = await countedForum()
    const first = await f.send('GET', `/forum/threads/${threadId}/posts`)
    const etag = first.headers.get('etag') ?? ''
    const poll = async () => {
      const res = await f.t.app.request(`/v1/forum/threads/${threadId}/posts`, {
        headers: { ...f.headers(), 'If-None-Match': etag },
      })
      return { status: res.status === 304 ? 200 : res.status, real: res.status }
    }
    const { answer, calls } = await callsOf(poll)
    expect(answer.real).toBe(304)
    expect(calls).toEqual(['execute'])
    await f.t.close()
  })
})

describe('reading the forum as a member', () => {
  it('the source of their own posts only, and their likes, come with the page', async () => {
    const { f, threadId, author } = await countedForum()
    const reader = await f.member()
    const path = `/forum/threads/${threadId}/posts`
    const replyId = (await f.send('GET', path)).body.items[1].id
    expect((await f.send('PUT', `/forum/posts/${replyId}/like`, reader.token)).status).toBe(200)
    const seenBy = async (token: string) =>
      (await f.send('GET', path, token)).body.items.map(
        (p: { source?: string; liked?: boolean }) => [p.source, p.liked],
      )
    expect(await seenBy(reader.token)).toEqual([
      [undefined, false],
      [undefined, true],
    ])
    expect(await seenBy(author.token)).toEqual([
      ['Opening post', false],
      ['A reply', false],
    ])
    await f.t.close()
  })
})

// The page reads are prepared once per database and shared by every site on it; the site is a
// placeholder bound from the caller's scope on each run. A prepared statement that kept the
// first caller's site would show one site's threads to another: these pin that it does not.
describe('the prepared page reads, shared by every site of a database', () => {
  it('answer each site with its own rows only', async () => {
    const { f, threadId } = await countedForum()
    const other = await createTestSite(f.t)
    const now = f.clock.now()
    const otherCategory = newId('cat')
    const otherThread = newId('thr')
    await f.db.insert(categories).values({
      id: otherCategory,
      siteId: other.id,
      slug: 'public',
      name: 'Public',
      createdAt: now,
      updatedAt: now,
    })
    await f.db.insert(threads).values({
      id: otherThread,
      siteId: other.id,
      categoryId: otherCategory,
      title: 'Elsewhere',
      lastActivityAt: now,
      createdAt: now,
    })
    const listing = async (siteId: string) =>
      (
        await categoryThreadsPage(f.db, siteScope(siteId), {
          slug: 'public',
          includeHidden: false,
          limit: 10,
        })
      )?.threads.map((t) => t.thread.title)
    expect(await listing(f.site.id)).toEqual(['A thread'])
    expect(await listing(other.id)).toEqual(['Elsewhere'])
    expect(await listing(f.site.id)).toEqual(['A thread'])
    const guest = { memberId: null, moderator: false }
    const page = { afterNumber: 0, limit: 50 }
    // Another site's thread by its id: as absent as a thread that does not exist.
    expect(await threadPostsPage(f.db, siteScope(other.id), guest, { threadId, ...page })).toBe(
      null,
    )
    expect(
      (await threadPostsPage(f.db, siteScope(f.site.id), guest, { threadId, ...page }))?.posts,
    ).toHaveLength(2)
    await f.t.close()
  })

  it('page through a category with the cursor of the page before', async () => {
    const { f } = await countedForum()
    await f.thread(null, { title: 'Older', ageMs: 60_000 })
    await f.thread(null, { title: 'Oldest', ageMs: 120_000 })
    const titles = async (cursor?: string) => {
      const res = await f.send(
        'GET',
        `/forum/categories/public/threads?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      )
      return res.body as { items: { title: string }[]; nextCursor: string | null }
    }
    const first = await titles()
    expect(first.items.map((t) => t.title)).toEqual(['A thread', 'Older'])
    const second = await titles(first.nextCursor ?? '')
    expect(second.items.map((t) => t.title)).toEqual(['Oldest'])
    expect(second.nextCursor).toBe(null)
    await f.t.close()
  })
})

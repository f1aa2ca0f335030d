// Discussions, notifications and moderation through the SDK, against the real server on a socket
// (test/real-server.ts), with a new site per test.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { failure } from '../test/failure.ts'
import { type RealServer, startRealServer } from '../test/real-server.ts'
import { type MembersScene, memberPassword as password } from '../test/scene.ts'
import { type Client, createClient } from './client.ts'
import { createForum } from './forum.ts'
import { memoryStorage } from './storage.ts'

let real: RealServer
let server: MembersScene
/** Ada starts threads; Bob replies, likes and flags; Mo moderates. */
let ada: Client
let bob: Client
let mo: Client

beforeAll(async () => {
  real = await startRealServer()
}, 60_000)
afterAll(() => real?.close())
beforeEach(async () => {
  server = await real.membersScene()
  const people: Client[] = []
  for (const [email, role] of [
    ['ada@example.com', 'member'],
    ['bob@example.com', 'member'],
    ['mo@example.com', 'moderator'],
  ] as const) {
    await server.addMember({ email, role, displayName: email.split('@')[0] })
    const client = createClient({ url: server.url, key: server.key, storage: memoryStorage() })
    await client.auth.login({ email, password })
    people.push(client)
  }
  ;[ada, bob, mo] = people as [Client, Client, Client]
})
afterEach(() => server.close())

function lastRequest() {
  const req = server.seen.at(-1)
  return {
    method: req?.method,
    url: req?.url,
    body: req?.body ? JSON.parse(req.body) : undefined,
    headers: req?.headers,
  }
}

/** Someone not signed in. */
function guest() {
  return createForum({ url: server.url, key: server.key, storage: memoryStorage() })
}

async function thread(title = 'Spore prints') {
  return ada.forum.createThread({ category: 'general', title, body: 'How do you make one?' })
}

describe('reading', () => {
  it('lists categories, a category’s threads, and one thread', async () => {
    expect((await guest().categories()).map((c) => c.slug)).toEqual(['general', 'help'])
    expect(lastRequest()).toMatchObject({ method: 'GET', url: '/v1/forum/categories' })

    const { id } = await thread()
    const { items, nextCursor } = await guest().threads('general', { limit: 10 })
    expect(lastRequest().url).toBe('/v1/forum/categories/general/threads?limit=10')
    expect(items.map((t) => t.id)).toEqual([id])
    expect(nextCursor).toBeNull()

    const one = await guest().thread(id)
    expect(lastRequest().url).toBe(`/v1/forum/threads/${id}`)
    expect(one).toMatchObject({ id, title: 'Spore prints', category: { slug: 'general' } })
  })

  it('pages threads with the cursor it was given', async () => {
    for (const title of ['One', 'Two', 'Three']) await thread(title)
    const first = await ada.forum.threads('general', { limit: 2 })
    expect(first.items.map((t) => t.title)).toEqual(['Three', 'Two'])
    const second = await ada.forum.threads('general', { cursor: first.nextCursor, limit: 2 })
    expect(lastRequest().url).toBe(
      `/v1/forum/categories/general/threads?cursor=${first.nextCursor}&limit=2`,
    )
    expect(second.items.map((t) => t.title)).toEqual(['One'])
    expect(second.nextCursor).toBeNull()
  })

  it('encodes ids into paths, so none can reach another route', async () => {
    const error = await failure(ada.forum.thread('../categories'))
    expect(lastRequest().url).toBe('/v1/forum/threads/..%2Fcategories')
    expect(error).toMatchObject({ status: 404, code: 'THREAD_NOT_FOUND' })
  })

  it('reports an unknown category', async () => {
    expect(await failure(ada.forum.threads('nope'))).toMatchObject({
      status: 404,
      code: 'CATEGORY_NOT_FOUND',
    })
  })
})

describe('posts and cheap polling', () => {
  it('pages posts after a cursor or a post number', async () => {
    const { id } = await thread()
    await bob.forum.post(id, { body: 'Paper and a glass' })
    await bob.forum.post(id, { body: 'Overnight' })

    const first = await bob.forum.posts(id, { limit: 2 })
    expect(lastRequest().url).toBe(`/v1/forum/threads/${id}/posts?limit=2`)
    expect(first.items.map((p) => p.number)).toEqual([1, 2])
    expect(first).toMatchObject({ hasMore: true, notModified: false })

    const rest = await bob.forum.posts(id, { cursor: first.nextCursor })
    // The server takes both as `after`: a cursor, or a post number.
    expect(lastRequest().url).toBe(`/v1/forum/threads/${id}/posts?after=${first.nextCursor}`)
    expect(rest.items.map((p) => p.number)).toEqual([3])
    expect((await bob.forum.posts(id, { after: 1 })).items.map((p) => p.number)).toEqual([2, 3])
    expect(lastRequest().url).toBe(`/v1/forum/threads/${id}/posts?after=1`)
  })

  it('sends the kept ETag and answers a 304 with the kept page, marked notModified', async () => {
    const { id } = await thread()
    const first = await bob.forum.posts(id)
    const etag = server.seen.at(-1)?.headers['if-none-match']
    expect(etag).toBeUndefined()

    const again = await bob.forum.posts(id)
    const polled = lastRequest()
    expect(polled.headers?.['if-none-match']).toMatch(/^W\/"/)
    expect(again.notModified).toBe(true)
    expect(again.items).toEqual(first.items)

    // Something changed: a full answer, then 304s again.
    await ada.forum.post(id, { body: 'Anyone?' })
    const changed = await bob.forum.posts(id)
    expect(changed.notModified).toBe(false)
    expect(changed.items).toHaveLength(2)
    expect((await bob.forum.posts(id)).notModified).toBe(true)
  })

  it('polls for new posts with nextCursor, 304 while nothing arrives', async () => {
    const { id } = await thread()
    const page = await bob.forum.posts(id)
    const empty = await bob.forum.posts(id, { cursor: page.nextCursor })
    expect(empty).toMatchObject({ items: [], notModified: false })
    expect((await bob.forum.posts(id, { cursor: page.nextCursor })).notModified).toBe(true)

    await ada.forum.post(id, { body: 'New!' })
    const fresh = await bob.forum.posts(id, { cursor: page.nextCursor })
    expect(fresh.items.map((p) => p.html)).toEqual(['<p>New!</p>\n'])
  })

  it('keeps one ETag per thread and position', async () => {
    const a = await thread('Thread A')
    const b = await thread('Thread B')
    await bob.forum.posts(a.id)
    await bob.forum.posts(b.id)
    expect((await bob.forum.posts(a.id)).notModified).toBe(true)
    expect((await bob.forum.posts(a.id, { after: 0 })).notModified).toBe(false) // a new position
    // Bob's like changes the thread (and his `liked` flag): a full page, not the kept one.
    await bob.forum.like((await bob.forum.posts(a.id)).items[0]?.id ?? '')
    const liked = await bob.forum.posts(a.id)
    expect(liked.notModified).toBe(false)
    expect(liked.items[0]).toMatchObject({ liked: true, likeCount: 1 })
  })

  it('keeps at most 50 pages, dropping the oldest', async () => {
    const { id } = await thread()
    for (let after = 0; after <= 50; after++) await bob.forum.posts(id, { after })
    await bob.forum.posts(id, { after: 50 })
    expect(lastRequest().headers?.['if-none-match']).toBeDefined()
    await bob.forum.posts(id, { after: 0 }) // the 51st page pushed it out
    expect(lastRequest().headers?.['if-none-match']).toBeUndefined()
  })
})

describe('writing', () => {
  it('creates a thread and replies, with the bodies the server takes', async () => {
    const { id, postId } = await thread()
    expect(lastRequest()).toMatchObject({
      method: 'POST',
      url: '/v1/forum/threads',
      body: { category: 'general', title: 'Spore prints', body: 'How do you make one?' },
    })
    expect(id).toMatch(/^thr_/)
    expect(postId).toMatch(/^pst_/)

    const reply = await bob.forum.post(id, { body: 'Like this', replyTo: postId })
    expect(lastRequest()).toMatchObject({
      url: `/v1/forum/threads/${id}/posts`,
      body: { body: 'Like this', replyTo: postId },
    })
    // The new post as lists show it, so a page can show it at once.
    expect(reply).toMatchObject({
      id: expect.stringMatching(/^pst_/),
      number: 2,
      post: { number: 2, replyToId: postId, source: 'Like this', html: '<p>Like this</p>\n' },
    })
  })

  it('edits and deletes a post', async () => {
    const { id, postId } = await thread()
    const edited = await ada.forum.edit(postId, 'Fixed')
    expect(lastRequest()).toMatchObject({
      method: 'PATCH',
      url: `/v1/forum/posts/${postId}`,
      body: { body: 'Fixed' },
    })
    expect(edited).toMatchObject({ id: postId, source: 'Fixed', edited: true })
    expect(await failure(bob.forum.edit(postId, 'Mine now'))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    })

    expect(await ada.forum.delete(postId)).toBeUndefined()
    expect(lastRequest()).toMatchObject({ method: 'DELETE', url: `/v1/forum/posts/${postId}` })
    expect(lastRequest().body).toBeUndefined()
    const [shown] = (await bob.forum.posts(id)).items
    expect(shown).toMatchObject({ id: postId, deleted: true, author: null })
    expect(await failure(ada.forum.edit(postId, 'Back again'))).toMatchObject({
      status: 409,
      code: 'POST_DELETED',
    })
  })

  it('likes and unlikes', async () => {
    const { postId } = await thread()
    expect(await bob.forum.like(postId)).toEqual({ likeCount: 1, liked: true })
    expect(lastRequest()).toMatchObject({ method: 'PUT', url: `/v1/forum/posts/${postId}/like` })
    expect(await bob.forum.unlike(postId)).toEqual({ likeCount: 0, liked: false })
    expect(lastRequest()).toMatchObject({
      method: 'DELETE',
      url: `/v1/forum/posts/${postId}/like`,
    })
    expect(await failure(ada.forum.like(postId))).toMatchObject({ code: 'OWN_POST' })
  })

  it('flags a post, with or without a note', async () => {
    const { postId } = await thread()
    const flag = await bob.forum.flag(postId, 'spam', 'Same link everywhere')
    expect(lastRequest()).toMatchObject({
      url: `/v1/forum/posts/${postId}/flags`,
      body: { reason: 'spam', note: 'Same link everywhere' },
    })
    expect(flag).toMatchObject({ postId, reason: 'spam', status: 'open' })
    await mo.forum.flag(postId, 'abuse')
    expect(lastRequest().body).toEqual({ reason: 'abuse' })
    expect(await failure(bob.forum.flag(postId, 'spam'))).toMatchObject({
      status: 409,
      code: 'ALREADY_FLAGGED',
    })
  })

  it('watches a thread and reads the level back', async () => {
    const { id } = await thread()
    expect(await bob.forum.watchLevel(id)).toBe('normal')
    await bob.forum.watch(id, 'watching')
    expect(lastRequest()).toMatchObject({
      method: 'PUT',
      url: `/v1/forum/threads/${id}/watch`,
      body: { level: 'watching' },
    })
    expect(await bob.forum.watchLevel(id)).toBe('watching')
  })

  it('refuses a guest’s post with SIGN_IN_REQUIRED', async () => {
    const { id } = await thread()
    expect(await failure(guest().post(id, { body: 'Hi' }))).toMatchObject({
      status: 401,
      code: 'SIGN_IN_REQUIRED',
    })
  })

  it('searches, with the query as q', async () => {
    await thread()
    const { items, nextCursor } = await bob.forum.search('one', { limit: 5 })
    expect(lastRequest().url).toBe('/v1/forum/search?q=one&limit=5')
    expect(items[0]?.snippet).toBe('How do you make <mark>one</mark>?')
    expect(nextCursor).toBeNull()
  })
})

describe('notifications', () => {
  it('lists, counts and marks read the notifications of watched threads', async () => {
    const { id } = await thread()
    await bob.forum.post(id, { body: 'First reply' })
    await bob.forum.post(id, { body: 'Second reply' })

    expect(await ada.notifications.unreadCount()).toBe(2)
    expect(lastRequest().url).toBe('/v1/notifications/unread-count')
    const { items } = await ada.notifications.list({ unread: true, limit: 10 })
    expect(lastRequest().url).toBe('/v1/notifications?unread=true&limit=10')
    expect(items.map((n) => [n.kind, n.postNumber])).toEqual([
      ['reply', 3],
      ['reply', 2],
    ])

    await ada.notifications.markRead([items[0]?.id ?? ''])
    expect(lastRequest()).toMatchObject({
      method: 'POST',
      url: '/v1/notifications/read',
      body: { ids: [items[0]?.id] },
    })
    expect(await ada.notifications.unreadCount()).toBe(1)
    await ada.notifications.markRead()
    expect(lastRequest().body).toEqual({})
    expect(await ada.notifications.unreadCount()).toBe(0)
  })

  it('reads and changes email preferences', async () => {
    expect(await ada.notifications.preferences()).toEqual({
      email: { replies: true, mentions: true, quotes: true },
    })
    expect(await ada.notifications.updatePreferences({ email: { replies: false } })).toEqual({
      email: { replies: false, mentions: true, quotes: true },
    })
    expect(lastRequest()).toMatchObject({
      method: 'PATCH',
      url: '/v1/notifications/preferences',
      body: { email: { replies: false } },
    })
  })
})

describe('moderation', () => {
  it('hides and unhides a post, the reason required to hide', async () => {
    const { postId } = await thread()
    const hidden = await mo.moderation.hidePost(postId, 'Rude')
    expect(lastRequest()).toMatchObject({
      url: `/v1/forum/moderation/posts/${postId}/hide`,
      body: { reason: 'Rude' },
    })
    expect(hidden).toMatchObject({ hidden: true, hiddenReason: 'Rude' })
    const shown = await mo.moderation.unhidePost(postId)
    expect(lastRequest().body).toEqual({})
    expect(shown.hidden).toBe(false)
  })

  it('changes threads: hide, lock, pin and back, move, slow mode', async () => {
    const { id } = await thread()
    const calls = [
      ['hideThread', 'hide', { hidden: true }],
      ['unhideThread', 'unhide', { hidden: false }],
      ['lockThread', 'lock', { locked: true }],
      ['unlockThread', 'unlock', { locked: false }],
      ['pinThread', 'pin', { pinned: true }],
      ['unpinThread', 'unpin', { pinned: false }],
    ] as const
    for (const [method, path, expected] of calls) {
      expect(await mo.moderation[method](id, 'Because')).toMatchObject(expected)
      expect(lastRequest()).toMatchObject({
        method: 'POST',
        url: `/v1/forum/moderation/threads/${id}/${path}`,
        body: { reason: 'Because' },
      })
    }
    await mo.moderation.lockThread(id)
    expect(lastRequest().body).toEqual({})

    const moved = await mo.moderation.moveThread(id, 'help', 'Belongs in help')
    expect(lastRequest()).toMatchObject({
      url: `/v1/forum/moderation/threads/${id}/move`,
      body: { category: 'help', reason: 'Belongs in help' },
    })
    const help = (await mo.forum.categories()).find((c) => c.slug === 'help')
    expect(moved.categoryId).toBe(help?.id)

    const slowed = await mo.moderation.slowMode(id, 300)
    expect(lastRequest()).toMatchObject({
      url: `/v1/forum/moderation/threads/${id}/slow-mode`,
      body: { seconds: 300 },
    })
    expect(slowed.slowModeSeconds).toBe(300)
  })

  it('deletes a thread with a reason in the DELETE body', async () => {
    const { id } = await thread()
    await mo.moderation.deleteThread(id, 'Spam')
    expect(lastRequest()).toMatchObject({
      method: 'DELETE',
      url: `/v1/forum/moderation/threads/${id}`,
      body: { reason: 'Spam' },
    })
    expect(await failure(ada.forum.thread(id))).toMatchObject({
      status: 404,
      code: 'THREAD_NOT_FOUND',
    })
  })

  it('suspends a member for days or until a time', async () => {
    const bobId = bob.auth.user?.id ?? ''
    const suspended = await mo.moderation.suspendMember(bobId, { days: 7, reason: 'Insults' })
    expect(lastRequest()).toMatchObject({
      url: `/v1/forum/moderation/members/${bobId}/suspend`,
      body: { days: 7, reason: 'Insults' },
    })
    expect(suspended).toMatchObject({ id: bobId, status: 'suspended' })
    const until = Date.UTC(2030, 0, 1)
    expect(await mo.moderation.suspendMember(bobId, { until, reason: 'Insults' })).toMatchObject({
      suspendedUntil: until,
    })
  })

  it('works the flag queue and reads the log', async () => {
    const { postId } = await thread()
    await bob.forum.flag(postId, 'spam')

    const queue = await mo.moderation.flags({ limit: 10 })
    expect(lastRequest().url).toBe('/v1/forum/moderation/flags?limit=10')
    expect(queue.items[0]).toMatchObject({ post: { id: postId }, flagCount: 1 })
    await mo.moderation.flags({ status: 'dismissed' })
    expect(lastRequest().url).toBe('/v1/forum/moderation/flags?status=dismissed')

    const resolved = await mo.moderation.resolveFlags(postId, { action: 'hide', reason: 'Spam' })
    expect(lastRequest()).toMatchObject({
      url: `/v1/forum/moderation/flags/${postId}/resolve`,
      body: { action: 'hide', reason: 'Spam' },
    })
    expect(resolved).toMatchObject({ postId, action: 'hide', flagsResolved: 1 })
    expect(await failure(mo.moderation.resolveFlags(postId, { action: 'dismiss' }))).toMatchObject({
      status: 409,
      code: 'NO_OPEN_FLAGS',
    })

    const { items } = await mo.moderation.log()
    expect(lastRequest().url).toBe('/v1/forum/moderation/log')
    expect(items[0]).toMatchObject({ action: 'post.hide', reason: 'Spam', by: 'member' })
  })

  it('refuses members with FORBIDDEN', async () => {
    const { id } = await thread()
    expect(await failure(bob.moderation.lockThread(id))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    })
  })
})

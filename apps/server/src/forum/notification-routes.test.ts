import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, manualClock } from '../../test/helpers/app.ts'
import { createTestMember, type TestMember } from '../../test/helpers/members.ts'
import { members, notifications, posts, threads } from '../db/schema.ts'
import { type ForumWorld, forumWorld } from './notification-test-helpers.ts'

const clock = manualClock()
let w: ForumWorld
let ann: TestMember
let bob: TestMember
let carl: TestMember
let thread: { id: string; postId: string }
/** Ann's notifications, oldest first: Bob's reply, Carl's mention, Bob's direct reply. */
let replies: string[]

beforeEach(async () => {
  w = await forumWorld(clock)
  ann = await w.member()
  bob = await w.member()
  carl = await w.member()
  thread = await w.startThread(ann, 'Opening post', 'Porch lights')
  replies = []
  clock.advance(1000)
  replies.push(await w.reply(bob, thread.id, 'Nice thread'))
  clock.advance(1000)
  replies.push(await w.reply(carl, thread.id, `@${ann.username} what bulbs do you use?`))
  clock.advance(1000)
  replies.push(await w.reply(bob, thread.id, 'Answering Ann directly', thread.postId))
})
afterEach(() => w.t.close())

const list = (member: TestMember, query = '') =>
  w.call('GET', `/v1/notifications${query}`, { token: member.token })
const unread = async (member: TestMember) =>
  (await w.call('GET', '/v1/notifications/unread-count', { token: member.token })).body

describe('GET /v1/notifications', () => {
  it('lists the member’s notifications newest first, with thread, post and actor', async () => {
    const res = await list(ann)
    expect(res.status).toBe(200)
    expect(res.body.nextCursor).toBeNull()
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        kind: 'reply',
        threadId: thread.id,
        threadTitle: 'Porch lights',
        postId: replies[2],
        postNumber: 4,
        actor: { id: bob.id, displayName: expect.any(String), username: bob.username },
        data: { direct: true },
        read: false,
        createdAt: clock.now(),
      },
      expect.objectContaining({ kind: 'mention', postId: replies[1], postNumber: 3, data: null }),
      expect.objectContaining({ kind: 'reply', postId: replies[0], postNumber: 2, data: null }),
    ])
  })

  it('pages with a keyset cursor and refuses cursors it did not issue', async () => {
    const first = await list(ann, '?limit=2')
    expect(first.body.items.map((n: { postId: string }) => n.postId)).toEqual([
      replies[2],
      replies[1],
    ])
    const second = await list(ann, `?limit=2&cursor=${first.body.nextCursor}`)
    expect(second.body).toEqual({
      items: [expect.objectContaining({ postId: replies[0] })],
      nextCursor: null,
    })
    expect((await list(ann, '?cursor=bm90IGEgY3Vyc29y')).body).toMatchObject({
      error: { code: 'INVALID_CURSOR' },
    })
    expect((await list(ann, '?limit=0')).status).toBe(422)
  })

  it('counts unread, filters unread, marks some and then all read', async () => {
    expect(await unread(ann)).toEqual({ count: 3 })
    const ids = (await list(ann)).body.items.map((n: { id: string }) => n.id)
    const marked = await w.call('POST', '/v1/notifications/read', {
      token: ann.token,
      body: { ids: [ids[0]] },
    })
    expect(marked.status).toBe(204)
    expect(await unread(ann)).toEqual({ count: 2 })
    const unreadOnly = await list(ann, '?unread=true')
    expect(unreadOnly.body.items.map((n: { id: string }) => n.id)).toEqual(ids.slice(1))
    expect((await list(ann)).body.items[0]).toMatchObject({ id: ids[0], read: true })

    await w.call('POST', '/v1/notifications/read', { token: ann.token, body: {} })
    expect(await unread(ann)).toEqual({ count: 0 })
    expect((await list(ann, '?unread=true')).body.items).toEqual([])
  })

  it('shows a member only their own notifications, on their own site', async () => {
    const annIds = (await list(ann)).body.items.map((n: { id: string }) => n.id)
    const bobs = (await list(bob)).body.items
    // Bob watches (he replied): he hears of Carl's post, not of his own.
    expect(bobs.map((n: { postId: string }) => n.postId)).toEqual([replies[1]])
    // Marking someone else's notification read does nothing.
    await w.call('POST', '/v1/notifications/read', { token: bob.token, body: { ids: annIds } })
    expect(await unread(ann)).toEqual({ count: 3 })

    const other = await createTestSite(w.t, { name: 'Other', origins: ['https://other.example'] })
    const stranger = await createTestMember(w.t, other)
    const theirs = await w.t.app.request('/v1/notifications', {
      headers: {
        'X-Porchlight-Key': other.publishableKey,
        authorization: `Bearer ${stranger.token}`,
      },
    })
    expect(await theirs.json()).toEqual({ items: [], nextCursor: null })
    // Ann's session is not valid on another site.
    const crossed = await w.t.app.request('/v1/notifications', {
      headers: { 'X-Porchlight-Key': other.publishableKey, authorization: `Bearer ${ann.token}` },
    })
    expect(crossed.status).toBe(401)
  })

  it('asks guests to sign in', async () => {
    for (const [method, path, body] of [
      ['GET', '/v1/notifications'],
      ['GET', '/v1/notifications/unread-count'],
      ['POST', '/v1/notifications/read', {}],
      ['GET', '/v1/notifications/preferences'],
      ['PATCH', '/v1/notifications/preferences', {}],
      ['GET', `/v1/forum/threads/${thread.id}/watch`],
      ['PUT', `/v1/forum/threads/${thread.id}/watch`, { level: 'muted' }],
    ] as const) {
      const res = await w.call(method, path, { ...(body && { body }) })
      expect({ path, method, ...res.body }).toEqual({
        path,
        method,
        error: { code: 'SIGN_IN_REQUIRED', message: expect.any(String) },
      })
    }
  })

  it('drops notifications about posts since deleted or hidden, but shows moderation notices', async () => {
    const now = clock.now()
    await w.t.deps.db
      .update(posts)
      .set({ deletedAt: now })
      .where(eq(posts.id, replies[0] ?? ''))
    await w.t.deps.db
      .update(posts)
      .set({ hidden: true })
      .where(eq(posts.id, replies[1] ?? ''))
    await w.t.deps.db.insert(notifications).values({
      id: 'ntf_moderationnotice',
      siteId: w.site.id,
      memberId: ann.id,
      kind: 'moderation',
      threadId: thread.id,
      postId: replies[1] ?? '',
      actorId: null,
      data: { action: 'post.hide', reason: 'Off topic' },
      createdAt: now + 1,
    })
    const items = (await list(ann)).body.items
    expect(items.map((n: { kind: string }) => n.kind)).toEqual(['moderation', 'reply'])
    expect(items[0]).toMatchObject({
      actor: null,
      data: { action: 'post.hide', reason: 'Off topic' },
      postNumber: 3,
    })
    expect(await unread(ann)).toEqual({ count: 2 })

    // A hidden thread disappears from members' lists. Moderators, who can read hidden content,
    // still see it (and the hidden post), but never a deleted one.
    await w.t.deps.db.update(threads).set({ hidden: true }).where(eq(threads.id, thread.id))
    expect((await list(ann)).body.items.map((n: { kind: string }) => n.kind)).toEqual([
      'moderation',
    ])
    await w.t.deps.db.update(members).set({ role: 'moderator' }).where(eq(members.id, ann.id))
    expect((await list(ann)).body.items.map((n: { kind: string }) => n.kind)).toEqual([
      'moderation',
      'reply',
      'mention',
    ])
  })
})

describe('PUT /v1/forum/threads/:id/watch', () => {
  const watch = (member: TestMember, level?: string, threadId = thread.id) =>
    w.call(level ? 'PUT' : 'GET', `/v1/forum/threads/${threadId}/watch`, {
      token: member.token,
      ...(level && { body: { level } }),
    })

  it('reads and sets the level; an explicit choice survives posting again', async () => {
    const dana = await w.member()
    expect((await watch(dana)).body).toEqual({ threadId: thread.id, level: 'normal' })
    expect((await watch(bob)).body).toEqual({ threadId: thread.id, level: 'watching' })
    expect(await watch(bob, 'normal')).toMatchObject({ status: 200, body: { level: 'normal' } })
    await w.reply(bob, thread.id, 'Posting again does not re-watch')
    expect((await watch(bob)).body.level).toBe('normal')
    const next = await w.reply(carl, thread.id, 'Bob no longer hears of this')
    expect(await w.notifiedFor(next)).toEqual({ [ann.id]: 'reply' })

    expect(await watch(dana, 'watching')).toMatchObject({ status: 200 })
    const after = await w.reply(carl, thread.id, 'Dana hears of this')
    expect(await w.notifiedFor(after)).toEqual({ [ann.id]: 'reply', [dana.id]: 'reply' })
  })

  it('refuses bad levels and threads the member cannot read', async () => {
    expect((await watch(bob, 'loud')).body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: { level: expect.any(String) } },
    })
    expect((await watch(bob, 'muted', 'thr_aaaaaaaaaaaaaaaaaaaaaaaa')).body).toMatchObject({
      error: { code: 'THREAD_NOT_FOUND' },
    })
    await w.t.deps.db.update(threads).set({ hidden: true }).where(eq(threads.id, thread.id))
    expect((await watch(bob, 'muted')).status).toBe(404)
    const mod = await w.member({ role: 'moderator' })
    expect((await watch(mod, 'watching')).status).toBe(200)
  })
})

describe('/v1/notifications/preferences', () => {
  it('defaults to every email on and merges partial changes, keeping other keys', async () => {
    const prefs = (member: TestMember) =>
      w.call('GET', '/v1/notifications/preferences', { token: member.token })
    expect((await prefs(ann)).body).toEqual({
      email: { replies: true, mentions: true, quotes: true },
    })
    await w.t.deps.db
      .update(members)
      .set({ preferences: { theme: 'dark' } })
      .where(eq(members.id, ann.id))
    const patched = await w.call('PATCH', '/v1/notifications/preferences', {
      token: ann.token,
      body: { email: { quotes: false } },
    })
    expect(patched.body).toEqual({ email: { replies: true, mentions: true, quotes: false } })
    await w.call('PATCH', '/v1/notifications/preferences', {
      token: ann.token,
      body: { email: { mentions: false } },
    })
    const [row] = await w.t.deps.db.select().from(members).where(eq(members.id, ann.id))
    expect(row?.preferences).toEqual({ theme: 'dark', email: { quotes: false, mentions: false } })
    // Another member is untouched.
    expect((await prefs(bob)).body.email.quotes).toBe(true)
  })

  it('refuses unknown fields and non-boolean values', async () => {
    const res = await w.call('PATCH', '/v1/notifications/preferences', {
      token: ann.token,
      body: { email: { replies: 'no', likes: true }, push: true },
    })
    expect(res.status).toBe(422)
    expect(Object.keys(res.body.error.fields).sort()).toEqual([
      'email.likes',
      'email.replies',
      'push',
    ])
  })
})

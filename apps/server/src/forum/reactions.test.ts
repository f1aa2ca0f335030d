import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { notifications } from '../db/schema.ts'
import { type ForumFixture, forumFixture, type TestMember } from './moderation-test-helpers.ts'

describe('likes', () => {
  let f: ForumFixture
  let ann: TestMember
  let bob: TestMember
  beforeEach(async () => {
    f = await forumFixture()
    ann = await f.member()
    bob = await f.member()
  })
  afterEach(() => f.t.close())

  const likeNotifications = async () =>
    (
      await f.table(
        "SELECT member_id, actor_id, post_id, data, read_at, created_at FROM notifications WHERE kind = 'like' ORDER BY created_at",
      )
    ).map((n) => ({ ...n, data: JSON.parse(String(n.data)) }))

  it('counts one like per member, idempotently, and shows it as liked', async () => {
    const { threadId, postId } = await f.thread(ann)
    const before = await f.send('GET', `/forum/threads/${threadId}/posts`, bob.token)

    const first = await f.send('PUT', `/forum/posts/${postId}/like`, bob.token)
    const second = await f.send('PUT', `/forum/posts/${postId}/like`, bob.token)

    expect(first).toMatchObject({ status: 200, body: { likeCount: 1, liked: true } })
    expect(second).toMatchObject({ status: 200, body: { likeCount: 1, liked: true } })
    expect(await f.table('SELECT member_id FROM reactions WHERE post_id = ?', postId)).toEqual([
      { member_id: bob.id },
    ])
    expect(await f.table('SELECT like_count FROM posts WHERE id = ?', postId)).toEqual([
      { like_count: 1 },
    ])
    const after = await f.send('GET', `/forum/threads/${threadId}/posts`, bob.token)
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    expect(after.body.items[0]).toMatchObject({ likeCount: 1, liked: true })
    // A repeated PUT does not notify again.
    expect(await likeNotifications()).toHaveLength(1)
  })

  it('takes a like back, idempotently', async () => {
    const { postId } = await f.thread(ann)
    await f.send('PUT', `/forum/posts/${postId}/like`, bob.token)
    const first = await f.send('DELETE', `/forum/posts/${postId}/like`, bob.token)
    const second = await f.send('DELETE', `/forum/posts/${postId}/like`, bob.token)
    expect(first).toMatchObject({ status: 200, body: { likeCount: 0, liked: false } })
    expect(second).toMatchObject({ status: 200, body: { likeCount: 0, liked: false } })
    expect(await f.table('SELECT * FROM reactions')).toEqual([])
    expect(await f.table('SELECT like_count FROM posts WHERE id = ?', postId)).toEqual([
      { like_count: 0 },
    ])
  })

  it('keeps the count right when many members like at once', async () => {
    const { postId } = await f.thread(ann)
    const likers = await Promise.all(Array.from({ length: 8 }, () => f.member()))
    await Promise.all(likers.map((m) => f.send('PUT', `/forum/posts/${postId}/like`, m.token)))
    expect(await f.table('SELECT like_count FROM posts WHERE id = ?', postId)).toEqual([
      { like_count: 8 },
    ])
    const [notice, ...more] = await likeNotifications()
    expect(more).toEqual([])
    expect(notice?.data).toEqual({ count: 8, since: 0 })
  })

  it.each([
    ['own post', async (): Promise<string> => (await f.thread(bob)).postId, 403, 'OWN_POST'],
    [
      'deleted post',
      async (): Promise<string> => {
        const { postId } = await f.thread(ann)
        await f.send('DELETE', `/forum/posts/${postId}`, ann.token)
        return postId
      },
      409,
      'POST_DELETED',
    ],
    [
      'post that does not exist',
      async (): Promise<string> => 'pst_aaaaaaaaaaaaaaaaaaaaaaaa',
      404,
      'POST_NOT_FOUND',
    ],
  ] as const)('refuses to like a %s', async (_case, post, status, code) => {
    const postId = await post()
    const res = await f.send('PUT', `/forum/posts/${postId}/like`, bob.token)
    expect(res.status).toBe(status)
    expect(res.body.error.code).toBe(code)
  })

  it('batches like notifications: one unread per post, updated with the count and latest liker', async () => {
    const { postId } = await f.thread(ann)
    const [cat, dan] = [await f.member(), await f.member()]
    await f.send('PUT', `/forum/posts/${postId}/like`, bob.token)
    f.clock.advance(60_000)
    await f.send('PUT', `/forum/posts/${postId}/like`, cat.token)
    f.clock.advance(3 * 3_600_000)
    // Still unread hours later: the same notification is updated, not a second one added.
    await f.send('PUT', `/forum/posts/${postId}/like`, dan.token)
    expect(await likeNotifications()).toEqual([
      {
        member_id: ann.id,
        actor_id: dan.id,
        post_id: postId,
        data: { count: 3, since: 0 },
        read_at: null,
        created_at: f.clock.now() - 3 * 3_600_000 - 60_000,
      },
    ])
  })

  it('after the author reads it, at most one more per hour, counting the likes in between', async () => {
    const { postId } = await f.thread(ann)
    const [cat, dan] = [await f.member(), await f.member()]
    await f.send('PUT', `/forum/posts/${postId}/like`, bob.token)
    f.clock.advance(60_000)
    const readAt = f.clock.now()
    await f.db.update(notifications).set({ readAt })
    f.clock.advance(60_000)
    // Within the hour of the first: no new notification yet.
    await f.send('PUT', `/forum/posts/${postId}/like`, cat.token)
    expect(await likeNotifications()).toHaveLength(1)
    f.clock.advance(3_600_000)
    await f.send('PUT', `/forum/posts/${postId}/like`, dan.token)
    const [, second] = await likeNotifications()
    expect(second).toMatchObject({
      actor_id: dan.id,
      read_at: null,
      // cat's like during the quiet hour and dan's: both arrived after the author last looked.
      data: { count: 2, since: readAt },
    })
  })

  it('notifies nobody for a post whose author deleted their account', async () => {
    const { postId } = await f.thread(null)
    const res = await f.send('PUT', `/forum/posts/${postId}/like`, bob.token)
    expect(res.body).toEqual({ likeCount: 1, liked: true })
    expect(await likeNotifications()).toEqual([])
  })
})

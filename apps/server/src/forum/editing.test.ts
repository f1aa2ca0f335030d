import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type ForumFixture, forumFixture, type TestMember } from './moderation-test-helpers.ts'

describe('editing and deleting posts', () => {
  let f: ForumFixture
  let ann: TestMember
  let bob: TestMember
  let mod: TestMember
  beforeEach(async () => {
    f = await forumFixture({ editWindowMinutes: 30 })
    ann = await f.member()
    bob = await f.member()
    mod = await f.member({ role: 'moderator' })
  })
  afterEach(() => f.t.close())

  const version = async (threadId: string) =>
    (await f.table('SELECT version FROM threads WHERE id = ?', threadId))[0]?.version

  it('keeps the previous source as a revision, re-renders, marks the post edited and changes the ETag', async () => {
    const { threadId, postId } = await f.thread(ann)
    const before = await f.send('GET', `/forum/threads/${threadId}/posts`, ann.token)
    f.clock.advance(60_000)

    const res = await f.send('PATCH', `/forum/posts/${postId}`, ann.token, { body: 'Now *bold*' })

    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id: postId,
      html: expect.stringContaining('<em>bold</em>'),
      source: 'Now *bold*',
      edited: true,
      editedAt: f.clock.now(),
      liked: false,
    })
    expect(
      await f.table(
        'SELECT editor_id, body_source, created_at FROM post_revisions WHERE post_id = ?',
        postId,
      ),
    ).toEqual([{ editor_id: ann.id, body_source: 'Opening post', created_at: f.clock.now() }])
    expect(await version(threadId)).toBe(1)
    const after = await f.send('GET', `/forum/threads/${threadId}/posts`, ann.token, undefined)
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    // The author's own edit is not a moderation action.
    expect(await f.table('SELECT * FROM moderation_log')).toEqual([])
    expect(await f.table('SELECT * FROM notifications')).toEqual([])
  })

  it('chains revisions across edits, and an edit to the same text changes nothing', async () => {
    const { threadId, postId } = await f.thread(ann)
    await f.send('PATCH', `/forum/posts/${postId}`, ann.token, { body: 'Second' })
    await f.send('PATCH', `/forum/posts/${postId}`, ann.token, { body: 'Third' })
    const same = await f.send('PATCH', `/forum/posts/${postId}`, ann.token, { body: 'Third' })
    expect(same.status).toBe(200)
    expect(
      (await f.table('SELECT body_source FROM post_revisions ORDER BY rowid')).map(
        (r) => r.body_source,
      ),
    ).toEqual(['Opening post', 'Second'])
    expect(await version(threadId)).toBe(2)
  })

  it.each([
    [
      'after the edit window',
      async (): Promise<string> => (await f.thread(ann, { ageMs: 31 * 60_000 })).postId,
      () => ann,
      403,
      'EDIT_WINDOW_CLOSED',
    ],
    [
      "someone else's post",
      async (): Promise<string> => (await f.thread(bob)).postId,
      () => ann,
      403,
      'FORBIDDEN',
    ],
    [
      'a deleted post',
      async (): Promise<string> => {
        const { postId } = await f.thread(ann)
        await f.send('DELETE', `/forum/posts/${postId}`, ann.token)
        return postId
      },
      () => ann,
      409,
      'POST_DELETED',
    ],
    [
      'a post a moderator hid',
      async (): Promise<string> => {
        const { postId } = await f.thread(ann)
        await f.send('POST', `/forum/moderation/posts/${postId}/hide`, mod.token, {
          reason: 'Rude',
        })
        return postId
      },
      () => ann,
      409,
      'POST_HIDDEN',
    ],
    [
      'a post in a hidden thread',
      async (): Promise<string> => (await f.thread(ann, { hidden: true })).postId,
      () => ann,
      404,
      'POST_NOT_FOUND',
    ],
    [
      'a post that does not exist',
      async (): Promise<string> => 'pst_nosuchpostnosuchpostnos',
      () => ann,
      404,
      'POST_NOT_FOUND',
    ],
  ] as const)('refuses an edit of %s', async (_case, post, who, status, code) => {
    const postId = await post()
    const res = await f.send('PATCH', `/forum/posts/${postId}`, who().token, { body: 'Changed' })
    expect(res.status).toBe(status)
    expect(res.body.error.code).toBe(code)
    const revisions = await f.table('SELECT * FROM post_revisions WHERE post_id = ?', postId)
    expect(revisions).toEqual([])
  })

  it("refuses a body over the site's maximum and an empty one (422)", async () => {
    const { postId } = await f.thread(ann)
    const long = await f.send('PATCH', `/forum/posts/${postId}`, ann.token, {
      body: 'x'.repeat(20_001),
    })
    expect(long.status).toBe(422)
    expect(long.body.error.fields).toEqual({ body: 'At most 20000 characters.' })
    const empty = await f.send('PATCH', `/forum/posts/${postId}`, ann.token, { body: '  ' })
    expect(empty.status).toBe(422)
  })

  it("logs a moderator's edit of someone else's post and tells the author", async () => {
    const { threadId, postId } = await f.thread(ann, { ageMs: 86_400_000 })
    const res = await f.send('PATCH', `/forum/posts/${postId}`, mod.token, { body: 'Cleaned up' })
    expect(res.status).toBe(200)
    expect(await f.table('SELECT editor_id FROM post_revisions')).toEqual([{ editor_id: mod.id }])
    expect(
      await f.table('SELECT actor_id, action, target_type, target_id FROM moderation_log'),
    ).toEqual([{ actor_id: mod.id, action: 'post.edit', target_type: 'post', target_id: postId }])
    const [notice] = await f.table(
      'SELECT member_id, kind, thread_id, post_id, actor_id, data FROM notifications',
    )
    expect(notice).toMatchObject({
      member_id: ann.id,
      kind: 'moderation',
      thread_id: threadId,
      post_id: postId,
      actor_id: mod.id,
    })
    expect(JSON.parse(String(notice?.data))).toEqual({ action: 'post.edit', reason: null })
  })

  it('soft-deletes: the post keeps its number and reads "[deleted]" with no author', async () => {
    const { threadId } = await f.thread(bob)
    const postId = await f.reply(threadId, ann)
    const res = await f.send('DELETE', `/forum/posts/${postId}`, ann.token)
    expect(res.status).toBe(204)
    const list = await f.send('GET', `/forum/threads/${threadId}/posts`, bob.token)
    expect(list.body.items[1]).toMatchObject({
      id: postId,
      number: 2,
      html: '<p>[deleted]</p>',
      author: null,
      deleted: true,
    })
    expect(list.body.items[1]).not.toHaveProperty('source')
    expect(await f.table('SELECT deleted_at FROM posts WHERE id = ?', postId)).toEqual([
      { deleted_at: f.clock.now() },
    ])
    expect(await f.table('SELECT post_count FROM threads WHERE id = ?', threadId)).toEqual([
      { post_count: 2 },
    ])
    expect(await version(threadId)).toBe(1)
    const again = await f.send('DELETE', `/forum/posts/${postId}`, ann.token)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('POST_DELETED')
  })

  it('deleting the opening post as its author leaves the thread, title and replies in place', async () => {
    const { threadId, postId } = await f.thread(ann, { title: 'Still here' })
    await f.reply(threadId, bob)
    expect((await f.send('DELETE', `/forum/posts/${postId}`, ann.token)).status).toBe(204)
    const thread = await f.send('GET', `/forum/threads/${threadId}`, bob.token)
    expect(thread.body).toMatchObject({ title: 'Still here', postCount: 2 })
  })

  it("logs a moderator's delete and tells the author; the author's own delete is not logged", async () => {
    const { threadId, postId } = await f.thread(ann)
    const own = await f.reply(threadId, bob)
    await f.send('DELETE', `/forum/posts/${own}`, bob.token)
    await f.send('DELETE', `/forum/posts/${postId}`, mod.token)
    expect(await f.table('SELECT actor_id, action, target_id FROM moderation_log')).toEqual([
      { actor_id: mod.id, action: 'post.delete', target_id: postId },
    ])
    expect(await f.table('SELECT member_id, kind, post_id FROM notifications')).toEqual([
      { member_id: ann.id, kind: 'moderation', post_id: postId },
    ])
  })

  it('answers a guest 401 before reading the body', async () => {
    const { postId } = await f.thread(ann)
    const res = await f.send('PATCH', `/forum/posts/${postId}`, undefined, { nonsense: true })
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('SIGN_IN_REQUIRED')
  })
})

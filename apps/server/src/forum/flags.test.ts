import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type ForumFixture, forumFixture, type TestMember } from './moderation-test-helpers.ts'

describe('flags and the moderation queue', () => {
  let f: ForumFixture
  let ann: TestMember
  let bob: TestMember
  let cat: TestMember
  let mod: TestMember
  beforeEach(async () => {
    // Two distinct members' flags hide a post.
    f = await forumFixture({ flagsToHide: 2 })
    ann = await f.member()
    bob = await f.member()
    cat = await f.member()
    mod = await f.member({ role: 'moderator' })
  })
  afterEach(() => f.t.close())

  const flag = (postId: string, who: TestMember, body: unknown = { reason: 'spam' }) =>
    f.send('POST', `/forum/posts/${postId}/flags`, who.token, body)
  const post = async (postId: string) =>
    (await f.table('SELECT hidden, hidden_reason, deleted_at FROM posts WHERE id = ?', postId))[0]
  const notices = async () =>
    (
      await f.table(
        "SELECT member_id, post_id, actor_id, data FROM notifications WHERE kind = 'moderation'",
      )
    ).map((n) => ({ ...n, data: JSON.parse(String(n.data)) }))

  it('records a flag with its reason and note; a second from the same member is 409', async () => {
    const { postId } = await f.thread(ann)
    const res = await flag(postId, bob, { reason: 'other', note: 'Copied from elsewhere' })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      id: expect.stringMatching(/^flg_/),
      postId,
      reason: 'other',
      note: 'Copied from elsewhere',
      status: 'open',
      createdAt: f.clock.now(),
    })
    expect(await f.table('SELECT member_id, status FROM flags')).toEqual([
      { member_id: bob.id, status: 'open' },
    ])
    const again = await flag(postId, bob)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('ALREADY_FLAGGED')
    expect(await post(postId)).toMatchObject({ hidden: 0 })
  })

  it('refuses an unknown reason (422)', async () => {
    const { postId } = await f.thread(ann)
    const res = await flag(postId, bob, { reason: 'boring' })
    expect(res.status).toBe(422)
    expect(Object.keys(res.body.error.fields)).toEqual(['reason'])
  })

  it('hides the post when flags from enough distinct members arrive, logged as the system', async () => {
    const { threadId, postId } = await f.thread(ann)
    await flag(postId, bob)
    expect(await post(postId)).toMatchObject({ hidden: 0 })
    const before = await f.send('GET', `/forum/threads/${threadId}/posts`, bob.token)

    expect((await flag(postId, cat, { reason: 'abuse' })).status).toBe(201)

    expect(await post(postId)).toEqual({ hidden: 1, hidden_reason: 'flags', deleted_at: null })
    const [entry, ...more] = await f.table(
      'SELECT actor_id, action, target_type, target_id, reason, details FROM moderation_log',
    )
    expect(more).toEqual([])
    expect({ ...entry, details: JSON.parse(String(entry?.details)) }).toEqual({
      actor_id: null,
      action: 'post.hide',
      target_type: 'post',
      target_id: postId,
      reason: 'flags',
      details: { by: 'system', threadId, flags: 2 },
    })
    expect(await notices()).toEqual([
      {
        member_id: ann.id,
        post_id: postId,
        actor_id: null,
        data: { action: 'post.hide', reason: 'flags' },
      },
    ])
    const after = await f.send('GET', `/forum/threads/${threadId}/posts`, bob.token)
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    expect(after.body.items[0]).toMatchObject({
      hidden: true,
      html: '<p>[hidden by a moderator]</p>',
    })
    // Further flags on the hidden post are refused to members, and nothing is logged twice.
    const late = await flag(postId, await f.member())
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('POST_HIDDEN')
    expect(await f.table('SELECT id FROM moderation_log')).toHaveLength(1)
  })

  it('hides exactly once when the deciding flags arrive together', async () => {
    const { postId } = await f.thread(ann)
    const flaggers = await Promise.all(Array.from({ length: 5 }, () => f.member()))
    await Promise.all(flaggers.map((m) => flag(postId, m)))
    expect(await post(postId)).toMatchObject({ hidden: 1, hidden_reason: 'flags' })
    expect(await f.table('SELECT id FROM moderation_log')).toHaveLength(1)
    expect(await notices()).toHaveLength(1)
  })

  it('lists the queue for moderators: the hidden content, counts, reasons and who flagged', async () => {
    const first = await f.thread(ann, { title: 'Buy now' })
    const second = await f.thread(bob)
    await flag(first.postId, bob, { reason: 'spam', note: 'An advert' })
    f.clock.advance(1000)
    await flag(second.postId, ann, { reason: 'off_topic' })
    f.clock.advance(1000)
    await flag(first.postId, cat, { reason: 'spam' })

    const res = await f.send('GET', '/forum/moderation/flags?limit=1', mod.token)
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([
      {
        post: expect.objectContaining({
          id: first.postId,
          hidden: true,
          hiddenReason: 'flags',
          html: '<p>Opening post</p>',
          source: 'Opening post',
        }),
        thread: { id: first.threadId, title: 'Buy now' },
        flagCount: 2,
        reasons: { spam: 2 },
        flags: [
          expect.objectContaining({
            reason: 'spam',
            note: 'An advert',
            member: expect.objectContaining({ id: bob.id }),
          }),
          expect.objectContaining({
            reason: 'spam',
            note: null,
            member: expect.objectContaining({ id: cat.id }),
          }),
        ],
        firstFlaggedAt: f.clock.now() - 2000,
      },
    ])
    const next = await f.send(
      'GET',
      `/forum/moderation/flags?limit=1&cursor=${res.body.nextCursor}`,
      mod.token,
    )
    expect(next.body.items.map((i: { post: { id: string } }) => i.post.id)).toEqual([second.postId])
    expect(next.body.nextCursor).toBeNull()
    const bad = await f.send('GET', '/forum/moderation/flags?cursor=nonsense', mod.token)
    expect(bad.status).toBe(400)
  })

  it('dismiss: resolves the flags and shows an auto-hidden post again, without telling the author', async () => {
    const { threadId, postId } = await f.thread(ann)
    await flag(postId, bob)
    await flag(postId, cat)
    const before = await f.send('GET', `/forum/threads/${threadId}/posts`, bob.token)
    f.clock.advance(5000)

    const res = await f.send('POST', `/forum/moderation/flags/${postId}/resolve`, mod.token, {
      action: 'dismiss',
      reason: 'Not spam',
    })

    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      postId,
      action: 'dismiss',
      flagsResolved: 2,
      post: { hidden: false },
    })
    expect(await f.table('SELECT status, resolved_by, resolved_at FROM flags')).toEqual([
      { status: 'dismissed', resolved_by: mod.id, resolved_at: f.clock.now() },
      { status: 'dismissed', resolved_by: mod.id, resolved_at: f.clock.now() },
    ])
    expect(await post(postId)).toEqual({ hidden: 0, hidden_reason: null, deleted_at: null })
    expect(
      (await f.table('SELECT action FROM moderation_log ORDER BY created_at')).map((r) => r.action),
    ).toEqual(['post.hide', 'flags.dismiss'])
    // Only the auto-hide notice; a dismissal is not news to the author.
    expect((await notices()).map((n) => n.data.action)).toEqual(['post.hide'])
    const after = await f.send('GET', `/forum/threads/${threadId}/posts`, bob.token)
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    expect((await f.send('GET', '/forum/moderation/flags', mod.token)).body.items).toEqual([])
    const history = await f.send('GET', '/forum/moderation/flags?status=dismissed', mod.token)
    expect(history.body.items).toHaveLength(1)
    const again = await f.send('POST', `/forum/moderation/flags/${postId}/resolve`, mod.token, {
      action: 'dismiss',
    })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('NO_OPEN_FLAGS')
  })

  it("dismiss leaves a moderator's own hide in place", async () => {
    const { postId } = await f.thread(ann)
    await f.send('POST', `/forum/moderation/posts/${postId}/hide`, mod.token, { reason: 'Rude' })
    // Only moderators can still flag a hidden post.
    expect((await flag(postId, await f.member({ role: 'moderator' }))).status).toBe(201)
    await f.send('POST', `/forum/moderation/flags/${postId}/resolve`, mod.token, {
      action: 'dismiss',
    })
    expect(await post(postId)).toMatchObject({ hidden: 1, hidden_reason: 'Rude' })
  })

  it.each([
    ['hide', { hidden: 1, hidden_reason: 'Advert', deleted_at: null }, 'post.hide'],
    ['delete', { hidden: 0, hidden_reason: null, deleted_at: expect.any(Number) }, 'post.delete'],
  ] as const)(
    '%s: resolves as actioned, applies it, logs it and tells the author',
    async (action, stored, logged) => {
      const { postId } = await f.thread(ann)
      await flag(postId, bob)
      const res = await f.send('POST', `/forum/moderation/flags/${postId}/resolve`, mod.token, {
        action,
        reason: 'Advert',
      })
      expect(res.status).toBe(200)
      expect(await f.table('SELECT status, resolved_by FROM flags')).toEqual([
        { status: 'actioned', resolved_by: mod.id },
      ])
      expect(await post(postId)).toEqual(stored)
      expect(await f.table('SELECT actor_id, action, reason FROM moderation_log')).toEqual([
        { actor_id: mod.id, action: logged, reason: 'Advert' },
      ])
      expect(await notices()).toEqual([
        {
          member_id: ann.id,
          post_id: postId,
          actor_id: mod.id,
          data: { action: logged, reason: 'Advert' },
        },
      ])
    },
  )

  it('suspend_author: hides the post, suspends the author, ends their sessions, and tells them', async () => {
    const { threadId, postId } = await f.thread(ann)
    await flag(postId, bob)
    const res = await f.send('POST', `/forum/moderation/flags/${postId}/resolve`, mod.token, {
      action: 'suspend_author',
      reason: 'Spammer',
      suspendDays: 7,
    })
    expect(res.status).toBe(200)
    const until = f.clock.now() + 7 * 86_400_000
    expect(
      await f.table('SELECT status, suspended_until FROM members WHERE id = ?', ann.id),
    ).toEqual([{ status: 'suspended', suspended_until: until }])
    expect(await f.table('SELECT id FROM sessions WHERE member_id = ?', ann.id)).toEqual([])
    expect(await post(postId)).toMatchObject({ hidden: 1, hidden_reason: 'Spammer' })
    expect(
      (await f.table('SELECT action FROM moderation_log ORDER BY rowid')).map((r) => r.action),
    ).toEqual(['post.hide', 'member.suspend'])
    expect(await notices()).toEqual([
      {
        member_id: ann.id,
        post_id: postId,
        actor_id: mod.id,
        data: { action: 'member.suspend', reason: 'Spammer', until },
      },
    ])
    expect((await f.send('GET', `/forum/threads/${threadId}`, ann.token)).status).toBe(401)
  })

  it('suspend_author needs a number of days, and respects rank', async () => {
    const other = await f.member({ role: 'moderator' })
    const { postId } = await f.thread(other)
    await flag(postId, bob)
    const noDays = await f.send('POST', `/forum/moderation/flags/${postId}/resolve`, mod.token, {
      action: 'suspend_author',
    })
    expect(noDays.status).toBe(422)
    expect(noDays.body.error.fields).toEqual({ suspendDays: 'Say for how many days.' })
    const outranked = await f.send('POST', `/forum/moderation/flags/${postId}/resolve`, mod.token, {
      action: 'suspend_author',
      suspendDays: 1,
    })
    expect(outranked.status).toBe(403)
    expect(await f.table('SELECT status FROM flags')).toEqual([{ status: 'open' }])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { createTestMember } from '../../test/helpers/members.ts'
import { categories, posts, threads } from '../db/schema.ts'
import { type ForumFixture, forumFixture, type TestMember } from './moderation-test-helpers.ts'

describe('moderating posts and threads', () => {
  let f: ForumFixture
  let ann: TestMember
  let bob: TestMember
  let mod: TestMember
  beforeEach(async () => {
    f = await forumFixture()
    ann = await f.member()
    bob = await f.member()
    mod = await f.member({ role: 'moderator' })
  })
  afterEach(() => f.t.close())

  const log = async () =>
    (
      await f.table(
        'SELECT actor_id, action, target_type, target_id, reason, details FROM moderation_log ORDER BY rowid',
      )
    ).map((r): Record<string, unknown> => ({ ...r, details: JSON.parse(String(r.details)) }))
  const notices = async () =>
    (
      await f.table(
        "SELECT member_id, thread_id, post_id, actor_id, data FROM notifications WHERE kind = 'moderation' ORDER BY rowid",
      )
    ).map((n) => ({ ...n, data: JSON.parse(String(n.data)) }))
  const thread = async (id: string) =>
    (
      await f.table(
        'SELECT category_id, pinned, locked, hidden, slow_mode_seconds, version FROM threads WHERE id = ?',
        id,
      )
    )[0]

  it('hides a post with a reason: members see a placeholder, the author is told, it is logged', async () => {
    const { threadId, postId } = await f.thread(ann)
    const res = await f.send('POST', `/forum/moderation/posts/${postId}/hide`, mod.token, {
      reason: 'Personal attack',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      hidden: true,
      hiddenReason: 'Personal attack',
      html: '<p>Opening post</p>',
    })
    const seen = await f.send('GET', `/forum/threads/${threadId}/posts`, bob.token)
    expect(seen.body.items[0]).toMatchObject({
      hidden: true,
      html: '<p>[hidden by a moderator]</p>',
    })
    expect(await log()).toEqual([
      {
        actor_id: mod.id,
        action: 'post.hide',
        target_type: 'post',
        target_id: postId,
        reason: 'Personal attack',
        details: { threadId },
      },
    ])
    expect(await notices()).toEqual([
      {
        member_id: ann.id,
        thread_id: threadId,
        post_id: postId,
        actor_id: mod.id,
        data: { action: 'post.hide', reason: 'Personal attack' },
      },
    ])
    // Again: already hidden, nothing new is logged or sent.
    await f.send('POST', `/forum/moderation/posts/${postId}/hide`, mod.token, { reason: 'Again' })
    expect(await log()).toHaveLength(1)

    const shown = await f.send('POST', `/forum/moderation/posts/${postId}/unhide`, mod.token)
    expect(shown.status).toBe(200)
    expect(shown.body).toMatchObject({ hidden: false })
    expect((await log()).map((e) => e.action)).toEqual(['post.hide', 'post.unhide'])
    expect((await notices()).map((n) => n.data.action)).toEqual(['post.hide', 'post.unhide'])
    expect((await thread(threadId))?.version).toBe(2)
  })

  it('requires a reason to hide a post (422)', async () => {
    const { postId } = await f.thread(ann)
    const res = await f.send('POST', `/forum/moderation/posts/${postId}/hide`, mod.token, {})
    expect(res.status).toBe(422)
    expect(res.body.error.fields).toEqual({ reason: expect.any(String) })
  })

  it.each([
    ['lock', { locked: 1 }, false],
    ['pin', { pinned: 1 }, false],
    ['hide', { hidden: 1 }, true],
  ] as const)(
    '%s and undo: the thread changes, the version moves, each is logged',
    async (change, state, tellsAuthor) => {
      const { threadId } = await f.thread(ann, { title: 'Heated' })
      const undo = `un${change}`
      const res = await f.send(
        'POST',
        `/forum/moderation/threads/${threadId}/${change}`,
        mod.token,
        {
          reason: 'Cooling down',
        },
      )
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        id: threadId,
        ...Object.fromEntries(Object.keys(state).map((k) => [k, true])),
      })
      expect(await thread(threadId)).toMatchObject({ ...state, version: 1 })
      // Repeating changes nothing.
      await f.send('POST', `/forum/moderation/threads/${threadId}/${change}`, mod.token)
      const back = await f.send('POST', `/forum/moderation/threads/${threadId}/${undo}`, mod.token)
      expect(back.status).toBe(200)
      expect(await thread(threadId)).toMatchObject({
        ...Object.fromEntries(Object.keys(state).map((k) => [k, 0])),
        version: 2,
      })
      expect(await log()).toEqual([
        expect.objectContaining({
          action: `thread.${change}`,
          target_type: 'thread',
          target_id: threadId,
          reason: 'Cooling down',
        }),
        expect.objectContaining({ action: `thread.${undo}`, reason: null }),
      ])
      expect(await notices()).toEqual(
        tellsAuthor
          ? [
              expect.objectContaining({
                member_id: ann.id,
                data: { action: 'thread.hide', reason: 'Cooling down', title: 'Heated' },
              }),
              expect.objectContaining({
                data: { action: 'thread.unhide', reason: null, title: 'Heated' },
              }),
            ]
          : [],
      )
    },
  )

  it('a locked thread takes replies from moderators only', async () => {
    const { threadId } = await f.thread(ann)
    await f.send('POST', `/forum/moderation/threads/${threadId}/lock`, mod.token)
    const member = await f.send('POST', `/forum/threads/${threadId}/posts`, bob.token, {
      body: 'Hi',
    })
    expect(member.body.error.code).toBe('THREAD_LOCKED')
    const moderator = await f.send('POST', `/forum/threads/${threadId}/posts`, mod.token, {
      body: 'Locked.',
    })
    expect(moderator.status).toBe(201)
  })

  it('moves a thread to another category, logged with both slugs', async () => {
    const { threadId } = await f.thread(ann)
    const res = await f.send('POST', `/forum/moderation/threads/${threadId}/move`, mod.token, {
      category: 'lounge',
    })
    expect(res.status).toBe(200)
    expect(res.body.categoryId).toBe(f.cats.lounge.id)
    expect(await thread(threadId)).toMatchObject({ category_id: f.cats.lounge.id, version: 1 })
    expect(await log()).toEqual([
      expect.objectContaining({ action: 'thread.move', details: { from: 'public', to: 'lounge' } }),
    ])
    const lounge = await f.send('GET', '/forum/categories/lounge/threads', bob.token)
    expect(lounge.body.items.map((t: { id: string }) => t.id)).toEqual([threadId])
    const nowhere = await f.send('POST', `/forum/moderation/threads/${threadId}/move`, mod.token, {
      category: 'nowhere',
    })
    expect(nowhere.status).toBe(404)
    expect(nowhere.body.error.code).toBe('CATEGORY_NOT_FOUND')
  })

  it('sets slow mode, which then holds members to it', async () => {
    const { threadId } = await f.thread(ann)
    const res = await f.send('POST', `/forum/moderation/threads/${threadId}/slow-mode`, mod.token, {
      seconds: 120,
    })
    expect(res.body).toMatchObject({ slowModeSeconds: 120 })
    expect(await log()).toEqual([
      expect.objectContaining({
        action: 'thread.slow_mode',
        details: { seconds: 120, previous: 0 },
      }),
    ])
    expect(
      (await f.send('POST', `/forum/threads/${threadId}/posts`, bob.token, { body: 'One' })).status,
    ).toBe(201)
    const second = await f.send('POST', `/forum/threads/${threadId}/posts`, bob.token, {
      body: 'Two',
    })
    expect(second.status).toBe(429)
    expect(second.body.error.code).toBe('SLOW_MODE')
    const tooLong = await f.send(
      'POST',
      `/forum/moderation/threads/${threadId}/slow-mode`,
      mod.token,
      {
        seconds: 86_401,
      },
    )
    expect(tooLong.status).toBe(422)
  })

  it('deletes a thread with everything in it, search entries included; the log keeps what it was', async () => {
    const { threadId, postId } = await f.thread(ann, { title: 'Spam thread' })
    const replyId = await f.reply(threadId, bob)
    await f.send('PUT', `/forum/posts/${postId}/like`, bob.token)
    await f.send('POST', `/forum/posts/${replyId}/flags`, ann.token, { reason: 'spam' })
    await f.send('PATCH', `/forum/posts/${replyId}`, bob.token, { body: 'Edited' })
    const { threadId: keptId } = await f.thread(bob, { title: 'Kept thread' })

    const res = await f.send('DELETE', `/forum/moderation/threads/${threadId}`, mod.token, {
      reason: 'Spam',
    })

    expect(res.status).toBe(204)
    for (const table of ['posts', 'reactions', 'flags', 'post_revisions', 'watches']) {
      expect(await f.table(`SELECT * FROM ${table}`), table).toEqual(
        table === 'posts' ? [expect.objectContaining({ thread_id: keptId })] : [],
      )
    }
    expect(await f.table('SELECT id FROM threads')).toEqual([{ id: keptId }])
    expect(await f.table('SELECT title FROM forum_search')).toEqual([{ title: 'Kept thread' }])
    expect((await log()).at(-1)).toEqual({
      actor_id: mod.id,
      action: 'thread.delete',
      target_type: 'thread',
      target_id: threadId,
      reason: 'Spam',
      details: { title: 'Spam thread', category: 'public', authorId: ann.id, postCount: 2 },
    })
    // The like notification about the gone thread went with it; the author is told why.
    expect(await f.table('SELECT member_id, kind, thread_id, data FROM notifications')).toEqual([
      {
        member_id: ann.id,
        kind: 'moderation',
        thread_id: null,
        data: JSON.stringify({ action: 'thread.delete', reason: 'Spam', title: 'Spam thread' }),
      },
    ])
    expect((await f.send('GET', `/forum/threads/${threadId}`, mod.token)).status).toBe(404)
  })

  it('answers 404 for a thread or post of another site', async () => {
    const other = await createTestSite(f.t, { name: 'Other' })
    const stranger = await createTestMember(f.t, other)
    await f.db.insert(categories).values({
      id: 'cat_other',
      siteId: other.id,
      slug: 'public',
      name: 'Other public',
      createdAt: 1,
      updatedAt: 1,
    })
    await f.db.insert(threads).values({
      id: 'thr_other',
      siteId: other.id,
      categoryId: 'cat_other',
      authorId: stranger.id,
      title: 'Elsewhere',
      postCount: 1,
      lastActivityAt: 1,
      createdAt: 1,
    })
    await f.db.insert(posts).values({
      id: 'pst_other',
      siteId: other.id,
      threadId: 'thr_other',
      number: 1,
      authorId: stranger.id,
      bodySource: 'x',
      bodyHtml: 'x',
      createdAt: 1,
    })
    const lock = await f.send('POST', '/forum/moderation/threads/thr_other/lock', mod.token)
    expect(lock.body.error.code).toBe('THREAD_NOT_FOUND')
    const hide = await f.send('POST', '/forum/moderation/posts/pst_other/hide', mod.token, {
      reason: 'x',
    })
    expect(hide.body.error.code).toBe('POST_NOT_FOUND')
    const suspend = await f.send(
      'POST',
      `/forum/moderation/members/${stranger.id}/suspend`,
      mod.token,
      {
        days: 1,
        reason: 'x',
      },
    )
    expect(suspend.body.error.code).toBe('MEMBER_NOT_FOUND')
    expect(await f.table("SELECT locked FROM threads WHERE id = 'thr_other'")).toEqual([
      { locked: 0 },
    ])
  })
})

import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, manualClock } from '../../test/helpers/app.ts'
import { createTestMember, type TestMember } from '../../test/helpers/members.ts'
import { members, notifications, threads, watches } from '../db/schema.ts'
import { type ForumWorld, forumWorld } from './notification-test-helpers.ts'
import { MAX_NOTIFIED_MENTIONS } from './notify.ts'

// Who gets which notification for a new post. Each scenario builds a thread where `ann` started
// it and `bob` replied (both watch it automatically), then one post is written; the table states
// the notifications that post leaves behind, as member → kind, and no one else.

const quote = (postId: string, who: string) => `> [@${who} wrote:](#${postId})\n> Quoted text\n\n`

type Cast = Record<'ann' | 'bob' | 'carl' | 'dana' | 'mod', TestMember>
type Scenario = {
  name: string
  /** Changes before the post, e.g. a watch level or a suspension. */
  before?: (
    w: ForumWorld,
    cast: Cast,
    thread: { id: string; postId: string; replyId: string },
  ) => Promise<void>
  /** Writes the post; returns its id. */
  post: (
    w: ForumWorld,
    cast: Cast,
    thread: { id: string; postId: string; replyId: string },
  ) => Promise<string>
  expected: (cast: Cast) => Record<string, string>
}

const scenarios: Scenario[] = [
  {
    name: 'a reply notifies every watcher but its author',
    post: (w, c, th) => w.reply(c.carl, th.id, 'Me too'),
    expected: (c) => ({ [c.ann.id]: 'reply', [c.bob.id]: 'reply' }),
  },
  {
    name: 'a watcher replying is not notified of their own post',
    post: (w, c, th) => w.reply(c.bob, th.id, 'Another thought'),
    expected: (c) => ({ [c.ann.id]: 'reply' }),
  },
  {
    name: 'a mention notifies a member who does not watch the thread',
    post: (w, c, th) => w.reply(c.bob, th.id, `What do you think, @${c.carl.username}?`),
    expected: (c) => ({ [c.ann.id]: 'reply', [c.carl.id]: 'mention' }),
  },
  {
    name: 'a mention outranks the watcher reply: one notification per member per post',
    post: (w, c, th) => w.reply(c.carl, th.id, `@${c.ann.username} see this`),
    expected: (c) => ({ [c.ann.id]: 'mention', [c.bob.id]: 'reply' }),
  },
  {
    name: 'a quote notifies the quoted author (and outranks the watcher reply)',
    post: (w, c, th) => w.reply(c.carl, th.id, `${quote(th.replyId, c.bob.username)}Agreed.`),
    expected: (c) => ({ [c.ann.id]: 'reply', [c.bob.id]: 'quote' }),
  },
  {
    name: 'a mention outranks a quote of the same member',
    post: (w, c, th) =>
      w.reply(c.carl, th.id, `${quote(th.replyId, c.bob.username)}@${c.bob.username} right?`),
    expected: (c) => ({ [c.ann.id]: 'reply', [c.bob.id]: 'mention' }),
  },
  {
    name: 'a direct reply reaches its addressee even when they stopped watching',
    before: (w, _c, th) =>
      w.t.deps.db
        .update(watches)
        .set({ level: 'normal' })
        .where(eq(watches.threadId, th.id))
        .then(() => {}),
    post: (w, c, th) => w.reply(c.carl, th.id, 'Answering you, Bob', th.replyId),
    expected: (c) => ({ [c.bob.id]: 'reply' }),
  },
  {
    name: 'a muted thread notifies nothing, not even a mention',
    before: async (w, c, th) => {
      const res = await w.call('PUT', `/v1/forum/threads/${th.id}/watch`, {
        token: c.ann.token,
        body: { level: 'muted' },
      })
      expect(res.status).toBe(200)
    },
    post: (w, c, th) =>
      w.reply(c.carl, th.id, `${quote(th.postId, c.ann.username)}@${c.ann.username}?`, th.postId),
    expected: (c) => ({ [c.bob.id]: 'reply' }),
  },
  {
    name: 'the author mentioning or quoting themselves is not notified',
    post: (w, c, th) =>
      w.reply(
        c.bob,
        th.id,
        `${quote(th.replyId, c.bob.username)}As @${c.bob.username} said`,
        th.replyId,
      ),
    expected: (c) => ({ [c.ann.id]: 'reply' }),
  },
  {
    name: 'a suspended member gets nothing, a lapsed suspension counts as active',
    before: async (w, c) => {
      const now = w.t.deps.clock.now()
      await w.t.deps.db
        .update(members)
        .set({ status: 'suspended', suspendedUntil: now + 86_400_000 })
        .where(eq(members.id, c.ann.id))
      await w.t.deps.db
        .update(members)
        .set({ status: 'suspended', suspendedUntil: now - 1 })
        .where(eq(members.id, c.dana.id))
    },
    post: (w, c, th) => w.reply(c.carl, th.id, `@${c.ann.username} @${c.dana.username} hello`),
    expected: (c) => ({ [c.bob.id]: 'reply', [c.dana.id]: 'mention' }),
  },
  {
    name: 'a banned member gets nothing',
    before: (w, c) =>
      w.t.deps.db
        .update(members)
        .set({ status: 'banned' })
        .where(eq(members.id, c.carl.id))
        .then(() => {}),
    post: (w, c, th) => w.reply(c.bob, th.id, `@${c.carl.username} come back`),
    expected: (c) => ({ [c.ann.id]: 'reply' }),
  },
  {
    name: 'in a hidden thread only moderators are notified, watchers and mentions alike',
    before: (w, _c, th) =>
      w.t.deps.db
        .update(threads)
        .set({ hidden: true })
        .where(eq(threads.id, th.id))
        .then(() => {}),
    post: (w, c, th) => w.reply(c.mod, th.id, `@${c.carl.username} @${c.dana.username} look`),
    expected: () => ({}),
  },
  {
    name: 'in a hidden thread a mentioned moderator is notified',
    before: async (w, c, th) => {
      await w.t.deps.db.update(threads).set({ hidden: true }).where(eq(threads.id, th.id))
      await w.t.deps.db.update(members).set({ role: 'moderator' }).where(eq(members.id, c.dana.id))
    },
    post: (w, c, th) => w.reply(c.mod, th.id, `@${c.carl.username} @${c.dana.username} look`),
    expected: (c) => ({ [c.dana.id]: 'mention' }),
  },
]

describe('who is notified of a new post', () => {
  const clock = manualClock()
  let w: ForumWorld
  let cast: Cast
  let thread: { id: string; postId: string; replyId: string }

  beforeEach(async () => {
    w = await forumWorld(clock)
    cast = {
      ann: await w.member(),
      bob: await w.member(),
      carl: await w.member(),
      dana: await w.member(),
      mod: await w.member({ role: 'moderator' }),
    }
    const started = await w.startThread(cast.ann)
    clock.advance(1000)
    const replyId = await w.reply(cast.bob, started.id, 'First reply')
    clock.advance(1000)
    thread = { ...started, replyId }
  })
  afterEach(() => w.t.close())

  it('opening a thread notifies only the members it mentions', async () => {
    const { postId } = await w.startThread(
      cast.carl,
      `Hello @${cast.dana.username} and @${cast.carl.username}`,
    )
    expect(await w.notifiedFor(postId)).toEqual({ [cast.dana.id]: 'mention' })
  })

  it('records the first reply as a reply to the thread starter', async () => {
    expect(await w.notifiedFor(thread.replyId)).toEqual({ [cast.ann.id]: 'reply' })
  })

  it.each(scenarios)('$name', async (scenario) => {
    await scenario.before?.(w, cast, thread)
    const postId = await scenario.post(w, cast, thread)
    expect(await w.notifiedFor(postId)).toEqual(scenario.expected(cast))
  })

  it(`notifies at most ${MAX_NOTIFIED_MENTIONS} mentioned members per post`, async () => {
    const crowd = await Promise.all(Array.from({ length: 25 }, () => w.member()))
    const body = crowd.map((m) => `@${m.username}`).join(' ')
    const postId = await w.reply(cast.mod, thread.id, body)
    const notified = await w.notifiedFor(postId)
    const mentions = Object.values(notified).filter((kind) => kind === 'mention')
    expect(mentions).toHaveLength(MAX_NOTIFIED_MENTIONS)
    expect(notified[cast.ann.id]).toBe('reply')
  })

  it('never notifies a member of another site, even one whose username is mentioned', async () => {
    const otherSite = await createTestSite(w.t, {
      name: 'Other',
      origins: ['https://other.example'],
    })
    const stranger = await createTestMember(w.t, otherSite, { username: 'stranger' })
    const postId = await w.reply(cast.bob, thread.id, '@stranger hello')
    expect(await w.notifiedFor(postId)).toEqual({ [cast.ann.id]: 'reply' })
    const theirs = await w.t.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.memberId, stranger.id))
    expect(theirs).toEqual([])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { createTestMember } from '../../test/helpers/members.ts'
import { type ForumFixture, forumFixture, type TestMember } from './moderation-test-helpers.ts'

// The forum's permission policy, as a table: every action × every kind of actor → the answer,
// driven through HTTP. A refusal names its code. Reading what one may not see is a 404, so its
// existence stays private. Suspended members' sessions end with the suspension (sign-in checks
// the status on every request), so whatever they try is 401 INVALID_SESSION; so is a member of
// another site presenting their token with this site's key.

const actors = [
  'guest',
  'unverified',
  'member',
  'suspended',
  'moderator',
  'admin',
  'other site',
] as const
type ActorName = (typeof actors)[number]
type Cell = string

const G = '401 SIGN_IN_REQUIRED'
const S = '401 INVALID_SESSION'
const X = '401 INVALID_SESSION'
const U = '403 EMAIL_NOT_VERIFIED'
const F = '403 FORBIDDEN'

type Context = {
  f: ForumFixture
  /** The actor, or null for a guest; for "other site", a member of another site. */
  me: TestMember | null
  /** A member of this site other than the actor. */
  someone: TestMember
}
type Request = { method: string; path: string; body?: unknown }
type Action = (ctx: Context) => Promise<Request>

/** A post by the actor when they can have one on this site, else by someone else. */
const ownPost = async ({ f, me, someone }: Context, ageMs = 0) => {
  const author = me && me !== otherSiteMember ? me : someone
  return (await f.thread(author, { ageMs })).postId
}
const othersPost = async ({ f, someone }: Context) => (await f.thread(someone)).postId
const othersThread = async ({ f, someone }: Context) => (await f.thread(someone)).threadId

let otherSiteMember: TestMember | null = null

let categoryCounter = 0

/** What each action sends; fixtures are made afresh for every cell, so cells never interfere. */
const requests: Record<string, Action> = {
  'read a public category': async () => ({
    method: 'GET',
    path: '/forum/categories/public/threads',
  }),
  'read a members-only category': async () => ({
    method: 'GET',
    path: '/forum/categories/lounge/threads',
  }),
  'read a hidden thread': async ({ f, someone }) => ({
    method: 'GET',
    path: `/forum/threads/${(await f.thread(someone, { hidden: true })).threadId}`,
  }),
  'start a thread in a members category': async () => ({
    method: 'POST',
    path: '/forum/threads',
    body: { category: 'public', title: 'Hello all', body: 'Hi' },
  }),
  'start a thread in a moderators-only category': async () => ({
    method: 'POST',
    path: '/forum/threads',
    body: { category: 'news', title: 'Announcement', body: 'News' },
  }),
  reply: async (ctx) => ({
    method: 'POST',
    path: `/forum/threads/${await othersThread(ctx)}/posts`,
    body: { body: 'A reply' },
  }),
  'reply to a locked thread': async ({ f, someone }) => ({
    method: 'POST',
    path: `/forum/threads/${(await f.thread(someone, { locked: true })).threadId}/posts`,
    body: { body: 'A reply' },
  }),
  'edit own post': async (ctx) => ({
    method: 'PATCH',
    path: `/forum/posts/${await ownPost(ctx)}`,
    body: { body: 'Edited' },
  }),
  'edit own post after the edit window': async (ctx) => ({
    method: 'PATCH',
    path: `/forum/posts/${await ownPost(ctx, 2 * 3_600_000)}`,
    body: { body: 'Edited' },
  }),
  "edit another member's post": async (ctx) => ({
    method: 'PATCH',
    path: `/forum/posts/${await othersPost(ctx)}`,
    body: { body: 'Edited' },
  }),
  'delete own post': async (ctx) => ({
    method: 'DELETE',
    path: `/forum/posts/${await ownPost(ctx)}`,
  }),
  "delete another member's post": async (ctx) => ({
    method: 'DELETE',
    path: `/forum/posts/${await othersPost(ctx)}`,
  }),
  'like a post': async (ctx) => ({
    method: 'PUT',
    path: `/forum/posts/${await othersPost(ctx)}/like`,
  }),
  'like own post': async (ctx) => ({
    method: 'PUT',
    path: `/forum/posts/${await ownPost(ctx)}/like`,
  }),
  'flag a post': async (ctx) => ({
    method: 'POST',
    path: `/forum/posts/${await othersPost(ctx)}/flags`,
    body: { reason: 'spam' },
  }),
  'hide a post': async (ctx) => ({
    method: 'POST',
    path: `/forum/moderation/posts/${await othersPost(ctx)}/hide`,
    body: { reason: 'Rude' },
  }),
  'hide a thread': async (ctx) => ({
    method: 'POST',
    path: `/forum/moderation/threads/${await othersThread(ctx)}/hide`,
  }),
  'lock a thread': async (ctx) => ({
    method: 'POST',
    path: `/forum/moderation/threads/${await othersThread(ctx)}/lock`,
  }),
  'pin a thread': async (ctx) => ({
    method: 'POST',
    path: `/forum/moderation/threads/${await othersThread(ctx)}/pin`,
  }),
  'move a thread': async (ctx) => ({
    method: 'POST',
    path: `/forum/moderation/threads/${await othersThread(ctx)}/move`,
    body: { category: 'lounge' },
  }),
  'set slow mode': async (ctx) => ({
    method: 'POST',
    path: `/forum/moderation/threads/${await othersThread(ctx)}/slow-mode`,
    body: { seconds: 60 },
  }),
  'delete a thread': async (ctx) => ({
    method: 'DELETE',
    path: `/forum/moderation/threads/${await othersThread(ctx)}`,
    body: { reason: 'Spam' },
  }),
  'suspend a member': async ({ f }) => ({
    method: 'POST',
    path: `/forum/moderation/members/${(await f.member()).id}/suspend`,
    body: { days: 3, reason: 'Cool off' },
  }),
  'suspend a moderator': async ({ f }) => ({
    method: 'POST',
    path: `/forum/moderation/members/${(await f.member({ role: 'moderator' })).id}/suspend`,
    body: { days: 3, reason: 'Cool off' },
  }),
  'suspend an admin': async ({ f }) => ({
    method: 'POST',
    path: `/forum/moderation/members/${(await f.member({ role: 'admin' })).id}/suspend`,
    body: { days: 3, reason: 'Cool off' },
  }),
  'manage categories': async () => ({
    method: 'POST',
    path: '/forum/categories',
    body: { slug: `new-${++categoryCounter}`, name: 'New' },
  }),
  'change roles': async ({ f }) => ({
    method: 'PUT',
    path: `/forum/members/${(await f.member()).id}/role`,
    body: { role: 'moderator' },
  }),
  'view the flag queue': async () => ({ method: 'GET', path: '/forum/moderation/flags' }),
  'view the moderation log': async () => ({ method: 'GET', path: '/forum/moderation/log' }),
}

const OK = '200'
const CREATED = '201'
const DONE = '204'
/** Not there, for this reader: existence stays private. */
const NO_CAT = '404 CATEGORY_NOT_FOUND'
const NO_THR = '404 THREAD_NOT_FOUND'

// biome-ignore format: the policy reads as a table
const policy: [action: string, ...cells: Cell[]][] = [
  //                                               guest  unverified  member                   suspended  moderator         admin             other site
  ['read a public category',                       OK,    OK,         OK,                      S,         OK,               OK,               X],
  ['read a members-only category',                 NO_CAT, OK,         OK,                      S,         OK,               OK,               X],
  ['read a hidden thread',                         NO_THR, NO_THR,     NO_THR,                  S,         OK,               OK,               X],
  ['start a thread in a members category',         G,     U,          CREATED,                 S,         CREATED,          CREATED,          X],
  ['start a thread in a moderators-only category', G,     U,          F,                       S,         CREATED,          CREATED,          X],
  ['reply',                                        G,     U,          CREATED,                 S,         CREATED,          CREATED,          X],
  ['reply to a locked thread',                     G,     U,          '403 THREAD_LOCKED',     S,         CREATED,          CREATED,          X],
  ['edit own post',                                G,     U,          OK,                      S,         OK,               OK,               X],
  ['edit own post after the edit window',          G,     U,          '403 EDIT_WINDOW_CLOSED', S,        OK,               OK,               X],
  ["edit another member's post",                   G,     U,          F,                       S,         OK,               OK,               X],
  ['delete own post',                              G,     DONE,       DONE,                    S,         DONE,             DONE,             X],
  ["delete another member's post",                 G,     F,          F,                       S,         DONE,             DONE,             X],
  ['like a post',                                  G,     U,          OK,                      S,         OK,               OK,               X],
  ['like own post',                                G,     U,          '403 OWN_POST',          S,         '403 OWN_POST',   '403 OWN_POST',   X],
  ['flag a post',                                  G,     U,          CREATED,                 S,         CREATED,          CREATED,          X],
  ['hide a post',                                  G,     F,          F,                       S,         OK,               OK,               X],
  ['hide a thread',                                G,     F,          F,                       S,         OK,               OK,               X],
  ['lock a thread',                                G,     F,          F,                       S,         OK,               OK,               X],
  ['pin a thread',                                 G,     F,          F,                       S,         OK,               OK,               X],
  ['move a thread',                                G,     F,          F,                       S,         OK,               OK,               X],
  ['set slow mode',                                G,     F,          F,                       S,         OK,               OK,               X],
  ['delete a thread',                              G,     F,          F,                       S,         DONE,             DONE,             X],
  ['suspend a member',                             G,     F,          F,                       S,         OK,               OK,               X],
  ['suspend a moderator',                          G,     F,          F,                       S,         F,                OK,               X],
  ['suspend an admin',                             G,     F,          F,                       S,         F,                F,                X],
  ['manage categories',                            G,     F,          F,                       S,         F,                CREATED,          X],
  ['change roles',                                 G,     F,          F,                       S,         F,                OK,               X],
  ['view the flag queue',                          G,     F,          F,                       S,         OK,               OK,               X],
  ['view the moderation log',                      G,     F,          F,                       S,         OK,               OK,               X],
]

describe('forum permission matrix', () => {
  let f: ForumFixture
  const as = {} as Record<ActorName, TestMember | null>
  let someone: TestMember

  beforeAll(async () => {
    // An edit window, so "after the edit window" has a meaning.
    f = await forumFixture({ editWindowMinutes: 60 })
    const other = await createTestSite(f.t, { name: 'Other site' })
    otherSiteMember = await createTestMember(f.t, other)
    as.guest = null
    as.unverified = await f.member({ verified: false })
    as.member = await f.member()
    as.suspended = await f.member({
      status: 'suspended',
      suspendedUntil: f.clock.now() + 86_400_000,
    })
    as.moderator = await f.member({ role: 'moderator' })
    as.admin = await f.member({ role: 'admin' })
    as['other site'] = otherSiteMember
    someone = await f.member()
  })
  afterAll(() => f.t.close())

  it('covers every action it defines', () => {
    expect(policy.map(([action]) => action).sort()).toEqual(Object.keys(requests).sort())
    for (const [action, ...cells] of policy) expect(cells, action).toHaveLength(actors.length)
  })

  describe.each(policy)('%s', (action, ...cells) => {
    it.each(actors.map((actor, i) => [actor, cells[i] as Cell] as const))(
      '%s → %s',
      async (actor, expected) => {
        const me = as[actor]
        const request = await (requests[action] as Action)({ f, me, someone })
        const res = await f.send(request.method, request.path, me?.token, request.body)
        const [status, code] = expected.split(' ')
        expect(
          { status: res.status, code: res.body?.error?.code },
          `${request.method} ${request.path}`,
        ).toEqual({ status: Number(status), code })
      },
    )
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type ForumFixture, forumFixture, type TestMember } from './moderation-test-helpers.ts'

// Regressions found while documenting the forum routes for the OpenAPI contract (issue 11).

describe('the forum routes answer as documented', () => {
  let f: ForumFixture
  let ann: TestMember
  let mod: TestMember
  beforeEach(async () => {
    f = await forumFixture()
    ann = await f.member()
    mod = await f.member({ role: 'moderator' })
  })
  afterEach(() => f.t.close())

  // Bug: every moderator action on a thread answered `author: null`, so a client that updated
  // its view from the answer showed the thread as written by a deleted member.
  it.each([
    ['lock', undefined],
    ['pin', undefined],
    ['hide', { reason: 'Off topic' }],
    ['slow-mode', { seconds: 30 }],
    ['move', { category: 'lounge' }],
  ])('a thread changed with %s comes back with its author, as when read', async (action, body) => {
    const { threadId } = await f.thread(ann)
    const read = await f.send('GET', `/forum/threads/${threadId}`, mod.token)
    const changed = await f.send(
      'POST',
      `/forum/moderation/threads/${threadId}/${action}`,
      mod.token,
      body,
    )
    expect(changed.status).toBe(200)
    expect(changed.body.author).toEqual({
      id: ann.id,
      displayName: expect.any(String),
      username: expect.any(String),
      avatarUrl: null,
    })
    expect(changed.body.author).toEqual(read.body.author)
  })

  // Bug: the forum's site and session middleware ran for every path under /v1/forum/, so a path
  // or method no route has answered a key or session error instead of 404 or 405.
  it.each([
    ['GET', '/v1/forum/nothing-here', 404, 'NOT_FOUND'],
    ['GET', '/v1/forum/posts/pst_abcdefghijklmnopqrstuvwx', 405, 'METHOD_NOT_ALLOWED'],
    ['POST', '/v1/forum/categories/general/threads', 405, 'METHOD_NOT_ALLOWED'],
  ])('%s %s without a key answers %i %s', async (method, path, status, code) => {
    const res = await f.t.app.request(path, { method })
    expect(res.status).toBe(status)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code)
  })

  it('still asks for the key on a route that exists', async () => {
    const res = await f.t.app.request('/v1/forum/categories')
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'INVALID_PUBLISHABLE_KEY',
    )
  })
})

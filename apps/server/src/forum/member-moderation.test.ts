import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type ForumFixture, forumFixture, type TestMember } from './moderation-test-helpers.ts'

const dayMs = 86_400_000

describe('suspending members, changing roles, and the moderation log', () => {
  let f: ForumFixture
  let ann: TestMember
  let mod: TestMember
  let admin: TestMember
  beforeEach(async () => {
    f = await forumFixture()
    ann = await f.member()
    mod = await f.member({ role: 'moderator' })
    admin = await f.member({ role: 'admin' })
  })
  afterEach(() => f.t.close())

  const suspend = (who: TestMember, target: string, body: unknown) =>
    f.send('POST', `/forum/moderation/members/${target}/suspend`, who.token, body)
  const member = async (id: string) =>
    (await f.table('SELECT role, status, suspended_until FROM members WHERE id = ?', id))[0]

  it('suspends for a number of days: status, end time, sessions ended, logged and told, in one go', async () => {
    const res = await suspend(mod, ann.id, { days: 3, reason: 'Cool off' })
    const until = f.clock.now() + 3 * dayMs
    expect(res).toMatchObject({
      status: 200,
      body: { id: ann.id, status: 'suspended', suspendedUntil: until },
    })
    expect(await member(ann.id)).toEqual({
      role: 'member',
      status: 'suspended',
      suspended_until: until,
    })
    expect(await f.table('SELECT id FROM sessions WHERE member_id = ?', ann.id)).toEqual([])
    expect(
      await f.table('SELECT actor_id, action, target_type, target_id, reason FROM moderation_log'),
    ).toEqual([
      {
        actor_id: mod.id,
        action: 'member.suspend',
        target_type: 'member',
        target_id: ann.id,
        reason: 'Cool off',
      },
    ])
    expect(
      await f.table("SELECT member_id, data FROM notifications WHERE kind = 'moderation'"),
    ).toEqual([
      {
        member_id: ann.id,
        data: JSON.stringify({ action: 'member.suspend', reason: 'Cool off', until }),
      },
    ])
    const after = await f.send('GET', '/forum/categories', ann.token)
    expect(after.status).toBe(401)
    expect(after.body.error.code).toBe('INVALID_SESSION')
  })

  it('the suspension lapses on its own: the member can sign in and post again', async () => {
    await suspend(mod, ann.id, { days: 1, reason: 'Cool off' })
    f.clock.advance(dayMs + 1)
    const login = await f.t.app.request('/v1/auth/login', {
      method: 'POST',
      headers: { ...f.headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ email: ann.email, password: 'correct horse battery staple' }),
    })
    expect(login.status).toBe(200)
  })

  it.each([
    [{ until: Date.UTC(2026, 11, 24), reason: 'Until the holidays' }, 200, undefined],
    [{ days: 3, until: Date.UTC(2026, 11, 24), reason: 'Both' }, 422, 'days'],
    [{ reason: 'Neither' }, 422, 'days'],
    [{ days: 3 }, 422, 'reason'],
    [{ until: Date.UTC(2020, 0, 1), reason: 'Past' }, 422, 'until'],
    [{ days: 4000, reason: 'Too long' }, 422, 'days'],
  ])('suspend %j → %i', async (body, status, field) => {
    const res = await suspend(mod, ann.id, body)
    expect(res.status).toBe(status)
    if (field) expect(Object.keys(res.body.error.fields)).toContain(field)
  })

  it('respects rank: moderators suspend members; admins also moderators; nobody themselves or an admin', async () => {
    const otherMod = await f.member({ role: 'moderator' })
    const otherAdmin = await f.member({ role: 'admin' })
    const body = { days: 1, reason: 'x' }
    expect((await suspend(mod, otherMod.id, body)).status).toBe(403)
    expect((await suspend(mod, admin.id, body)).status).toBe(403)
    expect((await suspend(admin, otherAdmin.id, body)).status).toBe(403)
    const self = await suspend(mod, mod.id, body)
    expect(self.status).toBe(403)
    expect(self.body.error.code).toBe('OWN_ACCOUNT')
    expect((await suspend(admin, otherMod.id, body)).status).toBe(200)
    expect(await member(otherMod.id)).toMatchObject({ status: 'suspended' })
  })

  it('refuses to turn a ban into a suspension (409) and answers 404 for no such member', async () => {
    const banned = await f.member({ status: 'banned' })
    const res = await suspend(mod, banned.id, { days: 1, reason: 'x' })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('MEMBER_BANNED')
    expect(await member(banned.id)).toMatchObject({ status: 'banned' })
    const missing = await suspend(mod, 'mem_nosuchmember', { days: 1, reason: 'x' })
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('MEMBER_NOT_FOUND')
  })

  it('admins change roles, logged with before and after; not their own', async () => {
    const res = await f.send('PUT', `/forum/members/${ann.id}/role`, admin.token, {
      role: 'moderator',
    })
    expect(res).toMatchObject({ status: 200, body: { id: ann.id, role: 'moderator' } })
    expect(await member(ann.id)).toMatchObject({ role: 'moderator' })
    expect(
      await f.table('SELECT actor_id, action, target_id, details FROM moderation_log'),
    ).toEqual([
      {
        actor_id: admin.id,
        action: 'member.role',
        target_id: ann.id,
        details: JSON.stringify({ from: 'member', to: 'moderator' }),
      },
    ])
    // Takes effect on the next request: the new moderator sees the queue.
    expect((await f.send('GET', '/forum/moderation/flags', ann.token)).status).toBe(200)
    const own = await f.send('PUT', `/forum/members/${admin.id}/role`, admin.token, {
      role: 'member',
    })
    expect(own.status).toBe(403)
    expect(own.body.error.code).toBe('OWN_ACCOUNT')
    const bad = await f.send('PUT', `/forum/members/${ann.id}/role`, admin.token, { role: 'owner' })
    expect(bad.status).toBe(422)
  })

  it('lists the log newest first, with who acted, page by page', async () => {
    const { postId, threadId } = await f.thread(ann)
    await f.send('POST', `/forum/moderation/threads/${threadId}/lock`, mod.token, {
      reason: 'Heated',
    })
    f.clock.advance(1000)
    await f.send('POST', `/forum/moderation/posts/${postId}/hide`, mod.token, { reason: 'Rude' })
    f.clock.advance(1000)
    await f.send('PUT', `/forum/members/${ann.id}/role`, admin.token, { role: 'moderator' })

    const first = await f.send('GET', '/forum/moderation/log?limit=2', mod.token)
    expect(first.status).toBe(200)
    expect(first.body.items).toEqual([
      {
        id: expect.stringMatching(/^mlog_/),
        by: 'member',
        actor: { id: admin.id, displayName: expect.any(String), username: admin.username },
        operator: null,
        action: 'member.role',
        targetType: 'member',
        targetId: ann.id,
        reason: null,
        details: { from: 'member', to: 'moderator' },
        createdAt: f.clock.now(),
      },
      expect.objectContaining({
        action: 'post.hide',
        reason: 'Rude',
        actor: expect.objectContaining({ id: mod.id }),
      }),
    ])
    const rest = await f.send(
      'GET',
      `/forum/moderation/log?cursor=${first.body.nextCursor}`,
      mod.token,
    )
    expect(rest.body.items.map((e: { action: string }) => e.action)).toEqual(['thread.lock'])
    expect(rest.body.nextCursor).toBeNull()
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { apiError, bearer, jsonRequest } from '../../test/helpers/http.ts'
import { createTestMember } from '../../test/helpers/members.ts'
import {
  addOperator,
  asOperator,
  type ConsoleHarness,
  signInAs,
} from '../../test/helpers/operators.ts'
import { siteScope } from '../sites/scope.ts'
import { hiddenPostsSelect } from './hidden-posts.ts'
import { type ForumFixture, forumFixture, type TestMember } from './moderation-test-helpers.ts'

// The moderators' tools for the site's staff (/v1/admin/forum/*): an operator of the console
// with the moderator role, or the owner's secret key, settles flags and hides posts without a
// member account; members see the outcome, the author is told, and the log names the operator.

let f: ForumFixture
let h: ConsoleHarness
let ann: TestMember
let bob: TestMember
let cookie: string

beforeEach(async () => {
  f = await forumFixture()
  h = { t: f.t, clock: f.clock, site: f.site, close: () => f.t.close() }
  ann = await f.member()
  bob = await f.member()
  const moderator = await addOperator(h, {
    email: 'mia@acme.example',
    name: 'Mia Moderator',
    roles: { [f.site.id]: 'moderator' },
  })
  cookie = await signInAs(h, moderator)
})
afterEach(() => f.t.close())

/** A request to the owner API as the console makes it, for the moderator operator. */
async function staff(method: string, path: string, body?: unknown) {
  const res = await asOperator(h, cookie, f.site.id, method, `/v1/admin${path}`, body)
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

/** The same with the site's secret key. */
async function keyed(method: string, path: string, body?: unknown) {
  const headers = bearer(f.site.secretKey)
  const res = await f.t.app.request(
    `/v1/admin${path}`,
    body === undefined ? { method, headers } : jsonRequest(method, body, headers),
  )
  return { status: res.status, body: await res.json() }
}

const flag = (postId: string, member: TestMember, reason = 'abuse') =>
  f.send('POST', `/forum/posts/${postId}/flags`, member.token, { reason })

const storedLog = () =>
  f.table('SELECT actor_id, action, target_id, reason, details FROM moderation_log ORDER BY rowid')

const notices = () =>
  f.table(
    "SELECT member_id, post_id, actor_id, data FROM notifications WHERE kind = 'moderation' ORDER BY rowid",
  )

describe('the flag queue', () => {
  it('lists flagged posts with their reasons; hiding settles them, members see it hidden, and the log names the operator', async () => {
    const { threadId, postId } = await f.thread(ann)
    expect((await flag(postId, bob)).status).toBe(201)

    const queue = await staff('GET', '/forum/flags')
    expect(queue.status).toBe(200)
    expect(queue.body.items).toEqual([
      expect.objectContaining({
        post: expect.objectContaining({ id: postId, html: '<p>Opening post</p>' }),
        thread: { id: threadId, title: 'A thread' },
        flagCount: 1,
        reasons: { abuse: 1 },
      }),
    ])

    const resolved = await staff('POST', `/forum/posts/${postId}/flags/resolve`, {
      action: 'hide',
      reason: 'Personal attack',
    })
    expect(resolved.status).toBe(200)
    expect(resolved.body).toMatchObject({ postId, action: 'hide', flagsResolved: 1 })

    // Members see the placeholder; the queue is empty; the flag records who settled it.
    const seen = await f.send('GET', `/forum/threads/${threadId}/posts`, bob.token)
    expect(seen.body.items[0]).toMatchObject({
      hidden: true,
      html: '<p>[hidden by a moderator]</p>',
    })
    expect((await staff('GET', '/forum/flags')).body.items).toEqual([])
    const operatorId = String(
      (await f.table("SELECT id FROM operators WHERE email = 'mia@acme.example'"))[0]?.id,
    )
    expect(await f.table('SELECT status, resolved_by FROM flags')).toEqual([
      { status: 'actioned', resolved_by: operatorId },
    ])
    // The author is told, by nobody among the members.
    expect(await notices()).toEqual([
      {
        member_id: ann.id,
        post_id: postId,
        actor_id: null,
        data: JSON.stringify({ action: 'post.hide', reason: 'Personal attack' }),
      },
    ])

    const log = await staff('GET', '/forum/moderation-log')
    expect(log.body.items).toEqual([
      expect.objectContaining({
        by: 'operator',
        actor: null,
        operator: { id: operatorId, name: 'Mia Moderator' },
        action: 'post.hide',
        targetId: postId,
        reason: 'Personal attack',
        details: { threadId, flags: 1 },
      }),
    ])
    // The members' moderators read the same log, with the operator named there too.
    const mod = await f.member({ role: 'moderator' })
    const theirs = await f.send('GET', '/forum/moderation/log', mod.token)
    expect(theirs.body.items[0]).toMatchObject({ by: 'operator' })
    // By name alone: the operator's id is the deployment's, not something members see.
    expect(theirs.body.items[0].operator).toEqual({ name: 'Mia Moderator' })
  })

  it('suspends the author: their session ends at once', async () => {
    const { postId } = await f.thread(ann)
    await flag(postId, bob, 'spam')
    const resolved = await staff('POST', `/forum/posts/${postId}/flags/resolve`, {
      action: 'suspend_author',
      suspendDays: 3,
      reason: 'Spam',
    })
    expect(resolved.status).toBe(200)
    expect(
      await f.table('SELECT status, suspended_until FROM members WHERE id = ?', ann.id),
    ).toEqual([{ status: 'suspended', suspended_until: f.clock.now() + 3 * 86_400_000 }])
    expect((await f.send('GET', '/account', ann.token)).status).toBe(401)
    expect((await storedLog()).map((r) => r.action)).toEqual(['post.hide', 'member.suspend'])
  })

  it('dismissing shows a post the flag threshold hid; with a secret key the log says owner', async () => {
    const { postId } = await f.thread(ann)
    const flaggers = [bob, await f.member(), await f.member()]
    for (const member of flaggers) await flag(postId, member, 'spam')
    expect(await f.table('SELECT hidden, hidden_reason FROM posts WHERE id = ?', postId)).toEqual([
      { hidden: 1, hidden_reason: 'flags' },
    ])
    const hidden = await keyed('GET', '/forum/hidden-posts')
    expect(hidden.body.items.map((i: { post: { id: string } }) => i.post.id)).toEqual([postId])
    expect(hidden.body.items[0].post.hiddenReason).toBe('flags')

    f.clock.advance(1000)
    const resolved = await keyed('POST', `/forum/posts/${postId}/flags/resolve`, {
      action: 'dismiss',
    })
    expect(resolved.status).toBe(200)
    expect(resolved.body).toMatchObject({ flagsResolved: 3, post: { hidden: false } })
    expect((await keyed('GET', '/forum/hidden-posts')).body.items).toEqual([])
    const log = await keyed('GET', '/forum/moderation-log')
    expect(log.body.items[0]).toMatchObject({
      by: 'owner',
      actor: null,
      operator: null,
      action: 'flags.dismiss',
    })
  })

  it('answers 409 NO_OPEN_FLAGS for a post without flags, and 400 for a cursor it did not give', async () => {
    const { postId } = await f.thread(ann)
    const res = await staff('POST', `/forum/posts/${postId}/flags/resolve`, { action: 'hide' })
    expect(res.status).toBe(409)
    expect(res.body).toEqual(apiError('NO_OPEN_FLAGS'))
    for (const path of ['/forum/flags', '/forum/hidden-posts', '/forum/moderation-log']) {
      const page = await staff('GET', `${path}?cursor=bm90LWEtY3Vyc29y`)
      expect(page.status, path).toBe(400)
      expect(page.body).toEqual(apiError('INVALID_CURSOR'))
    }
    expect(await storedLog()).toEqual([])
  })
})

describe('hidden posts', () => {
  it('hides and shows again, listing what is hidden newest first, a page at a time', async () => {
    const { threadId, postId: first } = await f.thread(ann, { ageMs: 3000 })
    const second = await f.reply(threadId, bob, { ageMs: 2000 })
    const third = await f.reply(threadId, ann, { ageMs: 1000 })
    for (const id of [first, second, third]) {
      const res = await staff('POST', `/forum/posts/${id}/hide`, { reason: 'Off topic' })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ id, hidden: true, hiddenReason: 'Off topic' })
    }
    const page1 = await staff('GET', '/forum/hidden-posts?limit=2')
    expect(page1.body.items.map((i: { post: { id: string } }) => i.post.id)).toEqual([
      third,
      second,
    ])
    expect(page1.body.items[0].thread).toEqual({ id: threadId, title: 'A thread' })
    const page2 = await staff('GET', `/forum/hidden-posts?limit=2&cursor=${page1.body.nextCursor}`)
    expect(page2.body).toMatchObject({ nextCursor: null })
    expect(page2.body.items.map((i: { post: { id: string } }) => i.post.id)).toEqual([first])

    const shown = await staff('POST', `/forum/posts/${second}/unhide`)
    expect(shown.status).toBe(200)
    expect(shown.body).toMatchObject({ id: second, hidden: false, html: '<p>A reply</p>' })
    const seen = await f.send('GET', `/forum/threads/${threadId}/posts`, ann.token)
    expect(seen.body.items[1]).toMatchObject({ id: second, hidden: false, html: '<p>A reply</p>' })
    expect(
      (await staff('GET', '/forum/hidden-posts')).body.items.map(
        (i: { post: { id: string } }) => i.post.id,
      ),
    ).toEqual([third, first])

    // A post deleted for good is no longer waiting for anyone.
    await f.table('UPDATE posts SET deleted_at = 1 WHERE id = ?', third)
    expect((await staff('GET', '/forum/hidden-posts')).body.items).toHaveLength(1)
    expect((await storedLog()).map((r) => [r.action, JSON.parse(String(r.details)).by])).toEqual([
      ['post.hide', 'operator'],
      ['post.hide', 'operator'],
      ['post.hide', 'operator'],
      ['post.unhide', 'operator'],
    ])
  })

  it('reads hidden posts through their own index, never a scan of the site’s posts', async () => {
    const query = hiddenPostsSelect(f.db, siteScope(f.site.id), {
      before: { createdAt: f.clock.now(), id: 'pst_x' },
      limit: 26,
    }).toSQL()
    const plan = await f.t.client.execute({
      sql: `EXPLAIN QUERY PLAN ${query.sql}`,
      args: query.params as (string | number)[],
    })
    const details = plan.rows.map((row) => String(row.detail))
    const posts = details.filter((d) => /\bposts\b/.test(d))
    expect(posts).toEqual([expect.stringContaining('USING INDEX posts_site_hidden')])
    expect(details.filter((d) => d.startsWith('SCAN '))).toEqual([])
  })

  it('never reaches another site’s post, nor lists it', async () => {
    const other = await createTestSite(f.t, { name: 'Other' })
    const stranger = await createTestMember(f.t, other)
    const { postId } = await f.thread(stranger)
    // f.thread writes into this fixture's site; move it to the other site, as its own post.
    await f.table('UPDATE posts SET site_id = ?, hidden = 1 WHERE id = ?', other.id, postId)
    for (const action of ['hide', 'unhide']) {
      const res = await staff('POST', `/forum/posts/${postId}/${action}`, { reason: 'Nope' })
      expect(res.status).toBe(404)
      expect(res.body).toEqual(apiError('POST_NOT_FOUND'))
    }
    const resolve = await staff('POST', `/forum/posts/${postId}/flags/resolve`, { action: 'hide' })
    expect(resolve.body).toEqual(apiError('POST_NOT_FOUND'))
    expect((await staff('GET', '/forum/hidden-posts')).body.items).toEqual([])
    expect(await f.table('SELECT hidden FROM posts WHERE id = ?', postId)).toEqual([{ hidden: 1 }])
    expect(await storedLog()).toEqual([])
  })
})

describe('categories', () => {
  it('an operator’s change of order and access is logged under their name', async () => {
    const editor = await addOperator(h, {
      email: 'ed@acme.example',
      name: 'Ed Editor',
      roles: { [f.site.id]: 'editor' },
    })
    const edCookie = await signInAs(h, editor)
    const res = await asOperator(
      h,
      edCookie,
      f.site.id,
      'PATCH',
      '/v1/admin/forum/categories/news',
      {
        position: 0,
        readAccess: 'members',
      },
    )
    expect(res.status).toBe(200)
    const listed = await asOperator(h, edCookie, f.site.id, 'GET', '/v1/admin/forum/categories')
    const { items } = (await listed.json()) as { items: { slug: string; readAccess: string }[] }
    expect(items.map((c) => c.slug)).toEqual(['news', 'public', 'lounge'])
    expect(items[0]?.readAccess).toBe('members')
    expect((await staff('GET', '/forum/moderation-log')).body.items[0]).toMatchObject({
      by: 'operator',
      operator: { name: 'Ed Editor' },
      action: 'category.update',
    })
    // A moderator may read categories, not change them.
    const refused = await staff('PATCH', '/forum/categories/news', { position: 5 })
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('ROLE_FORBIDDEN')
  })
})

describe('members', () => {
  it('suspensions, bans and their lifting from the owner API are logged under the operator’s name', async () => {
    const until = f.clock.now() + 86_400_000
    const suspended = await staff('POST', `/members/${ann.id}/suspend`, {
      until,
      reason: 'Cool off',
    })
    expect(suspended.status).toBe(200)
    const editor = await addOperator(h, {
      email: 'ed@acme.example',
      name: 'Ed Editor',
      roles: { [f.site.id]: 'editor' },
    })
    const edCookie = await signInAs(h, editor)
    const asEditor = (path: string, body?: unknown) =>
      asOperator(h, edCookie, f.site.id, 'POST', `/v1/admin${path}`, body)
    for (const step of [0, 1, 2]) {
      f.clock.advance(1000)
      expect((await asEditor(`/members/${ann.id}/${step < 2 ? 'ban' : 'unban'}`, {})).status).toBe(
        200,
      )
    }
    // Lifting nothing: ann is active again, and bob never was anything else.
    await asEditor(`/members/${ann.id}/unban`)
    await asEditor(`/members/${bob.id}/unban`)
    const log = await staff('GET', '/forum/moderation-log')
    expect(
      log.body.items.map((e: { action: string; operator: { name: string }; reason: string }) => [
        e.action,
        e.operator.name,
        e.reason,
      ]),
    ).toEqual([
      // Banned twice, logged once.
      ['member.unban', 'Ed Editor', null],
      ['member.ban', 'Ed Editor', null],
      ['member.suspend', 'Mia Moderator', 'Cool off'],
    ])
    expect(log.body.items[2]).toMatchObject({ targetId: ann.id, details: { until } })
  })
})

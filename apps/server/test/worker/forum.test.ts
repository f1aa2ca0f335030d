import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSite } from '../../src/sites/service.ts'
import { type PageRequestOptions, pageRequest } from './page-request.ts'
import {
  errorLines,
  formatLogs,
  onEachDatabase,
  startWorkerHarness,
  type WorkerHarness,
} from './worker-harness.ts'

/** A response from the Worker (miniflare's Response, not the global one). */
type WorkerResponse = Awaited<ReturnType<WorkerHarness['fetch']>>

// The proof for discussions: the forum flows run inside the Worker build in workerd, on
// each of its databases. Members sign up through the HTTP API (register, the emailed link,
// login), the owner sets up a category with the secret key, and everything after that is what
// the SDK and the embed send: markdown rendered by markdown-it in workerd, posts and
// notifications written to D1 or over Hrana HTTP to libSQL, full-text search by FTS5 (D1's
// SQLite, or libSQL's; the same migrations, triggers included, build the index on both), and a
// moderator's hide taking effect for guests.

const origin = 'https://allotment.example'
/** Everyone's, for brevity; a password may not contain its owner's name. */
const password = 'runner beans on hazel poles'

let w: WorkerHarness
let site: Awaited<ReturnType<typeof createSite>>

type Member = { id: string; username: string; token: string }

/** What the SDK on the site's page sends; `token` signs the request in. */
const call = (method: string, path: string, options?: PageRequestOptions) =>
  pageRequest(w, { key: site.publishableKey, origin }, method, path, options)

/** The owner's API, with the site's secret key. */
function owner(method: string, path: string, body?: unknown) {
  return w.fetch(`/v1/admin${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${site.secretKey}`,
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
}

/** The JSON body, after checking the status (with the body and the Worker's logs on failure). */
async function expectJson(res: WorkerResponse, status: number) {
  const body = await w.json(res)
  expect(res.status, `${JSON.stringify(body)}\n${formatLogs(w.logs)}`).toBe(status)
  return body
}

/** Signs a member up as a person would: register, follow the emailed link, sign in. */
async function signUp(username: string): Promise<Member> {
  const email = `${username}@example.com`
  const seen = w.resend.emails.length
  await expectJson(
    await call('POST', '/v1/auth/register', {
      body: { email, password, displayName: username.toUpperCase(), username },
    }),
    202,
  )
  const deadline = Date.now() + 15_000
  let text: string | undefined
  while (!(text = w.resend.emails.slice(seen).find((e) => e.body.to.includes(email))?.body.text)) {
    if (Date.now() > deadline) throw new Error(`No verification email to ${email}`)
    await sleep(50)
  }
  const link = new URL(/https:\/\/\S+action=verify-email\S*/.exec(text)?.[0] ?? '')
  await expectJson(
    await call('POST', '/v1/auth/verify-email', {
      body: { token: link.searchParams.get('token') },
    }),
    200,
  )
  const { token, account } = await expectJson(
    await call('POST', '/v1/auth/login', { body: { email, password } }),
    200,
  )
  return { id: account.id, username, token }
}

onEachDatabase((database) => {
  beforeAll(async () => {
    w = await startWorkerHarness({ database })
    site = await createSite(w.deps, { name: 'Allotment', origins: [origin] })
  }, 240_000)

  afterAll(async () => {
    await w?.close()
  })

  describe('the forum on the Worker build', { timeout: 60_000 }, () => {
    let ada: Member
    let bob: Member
    let maud: Member
    let threadId: string
    let openingPostId: string
    let replyId: string
    let etag: string

    const posts = (token?: string, headers: Record<string, string> = {}) =>
      call('GET', `/v1/forum/threads/${threadId}/posts`, { token, headers })

    it('signs three members up through the API', { timeout: 120_000 }, async () => {
      ada = await signUp('ada')
      bob = await signUp('bob')
      maud = await signUp('maud')
      expect(new Set([ada.id, bob.id, maud.id]).size).toBe(3)
    })

    it('creates a category through the owner’s API, which guests can read', async () => {
      const created = await expectJson(
        await owner('POST', '/forum/categories', {
          slug: 'growing',
          name: 'Growing',
          description: 'Seeds, soil and seasons',
        }),
        201,
      )
      expect(created).toMatchObject({ slug: 'growing', name: 'Growing', readAccess: 'everyone' })

      const listed = await expectJson(await call('GET', '/v1/forum/categories'), 200)
      expect(listed.items).toEqual([expect.objectContaining({ slug: 'growing', name: 'Growing' })])
    })

    it('lets a member start a thread, rendered from markdown', async () => {
      const created = await expectJson(
        await call('POST', '/v1/forum/threads', {
          token: ada.token,
          body: {
            category: 'growing',
            title: 'Sourdough starter from rhubarb?',
            body: 'Has anyone tried **rhubarb** juice in a sourdough starter? <script>x()</script>',
          },
        }),
        201,
      )
      threadId = created.id
      openingPostId = created.postId
      expect(threadId).toMatch(/^thr_/)
      expect(openingPostId).toMatch(/^pst_/)
    })

    it('takes a reply that mentions the author; it is post number 2', async () => {
      const created = await expectJson(
        await call('POST', `/v1/forum/threads/${threadId}/posts`, {
          token: bob.token,
          body: { body: 'Yes @ada, it went wonderfully fizzy in a week.', replyTo: openingPostId },
        }),
        201,
      )
      expect(created.number).toBe(2)
      replyId = created.id
    })

    it('lists the posts to a guest, in order, with an ETag', async () => {
      const res = await posts()
      const body = await expectJson(res, 200)
      expect(body.items.map((p: { number: number }) => p.number)).toEqual([1, 2])
      const [opening, reply] = body.items
      expect(opening).toMatchObject({ id: openingPostId, author: { username: 'ada' } })
      // Raw HTML is off: the script tag is text, never markup.
      expect(opening.html).toContain('<strong>rhubarb</strong>')
      expect(opening.html).not.toContain('<script')
      expect(opening).not.toHaveProperty('source') // the source is for its author and moderators
      expect(reply).toMatchObject({ id: replyId, replyToId: openingPostId, hidden: false })
      expect(reply.html).toContain('wonderfully fizzy')
      expect(reply.html).toMatch(/<a [^>]*>@ada<\/a>/)

      etag = res.headers.get('etag') ?? ''
      expect(etag).toMatch(/^W\/".+"$/)
      expect(res.headers.get('cache-control')).toBe('private, no-cache')
    })

    it('answers a poll with 304 while nothing changed', async () => {
      const res = await posts(undefined, { 'If-None-Match': etag })
      expect(res.status).toBe(304)
      expect(await res.text()).toBe('')
      expect(res.headers.get('etag')).toBe(etag)
    })

    it('counts a like, and the next poll sees it', async () => {
      const liked = await expectJson(
        await call('PUT', `/v1/forum/posts/${replyId}/like`, { token: ada.token }),
        200,
      )
      expect(liked).toEqual({ likeCount: 1, liked: true })

      const res = await posts(undefined, { 'If-None-Match': etag })
      const body = await expectJson(res, 200)
      expect(body.items[1]).toMatchObject({ id: replyId, likeCount: 1 })
      expect(res.headers.get('etag')).not.toBe(etag)

      const asAda = await expectJson(await posts(ada.token), 200)
      expect(asAda.items[1]).toMatchObject({ id: replyId, liked: true })
    })

    it('notifies the mentioned member', async () => {
      const body = await expectJson(
        await call('GET', '/v1/notifications', { token: ada.token }),
        200,
      )
      expect(body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'mention',
            threadId,
            threadTitle: 'Sourdough starter from rhubarb?',
            postId: replyId,
            postNumber: 2,
            actor: expect.objectContaining({ id: bob.id, username: 'bob' }),
            read: false,
          }),
        ]),
      )
      const unread = await expectJson(
        await call('GET', '/v1/notifications/unread-count', { token: ada.token }),
        200,
      )
      expect(unread.count).toBeGreaterThanOrEqual(1)
      // Bob was not mentioned; what he has is Ada's like of his reply.
      const bobs = await expectJson(
        await call('GET', '/v1/notifications', { token: bob.token }),
        200,
      )
      expect(bobs.items).toEqual([
        expect.objectContaining({
          kind: 'like',
          postId: replyId,
          actor: expect.objectContaining({ id: ada.id }),
          data: expect.objectContaining({ count: 1 }),
        }),
      ])
    })

    it('finds the thread by full-text search, with a highlighted snippet', async () => {
      const body = await expectJson(await call('GET', '/v1/forum/search?q=rhubarb'), 200)
      expect(body.items).toEqual([
        expect.objectContaining({
          threadId,
          postId: openingPostId,
          threadTitle: 'Sourdough starter from rhubarb?',
          category: { slug: 'growing', name: 'Growing' },
        }),
      ])
      expect(body.items[0].snippet).toMatch(/<mark>rhubarb<\/mark>/i)

      const reply = await expectJson(await call('GET', '/v1/forum/search?q=fizzy'), 200)
      expect(reply.items.map((r: { postId: string }) => r.postId)).toEqual([replyId])
    })

    it('refuses moderation to a plain member', async () => {
      const res = await call('POST', `/v1/forum/moderation/posts/${replyId}/hide`, {
        token: maud.token,
        body: { reason: 'Off topic' },
      })
      expect(res.status).toBe(403)
    })

    it('lets the owner make a member a moderator, who hides the reply', async () => {
      const changed = await expectJson(
        await owner('PATCH', `/members/${maud.id}`, { role: 'moderator' }),
        200,
      )
      expect(changed).toMatchObject({ id: maud.id, role: 'moderator' })

      const hidden = await expectJson(
        await call('POST', `/v1/forum/moderation/posts/${replyId}/hide`, {
          token: maud.token,
          body: { reason: 'Fermenting advice belongs in Kitchen' },
        }),
        200,
      )
      expect(hidden).toMatchObject({ id: replyId, hidden: true })

      // Written to the moderation log: who, what, why.
      const log = await w.query<{
        actor_id: string
        action: string
        target_id: string
        reason: string
      }>(
        'SELECT actor_id, action, target_id, reason FROM moderation_log WHERE site_id = ?',
        site.id,
      )
      expect(log).toContainEqual({
        actor_id: maud.id,
        action: 'post.hide',
        target_id: replyId,
        reason: 'Fermenting advice belongs in Kitchen',
      })
    })

    it('shows guests a placeholder instead of the hidden reply, and search forgets it', async () => {
      const res = await posts(undefined, { 'If-None-Match': etag })
      const body = await expectJson(res, 200)
      const reply = body.items[1]
      expect(reply).toMatchObject({
        id: replyId,
        hidden: true,
        html: '<p>[hidden by a moderator]</p>',
      })
      expect(JSON.stringify(reply)).not.toContain('fizzy')
      expect(reply).not.toHaveProperty('hiddenReason')

      const search = await expectJson(await call('GET', '/v1/forum/search?q=fizzy'), 200)
      expect(search.items).toEqual([])

      // The moderator still reads it, with the reason.
      const asMaud = await expectJson(await posts(maud.token), 200)
      expect(asMaud.items[1]).toMatchObject({
        hidden: true,
        hiddenReason: 'Fermenting advice belongs in Kitchen',
      })
      expect(asMaud.items[1].html).toContain('wonderfully fizzy')
    })

    it('logged no errors', () => {
      expect(errorLines(w.logs)).toEqual([])
    })
  })
})

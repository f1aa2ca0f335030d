import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { categories, flags, notifications, posts, threads } from '../../src/db/schema.ts'
import { newId } from '../../src/ids.ts'
import { createSite } from '../../src/sites/service.ts'
import type { TestApp, TestSite } from '../helpers/app.ts'
import { createTestMember, type TestMember } from '../helpers/members.ts'
import { errorLines, formatLogs, startWorkerHarness, type WorkerHarness } from './worker-harness.ts'

// D1 refuses statements that libSQL runs: more than 100 bound parameters, and LIKE patterns
// longer than 50 bytes (Cloudflare's documented limits; miniflare's D1 enforces them too). On D1
// each of these valid requests answered 500, because a list from the request or a page of
// results became one parameter per item, or a search text became a LIKE pattern. Each now binds
// the list as one JSON value (`inList`) or searches with `instr` (`containsText`).

const origin = 'https://allotment.example'
let w: WorkerHarness
let site: TestSite
let ada: TestMember
let maud: TestMember
let threadId: string

beforeAll(async () => {
  w = await startWorkerHarness({ database: 'd1' })
  site = await createSite(w.deps, { name: 'Allotment', origins: [origin] })
  // The helpers need only the database and the clock of a test app.
  const t = { deps: w.deps } as unknown as TestApp
  ada = await createTestMember(t, site, { username: 'ada' })
  maud = await createTestMember(t, site, { username: 'maud', role: 'moderator' })

  // A thread of 100 posts, every one flagged by Ada: a full page of each list.
  const now = Date.now()
  const categoryId = newId('cat')
  threadId = newId('thr')
  const postIds = Array.from({ length: 100 }, () => newId('pst'))
  const { db } = w.deps
  await db.batch([
    db.insert(categories).values({
      id: categoryId,
      siteId: site.id,
      slug: 'growing',
      name: 'Growing',
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(threads).values({
      id: threadId,
      siteId: site.id,
      categoryId,
      authorId: ada.id,
      title: 'A long thread',
      postCount: postIds.length,
      lastActivityAt: now,
      createdAt: now,
    }),
    ...postIds.map((id, i) =>
      db.insert(posts).values({
        id,
        siteId: site.id,
        threadId,
        number: i + 1,
        authorId: ada.id,
        bodySource: `Post ${i + 1}`,
        bodyHtml: `<p>Post ${i + 1}</p>`,
        createdAt: now + i,
      }),
    ),
    ...postIds.map((postId, i) =>
      db.insert(flags).values({
        id: newId('flg'),
        siteId: site.id,
        postId,
        memberId: ada.id,
        reason: 'spam',
        createdAt: now + i,
      }),
    ),
  ])
}, 240_000)

afterAll(async () => {
  await w?.close()
})

function asMember(
  member: TestMember,
  path: string,
  init: { method?: string; body?: unknown } = {},
) {
  return w.fetch(path, {
    method: init.method ?? 'GET',
    headers: {
      'X-Porchlight-Key': site.publishableKey,
      Origin: origin,
      Authorization: `Bearer ${member.token}`,
      ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
    },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  })
}

function asOwner(path: string) {
  return w.fetch(`/v1/admin${path}`, { headers: { Authorization: `Bearer ${site.secretKey}` } })
}

describe('requests that passed D1’s limits', () => {
  it('lists a page of 100 posts to a signed-in member (which of them they liked)', async () => {
    const res = await asMember(ada, `/v1/forum/threads/${threadId}/posts?limit=100`)
    const body = await w.json(res)
    expect(res.status, formatLogs(w.logs)).toBe(200)
    expect(body.items).toHaveLength(100)
    expect(body.items.every((p: { liked: boolean }) => p.liked === false)).toBe(true)
  })

  it('shows a moderator a page of 100 flagged posts', async () => {
    const res = await asMember(maud, '/v1/forum/moderation/flags?limit=100')
    const body = await w.json(res)
    expect(res.status, formatLogs(w.logs)).toBe(200)
    expect(body.items).toHaveLength(100)
  })

  it('marks 150 notifications read by id in one request', async () => {
    const ids = Array.from({ length: 150 }, () => newId('ntf'))
    const { db } = w.deps
    await db.insert(notifications).values({
      id: ids[0] as string,
      siteId: site.id,
      memberId: ada.id,
      kind: 'moderation',
      createdAt: Date.now(),
    })
    const unread = async () =>
      (await w.json(await asMember(ada, '/v1/notifications/unread-count'))).count as number
    expect(await unread()).toBe(1)
    const res = await asMember(ada, '/v1/notifications/read', { method: 'POST', body: { ids } })
    expect(res.status, formatLogs(w.logs)).toBeLessThan(300)
    expect(await unread()).toBe(0)
  })

  it('searches members and submissions for a text longer than 50 bytes', async () => {
    const long = 'a much longer search text than D1 allows in a LIKE pattern'
    expect(long.length).toBeGreaterThan(50)
    for (const path of ['/members', '/submissions']) {
      const res = await asOwner(`${path}?q=${encodeURIComponent(long)}`)
      const body = await w.json(res)
      expect({ path, status: res.status }, formatLogs(w.logs)).toEqual({ path, status: 200 })
      expect(body.items).toEqual([])
    }
    // …and still finds what is there, ignoring case, with % and _ as plain characters.
    const found = await w.json(await asOwner('/members?q=MAUD'))
    expect(found.items.map((m: { username: string }) => m.username)).toEqual(['maud'])
    expect((await w.json(await asOwner('/members?q=ma_d'))).items).toEqual([])
  })

  it('logged no errors', () => {
    expect(errorLines(w.logs)).toEqual([])
  })
})

// Fixtures for the moderation, editing and permission tests: a site with three categories, and
// threads and posts inserted directly (counters kept consistent), so each scenario starts from
// exactly the state it names without going through the posting limits.
import { eq, sql } from 'drizzle-orm'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { createTestMember, fastPasswords, type TestMember } from '../../test/helpers/members.ts'
import { categories, posts, sites, threads } from '../db/schema.ts'
import { newId } from '../ids.ts'
import type { Metrics } from '../metrics/metrics.ts'
import type { ForumSettings } from './settings.ts'

export type ForumFixture = Awaited<ReturnType<typeof forumFixture>>

/** `public` (everyone reads), `lounge` (members read), `news` (moderators start threads). */
export async function forumFixture(
  settings: Partial<ForumSettings> = {},
  options: { metrics?: Metrics } = {},
) {
  const clock = manualClock()
  const t: TestApp = await createTestApp({ clock, passwords: fastPasswords, ...options })
  const site: TestSite = await createTestSite(t)
  const { db } = t.deps
  await db.update(sites).set({ forumSettings: settings }).where(eq(sites.id, site.id))
  const now = clock.now()
  const category = (slug: string, extra: Partial<typeof categories.$inferInsert> = {}) => ({
    id: newId('cat'),
    siteId: site.id,
    slug,
    name: slug,
    createdAt: now,
    updatedAt: now,
    ...extra,
  })
  const cats = {
    public: category('public', { position: 0 }),
    lounge: category('lounge', { position: 1, readAccess: 'members' }),
    news: category('news', { position: 2, threadAccess: 'moderators' }),
  }
  await db.insert(categories).values(Object.values(cats))

  const headers = (token?: string, key = site.publishableKey) => ({
    'X-Porchlight-Key': key,
    ...(token && { authorization: `Bearer ${token}` }),
  })

  /** A request as a client sends it: the publishable key, a bearer token, a JSON body. */
  async function send(method: string, path: string, token?: string, body?: unknown) {
    const res = await t.app.request(`/v1${path}`, {
      method,
      headers: {
        ...headers(token),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
  }

  /** A thread with its opening post by `author`, `ageMs` old. */
  async function thread(
    author: { id: string } | null,
    options: {
      category?: keyof typeof cats
      hidden?: boolean
      locked?: boolean
      title?: string
      ageMs?: number
    } = {},
  ) {
    const at = clock.now() - (options.ageMs ?? 0)
    const threadId = newId('thr')
    const postId = newId('pst')
    await db.batch([
      db.insert(threads).values({
        id: threadId,
        siteId: site.id,
        categoryId: cats[options.category ?? 'public'].id,
        authorId: author?.id ?? null,
        title: options.title ?? 'A thread',
        hidden: options.hidden ?? false,
        locked: options.locked ?? false,
        postCount: 1,
        lastPostId: postId,
        lastActivityAt: at,
        createdAt: at,
      }),
      db.insert(posts).values({
        id: postId,
        siteId: site.id,
        threadId,
        number: 1,
        authorId: author?.id ?? null,
        bodySource: 'Opening post',
        bodyHtml: '<p>Opening post</p>',
        createdAt: at,
      }),
    ])
    return { threadId, postId }
  }

  /** A reply at the end of `threadId` by `author`, `ageMs` old. */
  async function reply(threadId: string, author: { id: string }, options: { ageMs?: number } = {}) {
    const at = clock.now() - (options.ageMs ?? 0)
    const postId = newId('pst')
    await db.batch([
      db.run(sql`INSERT INTO ${posts} (id, site_id, thread_id, number, author_id, body_source, body_html, created_at)
        SELECT ${postId}, ${site.id}, ${threadId}, ${threads.postCount} + 1, ${author.id}, 'A reply', '<p>A reply</p>', ${at}
        FROM ${threads} WHERE ${threads.id} = ${threadId}`),
      db
        .update(threads)
        .set({ postCount: sql`${threads.postCount} + 1`, lastPostId: postId, lastActivityAt: at })
        .where(eq(threads.id, threadId)),
    ])
    return postId
  }

  const member = (options: Parameters<typeof createTestMember>[2] = {}) =>
    createTestMember(t, site, options)

  /** Rows of a table for this site, as plain objects. */
  const table = (sqlText: string, ...args: (string | number)[]) =>
    rows(t.deps.client, sqlText, ...args)

  return { t, site, clock, db, cats, headers, send, thread, reply, member, table }
}

export type { TestMember }

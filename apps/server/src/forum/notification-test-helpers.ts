import { and, asc, eq } from 'drizzle-orm'
import {
  createTestApp,
  createTestSite,
  type manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { createTestCategory } from '../../test/helpers/categories.ts'
import { createTestMember, fastPasswords, type TestMember } from '../../test/helpers/members.ts'
import { notifications, outbox } from '../db/schema.ts'
import type { DepsOptions } from '../deps.ts'

// Shared set-up for the notification tests: an app with one site and one category, and a small
// client that calls the API as a member would.

export type ForumWorld = {
  t: TestApp
  site: TestSite
  member(options?: Parameters<typeof createTestMember>[2]): Promise<TestMember>
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown },
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answered
  ): Promise<{ status: number; body: any; headers: Headers }>
  startThread(
    author: TestMember,
    body?: string,
    title?: string,
  ): Promise<{ id: string; postId: string }>
  reply(author: TestMember, threadId: string, body: string, replyTo?: string): Promise<string>
  /** Notifications stored for a post, as `memberId → kind`. */
  notifiedFor(postId: string): Promise<Record<string, string>>
  digestJobs(): Promise<(typeof outbox.$inferSelect)[]>
}

export async function forumWorld(
  clock: ReturnType<typeof manualClock>,
  options: Partial<Omit<DepsOptions, 'config' | 'client'>> = {},
): Promise<ForumWorld> {
  const t = await createTestApp({
    clock,
    passwords: fastPasswords,
    env: { PUBLIC_URL: 'https://api.example' },
    ...options,
  })
  const site = await createTestSite(t)
  await createTestCategory(t, site)
  const call: ForumWorld['call'] = async (method, path, { token, body } = {}) => {
    const res = await t.app.request(path, {
      method,
      headers: {
        'X-Porchlight-Key': site.publishableKey,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(token && { authorization: `Bearer ${token}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {}
    return { status: res.status, body: parsed, headers: res.headers }
  }
  return {
    t,
    site,
    member: (options) => createTestMember(t, site, options),
    call,
    async startThread(author, body = 'Opening post', title = 'A thread about porches') {
      const res = await call('POST', '/v1/forum/threads', {
        token: author.token,
        body: { category: 'general', title, body },
      })
      if (res.status !== 201)
        throw new Error(`startThread: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body
    },
    async reply(author, threadId, body, replyTo) {
      const res = await call('POST', `/v1/forum/threads/${threadId}/posts`, {
        token: author.token,
        body: { body, ...(replyTo && { replyTo }) },
      })
      if (res.status !== 201) throw new Error(`reply: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.id
    },
    async notifiedFor(postId) {
      const rows = await t.deps.db
        .select({ memberId: notifications.memberId, kind: notifications.kind })
        .from(notifications)
        .where(and(eq(notifications.siteId, site.id), eq(notifications.postId, postId)))
      return Object.fromEntries(rows.map((r) => [r.memberId, r.kind]))
    },
    digestJobs: () =>
      t.deps.db
        .select()
        .from(outbox)
        .where(eq(outbox.kind, 'forum.digest'))
        .orderBy(asc(outbox.createdAt), asc(outbox.id)),
  }
}

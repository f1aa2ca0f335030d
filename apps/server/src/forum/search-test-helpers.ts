import { expect } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { createTestCategory } from '../../test/helpers/categories.ts'
import { createTestMember, fastPasswords, type TestMember } from '../../test/helpers/members.ts'
import type { SearchResult } from './search.ts'

// Search scenarios share this: the real app over a real libSQL file, posts written through the
// real posting endpoints (so the FTS triggers run as in production), and a search reader.

export type SearchPage = { items: SearchResult[]; nextCursor: string | null }

export type SearchHarness = {
  t: TestApp
  clock: ReturnType<typeof manualClock>
  site: TestSite
  /** A member of `site` with a session, for posting. */
  author: TestMember
  /** A category on `site`; `readAccess` defaults to everyone. */
  category(
    slug: string,
    options?: { site?: TestSite; readAccess?: 'everyone' | 'members' },
  ): Promise<void>
  /** Starts a thread through the API; returns its ids. */
  startThread(
    input: { category: string; title: string; body: string },
    options?: { token?: string; site?: TestSite },
  ): Promise<{ threadId: string; postId: string }>
  /** Replies through the API; returns the new post's id. */
  reply(threadId: string, body: string, options?: { token?: string }): Promise<string>
  /** The raw search response. Moves the clock 3 s first so scenarios stay under the rate limit. */
  searchResponse(
    query: Record<string, string>,
    options?: { token?: string; site?: TestSite; advance?: boolean },
  ): Promise<Response>
  /** A successful search's page (asserts 200). */
  search(q: string, options?: { token?: string; site?: TestSite }): Promise<SearchPage>
  close(): Promise<void>
}

export async function createSearchHarness(): Promise<SearchHarness> {
  const clock = manualClock()
  const t = await createTestApp({ clock, passwords: fastPasswords })
  const site = await createTestSite(t)
  const author = await createTestMember(t, site)
  const headers = (s: TestSite, token?: string) => ({
    'X-Porchlight-Key': s.publishableKey,
    'content-type': 'application/json',
    ...(token && { authorization: `Bearer ${token}` }),
  })

  const harness: SearchHarness = {
    t,
    clock,
    site,
    author,
    async category(slug, options = {}) {
      await createTestCategory(t, options.site ?? site, { slug, readAccess: options.readAccess })
    },
    async startThread(input, options = {}) {
      const res = await t.app.request('/v1/forum/threads', {
        method: 'POST',
        headers: headers(options.site ?? site, options.token ?? author.token),
        body: JSON.stringify(input),
      })
      expect(res.status).toBe(201)
      const body = (await res.json()) as { id: string; postId: string }
      clock.advance(1000)
      return { threadId: body.id, postId: body.postId }
    },
    async reply(threadId, body, options = {}) {
      const res = await t.app.request(`/v1/forum/threads/${threadId}/posts`, {
        method: 'POST',
        headers: headers(site, options.token ?? author.token),
        body: JSON.stringify({ body }),
      })
      expect(res.status).toBe(201)
      clock.advance(1000)
      return ((await res.json()) as { id: string }).id
    },
    async searchResponse(query, options = {}) {
      if (options.advance !== false) clock.advance(3000)
      return t.app.request(`/v1/forum/search?${new URLSearchParams(query)}`, {
        headers: headers(options.site ?? site, options.token),
      })
    },
    async search(q, options = {}) {
      const res = await harness.searchResponse({ q }, options)
      expect(res.status).toBe(200)
      return (await res.json()) as SearchPage
    },
    close: () => t.close(),
  }
  return harness
}

/** The post ids of a page, for "present / absent" assertions. */
export const postIds = (page: SearchPage) => page.items.map((item) => item.postId)

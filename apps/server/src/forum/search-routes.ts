import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { queryParams } from '../http/body.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { documented } from '../http/openapi.ts'
import { type RateLimiter, rateLimitOrThrow } from '../http/rate-limit.ts'
import { siteOf } from '../http/site.ts'
import type { SiteCache } from '../sites/site-cache.ts'
import { actorOf, forumSettingsOfRequest } from './context.ts'
import { forumRequest } from './route-guards.ts'
import { searchPageAnswer } from './schemas.ts'
import { maxSearchOffset, searchPosts } from './search.ts'

export type SearchDeps = {
  db: Database
  siteCache: SiteCache
  clock: Clock
  limiter: RateLimiter
  clientAddress: (c: Context) => string
}

/** Each search is an FTS query over the whole site: bounded per address so it cannot be a DoS. */
const searchesPerMinute = 60

export const searchQuery = z.strictObject({
  q: z.string({ error: 'Type something to search for.' }).max(200, 'At most 200 characters.'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})

const invalidCursor = () =>
  new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')

/**
 * `GET /forum/search?q=&cursor=&limit=`: posts and thread titles matching the words, best
 * first, only what the reader may see. Pages by offset (see `maxSearchOffset`).
 */
export function searchRoutes(
  deps: SearchDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { db, clock } = deps
  return new Hono<AppEnv>().get(
    '/forum/search',
    documented({
      summary: 'Search the discussions',
      description: `Posts and thread titles containing every word of \`q\` (the last one as a prefix), best first, among what the reader may see; hidden and deleted posts are never found. \`q\` needs a word of two letters or more (422). Pages with \`cursor\`/\`nextCursor\`, up to the first ${maxSearchOffset} results. At most ${searchesPerMinute} searches a minute per client address (429 RATE_LIMITED, with \`Retry-After\`).`,
      tags: ['Discussions'],
      access: 'member-optional',
      responses: { 200: searchPageAnswer },
      errors: { 400: ['INVALID_CURSOR'], 429: ['RATE_LIMITED'] },
    }),
    // Guests search too; the member session only widens what they may read.
    ...forumRequest(site, member),
    queryParams(searchQuery),
    async (c) => {
      const { scope } = siteOf(c)
      await rateLimitOrThrow(deps.limiter, {
        siteId: scope.siteId,
        bucket: `forum-search:${deps.clientAddress(c)}`,
        limit: searchesPerMinute,
        windowMs: 60_000,
      })
      const { q, cursor, limit } = c.req.valid('query')
      const [offset] = cursor ? decodeCursor(cursor) : [0]
      if (
        typeof offset !== 'number' ||
        !Number.isSafeInteger(offset) ||
        offset < 0 ||
        offset >= maxSearchOffset
      ) {
        throw invalidCursor()
      }
      const actor = actorOf(c, clock, await forumSettingsOfRequest(deps, c))
      // One extra row says whether there is a next page, without a count over every match.
      const take = Math.min(limit, maxSearchOffset - offset)
      const rows = await searchPosts(db, scope, actor, { query: q, offset, limit: take + 1 })
      const next = offset + take
      return c.json({
        items: rows.slice(0, take),
        nextCursor: rows.length > take && next < maxSearchOffset ? encodeCursor([next]) : null,
      } satisfies z.input<typeof searchPageAnswer>)
    },
  )
}

import { Hono, type MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { queryParams } from '../http/body.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { actorOf, type ForumDeps, forumSettingsOfRequest } from './context.ts'
import { ForumErrors } from './errors.ts'
import { categoryThreadsPage, threadPostsPage } from './page-queries.ts'
import { canReadCategory, canReadThread, isModerator } from './permissions.ts'
import { postingRoutes } from './posting-routes.ts'
import { categoriesOfSite, threadWithCategory } from './queries.ts'
import { forumRequest } from './route-guards.ts'
import {
  categoriesAnswer,
  listPostsQuery,
  listThreadsQuery,
  postsPageAnswer,
  threadsPageAnswer,
  threadWithCategoryAnswer,
} from './schemas.ts'
import { postView, threadView } from './views.ts'

export type { ForumDeps } from './context.ts'

const invalidCursor = () =>
  new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')

/** What deciding whether a reader may see a thread takes. */
type ThreadAccess = {
  category: Parameters<typeof canReadThread>[1]
  thread: Parameters<typeof canReadThread>[2]
}

const readingAccess =
  'Guests read what everyone may; a member’s session also opens members-only categories, and a moderator’s hidden threads.'

/** Reading discussions: categories, threads, posts; and, through `postingRoutes`, writing them. */
export function forumRoutes(
  deps: ForumDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { db, clock } = deps
  // On each route rather than `use('/forum/*')`: a path or method no route has answers 404 or
  // 405 like anywhere else in the API, not a key or session error.
  const request = forumRequest(site, member)
  return new Hono<AppEnv>()
    .get(
      '/forum/categories',
      documented({
        summary: 'List the categories',
        description: `The categories the reader may see, in the site’s order. ${readingAccess}`,
        tags: ['Discussions'],
        access: 'member-optional',
        responses: { 200: categoriesAnswer },
      }),
      ...request,
      async (c) => {
        const { scope } = siteOf(c)
        const actor = actorOf(c, clock, await forumSettingsOfRequest(deps, c))
        const rows = await categoriesOfSite(db, scope)
        return c.json({
          items: rows
            .filter((cat) => canReadCategory(actor, cat))
            .map(({ siteId: _, ...cat }) => cat),
        } satisfies z.input<typeof categoriesAnswer>)
      },
    )
    .get(
      '/forum/categories/:slug/threads',
      documented({
        summary: 'List a category’s threads',
        description:
          'Pinned threads first, then by latest activity. Pages with `cursor`: pass the `nextCursor` of one page to get the next; it is `null` on the last. A category the reader may not see answers 404, as one that does not exist.',
        tags: ['Discussions'],
        access: 'member-optional',
        responses: { 200: threadsPageAnswer },
        errors: { 400: ['INVALID_CURSOR'], 404: ['CATEGORY_NOT_FOUND'] },
      }),
      ...request,
      queryParams(listThreadsQuery),
      async (c) => {
        const { scope } = siteOf(c)
        const actor = actorOf(c, clock, await forumSettingsOfRequest(deps, c))
        const { cursor, limit } = c.req.valid('query')
        const [pinned, lastActivityAt, id] = cursor ? decodeCursor(cursor) : []
        if (
          cursor &&
          ((pinned !== 0 && pinned !== 1) ||
            typeof lastActivityAt !== 'number' ||
            typeof id !== 'string')
        ) {
          throw invalidCursor()
        }
        const after = cursor
          ? { pinned: pinned === 1, lastActivityAt: lastActivityAt as number, id: id as string }
          : undefined
        const found = await categoryThreadsPage(db, scope, {
          slug: c.req.param('slug'),
          includeHidden: isModerator(actor),
          after,
          limit: limit + 1,
        })
        if (!found || !canReadCategory(actor, found.category)) throw ForumErrors.categoryNotFound()
        const rows = found.threads
        const page = rows.slice(0, limit)
        const last = page.at(-1)?.thread
        return c.json({
          items: page.map((r) => threadView(r.thread, r.author)),
          nextCursor:
            rows.length > limit && last
              ? encodeCursor([last.pinned ? 1 : 0, last.lastActivityAt, last.id])
              : null,
        } satisfies z.input<typeof threadsPageAnswer>)
      },
    )
    .get(
      '/forum/threads/:id',
      documented({
        summary: 'Read a thread',
        description: `The thread and its category, without its posts. ${readingAccess} A thread the reader may not see answers 404.`,
        tags: ['Discussions'],
        access: 'member-optional',
        responses: { 200: threadWithCategoryAnswer },
        errors: { 404: ['THREAD_NOT_FOUND'] },
      }),
      ...request,
      async (c) => {
        const { scope } = siteOf(c)
        const actor = actorOf(c, clock, await forumSettingsOfRequest(deps, c))
        const found = await threadWithCategory(db, scope, c.req.param('id'))
        if (!found || !canReadThread(actor, found.category, found.thread))
          throw ForumErrors.threadNotFound()
        const { siteId: _, ...category } = found.category
        return c.json({
          ...threadView(found.thread, found.author),
          category,
        } satisfies z.input<typeof threadWithCategoryAnswer>)
      },
    )
    .get(
      '/forum/threads/:id/posts',
      documented({
        summary: 'List a thread’s posts',
        description:
          'Posts in order of their `number`. Pass `cursor` (or `after`, a post number) to continue after a page: `nextCursor` is always present, so polling with the last one picks up new posts. Deleted posts keep their place as "[deleted]"; hidden ones show as "[hidden by a moderator]" except to moderators. Each answer carries an `ETag`: send it back as `If-None-Match` and the answer is 304 with no body while nothing in the thread changed.',
        tags: ['Discussions'],
        access: 'member-optional',
        responses: {
          200: {
            description: 'A page of posts.',
            schema: postsPageAnswer,
            headers: {
              ETag: { description: 'A weak validator of this page for this reader.' },
              'Cache-Control': { description: '`private, no-cache`: revalidate with the ETag.' },
            },
          },
          304: null,
        },
        errors: { 400: ['INVALID_CURSOR'], 404: ['THREAD_NOT_FOUND'] },
        parameters: [
          {
            in: 'header',
            name: 'If-None-Match',
            description: 'The `ETag` of an earlier answer: 304 while the page is unchanged.',
          },
        ],
      }),
      ...request,
      queryParams(listPostsQuery),
      async (c) => {
        const { scope } = siteOf(c)
        const actor = actorOf(c, clock, await forumSettingsOfRequest(deps, c))
        const { cursor, limit } = c.req.valid('query')
        const after = c.req.valid('query').after ?? cursor
        const afterNumber =
          after === undefined
            ? 0
            : /^\d+$/.test(after)
              ? Number(after)
              : Number(decodeCursor(after)[0])
        if (!Number.isSafeInteger(afterNumber) || afterNumber < 0) throw invalidCursor()
        const threadId = c.req.param('id')
        const viewerId = actor.kind === 'member' ? actor.member.id : null
        const moderator = isModerator(actor)
        const etagOf = (version: number) =>
          `W/"${version}-${afterNumber}-${limit}-${viewerId ?? 'guest'}"`
        const readable = (found: ThreadAccess) => canReadThread(actor, found.category, found.thread)
        // A page polling for new posts sends its ETag: one small read of the thread, and a 304
        // while nothing changed. Otherwise the thread and its page are one read.
        const ifNoneMatch = c.req.header('if-none-match')
        if (ifNoneMatch !== undefined) {
          const known = await threadWithCategory(db, scope, threadId)
          if (!known || !readable(known)) throw ForumErrors.threadNotFound()
          if (ifNoneMatch === etagOf(known.thread.version)) {
            c.header('ETag', ifNoneMatch)
            c.header('Cache-Control', 'private, no-cache')
            return c.body(null, 304)
          }
        }
        const page = await threadPostsPage(
          db,
          scope,
          { memberId: viewerId, moderator },
          { threadId, afterNumber, limit },
        )
        if (!page || !readable(page)) throw ForumErrors.threadNotFound()
        c.header('ETag', etagOf(page.thread.version))
        c.header('Cache-Control', 'private, no-cache')
        const last = page.posts.at(-1)?.post
        return c.json({
          items: page.posts.map((r) =>
            postView(r.post, r.author, {
              moderator,
              memberId: viewerId,
              ...(viewerId && { liked: r.liked }),
            }),
          ),
          // Always a cursor, even on the last page: polling with it picks up new posts.
          nextCursor: encodeCursor([last ? last.number : afterNumber]),
          hasMore: page.posts.length === limit && (last?.number ?? 0) < page.thread.postCount,
        } satisfies z.input<typeof postsPageAnswer>)
      },
    )
    .route('/', postingRoutes(deps, request))
}

import { and, eq } from 'drizzle-orm'
import { Hono, type MiddlewareHandler } from 'hono'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { inList } from '../db/portable-sql.ts'
import { reactions } from '../db/schema.ts'
import { jsonBody, queryParams } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { type RateLimiter, rateLimitOrThrow } from '../http/rate-limit.ts'
import { siteOf } from '../http/site.ts'
import type { SiteScope } from '../sites/scope.ts'
import { actorOf } from './context.ts'
import { ForumErrors } from './errors.ts'
import { postViewFor } from './moderation-queries.ts'
import { assertCanWrite, canReadCategory, canReadThread, isModerator } from './permissions.ts'
import { createReply, createThread, renderForActor } from './posting.ts'
import {
  categoriesOfSite,
  categoryBySlug,
  postsPage,
  threadsPage,
  threadWithCategory,
} from './queries.ts'
import {
  createThreadSchema,
  listPostsQuery,
  listThreadsQuery,
  previewSchema,
  replySchema,
} from './schemas.ts'
import { forumSettingsStore } from './settings.ts'
import { postView, threadView } from './views.ts'

export type ForumDeps = {
  db: Database
  clock: Clock
  limiter: RateLimiter
  kickOutbox: () => Promise<void>
}

const invalidCursor = () =>
  new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')

/** The site's forum settings; one small read per forum request. */
export function forumSettingsOf(db: Database, scope: SiteScope) {
  return forumSettingsStore.read(db, scope)
}

/** Which of `postIds` the member liked, for the `liked` flag on each post. */
async function likedBy(db: Database, scope: SiteScope, memberId: string | null, postIds: string[]) {
  if (!memberId || postIds.length === 0) return new Set<string>()
  const rows = await db
    .select({ postId: reactions.postId })
    .from(reactions)
    .where(
      scope.where(
        reactions,
        and(eq(reactions.memberId, memberId), inList(reactions.postId, postIds)),
      ),
    )
  return new Set(rows.map((r) => r.postId))
}

/** Reading and writing discussions: categories, threads, posts. */
export function forumRoutes(
  deps: ForumDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { db, clock } = deps
  return (
    new Hono<AppEnv>()
      .use('/forum/*', site, member)
      .get('/forum/categories', async (c) => {
        const { scope } = siteOf(c)
        const actor = actorOf(c, clock, await forumSettingsOf(db, scope))
        const rows = await categoriesOfSite(db, scope)
        return c.json({
          items: rows
            .filter((cat) => canReadCategory(actor, cat))
            .map(({ siteId: _, ...cat }) => cat),
        })
      })
      .get('/forum/categories/:slug/threads', queryParams(listThreadsQuery), async (c) => {
        const { scope } = siteOf(c)
        const actor = actorOf(c, clock, await forumSettingsOf(db, scope))
        const category = await categoryBySlug(db, scope, c.req.param('slug'))
        if (!category || !canReadCategory(actor, category)) throw ForumErrors.categoryNotFound()
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
        const rows = await threadsPage(db, scope, {
          categoryId: category.id,
          includeHidden: isModerator(actor),
          after,
          limit: limit + 1,
        })
        const page = rows.slice(0, limit)
        const last = page.at(-1)?.thread
        return c.json({
          items: page.map((r) => threadView(r.thread, r.author)),
          nextCursor:
            rows.length > limit && last
              ? encodeCursor([last.pinned ? 1 : 0, last.lastActivityAt, last.id])
              : null,
        })
      })
      .get('/forum/threads/:id', async (c) => {
        const { scope } = siteOf(c)
        const actor = actorOf(c, clock, await forumSettingsOf(db, scope))
        const found = await threadWithCategory(db, scope, c.req.param('id'))
        if (!found || !canReadThread(actor, found.category, found.thread))
          throw ForumErrors.threadNotFound()
        const { siteId: _, ...category } = found.category
        return c.json({ ...threadView(found.thread, found.author), category })
      })
      .get('/forum/threads/:id/posts', queryParams(listPostsQuery), async (c) => {
        const { scope } = siteOf(c)
        const actor = actorOf(c, clock, await forumSettingsOf(db, scope))
        const found = await threadWithCategory(db, scope, c.req.param('id'))
        if (!found || !canReadThread(actor, found.category, found.thread))
          throw ForumErrors.threadNotFound()
        const { cursor, limit } = c.req.valid('query')
        const after = c.req.valid('query').after ?? cursor
        const afterNumber =
          after === undefined
            ? 0
            : /^\d+$/.test(after)
              ? Number(after)
              : Number(decodeCursor(after)[0])
        if (!Number.isSafeInteger(afterNumber) || afterNumber < 0) throw invalidCursor()
        // A page polling for new posts costs one small read and a 304 while nothing changed.
        const viewerId = actor.kind === 'member' ? actor.member.id : null
        const etag = `W/"${found.thread.version}-${afterNumber}-${limit}-${viewerId ?? 'guest'}"`
        c.header('ETag', etag)
        c.header('Cache-Control', 'private, no-cache')
        if (c.req.header('if-none-match') === etag) return c.body(null, 304)
        const rows = await postsPage(db, scope, { threadId: found.thread.id, afterNumber, limit })
        const moderator = isModerator(actor)
        const liked = await likedBy(
          db,
          scope,
          viewerId,
          rows.map((r) => r.post.id),
        )
        const last = rows.at(-1)?.post
        return c.json({
          items: rows.map((r) =>
            postView(r.post, r.author, {
              moderator,
              memberId: viewerId,
              ...(viewerId && { liked: liked.has(r.post.id) }),
            }),
          ),
          // Always a cursor, even on the last page: polling with it picks up new posts.
          nextCursor: encodeCursor([last ? last.number : afterNumber]),
          hasMore: rows.length === limit && (last?.number ?? 0) < found.thread.postCount,
        })
      })
      .post('/forum/threads', ...jsonBody(createThreadSchema), async (c) => {
        const { scope } = siteOf(c)
        const forum = await forumSettingsOf(db, scope)
        const actor = actorOf(c, clock, forum)
        const input = c.req.valid('json')
        if (input.title.length > forum.maxTitleLength) {
          throw new ApiError(422, 'VALIDATION_FAILED', 'Some fields are invalid.', {
            fields: { title: `At most ${forum.maxTitleLength} characters.` },
          })
        }
        assertBodyLength(input.body, forum.maxPostLength)
        const category = await categoryBySlug(db, scope, input.category)
        if (!category) throw ForumErrors.categoryNotFound()
        const created = await createThread(deps, scope, actor, category, input)
        afterResponse(c, deps.kickOutbox())
        return c.json(
          {
            id: created.threadId,
            postId: created.postId,
            post: await postViewFor(db, scope, actor, created.postId),
          },
          201,
        )
      })
      // The composer's preview: rendered exactly as a post would be, for this member, and stored
      // nowhere. Rate-limited, as rendering is the most expensive thing a reader can ask for.
      .post('/forum/preview', ...jsonBody(previewSchema), async (c) => {
        const { scope, id } = siteOf(c)
        const forum = await forumSettingsOf(db, scope)
        const actor = actorOf(c, clock, forum)
        assertCanWrite(actor)
        const { body } = c.req.valid('json')
        assertBodyLength(body, forum.maxPostLength)
        await rateLimitOrThrow(deps.limiter, {
          siteId: id,
          bucket: `preview:${actor.member.id}`,
          limit: 120,
          windowMs: 60_000,
        })
        const rendered = await renderForActor(deps, scope, actor, body)
        return c.json({ html: rendered.html })
      })
      .post('/forum/threads/:id/posts', ...jsonBody(replySchema), async (c) => {
        const { scope } = siteOf(c)
        const forum = await forumSettingsOf(db, scope)
        const actor = actorOf(c, clock, forum)
        const input = c.req.valid('json')
        assertBodyLength(input.body, forum.maxPostLength)
        const created = await createReply(deps, scope, actor, c.req.param('id'), input)
        afterResponse(c, deps.kickOutbox())
        return c.json(
          {
            id: created.postId,
            number: created.number,
            post: await postViewFor(db, scope, actor, created.postId),
          },
          201,
        )
      })
  )
}

function assertBodyLength(body: string, max: number) {
  if (body.length > max) {
    throw new ApiError(422, 'VALIDATION_FAILED', 'Some fields are invalid.', {
      fields: { body: `At most ${max} characters.` },
    })
  }
}

import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { jsonBody, optionalJsonBody, queryParams } from '../http/body.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { requireAuth } from '../http/member.ts'
import { siteOf } from '../http/site.ts'
import { createCategory, deleteCategory, updateCategory } from './categories.ts'
import { actorOf } from './context.ts'
import { flagQueue } from './flag-queue.ts'
import { resolveFlags } from './flags.ts'
import { changeMemberRole, suspendMember } from './member-moderation.ts'
import {
  changeThread,
  deleteThread,
  moveThread,
  setSlowMode,
  type ThreadChange,
} from './moderation.ts'
import { moderationLogPage } from './moderation-log.ts'
import {
  categoryPatchSchema,
  flagQueueQuery,
  logQuery,
  moveThreadSchema,
  reasonOptionalSchema,
  reasonRequiredSchema,
  resolveFlagsSchema,
  roleSchema,
  slowModeSchema,
  suspendSchema,
} from './moderation-schemas.ts'
import { setPostHidden } from './post-moderation.ts'
import { adminsOnly, forumRequest, moderatorsOnly } from './route-guards.ts'
import { type ForumDeps, forumSettingsOf } from './routes.ts'
import { categorySchema } from './schemas.ts'

const invalidCursor = () =>
  new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')

const threadChanges: readonly ThreadChange[] = ['hide', 'unhide', 'lock', 'unlock', 'pin', 'unpin']

/**
 * `/v1/forum/moderation/*` for moderators and admins, and the admins' category and role
 * endpoints. Guests get 401 and members 403 before any body is read; each service checks again
 * through permissions.ts. Every action is written to the moderation log.
 */
export function moderationRoutes(
  deps: ForumDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { db, clock } = deps
  const moderators = [...forumRequest(site, member), moderatorsOnly] as const
  const admins = [...forumRequest(site, member), adminsOnly] as const
  const actorFor = async (c: Context<AppEnv>) => {
    const { scope } = siteOf(c)
    return { scope, actor: actorOf(c, clock, await forumSettingsOf(db, scope)) }
  }
  const by = (c: Context<AppEnv>) => ({ memberId: requireAuth(c).member.id })

  const app = new Hono<AppEnv>()
    .get('/forum/moderation/flags', ...moderators, queryParams(flagQueueQuery), async (c) => {
      const { scope, actor } = await actorFor(c)
      const { status, cursor, limit } = c.req.valid('query')
      const [firstFlaggedAt, postId] = cursor ? decodeCursor(cursor) : []
      if (cursor && (typeof firstFlaggedAt !== 'number' || typeof postId !== 'string'))
        throw invalidCursor()
      const after = cursor
        ? { firstFlaggedAt: firstFlaggedAt as number, postId: postId as string }
        : undefined
      const page = await flagQueue(db, scope, actor, { status, after, limit })
      return c.json({
        items: page.items,
        nextCursor: page.next ? encodeCursor([page.next.firstFlaggedAt, page.next.postId]) : null,
      })
    })
    .post(
      '/forum/moderation/flags/:postId/resolve',
      ...moderators,
      ...jsonBody(resolveFlagsSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const input = c.req.valid('json')
        return c.json(await resolveFlags(deps, scope, actor, c.req.param('postId'), input))
      },
    )
    .post(
      '/forum/moderation/posts/:id/hide',
      ...moderators,
      ...jsonBody(reasonRequiredSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const { reason } = c.req.valid('json')
        return c.json(
          await setPostHidden(deps, scope, actor, c.req.param('id'), { hidden: true, reason }),
        )
      },
    )
    .post(
      '/forum/moderation/posts/:id/unhide',
      ...moderators,
      ...optionalJsonBody(reasonOptionalSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const reason = c.req.valid('json').reason ?? null
        return c.json(
          await setPostHidden(deps, scope, actor, c.req.param('id'), { hidden: false, reason }),
        )
      },
    )
    .post(
      '/forum/moderation/threads/:id/move',
      ...moderators,
      ...jsonBody(moveThreadSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const { category, reason } = c.req.valid('json')
        return c.json(
          await moveThread(deps, scope, actor, c.req.param('id'), {
            category,
            reason: reason ?? null,
          }),
        )
      },
    )
    .post(
      '/forum/moderation/threads/:id/slow-mode',
      ...moderators,
      ...jsonBody(slowModeSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const { seconds, reason } = c.req.valid('json')
        return c.json(
          await setSlowMode(deps, scope, actor, c.req.param('id'), {
            seconds,
            reason: reason ?? null,
          }),
        )
      },
    )
    .delete(
      '/forum/moderation/threads/:id',
      ...moderators,
      ...jsonBody(reasonRequiredSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        await deleteThread(deps, scope, actor, c.req.param('id'), c.req.valid('json').reason)
        return c.body(null, 204)
      },
    )
    .post(
      '/forum/moderation/members/:id/suspend',
      ...moderators,
      ...jsonBody(suspendSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        return c.json(
          await suspendMember(deps, scope, actor, c.req.param('id'), c.req.valid('json')),
        )
      },
    )
    .get('/forum/moderation/log', ...moderators, queryParams(logQuery), async (c) => {
      const { scope } = siteOf(c)
      const { cursor, limit } = c.req.valid('query')
      const [createdAt, id] = cursor ? decodeCursor(cursor) : []
      if (cursor && (typeof createdAt !== 'number' || typeof id !== 'string')) throw invalidCursor()
      const before = cursor ? { createdAt: createdAt as number, id: id as string } : undefined
      const rows = await moderationLogPage(db, scope, { before, limit: limit + 1 })
      const page = rows.slice(0, limit)
      const last = page.at(-1)
      return c.json({
        items: page,
        nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
      })
    })
    // Admins: categories and roles.
    .post('/forum/categories', ...admins, ...jsonBody(categorySchema), async (c) => {
      const created = await createCategory(deps, siteOf(c).scope, by(c), c.req.valid('json'))
      return c.json(created, 201)
    })
    .patch('/forum/categories/:slug', ...admins, ...jsonBody(categoryPatchSchema), async (c) => {
      const { scope } = siteOf(c)
      return c.json(
        await updateCategory(deps, scope, by(c), c.req.param('slug'), c.req.valid('json')),
      )
    })
    .delete('/forum/categories/:slug', ...admins, async (c) => {
      await deleteCategory(deps, siteOf(c).scope, by(c), c.req.param('slug'))
      return c.body(null, 204)
    })
    .put('/forum/members/:id/role', ...admins, ...jsonBody(roleSchema), async (c) => {
      const { scope, actor } = await actorFor(c)
      const { role } = c.req.valid('json')
      return c.json(await changeMemberRole(deps, scope, actor, c.req.param('id'), role))
    })

  for (const change of threadChanges) {
    app.post(
      `/forum/moderation/threads/:id/${change}`,
      ...moderators,
      ...optionalJsonBody(reasonOptionalSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const reason = c.req.valid('json').reason ?? null
        return c.json(await changeThread(deps, scope, actor, c.req.param('id'), change, reason))
      },
    )
  }
  return app
}

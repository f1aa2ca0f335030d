import { Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { jsonBody, queryParams } from '../http/body.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { requireAuth } from '../http/member.ts'
import { siteOf } from '../http/site.ts'
import { actorOf } from './context.ts'
import { ForumErrors } from './errors.ts'
import {
  markRead,
  notificationsPage,
  notificationView,
  setWatchLevel,
  unreadCount,
  watchLevel,
} from './notifications.ts'
import { canReadThread } from './permissions.ts'
import { preferencesOf, preferencesPatchSchema, updatePreferences } from './preferences.ts'
import { threadWithCategory } from './queries.ts'
import { forumSettingsOf } from './routes.ts'
import { unsubscribeRoutes } from './unsubscribe.ts'

export type NotificationDeps = { db: Database; clock: Clock }

const listQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
const markReadSchema = z.strictObject({
  ids: z.array(z.string().min(1).max(120)).max(500).optional(),
})
const watchSchema = z.strictObject({ level: z.enum(['watching', 'normal', 'muted']) })

/** Moderators and admins see notifications about hidden content they can still read. */
const isStaff = (role: string) => role === 'moderator' || role === 'admin'

const invalidCursor = () =>
  new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')

/**
 * The site and session middleware, run once: `forumRoutes` already runs them for `/forum/*`,
 * and running them twice would read the site and session twice.
 */
function once(
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('auth') !== undefined) return next()
    await site(c, async () => {
      await member(c, next)
    })
  }
}

/**
 * A member's notifications, email preferences and thread watches, plus the public one-click
 * unsubscribe endpoint that email links point at (no key, no session: the token says it all).
 */
export function notificationRoutes(
  deps: NotificationDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { db, clock } = deps
  const signedIn = once(site, member)

  /** The thread, if the caller may read it; 404 otherwise, so hidden threads stay private. */
  async function readableThread(c: Parameters<typeof siteOf>[0], threadId: string) {
    const { scope } = siteOf(c)
    const actor = actorOf(c, clock, await forumSettingsOf(db, scope))
    const found = await threadWithCategory(db, scope, threadId)
    if (!found || !canReadThread(actor, found.category, found.thread)) {
      throw ForumErrors.threadNotFound()
    }
    return found.thread
  }

  return new Hono<AppEnv>()
    .route('/', unsubscribeRoutes(deps))
    .get('/notifications', signedIn, queryParams(listQuery), async (c) => {
      const { member } = requireAuth(c)
      const { scope } = siteOf(c)
      const { cursor, unread, limit } = c.req.valid('query')
      const [createdAt, id] = cursor ? decodeCursor(cursor) : []
      if (cursor && (typeof createdAt !== 'number' || typeof id !== 'string')) {
        throw invalidCursor()
      }
      const rows = await notificationsPage(
        db,
        scope,
        { memberId: member.id, moderator: isStaff(member.role) },
        {
          unreadOnly: unread === 'true',
          ...(cursor && { after: { createdAt: createdAt as number, id: id as string } }),
          limit: limit + 1,
        },
      )
      const page = rows.slice(0, limit)
      const last = page.at(-1)?.notification
      return c.json({
        items: page.map(notificationView),
        nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
      })
    })
    .get('/notifications/unread-count', signedIn, async (c) => {
      const { member } = requireAuth(c)
      const reader = { memberId: member.id, moderator: isStaff(member.role) }
      return c.json({ count: await unreadCount(db, siteOf(c).scope, reader) })
    })
    .post('/notifications/read', signedIn, ...jsonBody(markReadSchema), async (c) => {
      const { member } = requireAuth(c)
      const { ids } = c.req.valid('json')
      await markRead(db, siteOf(c).scope, member.id, ids, clock.now())
      return c.body(null, 204)
    })
    .get('/notifications/preferences', signedIn, async (c) => {
      const { member } = requireAuth(c)
      return c.json(await preferencesOf(db, siteOf(c).scope, member.id))
    })
    .patch(
      '/notifications/preferences',
      signedIn,
      ...jsonBody(preferencesPatchSchema),
      async (c) => {
        const { member } = requireAuth(c)
        const patch = c.req.valid('json')
        return c.json(await updatePreferences(db, siteOf(c).scope, member.id, patch, clock.now()))
      },
    )
    .get('/forum/threads/:id/watch', signedIn, async (c) => {
      const { member } = requireAuth(c)
      const thread = await readableThread(c, c.req.param('id'))
      const level = await watchLevel(db, siteOf(c).scope, thread.id, member.id)
      return c.json({ threadId: thread.id, level })
    })
    .put('/forum/threads/:id/watch', signedIn, ...jsonBody(watchSchema), async (c) => {
      const { member } = requireAuth(c)
      const thread = await readableThread(c, c.req.param('id'))
      const { level } = c.req.valid('json')
      await setWatchLevel(db, siteOf(c).scope, thread.id, member.id, level)
      return c.json({ threadId: thread.id, level })
    })
}

import { Hono, type MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { jsonBody, queryParams } from '../http/body.ts'
import { decodeCursor, encodeCursor } from '../http/cursor.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { MemberErrors, requireAuth } from '../http/member.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import type { SiteCache } from '../sites/site-cache.ts'
import { actorOf, forumSettingsOfRequest } from './context.ts'
import { ForumErrors } from './errors.ts'
import {
  markReadSchema,
  notificationListQuery,
  notificationsPageAnswer,
  preferencesAnswer,
  unreadCountAnswer,
  watchAnswer,
  watchSchema,
} from './notification-schemas.ts'
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
import { unsubscribeRoutes } from './unsubscribe.ts'

export type NotificationDeps = { db: Database; siteCache: SiteCache; clock: Clock }

/** Moderators and admins see notifications about hidden content they can still read. */
const isStaff = (role: string) => role === 'moderator' || role === 'admin'

const invalidCursor = () =>
  new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')

const notifications = { tags: ['Notifications'], access: 'member' } as const

/** A session is only valid for a member who exists; one deleted meanwhile has no preferences. */
function existing<T>(preferences: T | null): T {
  if (preferences === null) throw MemberErrors.invalidSession()
  return preferences
}

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
    const actor = actorOf(c, clock, await forumSettingsOfRequest(deps, c))
    const found = await threadWithCategory(db, scope, threadId)
    if (!found || !canReadThread(actor, found.category, found.thread)) {
      throw ForumErrors.threadNotFound()
    }
    return found.thread
  }

  return new Hono<AppEnv>()
    .route('/', unsubscribeRoutes(deps))
    .get(
      '/notifications',
      documented({
        ...notifications,
        summary: 'List my notifications',
        description:
          'Newest first; `unread=true` for the unread ones only. Pages with `cursor`/`nextCursor`. Notifications about content the member can no longer see are left out.',
        responses: { 200: notificationsPageAnswer },
        errors: { 400: ['INVALID_CURSOR'] },
      }),
      signedIn,
      queryParams(notificationListQuery),
      async (c) => {
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
        } satisfies z.input<typeof notificationsPageAnswer>)
      },
    )
    .get(
      '/notifications/unread-count',
      documented({
        ...notifications,
        summary: 'Count my unread notifications',
        description: 'For a badge; counting stops at 999.',
        responses: { 200: unreadCountAnswer },
      }),
      signedIn,
      async (c) => {
        const { member } = requireAuth(c)
        const reader = { memberId: member.id, moderator: isStaff(member.role) }
        const count = await unreadCount(db, siteOf(c).scope, reader)
        return c.json({ count } satisfies z.input<typeof unreadCountAnswer>)
      },
    )
    .post(
      '/notifications/read',
      documented({
        ...notifications,
        summary: 'Mark notifications read',
        description:
          'The ones named in `ids`, or all of them when `ids` is left out. Ids that are not the member’s are ignored.',
        responses: { 204: null },
      }),
      signedIn,
      ...jsonBody(markReadSchema),
      async (c) => {
        const { member } = requireAuth(c)
        const { ids } = c.req.valid('json')
        await markRead(db, siteOf(c).scope, member.id, ids, clock.now())
        return c.body(null, 204)
      },
    )
    .get(
      '/notifications/preferences',
      documented({
        ...notifications,
        summary: 'My email preferences',
        description: 'Which notifications also come by email; all on until the member chooses.',
        responses: { 200: preferencesAnswer },
      }),
      signedIn,
      async (c) => {
        const { member } = requireAuth(c)
        const preferences = existing(await preferencesOf(db, siteOf(c).scope, member.id))
        return c.json(preferences satisfies z.input<typeof preferencesAnswer>)
      },
    )
    .patch(
      '/notifications/preferences',
      documented({
        ...notifications,
        summary: 'Change my email preferences',
        description: 'Any subset of the switches; the others keep their value.',
        responses: { 200: preferencesAnswer },
      }),
      signedIn,
      ...jsonBody(preferencesPatchSchema),
      async (c) => {
        const { member } = requireAuth(c)
        const patch = c.req.valid('json')
        const preferences = existing(
          await updatePreferences(db, siteOf(c).scope, member.id, patch, clock.now()),
        )
        return c.json(preferences satisfies z.input<typeof preferencesAnswer>)
      },
    )
    .get(
      '/forum/threads/:id/watch',
      documented({
        ...notifications,
        summary: 'My watch level on a thread',
        description:
          '`watching`: every reply notifies; `normal`: only mentions, quotes and direct replies; `muted`: nothing. Starting or replying to a thread watches it, unless the member chose otherwise before.',
        responses: { 200: watchAnswer },
        errors: { 404: ['THREAD_NOT_FOUND'] },
      }),
      signedIn,
      async (c) => {
        const { member } = requireAuth(c)
        const thread = await readableThread(c, c.req.param('id'))
        const level = await watchLevel(db, siteOf(c).scope, thread.id, member.id)
        return c.json({ threadId: thread.id, level } satisfies z.input<typeof watchAnswer>)
      },
    )
    .put(
      '/forum/threads/:id/watch',
      documented({
        ...notifications,
        summary: 'Set my watch level on a thread',
        description: 'The choice is kept: posting in the thread later does not change it.',
        responses: { 200: watchAnswer },
        errors: { 404: ['THREAD_NOT_FOUND'] },
      }),
      signedIn,
      ...jsonBody(watchSchema),
      async (c) => {
        const { member } = requireAuth(c)
        const thread = await readableThread(c, c.req.param('id'))
        const { level } = c.req.valid('json')
        await setWatchLevel(db, siteOf(c).scope, thread.id, member.id, level)
        return c.json({ threadId: thread.id, level } satisfies z.input<typeof watchAnswer>)
      },
    )
}

import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { jsonBody, optionalJsonBody, queryParams } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { documented, type RouteDoc } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { actorOf, type ForumDeps, forumSettingsOfRequest } from './context.ts'
import { resolveFlags } from './flags.ts'
import { forumAdminRoutes } from './forum-admin-routes.ts'
import { suspendMember } from './member-moderation.ts'
import {
  changeThread,
  deleteThread,
  moveThread,
  setSlowMode,
  type ThreadChange,
} from './moderation.ts'
import { flagQueueAnswer, moderationLogAnswer } from './moderation-pages.ts'
import {
  flagQueuePageAnswer,
  flagQueueQuery,
  logQuery,
  memberModerationLogPageAnswer,
  moveThreadSchema,
  reasonOptionalSchema,
  reasonRequiredSchema,
  resolveFlagsAnswer,
  resolveFlagsSchema,
  slowModeSchema,
  suspendSchema,
  suspensionAnswer,
} from './moderation-schemas.ts'
import { setPostHidden } from './post-moderation.ts'
import { forumRequest, moderatorsOnly } from './route-guards.ts'
import { postAnswer, threadAnswer } from './schemas.ts'

/** Every moderation route: a moderator's or admin's session; other members get 403 FORBIDDEN. */
const moderation = { tags: ['Moderation'], access: 'member' } as const

const threadErrors: RouteDoc['errors'] = { 403: ['FORBIDDEN'], 404: ['THREAD_NOT_FOUND'] }
const postErrors: RouteDoc['errors'] = { 403: ['FORBIDDEN'], 404: ['POST_NOT_FOUND'] }

const repeatNote = 'Repeating an action already in effect changes nothing and logs nothing.'

/** What each thread change does, for the reference. */
const threadChanges: Record<ThreadChange, { summary: string; description: string }> = {
  hide: {
    summary: 'Hide a thread',
    description: 'Only moderators see it afterwards; its author is told, with the reason if any.',
  },
  unhide: {
    summary: 'Show a hidden thread again',
    description: 'Its author is told.',
  },
  lock: { summary: 'Lock a thread', description: 'It takes no new replies but from moderators.' },
  unlock: { summary: 'Unlock a thread', description: 'It takes replies again.' },
  pin: { summary: 'Pin a thread', description: 'It is listed first in its category.' },
  unpin: { summary: 'Unpin a thread', description: 'It is listed by activity again.' },
}

/**
 * `/v1/forum/moderation/*` for moderators and admins, and (`forumAdminRoutes`) the admins'
 * category and role endpoints. Guests get 401 and members 403 before any body is read; each
 * service checks again through permissions.ts. Every action is written to the moderation log.
 */
export function moderationRoutes(
  deps: ForumDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { db, clock } = deps
  const moderators = [...forumRequest(site, member), moderatorsOnly] as const
  const actorFor = async (c: Context<AppEnv>) => {
    const { scope } = siteOf(c)
    return { scope, actor: actorOf(c, clock, await forumSettingsOfRequest(deps, c)) }
  }

  const app = new Hono<AppEnv>()
    .get(
      '/forum/moderation/flags',
      documented({
        ...moderation,
        summary: 'The flag queue',
        description:
          'One item per flagged post, with the post as moderators see it, its flags and their reasons. Open flags come oldest first; dismissed and actioned ones (`status`) newest first. Pages with `cursor`/`nextCursor`.',
        responses: { 200: flagQueuePageAnswer },
        errors: { 400: ['INVALID_CURSOR'], 403: ['FORBIDDEN'] },
      }),
      ...moderators,
      queryParams(flagQueueQuery),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        return c.json(await flagQueueAnswer(db, scope, actor, c.req.valid('query')))
      },
    )
    .post(
      '/forum/moderation/flags/:postId/resolve',
      documented({
        ...moderation,
        summary: 'Resolve a post’s flags',
        description:
          'One decision for every open flag of the post: `dismiss` (a post the flags hid is shown again), `hide`, `delete`, or `suspend_author` for `suspendDays` (the post is hidden too). The author is told of every outcome but a dismissal.',
        responses: { 200: resolveFlagsAnswer },
        errors: {
          403: ['FORBIDDEN', 'OWN_ACCOUNT'],
          404: ['MEMBER_NOT_FOUND', 'POST_NOT_FOUND'],
          409: ['MEMBER_BANNED', 'NO_OPEN_FLAGS'],
        },
      }),
      ...moderators,
      ...jsonBody(resolveFlagsSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const input = c.req.valid('json')
        const resolved = await resolveFlags(deps, scope, actor, c.req.param('postId'), input)
        return c.json(resolved satisfies z.input<typeof resolveFlagsAnswer>)
      },
    )
    .post(
      '/forum/moderation/posts/:id/hide',
      documented({
        ...moderation,
        summary: 'Hide a post',
        description: `It shows as "[hidden by a moderator]" to everyone else; its author is told the reason. ${repeatNote}`,
        responses: { 200: postAnswer },
        errors: postErrors,
      }),
      ...moderators,
      ...jsonBody(reasonRequiredSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const { reason } = c.req.valid('json')
        const post = await setPostHidden(deps, scope, actor, c.req.param('id'), {
          hidden: true,
          reason,
        })
        return c.json(post satisfies z.input<typeof postAnswer>)
      },
    )
    .post(
      '/forum/moderation/posts/:id/unhide',
      documented({
        ...moderation,
        summary: 'Show a hidden post again',
        description: `The body, with an optional \`reason\`, may be left out. ${repeatNote}`,
        responses: { 200: postAnswer },
        errors: postErrors,
      }),
      ...moderators,
      ...optionalJsonBody(reasonOptionalSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const reason = c.req.valid('json').reason ?? null
        const post = await setPostHidden(deps, scope, actor, c.req.param('id'), {
          hidden: false,
          reason,
        })
        return c.json(post satisfies z.input<typeof postAnswer>)
      },
    )
    .post(
      '/forum/moderation/threads/:id/move',
      documented({
        ...moderation,
        summary: 'Move a thread',
        description: 'To another category of the site, named by its slug.',
        responses: { 200: threadAnswer },
        errors: { 403: ['FORBIDDEN'], 404: ['CATEGORY_NOT_FOUND', 'THREAD_NOT_FOUND'] },
      }),
      ...moderators,
      ...jsonBody(moveThreadSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const { category, reason } = c.req.valid('json')
        const thread = await moveThread(deps, scope, actor, c.req.param('id'), {
          category,
          reason: reason ?? null,
        })
        return c.json(thread satisfies z.input<typeof threadAnswer>)
      },
    )
    .post(
      '/forum/moderation/threads/:id/slow-mode',
      documented({
        ...moderation,
        summary: 'Set a thread’s slow mode',
        description:
          'Seconds each member must wait between posts in the thread (moderators are exempt); 0 turns it off.',
        responses: { 200: threadAnswer },
        errors: threadErrors,
      }),
      ...moderators,
      ...jsonBody(slowModeSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const { seconds, reason } = c.req.valid('json')
        const thread = await setSlowMode(deps, scope, actor, c.req.param('id'), {
          seconds,
          reason: reason ?? null,
        })
        return c.json(thread satisfies z.input<typeof threadAnswer>)
      },
    )
    .delete(
      '/forum/moderation/threads/:id',
      documented({
        ...moderation,
        summary: 'Delete a thread for good',
        description:
          'The thread and everything in it; hiding is the reversible choice. A `reason` is required in the body: the log and the author are told it.',
        responses: { 204: null },
        errors: threadErrors,
      }),
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
      documented({
        ...moderation,
        summary: 'Suspend a member',
        description:
          'For `days`, or `until` a time (ms since the epoch), at most ten years; every session of the member ends at once. Moderators suspend members, admins also moderators; admins are the site owner’s to suspend, and nobody suspends themselves (403). A banned member stays banned (409 MEMBER_BANNED).',
        responses: { 200: suspensionAnswer },
        errors: {
          403: ['FORBIDDEN', 'OWN_ACCOUNT'],
          404: ['MEMBER_NOT_FOUND'],
          409: ['MEMBER_BANNED'],
        },
      }),
      ...moderators,
      ...jsonBody(suspendSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const suspended = await suspendMember(
          deps,
          scope,
          actor,
          c.req.param('id'),
          c.req.valid('json'),
        )
        return c.json(suspended satisfies z.input<typeof suspensionAnswer>)
      },
    )
    .get(
      '/forum/moderation/log',
      documented({
        ...moderation,
        summary: 'The moderation log',
        description:
          'Who did what, when and why, newest first; pages with `cursor`/`nextCursor`. Entries stay when the member who acted leaves (`actor: null`).',
        responses: { 200: memberModerationLogPageAnswer },
        errors: { 400: ['INVALID_CURSOR'], 403: ['FORBIDDEN'] },
      }),
      ...moderators,
      queryParams(logQuery),
      async (c) => {
        const page = await moderationLogAnswer(db, siteOf(c).scope, c.req.valid('query'))
        const items = page.items.map(({ operator, ...entry }) => ({
          ...entry,
          operator: operator && { name: operator.name },
        }))
        return c.json({ ...page, items } satisfies z.input<typeof memberModerationLogPageAnswer>)
      },
    )
    .route('/', forumAdminRoutes(deps, site, member))

  for (const [change, doc] of Object.entries(threadChanges) as [
    ThreadChange,
    (typeof threadChanges)[ThreadChange],
  ][]) {
    app.post(
      `/forum/moderation/threads/:id/${change}`,
      documented({
        ...moderation,
        summary: doc.summary,
        description: `${doc.description} The body, with an optional \`reason\`, may be left out. ${repeatNote}`,
        responses: { 200: threadAnswer },
        errors: threadErrors,
      }),
      ...moderators,
      ...optionalJsonBody(reasonOptionalSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const reason = c.req.valid('json').reason ?? null
        const thread = await changeThread(deps, scope, actor, c.req.param('id'), change, reason)
        return c.json(thread satisfies z.input<typeof threadAnswer>)
      },
    )
  }
  return app
}

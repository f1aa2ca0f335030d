import { Hono } from 'hono'
import type { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { jsonBody, optionalJsonBody, queryParams } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { documented, type RouteDoc } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { resolveFlags } from './flags.ts'
import { flagQueueAnswer, hiddenPostsAnswer, moderationLogAnswer } from './moderation-pages.ts'
import {
  flagQueuePageAnswer,
  flagQueueQuery,
  hiddenPostsPageAnswer,
  hiddenPostsQuery,
  logQuery,
  moderationLogPageAnswer,
  reasonOptionalSchema,
  reasonRequiredSchema,
  resolveFlagsAnswer,
  resolveFlagsSchema,
} from './moderation-schemas.ts'
import { setPostHidden } from './post-moderation.ts'
import { postAnswer } from './schemas.ts'
import { staffActorOf } from './staff.ts'

const staffDoc = { tags: ['Owner: discussions'], access: 'owner' } as const

const loggedAs =
  'The moderation log names who acted: the operator signed in to the console (`by: operator`, with their name), or `by: owner` for a secret key.'

const postErrors: RouteDoc['errors'] = { 404: ['POST_NOT_FOUND'] }

/**
 * `/v1/admin/forum/*` moderation: the member moderators' tools for the site's staff, who need no
 * member account: the flag queue and its decisions, hidden posts, the moderation log. Behind the
 * owner API's access check (a secret key, or an operator with the role operators/permissions.ts
 * names), so every lookup is scoped to that site; the same services as the members' routes.
 */
export function adminModerationRoutes(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps
  return new Hono<AppEnv>()
    .get(
      '/forum/flags',
      documented({
        ...staffDoc,
        summary: 'The flag queue',
        description:
          'One item per flagged post, with the post as moderators see it, its flags and their reasons. Open flags come oldest first; dismissed and actioned ones (`status`) newest first. Pages with `cursor`/`nextCursor`.',
        responses: { 200: flagQueuePageAnswer },
        errors: { 400: ['INVALID_CURSOR'] },
      }),
      queryParams(flagQueueQuery),
      async (c) => {
        const page = await flagQueueAnswer(
          db,
          siteOf(c).scope,
          staffActorOf(c, clock),
          c.req.valid('query'),
        )
        return c.json(page)
      },
    )
    .post(
      '/forum/posts/:id/flags/resolve',
      documented({
        ...staffDoc,
        summary: 'Resolve a post’s flags',
        description: `One decision for every open flag of the post: \`dismiss\` (a post the flags hid is shown again), \`hide\`, \`delete\`, or \`suspend_author\` for \`suspendDays\` (the post is hidden too). The author is told of every outcome but a dismissal. ${loggedAs}`,
        responses: { 200: resolveFlagsAnswer },
        errors: {
          404: ['MEMBER_NOT_FOUND', 'POST_NOT_FOUND'],
          409: ['MEMBER_BANNED', 'NO_OPEN_FLAGS'],
        },
      }),
      ...jsonBody(resolveFlagsSchema),
      async (c) => {
        const resolved = await resolveFlags(
          deps,
          siteOf(c).scope,
          staffActorOf(c, clock),
          c.req.param('id'),
          c.req.valid('json'),
        )
        return c.json(resolved satisfies z.input<typeof resolveFlagsAnswer>)
      },
    )
    .get(
      '/forum/hidden-posts',
      documented({
        ...staffDoc,
        summary: 'Hidden posts',
        description:
          'Posts hidden by a moderator or by the flag threshold (`hiddenReason: "flags"`), and not deleted, newest first, with their thread. Pages with `cursor`/`nextCursor`.',
        responses: { 200: hiddenPostsPageAnswer },
        errors: { 400: ['INVALID_CURSOR'] },
      }),
      queryParams(hiddenPostsQuery),
      async (c) => c.json(await hiddenPostsAnswer(db, siteOf(c).scope, c.req.valid('query'))),
    )
    .post(
      '/forum/posts/:id/hide',
      documented({
        ...staffDoc,
        summary: 'Hide a post',
        description: `It shows as "[hidden by a moderator]" to everyone but moderators; its author is told the \`reason\`. Hiding a hidden post changes nothing. ${loggedAs}`,
        responses: { 200: postAnswer },
        errors: postErrors,
      }),
      ...jsonBody(reasonRequiredSchema),
      async (c) => {
        const post = await setPostHidden(
          deps,
          siteOf(c).scope,
          staffActorOf(c, clock),
          c.req.param('id'),
          {
            hidden: true,
            reason: c.req.valid('json').reason,
          },
        )
        return c.json(post satisfies z.input<typeof postAnswer>)
      },
    )
    .post(
      '/forum/posts/:id/unhide',
      documented({
        ...staffDoc,
        summary: 'Show a hidden post again',
        description: `The body, with an optional \`reason\`, may be left out. Showing a visible post changes nothing. ${loggedAs}`,
        responses: { 200: postAnswer },
        errors: postErrors,
      }),
      ...optionalJsonBody(reasonOptionalSchema),
      async (c) => {
        const post = await setPostHidden(
          deps,
          siteOf(c).scope,
          staffActorOf(c, clock),
          c.req.param('id'),
          {
            hidden: false,
            reason: c.req.valid('json').reason ?? null,
          },
        )
        return c.json(post satisfies z.input<typeof postAnswer>)
      },
    )
    .get(
      '/forum/moderation-log',
      documented({
        ...staffDoc,
        summary: 'The moderation log',
        description:
          'Who did what, when and why, newest first: members who moderate, the site’s operators and secret keys, and the flag threshold. Pages with `cursor`/`nextCursor`.',
        responses: { 200: moderationLogPageAnswer },
        errors: { 400: ['INVALID_CURSOR'] },
      }),
      queryParams(logQuery),
      async (c) => c.json(await moderationLogAnswer(db, siteOf(c).scope, c.req.valid('query'))),
    )
}

import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { documented, type RouteDoc } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { actorOf, type ForumDeps, forumSettingsOfRequest } from './context.ts'
import { deletePost, editPost } from './editing.ts'
import { flagPost } from './flags.ts'
import { editPostSchema, flagAnswer, flagSchema, likeAnswer } from './moderation-schemas.ts'
import { writeRefusals } from './posting-routes.ts'
import { likePost, unlikePost } from './reactions.ts'
import { forumRequest, signedIn } from './route-guards.ts'
import { postAnswer } from './schemas.ts'

const member = { tags: ['Discussions'], access: 'member' } as const

/** Likes and flags are for other members' visible posts. */
const reactionErrors: RouteDoc['errors'] = {
  403: [...writeRefusals, 'OWN_POST'],
  404: ['POST_NOT_FOUND'],
  409: ['POST_DELETED', 'POST_HIDDEN'],
}

/**
 * A member's actions on posts: edit, delete, like, unlike, flag. Publishable key and a session;
 * guests get 401 SIGN_IN_REQUIRED before anything else. Mounted at /v1.
 */
export function memberForumRoutes(
  deps: ForumDeps,
  site: MiddlewareHandler<AppEnv>,
  memberSession: MiddlewareHandler<AppEnv>,
) {
  const { clock } = deps
  const request = [...forumRequest(site, memberSession), signedIn] as const
  const actorFor = async (c: Context<AppEnv>) => {
    const { scope } = siteOf(c)
    return { scope, actor: actorOf(c, clock, await forumSettingsOfRequest(deps, c)) }
  }
  return new Hono<AppEnv>()
    .patch(
      '/forum/posts/:id',
      documented({
        ...member,
        summary: 'Edit a post',
        description:
          'Replaces the body; the previous one is kept as a revision. Authors edit within the site’s edit window (403 EDIT_WINDOW_CLOSED), and not while a moderator reviews their hidden post (409 POST_HIDDEN); moderators edit any post, and its author is told. Sending the same text changes nothing.',
        responses: { 200: postAnswer },
        errors: {
          403: [...writeRefusals, 'EDIT_WINDOW_CLOSED'],
          404: ['POST_NOT_FOUND'],
          409: ['POST_DELETED', 'POST_HIDDEN'],
        },
      }),
      ...request,
      ...jsonBody(editPostSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const post = await editPost(deps, scope, actor, c.req.param('id'), c.req.valid('json').body)
        return c.json(post satisfies z.input<typeof postAnswer>)
      },
    )
    .delete(
      '/forum/posts/:id',
      documented({
        ...member,
        summary: 'Delete a post',
        description:
          'Its author (even while suspended) or a moderator. The post keeps its place in the thread as "[deleted]"; deleting the opening post leaves the thread and its title.',
        responses: { 204: null },
        errors: { 403: ['FORBIDDEN'], 404: ['POST_NOT_FOUND'], 409: ['POST_DELETED'] },
      }),
      ...request,
      async (c) => {
        const { scope, actor } = await actorFor(c)
        await deletePost(deps, scope, actor, c.req.param('id'))
        return c.body(null, 204)
      },
    )
    .put(
      '/forum/posts/:id/like',
      documented({
        ...member,
        summary: 'Like a post',
        description: 'Idempotent: liking again changes nothing. Not one’s own post (403 OWN_POST).',
        responses: { 200: likeAnswer },
        errors: reactionErrors,
      }),
      ...request,
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const liked = await likePost(deps, scope, actor, c.req.param('id'))
        return c.json(liked satisfies z.input<typeof likeAnswer>)
      },
    )
    .delete(
      '/forum/posts/:id/like',
      documented({
        ...member,
        summary: 'Take back a like',
        description: 'Idempotent: a post not liked stays so.',
        responses: { 200: likeAnswer },
        errors: reactionErrors,
      }),
      ...request,
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const unliked = await unlikePost(deps, scope, actor, c.req.param('id'))
        return c.json(unliked satisfies z.input<typeof likeAnswer>)
      },
    )
    .post(
      '/forum/posts/:id/flags',
      documented({
        ...member,
        summary: 'Flag a post',
        description:
          'Asks the moderators to review the post; once per member and post (409 ALREADY_FLAGGED). Enough open flags from distinct members (the site’s `flagsToHide`) hide the post until a moderator decides.',
        responses: { 201: flagAnswer },
        errors: { ...reactionErrors, 409: ['ALREADY_FLAGGED', 'POST_DELETED', 'POST_HIDDEN'] },
      }),
      ...request,
      ...jsonBody(flagSchema),
      async (c) => {
        const { scope, actor } = await actorFor(c)
        const flag = await flagPost(deps, scope, actor, c.req.param('id'), c.req.valid('json'))
        return c.json(flag satisfies z.input<typeof flagAnswer>, 201)
      },
    )
}

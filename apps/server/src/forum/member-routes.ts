import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { siteOf } from '../http/site.ts'
import { actorOf } from './context.ts'
import { deletePost, editPost } from './editing.ts'
import { flagPost } from './flags.ts'
import { editPostSchema, flagSchema } from './moderation-schemas.ts'
import { likePost, unlikePost } from './reactions.ts'
import { forumRequest, signedIn } from './route-guards.ts'
import { type ForumDeps, forumSettingsOf } from './routes.ts'

/**
 * A member's actions on posts: edit, delete, like, unlike, flag. Publishable key and a session;
 * guests get 401 SIGN_IN_REQUIRED before anything else. Mounted at /v1.
 */
export function memberForumRoutes(
  deps: ForumDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { db, clock } = deps
  const request = [...forumRequest(site, member), signedIn] as const
  const actorFor = async (c: Context<AppEnv>) => {
    const { scope } = siteOf(c)
    return { scope, actor: actorOf(c, clock, await forumSettingsOf(db, scope)) }
  }
  return new Hono<AppEnv>()
    .patch('/forum/posts/:id', ...request, ...jsonBody(editPostSchema), async (c) => {
      const { scope, actor } = await actorFor(c)
      const post = await editPost(deps, scope, actor, c.req.param('id'), c.req.valid('json').body)
      return c.json(post)
    })
    .delete('/forum/posts/:id', ...request, async (c) => {
      const { scope, actor } = await actorFor(c)
      await deletePost(deps, scope, actor, c.req.param('id'))
      return c.body(null, 204)
    })
    .put('/forum/posts/:id/like', ...request, async (c) => {
      const { scope, actor } = await actorFor(c)
      return c.json(await likePost(deps, scope, actor, c.req.param('id')))
    })
    .delete('/forum/posts/:id/like', ...request, async (c) => {
      const { scope, actor } = await actorFor(c)
      return c.json(await unlikePost(deps, scope, actor, c.req.param('id')))
    })
    .post('/forum/posts/:id/flags', ...request, ...jsonBody(flagSchema), async (c) => {
      const { scope, actor } = await actorFor(c)
      const flag = await flagPost(deps, scope, actor, c.req.param('id'), c.req.valid('json'))
      return c.json(flag, 201)
    })
}

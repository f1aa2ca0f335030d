import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { requireAuth } from '../http/member.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { createCategory, deleteCategory, updateCategory } from './categories.ts'
import { actorOf, type ForumDeps, forumSettingsOfRequest } from './context.ts'
import { changeMemberRole } from './member-moderation.ts'
import { categoryPatchSchema, roleAnswer, roleSchema } from './moderation-schemas.ts'
import { adminsOnly, forumRequest } from './route-guards.ts'
import { categoryAnswer, categorySchema } from './schemas.ts'

/** Every route here: an admin's session; moderators and members get 403 FORBIDDEN. */
const admins = { tags: ['Moderation'], access: 'member' } as const

/**
 * The site's admins (members with the `admin` role): categories and roles. The site owner
 * manages categories too, with a secret key (`adminForumRoutes`); both use the same service.
 * Mounted by `moderationRoutes`, at /v1.
 */
export function forumAdminRoutes(
  deps: ForumDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { clock } = deps
  const adminRequest = [...forumRequest(site, member), adminsOnly] as const
  const by = (c: Context<AppEnv>) => ({ memberId: requireAuth(c).member.id })
  return new Hono<AppEnv>()
    .post(
      '/forum/categories',
      documented({
        ...admins,
        summary: 'Create a category',
        description: 'Slugs are unique within the site (409 CATEGORY_EXISTS).',
        responses: { 201: categoryAnswer },
        errors: { 403: ['FORBIDDEN'], 409: ['CATEGORY_EXISTS'] },
      }),
      ...adminRequest,
      ...jsonBody(categorySchema),
      async (c) => {
        const created = await createCategory(deps, siteOf(c).scope, by(c), c.req.valid('json'))
        return c.json(created satisfies z.input<typeof categoryAnswer>, 201)
      },
    )
    .patch(
      '/forum/categories/:slug',
      documented({
        ...admins,
        summary: 'Change a category',
        description: 'Any of its fields, the slug included; fields left out keep their value.',
        responses: { 200: categoryAnswer },
        errors: { 403: ['FORBIDDEN'], 404: ['CATEGORY_NOT_FOUND'], 409: ['CATEGORY_EXISTS'] },
      }),
      ...adminRequest,
      ...jsonBody(categoryPatchSchema),
      async (c) => {
        const { scope } = siteOf(c)
        const patch = c.req.valid('json')
        const updated = await updateCategory(deps, scope, by(c), c.req.param('slug'), patch)
        return c.json(updated satisfies z.input<typeof categoryAnswer>)
      },
    )
    .delete(
      '/forum/categories/:slug',
      documented({
        ...admins,
        summary: 'Delete an empty category',
        description:
          'Only while it has no threads (409 CATEGORY_NOT_EMPTY): move or delete them first.',
        responses: { 204: null },
        errors: { 403: ['FORBIDDEN'], 404: ['CATEGORY_NOT_FOUND'], 409: ['CATEGORY_NOT_EMPTY'] },
      }),
      ...adminRequest,
      async (c) => {
        await deleteCategory(deps, siteOf(c).scope, by(c), c.req.param('slug'))
        return c.body(null, 204)
      },
    )
    .put(
      '/forum/members/:id/role',
      documented({
        ...admins,
        summary: 'Set a member’s role',
        description:
          '`member`, `moderator` or `admin`, on anyone but oneself (403 OWN_ACCOUNT); it takes effect on the member’s next request. A member promoted without two-factor sign-in, where the site requires it of staff, is signed out everywhere and asked to enrol at the next sign-in.',
        responses: { 200: roleAnswer },
        errors: { 403: ['FORBIDDEN', 'OWN_ACCOUNT'], 404: ['MEMBER_NOT_FOUND'] },
      }),
      ...adminRequest,
      ...jsonBody(roleSchema),
      async (c) => {
        const { scope, auth } = siteOf(c)
        const actor = actorOf(c, clock, await forumSettingsOfRequest(deps, c))
        const { role } = c.req.valid('json')
        const changed = await changeMemberRole(deps, scope, actor, c.req.param('id'), role, auth)
        return c.json(changed satisfies z.input<typeof roleAnswer>)
      },
    )
}

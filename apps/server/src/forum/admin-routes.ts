import { Hono } from 'hono'
import type { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { adminModerationRoutes } from './admin-moderation-routes.ts'
import {
  type CategoryDeps,
  categoryView,
  createCategory,
  deleteCategory,
  updateCategory,
} from './categories.ts'
import { categoryPatchSchema } from './moderation-schemas.ts'
import { categoriesOfSite } from './queries.ts'
import {
  categoriesAnswer,
  categoryAnswer,
  categorySchema,
  forumSettingsAnswer,
  forumSettingsPatchSchema,
} from './schemas.ts'
import { forumSettingsStore } from './settings.ts'
import { staffOf } from './staff.ts'

const ownerDoc = { tags: ['Owner: discussions'], access: 'owner' } as const

/**
 * `/v1/admin/forum/*`: the site's staff (the owner with a secret key, or an operator of the
 * console) manage categories and settings, so a fresh site can be set up before it has an admin
 * member, and moderate (`adminModerationRoutes`). The same services as the admins' endpoints;
 * mounted behind the owner API's access check, so every lookup is scoped to its site. Changes are
 * logged as done by whoever of the staff made them.
 */
export function adminForumRoutes(deps: CategoryDeps) {
  return (
    new Hono<AppEnv>()
      .get(
        '/forum/categories',
        documented({
          ...ownerDoc,
          summary: 'List every category',
          description: 'All of the site’s categories, members-only ones included, in order.',
          responses: { 200: categoriesAnswer },
        }),
        async (c) => {
          const rows = await categoriesOfSite(deps.db, siteOf(c).scope)
          return c.json({ items: rows.map(categoryView) } satisfies z.input<
            typeof categoriesAnswer
          >)
        },
      )
      .post(
        '/forum/categories',
        documented({
          ...ownerDoc,
          summary: 'Create a category',
          description:
            'Slugs are unique within the site (409 CATEGORY_EXISTS). Logged as done by the operator, or the owner for a secret key.',
          responses: { 201: categoryAnswer },
          errors: { 409: ['CATEGORY_EXISTS'] },
        }),
        ...jsonBody(categorySchema),
        async (c) => {
          const created = await createCategory(
            deps,
            siteOf(c).scope,
            staffOf(c),
            c.req.valid('json'),
          )
          return c.json(created satisfies z.input<typeof categoryAnswer>, 201)
        },
      )
      .patch(
        '/forum/categories/:slug',
        documented({
          ...ownerDoc,
          summary: 'Change a category',
          description: 'Any of its fields, the slug included; fields left out keep their value.',
          responses: { 200: categoryAnswer },
          errors: { 404: ['CATEGORY_NOT_FOUND'], 409: ['CATEGORY_EXISTS'] },
        }),
        ...jsonBody(categoryPatchSchema),
        async (c) => {
          const { scope } = siteOf(c)
          const patch = c.req.valid('json')
          const updated = await updateCategory(deps, scope, staffOf(c), c.req.param('slug'), patch)
          return c.json(updated satisfies z.input<typeof categoryAnswer>)
        },
      )
      // The site's discussion settings (forum/settings.ts); keys left out keep their value.
      .get(
        '/forum/settings',
        documented({
          ...ownerDoc,
          summary: 'Discussion settings',
          description:
            'Every setting, with defaults filled in; the answer can be sent back as a PATCH.',
          responses: { 200: forumSettingsAnswer },
        }),
        async (c) => {
          const settings = await forumSettingsStore.read(deps.db, siteOf(c).scope)
          return c.json(settings satisfies z.input<typeof forumSettingsAnswer>)
        },
      )
      .patch(
        '/forum/settings',
        documented({
          ...ownerDoc,
          summary: 'Change discussion settings',
          description:
            'A partial object of the settings in the answer: keys left out keep their value, `null` restores a key’s default. An unknown key or a bad value is 422, each named as `settings.<key>` in `fields`. Answers every setting after the change.',
          responses: { 200: forumSettingsAnswer },
        }),
        ...jsonBody(forumSettingsPatchSchema),
        async (c) => {
          const { scope } = siteOf(c)
          const settings = await forumSettingsStore.update(deps.db, scope, c.req.valid('json'))
          return c.json(settings satisfies z.input<typeof forumSettingsAnswer>)
        },
      )
      .delete(
        '/forum/categories/:slug',
        documented({
          ...ownerDoc,
          summary: 'Delete an empty category',
          description:
            'Only while it has no threads (409 CATEGORY_NOT_EMPTY): move or delete them first.',
          responses: { 204: null },
          errors: { 404: ['CATEGORY_NOT_FOUND'], 409: ['CATEGORY_NOT_EMPTY'] },
        }),
        async (c) => {
          await deleteCategory(deps, siteOf(c).scope, staffOf(c), c.req.param('slug'))
          return c.body(null, 204)
        },
      )
      .route('/', adminModerationRoutes(deps))
  )
}

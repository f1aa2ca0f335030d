import { Hono } from 'hono'
import { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { siteOf } from '../http/site.ts'
import {
  type CategoryDeps,
  categoryView,
  createCategory,
  deleteCategory,
  updateCategory,
} from './categories.ts'
import { categoryPatchSchema } from './moderation-schemas.ts'
import { categoriesOfSite } from './queries.ts'
import { categorySchema } from './schemas.ts'
import { forumSettingsStore } from './settings.ts'

/** The site owner, acting with a secret key; logged as `by: 'owner'`. */
const owner = { by: 'owner' } as const

/**
 * `/v1/admin/forum/categories`: the site owner manages categories with a secret key, so a fresh
 * site can be set up before it has an admin member. The same service as the admins' endpoints;
 * mounted behind `secretKeySite`, so every lookup is scoped to the key's site.
 */
export function adminForumRoutes(deps: CategoryDeps) {
  return (
    new Hono<AppEnv>()
      .get('/forum/categories', async (c) => {
        const rows = await categoriesOfSite(deps.db, siteOf(c).scope)
        return c.json({ items: rows.map(categoryView) })
      })
      .post('/forum/categories', ...jsonBody(categorySchema), async (c) => {
        return c.json(await createCategory(deps, siteOf(c).scope, owner, c.req.valid('json')), 201)
      })
      .patch('/forum/categories/:slug', ...jsonBody(categoryPatchSchema), async (c) => {
        const { scope } = siteOf(c)
        return c.json(
          await updateCategory(deps, scope, owner, c.req.param('slug'), c.req.valid('json')),
        )
      })
      // The site's discussion settings (forum/settings.ts); keys left out keep their value.
      .get('/forum/settings', async (c) =>
        c.json(await forumSettingsStore.read(deps.db, siteOf(c).scope)),
      )
      .patch('/forum/settings', ...jsonBody(z.record(z.string(), z.unknown())), async (c) => {
        return c.json(
          await forumSettingsStore.update(deps.db, siteOf(c).scope, c.req.valid('json')),
        )
      })
      .delete('/forum/categories/:slug', async (c) => {
        await deleteCategory(deps, siteOf(c).scope, owner, c.req.param('slug'))
        return c.body(null, 204)
      })
  )
}

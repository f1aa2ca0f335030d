import type { MiddlewareHandler } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { siteOf } from '../http/site.ts'
import { SiteErrors } from './errors.ts'
import { secretKeyHint } from './keys.ts'
import { siteDetails } from './queries.ts'
import { addOriginSchema, createKeySchema, originSchema, updateSiteSchema } from './schemas.ts'
import * as sites from './service.ts'

/** `GET /v1/site`: what a page may know about the site its key belongs to. */
export function publicSiteRoutes(site: MiddlewareHandler<AppEnv>) {
  return new Hono<AppEnv>().get('/site', site, (c) => {
    const { id, name } = siteOf(c)
    return c.json({ id, name })
  })
}

/** The owner's view and management of their site, behind a secret key. */
export function adminSiteRoutes(deps: sites.SitesDeps) {
  const { db } = deps
  return new Hono<AppEnv>()
    .get('/site', async (c) => {
      const details = await siteDetails(db, siteOf(c).scope)
      if (!details) throw HttpErrors.notFound()
      return c.json({
        id: details.id,
        name: details.name,
        publishableKey: details.publishableKey,
        createdAt: details.createdAt,
        origins: details.origins.map((o) => o.origin),
        secretKeys: details.secretKeys.map((k) => ({ ...k, hint: secretKeyHint(k.id) })),
      })
    })
    .patch('/site', ...jsonBody(updateSiteSchema), async (c) => {
      await sites.renameSite(deps, siteOf(c).scope, c.req.valid('json').name)
      return c.body(null, 204)
    })
    .post('/origins', ...jsonBody(addOriginSchema), async (c) => {
      const { origin } = c.req.valid('json')
      await sites.addOrigin(deps, siteOf(c).scope, origin)
      return c.json({ origin }, 201)
    })
    .delete('/origins/:origin', async (c) => {
      const parsed = originSchema.safeParse(c.req.param('origin'))
      if (!parsed.success)
        throw HttpErrors.validation({ origin: 'Must be an origin such as https://example.com.' })
      await sites.removeOrigin(deps, siteOf(c).scope, parsed.data)
      return c.body(null, 204)
    })
    .post('/keys', ...jsonBody(createKeySchema), async (c) => {
      const created = await sites.createSecretKey(deps, siteOf(c).scope, c.req.valid('json').label)
      return c.json(created, 201)
    })
    .delete('/keys/:id', async (c) => {
      // An id no key could have is simply not found (a throwing parse here was a 500).
      const id = z.string().max(64).safeParse(c.req.param('id'))
      if (!id.success) throw SiteErrors.keyNotFound()
      await sites.revokeSecretKey(deps, siteOf(c).scope, id.data)
      return c.body(null, 204)
    })
    .post('/publishable-key/rotate', async (c) => {
      const publishableKey = await sites.rotatePublishableKey(deps, siteOf(c).scope)
      return c.json({ publishableKey })
    })
}

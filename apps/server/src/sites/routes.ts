import type { MiddlewareHandler } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { callerHasRole } from '../operators/context.ts'
import { SiteErrors } from './errors.ts'
import { secretKeyHint } from './keys.ts'
import { siteDetails } from './queries.ts'
import {
  addOriginSchema,
  createdSecretKeyAnswer,
  createKeySchema,
  originAnswer,
  originSchema,
  ownerSiteAnswer,
  publicSiteAnswer,
  publishableKeyAnswer,
  updateSiteSchema,
} from './schemas.ts'
import * as sites from './service.ts'

/** `GET /v1/site`: what a page may know about the site its key belongs to. */
export function publicSiteRoutes(site: MiddlewareHandler<AppEnv>) {
  return new Hono<AppEnv>().get(
    '/site',
    documented({
      summary: 'The site of this key',
      tags: ['Site'],
      access: 'site',
      responses: { 200: publicSiteAnswer },
    }),
    site,
    (c) => {
      const { id, name } = siteOf(c)
      return c.json({ id, name } satisfies z.input<typeof publicSiteAnswer>)
    },
  )
}

/** The owner's view and management of their site, behind a secret key. */
export function adminSiteRoutes(deps: sites.SitesDeps) {
  const { db } = deps
  const owner = { tags: ['Owner: site'], access: 'owner' } as const
  return new Hono<AppEnv>()
    .get(
      '/site',
      documented({
        ...owner,
        summary: 'The site, its origins and keys',
        description:
          'Secret keys are listed by id and hint; their secrets are never shown again. Console operators below owner get an empty list.',
        responses: { 200: ownerSiteAnswer },
        errors: { 404: ['NOT_FOUND'] },
      }),
      async (c) => {
        const details = await siteDetails(db, siteOf(c).scope)
        if (!details) throw HttpErrors.notFound()
        return c.json({
          id: details.id,
          name: details.name,
          publishableKey: details.publishableKey,
          createdAt: details.createdAt,
          origins: details.origins.map((o) => o.origin),
          // Keys are the owner's business (operators/permissions.ts).
          secretKeys: callerHasRole(c, 'owner')
            ? details.secretKeys.map((k) => ({ ...k, hint: secretKeyHint(k.id) }))
            : [],
        } satisfies z.input<typeof ownerSiteAnswer>)
      },
    )
    .patch(
      '/site',
      documented({ ...owner, summary: 'Rename the site', responses: { 204: null } }),
      ...jsonBody(updateSiteSchema),
      async (c) => {
        await sites.renameSite(deps, siteOf(c).scope, c.req.valid('json').name)
        return c.body(null, 204)
      },
    )
    .post(
      '/origins',
      documented({
        ...owner,
        summary: 'Allow an origin',
        description: 'The publishable key then works from pages on this origin.',
        responses: { 201: originAnswer },
        errors: { 409: ['ORIGIN_EXISTS'] },
      }),
      ...jsonBody(addOriginSchema),
      async (c) => {
        const { origin } = c.req.valid('json')
        await sites.addOrigin(deps, siteOf(c).scope, origin)
        return c.json({ origin } satisfies z.input<typeof originAnswer>, 201)
      },
    )
    .delete(
      '/origins/:origin',
      documented({
        ...owner,
        summary: 'Remove an allowed origin',
        description: 'The origin goes in the path URL-encoded (`https%3A%2F%2Fexample.com`).',
        responses: { 204: null },
        errors: { 404: ['ORIGIN_NOT_FOUND'], 422: ['VALIDATION_FAILED'] },
      }),
      async (c) => {
        const parsed = originSchema.safeParse(c.req.param('origin'))
        if (!parsed.success)
          throw HttpErrors.validation({ origin: 'Must be an origin such as https://example.com.' })
        await sites.removeOrigin(deps, siteOf(c).scope, parsed.data)
        return c.body(null, 204)
      },
    )
    .post(
      '/keys',
      documented({
        ...owner,
        summary: 'Create a secret key',
        description: 'The answer holds the whole key, this once: only its hash is stored.',
        responses: { 201: createdSecretKeyAnswer },
      }),
      ...jsonBody(createKeySchema),
      async (c) => {
        const created = await sites.createSecretKey(
          deps,
          siteOf(c).scope,
          c.req.valid('json').label,
        )
        return c.json(created satisfies z.input<typeof createdSecretKeyAnswer>, 201)
      },
    )
    .delete(
      '/keys/:id',
      documented({
        ...owner,
        summary: 'Revoke a secret key',
        description:
          'Effective on the next request. The site’s last active key cannot be revoked: create another first.',
        responses: { 204: null },
        errors: { 404: ['KEY_NOT_FOUND'], 409: ['LAST_SECRET_KEY'] },
      }),
      async (c) => {
        // An id no key could have is simply not found (a throwing parse here was a 500).
        const id = z.string().max(64).safeParse(c.req.param('id'))
        if (!id.success) throw SiteErrors.keyNotFound()
        await sites.revokeSecretKey(deps, siteOf(c).scope, id.data)
        return c.body(null, 204)
      },
    )
    .post(
      '/publishable-key/rotate',
      documented({
        ...owner,
        summary: 'Rotate the publishable key',
        description: 'The old key stops working at once: update the pages that use it.',
        responses: { 200: publishableKeyAnswer },
      }),
      async (c) => {
        const publishableKey = await sites.rotatePublishableKey(deps, siteOf(c).scope)
        return c.json({ publishableKey } satisfies z.input<typeof publishableKeyAnswer>)
      },
    )
}

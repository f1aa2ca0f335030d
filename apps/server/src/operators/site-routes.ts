import { Hono } from 'hono'
import type { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { requireOperator } from './context.ts'
import { createSiteAsOperator } from './create-site.ts'
import type { OperatorDeps } from './deps.ts'
import { createdSiteAnswer, createOperatorSiteSchema } from './schemas.ts'

const tags = ['Operators'] as const

/** `POST /v1/operator/sites`: a new site from the console. */
export function operatorSiteRoutes(deps: OperatorDeps) {
  return new Hono<AppEnv>().post(
    '/operator/sites',
    documented({
      summary: 'Create a site',
      description:
        'The signed-in operator becomes its owner. Allowed to deployment admins and to owners of a site (403 `ROLE_FORBIDDEN` otherwise). The answer holds the site’s first secret key, this once: only its hash is stored.',
      tags,
      access: 'operator',
      responses: { 201: createdSiteAnswer },
      errors: { 403: ['ROLE_FORBIDDEN', 'TOTP_SETUP_REQUIRED'] },
    }),
    ...jsonBody(createOperatorSiteSchema),
    async (c) => {
      const auth = requireOperator(c)
      const site = await createSiteAsOperator(deps, auth, c.req.valid('json'), {
        ip: deps.clientAddress(c),
      })
      return c.json(
        {
          id: site.id,
          name: site.name,
          publishableKey: site.publishableKey,
          secretKey: site.secretKey,
        } satisfies z.input<typeof createdSiteAnswer>,
        201,
      )
    },
  )
}

import { Hono } from 'hono'
import type { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError, HttpErrors } from '../http/errors.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import type { AuthDeps } from './deps.ts'
import { putProvider, viewOfProvider } from './oauth-admin.ts'
import { providerPutSchema, providersAnswer, providerView } from './oauth-admin-schemas.ts'
import { oauthCallbackUrl } from './oauth-deps.ts'
import { deleteProvider, providersOf } from './oauth-provider-store.ts'
import { providerIdSchema } from './oauth-schemas.ts'

const tags = ['Owner: members'] as const

const providerNotFound = () =>
  new ApiError(404, 'PROVIDER_NOT_FOUND', 'This site has no sign-in provider with that id.')

/** `/v1/admin/sign-in-providers`: the owner sets up "Sign in with …" for the site. */
export function adminSignInProviderRoutes(deps: Pick<AuthDeps, 'db' | 'clock' | 'config'>) {
  const { db, clock, config } = deps
  const callbackUrl = oauthCallbackUrl(config.publicUrl)
  return new Hono<AppEnv>()
    .get(
      '/sign-in-providers',
      documented({
        summary: 'Sign-in providers',
        description:
          'The providers members can sign in with ("Continue with GitHub"), and the callback URL to register at each. Client secrets and keys are never shown; `clientSecretSet` says whether one is stored.',
        tags,
        access: 'owner',
        responses: { 200: providersAnswer },
      }),
      async (c) => {
        const rows = await providersOf(db, siteOf(c).scope)
        return c.json({
          providers: rows.map((row) => viewOfProvider(row, callbackUrl)),
          callbackUrl,
        } satisfies z.input<typeof providersAnswer>)
      },
    )
    .put(
      '/sign-in-providers/:id',
      documented({
        summary: 'Add or change a sign-in provider',
        description:
          'Presets `github`, `google`, `microsoft` (tenant in `issuer`, default `common`), `apple` (`options`: teamId, keyId, privateKey) and `oidc` (any OpenID provider by its https `issuer`). The id (1–40 lower-case letters, digits, hyphens) is what the SDK names. `clientSecret` and `options.privateKey` are write-only: left out, the stored ones stay. A provider missing what it needs is 422 naming the fields.',
        tags,
        access: 'owner',
        responses: { 200: providerView, 201: providerView },
      }),
      ...jsonBody(providerPutSchema),
      async (c) => {
        const id = c.req.param('id')
        if (!providerIdSchema.safeParse(id).success) {
          throw HttpErrors.validation({ id: '1–40 lower-case letters, digits or hyphens.' })
        }
        const { row, created } = await putProvider(
          { db, clock, production: config.production },
          siteOf(c).scope,
          id,
          c.req.valid('json'),
        )
        c.set('auditDetails', { provider: id, kind: row.kind })
        return c.json(viewOfProvider(row, callbackUrl), created ? 201 : 200)
      },
    )
    .delete(
      '/sign-in-providers/:id',
      documented({
        summary: 'Remove a sign-in provider',
        description:
          'Members can no longer sign in with it; their links to it are kept, and work again if the provider is added back under the same id.',
        tags,
        access: 'owner',
        responses: { 204: null },
        errors: { 404: ['PROVIDER_NOT_FOUND'] },
      }),
      async (c) => {
        const id = c.req.param('id')
        if (!providerIdSchema.safeParse(id).success) throw providerNotFound()
        if (!(await deleteProvider(db, siteOf(c).scope, id))) throw providerNotFound()
        c.set('auditDetails', { provider: id })
        return c.body(null, 204)
      },
    )
}

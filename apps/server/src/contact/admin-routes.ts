import { type Context, Hono } from 'hono'
import type { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import type { RateLimiter } from '../http/rate-limit.ts'
import { siteOf } from '../http/site.ts'
import { callerHasRole } from '../operators/context.ts'
import { adminFormDeliveryRoutes } from './admin-form-delivery-routes.ts'
import { adminSubmissionRoutes } from './admin-submission-routes.ts'
import { ContactErrors } from './errors.ts'
import { createForm, deleteForm, rotateWebhookSecret, updateForm } from './forms.ts'
import { formById, formsOfSite } from './queries.ts'
import {
  createFormSchema,
  formAnswer,
  formListAnswer,
  updateFormSchema,
  webhookSecretAnswer,
} from './schemas.ts'

type Deps = {
  db: Database
  clock: Clock
  limiter: RateLimiter
  config: { allowPrivateWebhooks: boolean }
  kickOutbox: () => Promise<void>
}

const tags = ['Owner: forms'] as const

/**
 * A form as the caller may see it: operators below editor are not shown its webhook secret,
 * which would let them sign deliveries the receiver trusts (operators/permissions.ts).
 */
function shownTo<F extends { webhookSecret: string }>(c: Context<AppEnv>, form: F) {
  return callerHasRole(c, 'editor') ? form : { ...form, webhookSecret: null }
}

/** The owner's management of forms and their submissions, behind a secret key. */
export function adminContactRoutes(deps: Deps) {
  const { db, clock } = deps
  const formsDeps = { db, clock, allowPrivateWebhooks: deps.config.allowPrivateWebhooks }
  return new Hono<AppEnv>()
    .get(
      '/forms',
      documented({
        summary: 'List forms',
        description: 'Every form of the site, oldest first.',
        tags,
        access: 'owner',
        responses: { 200: formListAnswer },
      }),
      async (c) =>
        c.json({
          items: (await formsOfSite(db, siteOf(c).scope)).map((form) => shownTo(c, form)),
        } satisfies z.input<typeof formListAnswer>),
    )
    .post(
      '/forms',
      documented({
        summary: 'Create a form',
        description:
          'Settings left out take their defaults. A `webhookUrl` on a private or local address is refused (422) unless the deployment allows private webhooks.',
        tags,
        access: 'owner',
        responses: { 201: formAnswer },
        errors: { 409: ['FORM_EXISTS'] },
      }),
      ...jsonBody(createFormSchema),
      async (c) => {
        const form = await createForm(formsDeps, siteOf(c).scope, c.req.valid('json'))
        return c.json(form satisfies z.input<typeof formAnswer>, 201)
      },
    )
    .get(
      '/forms/:formId',
      documented({
        summary: 'Get a form',
        tags,
        access: 'owner',
        responses: { 200: formAnswer },
        errors: { 404: ['FORM_NOT_FOUND'] },
      }),
      async (c) => {
        const form = await formById(db, siteOf(c).scope, c.req.param('formId'))
        if (!form) throw ContactErrors.formNotFound()
        return c.json(shownTo(c, form) satisfies z.input<typeof formAnswer>)
      },
    )
    .patch(
      '/forms/:formId',
      documented({
        summary: 'Change a form',
        description:
          'Each top-level key of `settings` replaces the stored one; keys left out keep their value. The settings that result are validated as a whole; problems are reported under `settings.<key>`.',
        tags,
        access: 'owner',
        responses: { 200: formAnswer },
        errors: { 404: ['FORM_NOT_FOUND'] },
      }),
      ...jsonBody(updateFormSchema),
      async (c) => {
        const { scope } = siteOf(c)
        const form = await updateForm(formsDeps, scope, c.req.param('formId'), c.req.valid('json'))
        return c.json(form satisfies z.input<typeof formAnswer>)
      },
    )
    .delete(
      '/forms/:formId',
      documented({
        summary: 'Delete a form',
        description: 'Its submissions are kept: they are the owner’s records.',
        tags,
        access: 'owner',
        responses: { 204: null },
        errors: { 404: ['FORM_NOT_FOUND'] },
      }),
      async (c) => {
        await deleteForm(formsDeps, siteOf(c).scope, c.req.param('formId'))
        return c.body(null, 204)
      },
    )
    .post(
      '/forms/:formId/webhook-secret/rotate',
      documented({
        summary: 'Rotate a form’s webhook secret',
        description: 'Deliveries from now on, retries included, are signed with the new secret.',
        tags,
        access: 'owner',
        responses: { 200: webhookSecretAnswer },
        errors: { 404: ['FORM_NOT_FOUND'] },
      }),
      async (c) => {
        const webhookSecret = await rotateWebhookSecret(
          formsDeps,
          siteOf(c).scope,
          c.req.param('formId'),
        )
        return c.json({ webhookSecret } satisfies z.input<typeof webhookSecretAnswer>)
      },
    )
    .route('/', adminFormDeliveryRoutes(deps))
    .route('/', adminSubmissionRoutes(deps))
}

import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { afterResponse } from '../http/client-address.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { authOf } from '../http/member.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import type { OutboxRunner } from '../outbox/runner.ts'
import type { SiteCache } from '../sites/site-cache.ts'
import { siteOfPublishableKey } from '../sites/site-records.ts'
import { createChallenge } from '../spam/proof-of-work.ts'
import { issueTimeToken } from '../spam/time-token.ts'
import { isHtmlPost, readSubmission } from './fields.ts'
import { errorPage, pageSecurityHeaders, thanksPage } from './pages.ts'
import { formForRequest } from './queries.ts'
import {
  challengeAnswer,
  type FormSettings,
  formIdSchema,
  htmlPageAnswer,
  submissionBody,
  submissionCreatedAnswer,
} from './schemas.ts'
import { formCaller, fromSiteServer, visitorIpHeader, visitorIpOf } from './server-caller.ts'
import { type SubmitDeps, submitForm } from './submit.ts'

export type ContactRouteDeps = SubmitDeps & {
  siteCache: SiteCache
  clientAddress: (c: Context) => string
  kickOutbox: () => Promise<void>
  outbox: Pick<OutboxRunner, 'birthClaim' | 'deliverBornClaimed'>
}

/** The first of `candidates` that is a URL on one of the site's origins; guards every redirect. */
function onSiteOrigins(origins: readonly string[], ...candidates: (string | undefined)[]) {
  for (const candidate of candidates) {
    if (!candidate) continue
    try {
      const url = new URL(candidate)
      if (origins.includes(url.origin)) return url.href
    } catch {}
  }
  return undefined
}

/**
 * A page for people names fields as the form on their screen does: by the owner's labels. The
 * JSON answer keeps the names, which is what a script maps errors back to inputs by.
 */
function withLabels(error: unknown, rules: FormSettings['fields']): unknown {
  if (!(error instanceof ApiError) || !error.fields) return error
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([name, problem]) => [
      (Object.hasOwn(rules, name) && rules[name]?.label) || name,
      problem,
    ]),
  )
  return new ApiError(error.status, error.code, error.message, {
    fields,
    ...(error.headers && { headers: error.headers }),
  })
}

/**
 * Plain HTML posts get pages, not JSON: errors raised anywhere below (a bad key, a bad field, a
 * rate limit) become a page that says what is wrong and links back.
 */
const htmlErrors: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  const error = c.error
  if (!(error instanceof ApiError) || !isHtmlPost(c)) return
  const site = c.get('site')
  const back = site ? onSiteOrigins(site.origins, c.req.header('referer')) : undefined
  const headers: Record<string, string> = { ...pageSecurityHeaders, ...error.headers }
  const page = await errorPage({
    siteName: site?.name,
    message: error.message,
    fields: error.fields,
    back,
  })
  c.res = undefined
  c.res = await c.html(page, error.status, headers)
}

// A submission is read by the route itself (JSON or a plain HTML form post), not by `jsonBody`,
// so its body, and the `?key=` a plain HTML form carries its key in, are described here.
const submissionRequest = {
  parameters: [
    {
      in: 'query',
      name: 'key',
      description:
        'The publishable key, for plain HTML forms, which cannot send the `X-Porchlight-Key` header.',
    },
    {
      in: 'header',
      name: visitorIpHeader,
      description:
        'From a site’s own server (`Authorization: Bearer sk_…`) only: the address of the visitor it submits for, recorded with the submission and held to the per-address limit. Ignored from anyone else.',
    },
  ],
  requestBody: {
    content: Object.fromEntries(
      ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'].map(
        (type) => [type, submissionBody],
      ),
    ),
  },
} as const

// What the challenge and the submission say of a site's own server, with its secret key.
const fromServerNote =
  ' A site’s own server may call it with the site’s secret key (`Authorization: Bearer sk_…`) instead of the publishable key; from a browser (a request with `Origin` or `Sec-Fetch-Site`) that is refused with 403 `SECRET_KEY_IN_BROWSER`.'

/**
 * The public side of contact forms: challenge, submit, and the thank-you page. `server` resolves
 * the site from a secret key, for submissions from the site's own server (`server-caller.ts`).
 */
export function contactRoutes(
  deps: ContactRouteDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
  server: MiddlewareHandler<AppEnv>,
) {
  const { clock } = deps
  const siteIdOfPublishableKey = async (key: string) => (await siteOfPublishableKey(deps, key))?.id
  const pageOrServer = formCaller({ site, server, siteIdOfPublishableKey })
  const pageMemberOrServer = formCaller({ site, member, server, siteIdOfPublishableKey })
  return new Hono<AppEnv>()
    .get(
      '/forms/:formId/challenge',
      documented({
        summary: 'Get a challenge for a form',
        description:
          'A proof-of-work challenge (ALTCHA format, valid 10 minutes; each solution is accepted once) and a time token. Send the solution as `_altcha` and the token as `_t` with the submission. Never cache it: fetch one per submission. A closed form answers 404 here. A site’s own server, which needs none, gets one with `maxnumber` 1, solved in a hash or two.' +
          fromServerNote,
        tags: ['Contact forms'],
        access: 'site',
        responses: { 200: challengeAnswer },
        errors: {
          401: ['INVALID_SECRET_KEY'],
          403: ['SECRET_KEY_IN_BROWSER'],
          404: ['FORM_NOT_FOUND'],
          429: ['RATE_LIMITED'],
        },
      }),
      pageOrServer,
      async (c) => {
        const resolved = siteOf(c)
        const formId = c.req.param('formId')
        const form = formIdSchema.safeParse(formId).success
          ? await formForRequest(deps, resolved.scope, formId)
          : null
        if (!form?.enabled)
          throw new ApiError(404, 'FORM_NOT_FOUND', 'This site has no open form with that id.')
        const challenge = await createChallenge(resolved.signingSecret, {
          now: clock.now(),
          ...(fromSiteServer(c) && { maxNumber: 1 }),
        })
        const timeToken = issueTimeToken(resolved.signingSecret, formId, clock.now())
        c.header('Cache-Control', 'no-store')
        return c.json({ ...challenge, timeToken } satisfies z.input<typeof challengeAnswer>)
      },
    )
    .post(
      '/forms/:formId/submissions',
      documented({
        summary: 'Submit a form',
        description:
          'The form’s fields as JSON (the SDK, the script tag), or as a plain HTML form post (`application/x-www-form-urlencoded` or `multipart/form-data`). JSON answers `201 {id}`; a plain HTML post is redirected (303) to `_next` when it is on one of the site’s origins, else to the form’s `redirectUrl`, else to the thank-you page, and its errors are HTML pages with the same status. Spam is stored for review and answered exactly like any other submission. Each address may send `rateLimits.perAddressPerHour` an hour and the form takes `rateLimits.perFormPerHour`; beyond that, 429 with `Retry-After`, and nothing is stored. From a site’s own server (its secret key), no proof of work, time token or Turnstile token is asked, the content checks and the form’s limit still apply, and the visitor is the address it names in `X-Porchlight-Visitor-Ip` (without one, the server’s own address is recorded and no per-address limit applies).' +
          fromServerNote,
        tags: ['Contact forms'],
        access: 'member-optional',
        responses: {
          201: submissionCreatedAnswer,
          303: {
            description: 'A plain HTML form post was accepted; `Location` says where to go next.',
            headers: { Location: { description: 'The next page.' } },
          },
        },
        errors: {
          400: ['BAD_REQUEST'],
          401: ['INVALID_SECRET_KEY'],
          403: ['FORM_DISABLED', 'SECRET_KEY_IN_BROWSER'],
          404: ['FORM_NOT_FOUND'],
          422: ['TOO_MANY_FIELDS', 'FILE_UPLOADS_NOT_SUPPORTED'],
          429: ['RATE_LIMITED'],
        },
        ...submissionRequest,
      }),
      htmlErrors,
      pageMemberOrServer,
      async (c) => {
        const resolved = siteOf(c)
        const formId = c.req.param('formId')
        const form = formIdSchema.safeParse(formId).success
          ? await formForRequest(deps, resolved.scope, formId)
          : null
        const submit = async () => {
          const parsed = await readSubmission(c, form?.settings.spam.honeypotField ?? '_gotcha')
          const visitor = fromSiteServer(c) ? visitorIpOf(c) : undefined
          const result = await submitForm(deps, resolved, form, parsed, {
            ip: visitor ?? deps.clientAddress(c),
            userAgent: c.req.header('user-agent'),
            memberId: authOf(c)?.member.id,
            ...(fromSiteServer(c) && { siteServer: { visitorNamed: visitor !== undefined } }),
          })
          return { parsed, result }
        }
        const { parsed, result } = await submit().catch((error: unknown) => {
          throw form && isHtmlPost(c) ? withLabels(error, form.settings.fields) : error
        })
        if (result.notes.length > 0) c.get('log').warn('spam check note', { notes: result.notes })
        // Its jobs are this process's already: delivered without a claim, or, queued unclaimed
        // while it shuts down, left to a kick.
        afterResponse(
          c,
          result.bornClaimed
            ? deps.outbox.deliverBornClaimed(result.bornClaimed)
            : deps.kickOutbox(),
        )
        if (!isHtmlPost(c)) {
          return c.json({ id: result.id } satisfies z.input<typeof submissionCreatedAnswer>, 201)
        }
        const next = onSiteOrigins(resolved.origins, parsed.control.next) ?? result.redirectUrl
        if (next) return c.redirect(next, 303)
        const back = onSiteOrigins(resolved.origins, c.req.header('referer'))
        const thanks = new URL(c.req.url)
        thanks.pathname = `/v1/forms/${formId}/thanks`
        thanks.search = new URLSearchParams({
          key: c.req.header('x-porchlight-key') ?? c.req.query('key') ?? '',
          ...(back && { back }),
        }).toString()
        return c.redirect(thanks.pathname + thanks.search, 303)
      },
    )
    .get(
      '/forms/:formId/thanks',
      documented({
        summary: 'The thank-you page',
        description:
          'Where a plain HTML form post lands when neither `_next` nor the form’s `redirectUrl` says otherwise: a page naming the site, linking to `back` when that is on one of the site’s origins. The submission’s redirect gives the whole URL, with `key` and `back` in its query.',
        tags: ['Contact forms'],
        access: 'site',
        responses: {
          200: { description: 'An HTML page.', mediaType: 'text/html', schema: htmlPageAnswer },
        },
      }),
      site,
      (c) => {
        const resolved = siteOf(c)
        const back = onSiteOrigins(resolved.origins, c.req.query('back')) ?? resolved.origins[0]
        return c.html(thanksPage(resolved, back), 200, pageSecurityHeaders)
      },
    )
}

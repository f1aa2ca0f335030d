import { Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import type { AuthDeps } from './deps.ts'
import { browserKeySchema, loginAnswer } from './schemas.ts'
import { sessionResponse, signInOutcomeBody } from './sign-in-answer.ts'
import { redeemSignInLink, requestSignInLink } from './sign-in-link.ts'
import { secondStepAnswer } from './totp-schemas.ts'

const tags = ['Membership'] as const

const signInLinkRequestSchema = z.strictObject({
  // Any string: a malformed address is just an unknown one, and answers like one.
  email: z.string().min(1, 'Required.').max(320),
  browserKey: browserKeySchema
    .optional()
    .describe(
      'A random value this browser made and keeps (the SDK makes one per browser), for every link it asks for; left out, the server makes one and answers it.',
    ),
})

const signInLinkRedeemSchema = z.strictObject({
  token: z.string().min(1).max(200),
  browserKey: z
    .string()
    .max(200)
    .optional()
    .describe(
      'The `browserKey` the request for the link was sent with or answered, kept by the browser that asked.',
    ),
  transport: z
    .enum(['bearer', 'cookie'])
    .default('bearer')
    .describe('`bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.'),
})

const signInLinkSentAnswer = z.strictObject({
  status: z.literal('link_sent'),
  browserKey: z
    .string()
    .describe(
      'The key sent, or a new one: keep it in this browser and send it with the link’s token; the link signs in only here.',
    ),
})

/** `/v1/auth/sign-in-link`: ask for a sign-in link by email, and sign in with it. */
export function signInLinkRoutes(deps: AuthDeps, site: MiddlewareHandler<AppEnv>) {
  return new Hono<AppEnv>()
    .post(
      '/auth/sign-in-link',
      documented({
        summary: 'Email me a sign-in link',
        description:
          'Mails a single-use link (15 minutes) if the address has an account; the answer is the same 202 either way, with a `browserKey` to keep for redeeming. At most 5 an hour per email address and 20 per client IP (429 with `Retry-After`). 403 `SIGN_IN_METHOD_DISABLED` where the site has not turned sign-in links on.',
        tags,
        access: 'site',
        responses: { 202: signInLinkSentAnswer },
        errors: { 403: ['SIGN_IN_METHOD_DISABLED'], 429: ['RATE_LIMITED'] },
      }),
      site,
      ...jsonBody(signInLinkRequestSchema),
      async (c) => {
        const { browserKey } = await requestSignInLink(deps, siteOf(c), {
          ...c.req.valid('json'),
          clientAddress: deps.clientAddress(c),
        })
        afterResponse(c, deps.kickOutbox())
        c.header('Cache-Control', 'no-store')
        return c.json(
          { status: 'link_sent', browserKey } satisfies z.input<typeof signInLinkSentAnswer>,
          202,
        )
      },
    )
    .post(
      '/auth/sign-in-link/redeem',
      documented({
        summary: 'Sign in with an emailed link',
        description:
          'Spends the link’s token, marks the address verified and answers as `POST /v1/auth/login` does: a session, or the two-factor step first. Without the `browserKey` of the browser that asked, 403 `SIGN_IN_LINK_OTHER_BROWSER` and the link stays usable there. A malformed, unknown, expired or used token is 400 `INVALID_TOKEN`, all alike.',
        tags,
        access: 'site',
        responses: { 200: sessionResponse(z.union([...loginAnswer.options, secondStepAnswer])) },
        errors: {
          400: ['INVALID_TOKEN'],
          403: [
            'SIGN_IN_LINK_OTHER_BROWSER',
            'SIGN_IN_METHOD_DISABLED',
            'ACCOUNT_SUSPENDED',
            'EMAIL_NOT_VERIFIED',
          ],
          429: ['RATE_LIMITED'],
        },
      }),
      site,
      ...jsonBody(signInLinkRedeemSchema),
      async (c) => {
        const resolved = siteOf(c)
        const input = c.req.valid('json')
        const outcome = await redeemSignInLink(deps, resolved, input, {
          ip: deps.clientAddress(c),
          userAgent: c.req.header('user-agent'),
        })
        const options = { secureCookies: deps.config.secureCookies, now: deps.clock.now() }
        return c.json(signInOutcomeBody(c, options, resolved, outcome, input.transport))
      },
    )
}

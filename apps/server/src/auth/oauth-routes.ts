import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { authOf, requireAuth } from '../http/member.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { type CallbackParams, finishAtCallback } from './oauth-callback.ts'
import { completeOAuth } from './oauth-complete.ts'
import type { OAuthDeps } from './oauth-deps.ts'
import { OAuthErrors } from './oauth-errors.ts'
import { identitiesOf, unlinkProvider } from './oauth-identities.ts'
import {
  callbackFormSchema,
  callbackParameters,
  identitiesAnswer,
  oauthCompleteSchema,
  oauthLinkedAnswer,
  oauthStartAnswer,
  oauthStartSchema,
  providerIdSchema,
} from './oauth-schemas.ts'
import { startOAuth } from './oauth-start.ts'
import { loginAnswer } from './schemas.ts'
import { sessionResponse, signInOutcomeBody } from './sign-in-answer.ts'
import { secondStepAnswer } from './totp-schemas.ts'

const tags = ['Membership'] as const

const callbackDoc = (summary: string) =>
  documented({
    summary,
    description:
      'Where providers send the member back (the one callback URL to register at every provider). Always a 303 to the page that started, with `#porchlight_oauth=<grant>` or `#porchlight_oauth_error=<CODE>` (`OAUTH_CANCELLED`, `OAUTH_PROVIDER_ERROR`, `OAUTH_ID_TOKEN_INVALID`) in the fragment, which never reaches a server. An unknown, expired or used `state` is 400 `OAUTH_STATE_INVALID`.',
    tags,
    access: 'public',
    responses: {
      303: {
        description: 'Back to the page that started, with the result in the fragment.',
        headers: { Location: { description: 'The page, with the result in its fragment.' } },
      },
    },
    errors: { 400: ['OAUTH_STATE_INVALID'] },
    ...(summary.startsWith('Return')
      ? { parameters: callbackParameters }
      : {
          requestBody: { content: { 'application/x-www-form-urlencoded': callbackFormSchema } },
        }),
  })

/** `/v1/auth/oauth/*` and `/v1/auth/identities`: "Sign in with …", and the linked accounts. */
export function oauthRoutes(
  deps: OAuthDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const finish = async (c: Context<AppEnv>, params: CallbackParams) => {
    const location = await finishAtCallback(deps, params, c.get('log'))
    c.header('Cache-Control', 'no-store')
    // The callback URL holds the code: no page after it should learn it from `Referer`.
    c.header('Referrer-Policy', 'no-referrer')
    return c.redirect(location, 303)
  }
  return new Hono<AppEnv>()
    .post(
      '/auth/oauth/start/:provider',
      documented({
        summary: 'Start signing in with a provider',
        description:
          'Answers the provider’s sign-in page to send the browser to (PKCE, `state`, and `nonce` for OpenID providers). `returnTo` must be on one of the site’s origins (422 otherwise); the result comes back there in the URL’s fragment, for `POST /v1/auth/oauth/complete` with the same `browserKey`. `purpose: "link"` adds the provider to the signed-in member, who must have signed in within the last 10 minutes (403 `REAUTHENTICATION_REQUIRED` otherwise: a provider linked from a stolen session would outlast it). 404 `OAUTH_PROVIDER_UNKNOWN` for a provider the site does not offer; 503 `OAUTH_PROVIDER_UNAVAILABLE` when an OpenID provider’s discovery cannot be read. At most 30 starts per 10 minutes per client IP.',
        tags,
        access: 'member-optional',
        responses: { 200: oauthStartAnswer },
        errors: {
          401: ['SIGN_IN_REQUIRED'],
          403: ['REAUTHENTICATION_REQUIRED'],
          404: ['OAUTH_PROVIDER_UNKNOWN'],
          429: ['RATE_LIMITED'],
          503: ['OAUTH_PROVIDER_UNAVAILABLE'],
        },
      }),
      site,
      member,
      ...jsonBody(oauthStartSchema),
      async (c) => {
        const providerId = c.req.param('provider')
        if (!providerIdSchema.safeParse(providerId).success) throw OAuthErrors.providerUnknown()
        const answer = await startOAuth(
          deps,
          siteOf(c),
          { providerId, ...c.req.valid('json') },
          authOf(c),
          { clientAddress: deps.clientAddress(c), log: c.get('log') },
        )
        c.header('Cache-Control', 'no-store')
        return c.json(answer satisfies z.input<typeof oauthStartAnswer>)
      },
    )
    .get('/auth/oauth/callback', callbackDoc('Return from a provider'), (c) =>
      finish(c, {
        state: c.req.query('state'),
        code: c.req.query('code'),
        error: c.req.query('error'),
      }),
    )
    .post('/auth/oauth/callback', callbackDoc('Return from a provider (form post)'), async (c) => {
      const body = await c.req.parseBody().catch(() => ({}))
      const parsed = callbackFormSchema.safeParse(body)
      return finish(c, parsed.success ? parsed.data : {})
    })
    .post(
      '/auth/oauth/complete',
      documented({
        summary: 'Finish signing in with a provider',
        description:
          'Redeems the grant from the URL’s fragment, once, with the `browserKey` that started (403 `OAUTH_OTHER_BROWSER` otherwise). Answers as `POST /v1/auth/login` does (a session, or the two-factor step first), or `{"status": "linked"}` for linking. A provider account already linked signs its member in; otherwise an address the provider verified signs in the member whose own verified address it is (linking the provider), or creates a member; 409 `OAUTH_ACCOUNT_NOT_VERIFIED` when that member never confirmed the address, 409 `OAUTH_EMAIL_IN_USE` when the provider does not vouch for an address an account uses, 409 `OAUTH_IDENTITY_IN_USE` when linking an account another member uses. An unknown, expired or used grant is 400 `OAUTH_GRANT_INVALID`.',
        tags,
        access: 'member-optional',
        responses: {
          200: sessionResponse(
            z.union([...loginAnswer.options, secondStepAnswer, oauthLinkedAnswer]),
            'Signed in, the second step it needs, or (linking) the provider added.',
          ),
        },
        errors: {
          400: ['OAUTH_GRANT_INVALID'],
          403: [
            'OAUTH_OTHER_BROWSER',
            'OAUTH_EMAIL_MISSING',
            'ACCOUNT_SUSPENDED',
            'EMAIL_NOT_VERIFIED',
          ],
          401: ['INVALID_CREDENTIALS'],
          404: ['OAUTH_PROVIDER_UNKNOWN'],
          409: ['OAUTH_ACCOUNT_NOT_VERIFIED', 'OAUTH_EMAIL_IN_USE', 'OAUTH_IDENTITY_IN_USE'],
          429: ['RATE_LIMITED'],
        },
      }),
      site,
      member,
      ...jsonBody(oauthCompleteSchema),
      async (c) => {
        const resolved = siteOf(c)
        const input = c.req.valid('json')
        const outcome = await completeOAuth(deps, resolved, input, authOf(c), {
          ip: deps.clientAddress(c),
          userAgent: c.req.header('user-agent'),
        })
        c.header('Cache-Control', 'no-store')
        if (outcome.status === 'linked') return c.json(outcome)
        const options = { secureCookies: deps.config.secureCookies, now: deps.clock.now() }
        return c.json(signInOutcomeBody(c, options, resolved, outcome, input.transport))
      },
    )
    .get(
      '/auth/identities',
      documented({
        summary: 'The member’s linked providers',
        description: 'The provider accounts that sign in to this account.',
        tags,
        access: 'member',
        responses: { 200: identitiesAnswer },
      }),
      site,
      member,
      async (c) => {
        c.header('Cache-Control', 'no-store')
        const identities = await identitiesOf(deps, siteOf(c), requireAuth(c).member.id)
        return c.json({ identities } satisfies z.input<typeof identitiesAnswer>)
      },
    )
    .delete(
      '/auth/identities/:provider',
      documented({
        summary: 'Unlink a provider',
        description:
          'Removes the provider’s accounts from the member. 409 `LAST_SIGN_IN_METHOD` when it would leave no way to sign in (no password the site accepts, no emailed links, no passkey, no other provider); 404 `IDENTITY_NOT_FOUND` when none is linked.',
        tags,
        access: 'member',
        responses: { 204: null },
        errors: { 404: ['IDENTITY_NOT_FOUND'], 409: ['LAST_SIGN_IN_METHOD'] },
      }),
      site,
      member,
      async (c) => {
        const providerId = c.req.param('provider')
        if (!providerIdSchema.safeParse(providerId).success) throw OAuthErrors.identityNotFound()
        await unlinkProvider(deps, siteOf(c), requireAuth(c).member, providerId)
        return c.body(null, 204)
      },
    )
}

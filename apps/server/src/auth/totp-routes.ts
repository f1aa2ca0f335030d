import { Hono, type MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import type { AppEnv } from '../http/env.ts'
import { authOf, requireAuth } from '../http/member.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import type { AuthDeps } from './deps.ts'
import { loginAnswer } from './schemas.ts'
import { startMemberSession, totpRequiredFor } from './second-step.ts'
import { sessionResponse, signedInBody } from './sign-in-answer.ts'
import {
  confirmTotpSetup,
  disableTotp,
  enrollingMember,
  regenerateRecoveryCodes,
  startTotpSetup,
} from './totp-enrolment.ts'
import {
  passwordConfirmSchema,
  recoveryCodesAnswer,
  totpConfirmAnswer,
  totpConfirmSchema,
  totpDisableSchema,
  totpSetupAnswer,
  totpSetupSchema,
  totpSignInSchema,
  totpStatusAnswer,
} from './totp-schemas.ts'
import { completeTotpSignIn } from './totp-sign-in.ts'
import { memberTotpOf, totpEnabled, unusedMemberRecoveryCodes } from './totp-store.ts'

const tags = ['Membership'] as const

/** `/v1/auth/login/totp` and `/v1/auth/totp/*`: the second step, and turning TOTP on and off. */
export function totpRoutes(
  deps: AuthDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { db, clock } = deps
  const cookies = () => ({ secureCookies: deps.config.secureCookies, now: clock.now() })
  const meta = (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => ({
    ip: deps.clientAddress(c),
    userAgent: c.req.header('user-agent'),
  })

  return new Hono<AppEnv>()
    .post(
      '/auth/login/totp',
      documented({
        summary: 'Sign in: the two-factor step',
        description:
          'The challenge from `POST /v1/auth/login` (or a sign-in link) with the authenticator app’s current code, or one recovery code (then spent). Answers as `POST /v1/auth/login` does when signed in. A wrong or reused code, or a challenge expired (10 minutes), spent or out of attempts (5), is 401 `INVALID_TOTP_CODE`, all alike. Wrong codes are throttled per member and client IP like passwords: 429 with `Retry-After`.',
        tags,
        access: 'site',
        responses: { 200: sessionResponse(loginAnswer, 'Signed in.') },
        errors: {
          401: ['INVALID_TOTP_CODE'],
          403: ['ACCOUNT_SUSPENDED', 'EMAIL_NOT_VERIFIED'],
          429: ['RATE_LIMITED'],
        },
      }),
      site,
      ...jsonBody(totpSignInSchema),
      async (c) => {
        const resolved = siteOf(c)
        const input = c.req.valid('json')
        const signedIn = await completeTotpSignIn(deps, resolved, input, meta(c))
        return c.json(signedInBody(c, cookies(), resolved, signedIn, input.transport))
      },
    )
    .get(
      '/auth/totp',
      documented({
        summary: 'Two-factor status',
        description:
          'Whether the site offers TOTP, whether the member has it on or must, and how many recovery codes are left.',
        tags,
        access: 'member',
        responses: { 200: totpStatusAnswer },
      }),
      site,
      member,
      async (c) => {
        const resolved = siteOf(c)
        const { member: who } = requireAuth(c)
        const row = await memberTotpOf(db, resolved.scope, who.id)
        c.header('Cache-Control', 'no-store')
        return c.json({
          available: resolved.auth.totp !== 'off',
          enabled: totpEnabled(row),
          required: totpRequiredFor(who, resolved.auth),
          recoveryCodesLeft: await unusedMemberRecoveryCodes(db, resolved.scope, who.id),
        } satisfies z.input<typeof totpStatusAnswer>)
      },
    )
    .post(
      '/auth/totp/setup',
      documented({
        summary: 'Start turning two-factor on',
        description:
          'A new key for an authenticator app, as text, an `otpauth://` URI and an SVG QR code, pending until `POST /v1/auth/totp/confirm` proves the app has it. Needs a session, or the challenge of a sign-in answered `totp_setup_required`. Already on is 409 `TOTP_ALREADY_ENABLED`; a site that does not offer TOTP, 403 `TOTP_UNAVAILABLE`.',
        tags,
        access: 'member-optional',
        responses: { 200: totpSetupAnswer },
        errors: {
          401: ['SIGN_IN_REQUIRED', 'INVALID_TOTP_CODE'],
          403: ['TOTP_UNAVAILABLE'],
          409: ['TOTP_ALREADY_ENABLED'],
        },
      }),
      site,
      member,
      ...jsonBody(totpSetupSchema),
      async (c) => {
        const resolved = siteOf(c)
        const { challenge } = c.req.valid('json')
        const enrolling = await enrollingMember(deps, resolved, authOf(c), challenge)
        c.header('Cache-Control', 'no-store')
        return c.json(
          (await startTotpSetup(deps, resolved, enrolling)) satisfies z.input<
            typeof totpSetupAnswer
          >,
        )
      },
    )
    .post(
      '/auth/totp/confirm',
      documented({
        summary: 'Confirm turning two-factor on',
        description:
          'The app’s current code for the pending key puts it in force, answers ten recovery codes (shown only now), and ends the member’s other sessions. With a sign-in challenge it also starts the session, answered as `POST /v1/auth/login` does. A wrong code is 422 with `fields.code`.',
        tags,
        access: 'member-optional',
        responses: {
          200: sessionResponse(
            totpConfirmAnswer,
            'The recovery codes; with a sign-in challenge, the session too.',
          ),
        },
        errors: {
          401: ['SIGN_IN_REQUIRED', 'INVALID_TOTP_CODE'],
          403: ['TOTP_UNAVAILABLE'],
          409: ['TOTP_ALREADY_ENABLED', 'TOTP_SETUP_NOT_STARTED'],
        },
      }),
      site,
      member,
      ...jsonBody(totpConfirmSchema),
      async (c) => {
        const resolved = siteOf(c)
        const input = c.req.valid('json')
        const enrolling = await enrollingMember(deps, resolved, authOf(c), input.challenge)
        const recoveryCodes = await confirmTotpSetup(deps, resolved, enrolling, input.code)
        c.header('Cache-Control', 'no-store')
        if (!enrolling.challengeId) {
          return c.json({ recoveryCodes } satisfies z.input<typeof totpConfirmAnswer>)
        }
        const signedIn = await startMemberSession(
          deps,
          resolved,
          enrolling.member,
          input.transport,
          meta(c),
        )
        const body = signedInBody(c, cookies(), resolved, signedIn, input.transport)
        return c.json({ recoveryCodes, ...body } satisfies z.input<typeof totpConfirmAnswer>)
      },
    )
    .post(
      '/auth/totp/recovery-codes',
      documented({
        summary: 'Make new recovery codes',
        description:
          'Ten new codes in place of the old ones, after the password (at most 10 checks an hour: 429). A member without one (`hasPassword` false) leaves it out and must have signed in within the last 10 minutes (403 `REAUTHENTICATION_REQUIRED`: sign in again, then repeat).',
        tags,
        access: 'member',
        responses: { 200: recoveryCodesAnswer },
        errors: {
          403: ['INVALID_PASSWORD', 'REAUTHENTICATION_REQUIRED'],
          409: ['TOTP_NOT_ENABLED'],
          429: ['RATE_LIMITED'],
        },
      }),
      site,
      member,
      ...jsonBody(passwordConfirmSchema),
      async (c) => {
        const recoveryCodes = await regenerateRecoveryCodes(
          deps,
          siteOf(c),
          requireAuth(c),
          c.req.valid('json').password,
        )
        c.header('Cache-Control', 'no-store')
        return c.json({ recoveryCodes } satisfies z.input<typeof recoveryCodesAnswer>)
      },
    )
    .delete(
      '/auth/totp',
      documented({
        summary: 'Turn two-factor off',
        description:
          'After a current code or the password; a member without a password (`hasPassword` false) may instead send `{}` within 10 minutes of signing in (later, 403 `REAUTHENTICATION_REQUIRED`: sign in again, then repeat). The recovery codes go too, every other session of the member ends, and the address is told. Refused (403 `TOTP_REQUIRED`) where the site requires TOTP of the member’s role. Throttled: 429 with `Retry-After`.',
        tags,
        access: 'member',
        responses: { 204: null },
        errors: {
          401: ['INVALID_TOTP_CODE'],
          403: ['INVALID_PASSWORD', 'REAUTHENTICATION_REQUIRED', 'TOTP_REQUIRED'],
          409: ['TOTP_NOT_ENABLED'],
          429: ['RATE_LIMITED'],
        },
      }),
      site,
      member,
      ...jsonBody(totpDisableSchema),
      async (c) => {
        await disableTotp(deps, siteOf(c), requireAuth(c), c.req.valid('json'), meta(c).ip)
        afterResponse(c, deps.kickOutbox())
        return c.body(null, 204)
      },
    )
}

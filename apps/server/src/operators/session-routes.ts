import { Hono } from 'hono'
import type { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { describeOperator } from './answers.ts'
import { recordAudit } from './audit.ts'
import { operatorOf, requireOperator } from './context.ts'
import { clearOperatorCookie, setOperatorCookie } from './cookie.ts'
import type { OperatorDeps } from './deps.ts'
import { sitesOfOperator } from './queries.ts'
import {
  sessionAnswer,
  signedInAnswer,
  signInAnswer,
  signInSchema,
  totpSignInSchema,
} from './schemas.ts'
import { deleteOperatorSession } from './sessions.ts'
import { signInOperator } from './sign-in.ts'
import { completeTotpSignIn } from './sign-in-totp.ts'

const tags = ['Operators'] as const

/** `/v1/operator/sign-in`, its TOTP step, sign-out and the session: the console's front door. */
export function operatorSessionRoutes(deps: OperatorDeps) {
  const { db, clock, config } = deps
  const meta = (c: { req: { header(name: string): string | undefined } }, ip: string) => ({
    ip,
    userAgent: c.req.header('user-agent'),
  })

  return new Hono<AppEnv>()
    .post(
      '/operator/sign-in',
      documented({
        summary: 'Sign in to the console',
        description:
          'With the operator’s email and password. `signed_in` sets the session cookie; `totp_required` answers a challenge for `POST /v1/operator/sign-in/totp` and sets no cookie; `totp_setup_required` sets a restricted session that may only set up TOTP and sign out. A wrong password and an unknown email answer the same 401 after the same work. Throttled like members’ sign-in: growing waits (429 with `Retry-After`), never a lockout.',
        tags,
        access: 'operator-optional',
        responses: { 200: signInAnswer },
        errors: { 401: ['INVALID_CREDENTIALS'], 429: ['RATE_LIMITED'] },
      }),
      ...jsonBody(signInSchema),
      async (c) => {
        const outcome = await signInOperator(
          deps,
          c.req.valid('json'),
          meta(c, deps.clientAddress(c)),
        )
        if (outcome.status === 'totp_required') {
          return c.json(outcome satisfies z.input<typeof signInAnswer>)
        }
        setOperatorCookie(c, outcome.token, config.secureCookies)
        return c.json({
          status: outcome.status,
          operator: await describeOperator(db, config.operatorTotp, outcome.operator),
        } satisfies z.input<typeof signInAnswer>)
      },
    )
    .post(
      '/operator/sign-in/totp',
      documented({
        summary: 'Finish signing in with a TOTP code',
        description:
          'The challenge from `POST /v1/operator/sign-in` with the authenticator app’s current code, or one of the recovery codes (each works once). A wrong or reused code, and an expired or spent challenge, answer 401 `INVALID_TOTP_CODE` alike; after 5 wrong codes the challenge is spent and the password is asked again. Throttled per operator and address (429 with `Retry-After`).',
        tags,
        access: 'operator-optional',
        responses: { 200: signedInAnswer },
        errors: { 401: ['INVALID_TOTP_CODE'], 429: ['RATE_LIMITED'] },
      }),
      ...jsonBody(totpSignInSchema),
      async (c) => {
        const signedIn = await completeTotpSignIn(
          deps,
          c.req.valid('json'),
          meta(c, deps.clientAddress(c)),
        )
        setOperatorCookie(c, signedIn.token, config.secureCookies)
        return c.json({
          status: signedIn.status,
          operator: await describeOperator(db, config.operatorTotp, signedIn.operator),
        } satisfies z.input<typeof signedInAnswer>)
      },
    )
    .post(
      '/operator/sign-out',
      documented({
        summary: 'Sign out of the console',
        description: 'Ends the session and clears its cookie. Answers 204 when signed out already.',
        tags,
        access: 'operator-optional',
        responses: { 204: null },
      }),
      async (c) => {
        const auth = operatorOf(c)
        if (auth) {
          await deleteOperatorSession(db, auth.session.id)
          await recordAudit(db, clock, {
            siteId: null,
            actor: { type: 'operator', id: auth.operator.id, label: auth.operator.email },
            action: 'POST /v1/operator/sign-out',
            summary: 'Signed out',
            ip: deps.clientAddress(c),
          })
        }
        clearOperatorCookie(c, config.secureCookies)
        return c.body(null, 204)
      },
    )
    .get(
      '/operator/session',
      documented({
        summary: 'The signed-in operator',
        description:
          'Who is signed in, whether TOTP is on and required, and the sites they have a role on. While TOTP setup is required the site list is empty.',
        tags,
        access: 'operator',
        responses: { 200: sessionAnswer },
      }),
      async (c) => {
        const auth = requireOperator(c, { allowRestricted: true })
        const sites = auth.restricted ? [] : await sitesOfOperator(db, auth.operator.id)
        return c.json({
          operator: await describeOperator(db, config.operatorTotp, auth.operator),
          sites,
        } satisfies z.input<typeof sessionAnswer>)
      },
    )
}

import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { deleteCookie } from 'hono/cookie'
import { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import type { AppEnv } from '../http/env.ts'
import { authOf, requireAuth, sessionCookieName } from '../http/member.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import type { SiteReadDeps } from '../sites/site-records.ts'
import type { AuthDeps } from './deps.ts'
import { AuthErrors } from './errors.ts'
import { login } from './login.ts'
import { ownAccount } from './members.ts'
import { listOwnSessions, revokeOwnSession, sessionView } from './own-sessions.ts'
import { passkeyRoutes } from './passkey-routes.ts'
import { register } from './register.ts'
import {
  currentSessionAnswer,
  loginAnswer,
  loginSchema,
  ownSessionsAnswer,
  registerAnswer,
  registerSchema,
  resendVerificationAnswer,
  sessionIdSchema,
  verifyEmailAnswer,
  verifyEmailSchema,
} from './schemas.ts'
import { deleteMemberSessions, deleteSession } from './sessions.ts'
import { sessionResponse, signInOutcomeBody } from './sign-in-answer.ts'
import { signInLinkRoutes } from './sign-in-link-routes.ts'
import { signInMethodsRoutes } from './sign-in-methods-route.ts'
import { totpRoutes } from './totp-routes.ts'
import { secondStepAnswer } from './totp-schemas.ts'
import { resendVerification, verifyEmail } from './verify-email.ts'

/**
 * `/v1/auth/*`: register, verify the email, sign in and out, and the member's sessions.
 *
 * Every route needs the site's publishable key. Routes that act on a session run `member`
 * (which also refuses cross-site state changes that ride on a cookie). Register and login take
 * JSON only, which an HTML form on another website cannot send and a script there cannot send
 * without a CORS preflight that a foreign origin fails: no login CSRF.
 */
export function authRoutes(
  // The site cache: for `GET /v1/auth/methods` (sign-in-methods-route.ts).
  deps: AuthDeps & SiteReadDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { db, clock } = deps
  const { secureCookies } = deps.config
  const cookieName = sessionCookieName(secureCookies)

  const clearCookie = (c: Context<AppEnv>) => {
    if (authOf(c)?.via === 'cookie') {
      deleteCookie(c, cookieName, { path: '/', secure: secureCookies })
    }
  }

  return new Hono<AppEnv>()
    .post(
      '/auth/register',
      documented({
        summary: 'Register a member',
        description:
          'Creates the account and emails a verification link. The answer is the same 202 when the address already has an account: its owner is emailed a password-reset link instead, so nobody learns which addresses are registered. A username already in use is 422 with `fields.username`. At most 10 registrations an hour from one client IP (429 with `Retry-After`). Where the site has password sign-in off, no password is taken (422 `PASSWORD_NOT_ACCEPTED` if one is sent): the email carries a sign-in link that confirms the address and signs in, in this browser only (`link_sent` with a `browserKey`, as `POST /v1/auth/sign-in-link` answers), and an existing account’s owner is emailed a sign-in link instead.',
        tags: ['Membership'],
        access: 'site',
        responses: { 202: registerAnswer },
        errors: {
          403: ['SIGN_IN_METHOD_DISABLED'],
          422: ['PASSWORD_NOT_ACCEPTED'],
          429: ['RATE_LIMITED'],
        },
      }),
      site,
      ...jsonBody(registerSchema),
      async (c) => {
        const outcome = await register(deps, siteOf(c), c.req.valid('json'), {
          ip: deps.clientAddress(c),
        })
        afterResponse(c, deps.kickOutbox())
        // The same answer whether or not the address already had an account.
        if (outcome.status === 'link_sent') c.header('Cache-Control', 'no-store')
        return c.json(outcome satisfies z.input<typeof registerAnswer>, 202)
      },
    )
    .post(
      '/auth/verify-email',
      documented({
        summary: 'Confirm an email address',
        description:
          'Spends the token from the emailed link and marks the address verified. Needs no session: the link is often opened in another browser. A malformed, unknown, expired or used token is 400 `INVALID_TOKEN`, all alike.',
        tags: ['Membership'],
        access: 'site',
        responses: { 200: verifyEmailAnswer },
        errors: { 400: ['INVALID_TOKEN'] },
      }),
      site,
      ...jsonBody(verifyEmailSchema),
      async (c) => {
        const account = await verifyEmail(deps, siteOf(c), c.req.valid('json').token)
        return c.json({ account } satisfies z.input<typeof verifyEmailAnswer>)
      },
    )
    .post(
      '/auth/verify-email/resend',
      documented({
        summary: 'Send the verification email again',
        description:
          'Mails a fresh link to the signed-in member, or answers `already_verified` and sends nothing. At most 3 an hour (429 with `Retry-After`).',
        tags: ['Membership'],
        access: 'member',
        responses: { 202: resendVerificationAnswer },
        errors: { 429: ['RATE_LIMITED'] },
      }),
      site,
      member,
      async (c) => {
        const status = await resendVerification(deps, siteOf(c), requireAuth(c).member)
        if (status === 'verification_sent') afterResponse(c, deps.kickOutbox())
        return c.json({ status } satisfies z.input<typeof resendVerificationAnswer>, 202)
      },
    )
    .post(
      '/auth/login',
      documented({
        summary: 'Sign in',
        description:
          'Starts a session. With `"transport": "bearer"` (the default) the token is in the body; with `"cookie"` it is set as an HttpOnly cookie and left out of the body. A member with two-factor sign-in on gets `{"status": "totp_required", "challenge": …}` instead, to send with a code to `POST /v1/auth/login/totp`; staff the site requires it of, who have not enrolled, get `totp_setup_required` and enrol with the challenge. An unknown email, a wrong password and a banned account all answer 401 `INVALID_CREDENTIALS` after the same work. `ACCOUNT_SUSPENDED` (with `fields.suspendedUntil`) and `EMAIL_NOT_VERIFIED` are told only after a correct password. Repeated failures for an email address or from one client IP are throttled: 429 with `Retry-After`. Refused with 403 `SIGN_IN_METHOD_DISABLED` where the site has turned password sign-in off.',
        tags: ['Membership'],
        access: 'site',
        responses: {
          200: sessionResponse(z.union([...loginAnswer.options, secondStepAnswer])),
        },
        errors: {
          401: ['INVALID_CREDENTIALS'],
          403: ['ACCOUNT_SUSPENDED', 'EMAIL_NOT_VERIFIED', 'SIGN_IN_METHOD_DISABLED'],
          429: ['RATE_LIMITED'],
        },
      }),
      site,
      ...jsonBody(loginSchema),
      async (c) => {
        const resolved = siteOf(c)
        const input = c.req.valid('json')
        const outcome = await login(deps, resolved, input, {
          ip: deps.clientAddress(c),
          userAgent: c.req.header('user-agent'),
        })
        const options = { secureCookies, now: clock.now() }
        return c.json(signInOutcomeBody(c, options, resolved, outcome, input.transport))
      },
    )
    .post(
      '/auth/logout',
      documented({
        summary: 'Sign out',
        description: 'Ends the session the request was made with, and clears its cookie.',
        tags: ['Membership'],
        access: 'member',
        responses: { 204: null },
      }),
      site,
      member,
      async (c) => {
        const auth = requireAuth(c)
        await deleteSession(db, siteOf(c).scope, auth.session.id)
        clearCookie(c)
        return c.body(null, 204)
      },
    )
    .post(
      '/auth/logout-everywhere',
      documented({
        summary: 'Sign out everywhere',
        description: 'Ends every session of the member, this one included.',
        tags: ['Membership'],
        access: 'member',
        responses: { 204: null },
      }),
      site,
      member,
      async (c) => {
        const auth = requireAuth(c)
        await deleteMemberSessions(db, siteOf(c).scope, auth.member.id)
        clearCookie(c)
        return c.body(null, 204)
      },
    )
    .get(
      '/auth/session',
      documented({
        summary: 'Who is signed in',
        description:
          'The account and session the request was made with, or `{ "account": null }` for a guest. A session that has ended is 401 `INVALID_SESSION`, so a client learns at once to forget it.',
        tags: ['Membership'],
        access: 'member-optional',
        responses: { 200: currentSessionAnswer },
      }),
      site,
      member,
      (c) => {
        const auth = authOf(c)
        c.header('Cache-Control', 'no-store')
        if (!auth) return c.json({ account: null } satisfies z.input<typeof currentSessionAnswer>)
        return c.json({
          account: ownAccount(auth.member, clock.now()),
          session: sessionView(auth.session, siteOf(c)),
        } satisfies z.input<typeof currentSessionAnswer>)
      },
    )
    .get(
      '/auth/sessions',
      documented({
        summary: 'The member’s sessions',
        description:
          'Every live session of the member, most recently used first; the one making the request is marked `current`.',
        tags: ['Membership'],
        access: 'member',
        responses: { 200: ownSessionsAnswer },
      }),
      site,
      member,
      async (c) => {
        const auth = requireAuth(c)
        c.header('Cache-Control', 'no-store')
        const sessions = await listOwnSessions(
          db,
          siteOf(c),
          auth.member.id,
          auth.session.id,
          clock.now(),
        )
        return c.json({ sessions } satisfies z.input<typeof ownSessionsAnswer>)
      },
    )
    .delete(
      '/auth/sessions/:id',
      documented({
        summary: 'End one of the member’s sessions',
        description:
          'Ends a session by its id (from the list of sessions). Another member’s session, or none, is 404 `SESSION_NOT_FOUND`.',
        tags: ['Membership'],
        access: 'member',
        responses: { 204: null },
        errors: { 404: ['SESSION_NOT_FOUND'] },
      }),
      site,
      member,
      async (c) => {
        const auth = requireAuth(c)
        const id = c.req.param('id')
        if (!sessionIdSchema.safeParse(id).success) throw AuthErrors.sessionNotFound()
        await revokeOwnSession(db, siteOf(c), auth.member.id, id)
        if (id === auth.session.id) clearCookie(c)
        return c.body(null, 204)
      },
    )
    .route('/', totpRoutes(deps, site, member))
    .route('/', signInLinkRoutes(deps, site))
    .route('/', signInMethodsRoutes(site, deps))
    .route('/', passkeyRoutes(deps, site, member))
}

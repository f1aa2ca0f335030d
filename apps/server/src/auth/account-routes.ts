import { Hono, type MiddlewareHandler } from 'hono'
import { deleteCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import type { AppEnv } from '../http/env.ts'
import { requireAuth, sessionCookieName } from '../http/member.ts'
import { documented } from '../http/openapi.ts'
import { siteOf } from '../http/site.ts'
import { changePassword, confirmEmailChange, requestEmailChange, updateProfile } from './account.ts'
import {
  accountExportAnswer,
  changeEmailSchema,
  changePasswordSchema,
  confirmEmailChangeSchema,
  deleteAccountSchema,
  emailChangeRequestAnswer,
  passwordChangedAnswer,
  passwordResetAnswer,
  passwordResetConfirmSchema,
  passwordResetRequestAnswer,
  passwordResetRequestSchema,
  updateProfileSchema,
} from './account-schemas.ts'
import { deleteAccount } from './delete-account.ts'
import type { AuthDeps } from './deps.ts'
import { exportAccountData, exportFileName } from './export-data.ts'
import { ownAccount } from './members.ts'
import { confirmPasswordReset, requestPasswordReset } from './password-reset.ts'
import { accountAnswer } from './schemas.ts'

/** 401 SIGN_IN_REQUIRED for a guest, before the body is read: a guest learns nothing else. */
const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  requireAuth(c)
  await next()
})

/**
 * Password recovery (`/v1/auth/password-reset/*`, `/v1/auth/email-change/confirm`, for guests:
 * the emailed token is the proof) and the signed-in member's own account (`/v1/account*`).
 * Middleware is attached per route, never with `use('*')`, which would reach every other router
 * mounted at `/v1`.
 */
export function accountRoutes(
  deps: AuthDeps,
  site: MiddlewareHandler<AppEnv>,
  member: MiddlewareHandler<AppEnv>,
) {
  const { secureCookies } = deps.config
  // Personal data: no shared cache or browser history may keep a copy.
  const noStore = createMiddleware<AppEnv>(async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  })
  const account = [site, member, signedIn, noStore] as const

  return new Hono<AppEnv>()
    .post(
      '/auth/password-reset/request',
      documented({
        summary: 'Ask for a password-reset link',
        description:
          'Emails a reset link when the address has an account. The answer is the same 202 either way, so nobody learns which addresses are registered. Requests are limited per email address and per client IP (429 with `Retry-After`). A member who joined without a password sets a first one this way. 403 `SIGN_IN_METHOD_DISABLED` where the site has password sign-in off.',
        tags: ['Membership'],
        access: 'site',
        responses: { 202: passwordResetRequestAnswer },
        errors: { 403: ['SIGN_IN_METHOD_DISABLED'], 429: ['RATE_LIMITED'] },
      }),
      site,
      ...jsonBody(passwordResetRequestSchema),
      async (c) => {
        await requestPasswordReset(deps, siteOf(c), {
          email: c.req.valid('json').email,
          clientAddress: deps.clientAddress(c),
        })
        // Kicked for unknown addresses too (it finds nothing to send): the same work either way.
        afterResponse(c, deps.kickOutbox())
        return c.json(
          { status: 'reset_sent' } satisfies z.input<typeof passwordResetRequestAnswer>,
          202,
        )
      },
    )
    .post(
      '/auth/password-reset/confirm',
      documented({
        summary: 'Set a new password from a reset link',
        description:
          'Spends the emailed token, sets the password, marks the address verified and ends every session of the member; sign in again afterwards. A password the site’s rules refuse is 422 with `fields.password`, and leaves the link usable. A malformed, unknown, expired or used token is 400 `INVALID_TOKEN`; too many bad tokens from one client are 429. 403 `SIGN_IN_METHOD_DISABLED` where the site has password sign-in off.',
        tags: ['Membership'],
        access: 'site',
        responses: { 200: passwordResetAnswer },
        errors: {
          400: ['INVALID_TOKEN'],
          403: ['SIGN_IN_METHOD_DISABLED'],
          429: ['RATE_LIMITED'],
        },
      }),
      site,
      ...jsonBody(passwordResetConfirmSchema),
      async (c) => {
        await confirmPasswordReset(deps, siteOf(c), {
          ...c.req.valid('json'),
          clientAddress: deps.clientAddress(c),
        })
        afterResponse(c, deps.kickOutbox())
        return c.json({ status: 'password_reset' } satisfies z.input<typeof passwordResetAnswer>)
      },
    )
    .post(
      '/auth/email-change/confirm',
      documented({
        summary: 'Confirm a new email address',
        description:
          'Finishes an email change from the link sent to the new address, which then counts as verified, and answers the account. Needs no session. 409 `EMAIL_TAKEN` when another account registered the address since (the link stays unspent); 400 `INVALID_TOKEN` for a malformed, unknown, expired or used token; too many bad tokens from one client are 429.',
        tags: ['Membership'],
        access: 'site',
        responses: { 200: accountAnswer },
        errors: { 400: ['INVALID_TOKEN'], 409: ['EMAIL_TAKEN'], 429: ['RATE_LIMITED'] },
      }),
      site,
      noStore,
      ...jsonBody(confirmEmailChangeSchema),
      async (c) => {
        const updated = await confirmEmailChange(deps, siteOf(c), {
          token: c.req.valid('json').token,
          clientAddress: deps.clientAddress(c),
        })
        return c.json(updated)
      },
    )
    .get(
      '/account',
      documented({
        summary: 'The member’s account',
        tags: ['Account'],
        access: 'member',
        responses: { 200: accountAnswer },
      }),
      ...account,
      (c) => c.json(ownAccount(requireAuth(c).member, deps.clock.now())),
    )
    .patch(
      '/account',
      documented({
        summary: 'Change the member’s profile',
        description:
          'Changes only the fields sent; `null` clears an optional one. A username another member uses is 422 with `fields.username`.',
        tags: ['Account'],
        access: 'member',
        responses: { 200: accountAnswer },
      }),
      ...account,
      ...jsonBody(updateProfileSchema),
      async (c) => {
        const { member } = requireAuth(c)
        return c.json(await updateProfile(deps, siteOf(c), member, c.req.valid('json')))
      },
    )
    .post(
      '/account/password',
      documented({
        summary: 'Change the member’s password',
        description:
          'Needs the current password (403 `INVALID_PASSWORD`). By default every other session ends and this one stays (`signOutOtherSessions`). A new password the site’s rules refuse is 422 with `fields.newPassword`. Current-password checks are limited to 10 an hour per member, across this, email change and deletion (429 with `Retry-After`).',
        tags: ['Account'],
        access: 'member',
        responses: { 200: passwordChangedAnswer },
        errors: { 403: ['INVALID_PASSWORD', 'PASSWORD_NOT_SET'], 429: ['RATE_LIMITED'] },
      }),
      ...account,
      ...jsonBody(changePasswordSchema),
      async (c) => {
        await changePassword(deps, siteOf(c), requireAuth(c), c.req.valid('json'))
        afterResponse(c, deps.kickOutbox())
        const changed: z.input<typeof passwordChangedAnswer> = { status: 'password_changed' }
        return c.json(changed)
      },
    )
    .post(
      '/account/email',
      documented({
        summary: 'Change the member’s email address',
        description:
          'Needs the current password (403 `INVALID_PASSWORD`); a member without one (`hasPassword` false) leaves it out and must have signed in within the last 10 minutes (403 `REAUTHENTICATION_REQUIRED`: sign in again, then repeat). Emails a confirmation link to the new address and a notice to the old one; the change is made when the link is followed (`POST /v1/auth/email-change/confirm`). When another account already uses the new address the answer is the same 202, and nothing is sent to it. The current address itself is 422 with `fields.newEmail`.',
        tags: ['Account'],
        access: 'member',
        responses: { 202: emailChangeRequestAnswer },
        errors: { 403: ['INVALID_PASSWORD', 'REAUTHENTICATION_REQUIRED'], 429: ['RATE_LIMITED'] },
      }),
      ...account,
      ...jsonBody(changeEmailSchema),
      async (c) => {
        await requestEmailChange(deps, siteOf(c), requireAuth(c), c.req.valid('json'))
        afterResponse(c, deps.kickOutbox())
        return c.json(
          { status: 'confirmation_sent' } satisfies z.input<typeof emailChangeRequestAnswer>,
          202,
        )
      },
    )
    .delete(
      '/account',
      documented({
        summary: 'Delete the member’s account',
        description:
          'Needs the password (403 `INVALID_PASSWORD`); a member without one (`hasPassword` false) leaves it out and must have signed in within the last 10 minutes (403 `REAUTHENTICATION_REQUIRED`: sign in again, then repeat). Deletes the account, its sessions and emailed links at once, and frees the address; the site’s `deletedMemberPosts` setting decides what happens to forum posts. A last email confirms it.',
        tags: ['Account'],
        access: 'member',
        responses: { 204: null },
        errors: { 403: ['INVALID_PASSWORD', 'REAUTHENTICATION_REQUIRED'], 429: ['RATE_LIMITED'] },
      }),
      ...account,
      ...jsonBody(deleteAccountSchema),
      async (c) => {
        await deleteAccount(deps, siteOf(c), requireAuth(c), c.req.valid('json').password)
        deleteCookie(c, sessionCookieName(secureCookies), { path: '/', secure: secureCookies })
        afterResponse(c, deps.kickOutbox())
        return c.body(null, 204)
      },
    )
    .get(
      '/account/export',
      documented({
        summary: 'Download the member’s data',
        description:
          'Everything the site holds about the member as one JSON document, sent as a file download: the account, live sessions, contact-form messages sent while signed in, and every forum post written.',
        tags: ['Account'],
        access: 'member',
        responses: {
          200: {
            description: 'The member’s data.',
            schema: accountExportAnswer,
            headers: {
              'Content-Disposition': {
                description: '`attachment; filename="porchlight-account-<member id>.json"`',
              },
            },
          },
        },
      }),
      ...account,
      async (c) => {
        const auth = requireAuth(c)
        const data = await exportAccountData(deps, siteOf(c), auth)
        c.header('Content-Disposition', `attachment; filename="${exportFileName(auth.member.id)}"`)
        return c.json(data)
      },
    )
}

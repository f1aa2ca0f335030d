import { Hono, type MiddlewareHandler } from 'hono'
import { deleteCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { jsonBody } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import type { AppEnv } from '../http/env.ts'
import { requireAuth, sessionCookieName } from '../http/member.ts'
import { siteOf } from '../http/site.ts'
import { changePassword, confirmEmailChange, requestEmailChange, updateProfile } from './account.ts'
import {
  changeEmailSchema,
  changePasswordSchema,
  confirmEmailChangeSchema,
  deleteAccountSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  updateProfileSchema,
} from './account-schemas.ts'
import { deleteAccount } from './delete-account.ts'
import type { AuthDeps } from './deps.ts'
import { exportAccountData, exportFileName } from './export-data.ts'
import { ownAccount } from './members.ts'
import { confirmPasswordReset, requestPasswordReset } from './password-reset.ts'

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
      site,
      ...jsonBody(passwordResetRequestSchema),
      async (c) => {
        await requestPasswordReset(deps, siteOf(c), {
          email: c.req.valid('json').email,
          clientAddress: deps.clientAddress(c),
        })
        // Kicked for unknown addresses too (it finds nothing to send): the same work either way.
        afterResponse(c, deps.kickOutbox())
        return c.json({ status: 'reset_sent' }, 202)
      },
    )
    .post(
      '/auth/password-reset/confirm',
      site,
      ...jsonBody(passwordResetConfirmSchema),
      async (c) => {
        await confirmPasswordReset(deps, siteOf(c), {
          ...c.req.valid('json'),
          clientAddress: deps.clientAddress(c),
        })
        afterResponse(c, deps.kickOutbox())
        return c.json({ status: 'password_reset' })
      },
    )
    .post(
      '/auth/email-change/confirm',
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
    .get('/account', ...account, (c) => c.json(ownAccount(requireAuth(c).member)))
    .patch('/account', ...account, ...jsonBody(updateProfileSchema), async (c) => {
      const { member } = requireAuth(c)
      return c.json(await updateProfile(deps, siteOf(c), member, c.req.valid('json')))
    })
    .post('/account/password', ...account, ...jsonBody(changePasswordSchema), async (c) => {
      await changePassword(deps, siteOf(c), requireAuth(c), c.req.valid('json'))
      afterResponse(c, deps.kickOutbox())
      return c.json({ status: 'password_changed' })
    })
    .post('/account/email', ...account, ...jsonBody(changeEmailSchema), async (c) => {
      await requestEmailChange(deps, siteOf(c), requireAuth(c).member, c.req.valid('json'))
      afterResponse(c, deps.kickOutbox())
      return c.json({ status: 'confirmation_sent' }, 202)
    })
    .delete('/account', ...account, ...jsonBody(deleteAccountSchema), async (c) => {
      await deleteAccount(deps, siteOf(c), requireAuth(c), c.req.valid('json').password)
      deleteCookie(c, sessionCookieName(secureCookies), { path: '/', secure: secureCookies })
      afterResponse(c, deps.kickOutbox())
      return c.body(null, 204)
    })
    .get('/account/export', ...account, async (c) => {
      const auth = requireAuth(c)
      const data = await exportAccountData(deps, siteOf(c), auth)
      c.header('Content-Disposition', `attachment; filename="${exportFileName(auth.member.id)}"`)
      return c.json(data)
    })
}

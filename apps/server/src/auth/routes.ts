import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { jsonBody } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import type { AppEnv } from '../http/env.ts'
import { authOf, requireAuth, sessionCookieName } from '../http/member.ts'
import { siteOf } from '../http/site.ts'
import type { AuthDeps } from './deps.ts'
import { AuthErrors } from './errors.ts'
import { login } from './login.ts'
import { ownAccount } from './members.ts'
import { listOwnSessions, revokeOwnSession, sessionView } from './own-sessions.ts'
import { register } from './register.ts'
import { loginSchema, registerSchema, sessionIdSchema, verifyEmailSchema } from './schemas.ts'
import { deleteMemberSessions, deleteSession } from './sessions.ts'
import { resendVerification, verifyEmail } from './verify-email.ts'

const daySeconds = 86_400
/** Browsers cap cookie lifetimes at 400 days (RFC 6265bis) and hono refuses to write more. */
const maxCookieSeconds = 400 * daySeconds

/**
 * `/v1/auth/*`: register, verify the email, sign in and out, and the member's sessions.
 *
 * Every route needs the site's publishable key. Routes that act on a session run `member`
 * (which also refuses cross-site state changes that ride on a cookie). Register and login take
 * JSON only, which an HTML form on another website cannot send and a script there cannot send
 * without a CORS preflight that a foreign origin fails: no login CSRF.
 */
export function authRoutes(
  deps: AuthDeps,
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
    .post('/auth/register', site, ...jsonBody(registerSchema), async (c) => {
      await register(deps, siteOf(c), c.req.valid('json'), { ip: deps.clientAddress(c) })
      afterResponse(c, deps.kickOutbox())
      // The same answer whether or not the address already had an account.
      return c.json({ status: 'verification_sent' }, 202)
    })
    .post('/auth/verify-email', site, ...jsonBody(verifyEmailSchema), async (c) => {
      const account = await verifyEmail(deps, siteOf(c), c.req.valid('json').token)
      return c.json({ account })
    })
    .post('/auth/verify-email/resend', site, member, async (c) => {
      const status = await resendVerification(deps, siteOf(c), requireAuth(c).member)
      if (status === 'verification_sent') afterResponse(c, deps.kickOutbox())
      return c.json({ status }, 202)
    })
    .post('/auth/login', site, ...jsonBody(loginSchema), async (c) => {
      const resolved = siteOf(c)
      const input = c.req.valid('json')
      const signedIn = await login(deps, resolved, input, {
        ip: deps.clientAddress(c),
        userAgent: c.req.header('user-agent'),
      })
      const account = ownAccount(signedIn.member)
      const { expiresAt } = signedIn
      c.header('Cache-Control', 'no-store')
      if (input.transport === 'bearer') return c.json({ token: signedIn.token, account, expiresAt })
      // HttpOnly: page scripts (and so XSS) cannot read the token. SameSite=Lax: other sites'
      // pages do not get it sent with their requests. Max-Age: the absolute lifetime; the server
      // ends the session earlier on inactivity.
      setCookie(c, cookieName, signedIn.token, {
        httpOnly: true,
        secure: secureCookies,
        sameSite: 'Lax',
        path: '/',
        maxAge: Math.min(resolved.auth.sessionAbsoluteDays * daySeconds, maxCookieSeconds),
      })
      return c.json({ account, expiresAt })
    })
    .post('/auth/logout', site, member, async (c) => {
      const auth = requireAuth(c)
      await deleteSession(db, siteOf(c).scope, auth.session.id)
      clearCookie(c)
      return c.body(null, 204)
    })
    .post('/auth/logout-everywhere', site, member, async (c) => {
      const auth = requireAuth(c)
      await deleteMemberSessions(db, siteOf(c).scope, auth.member.id)
      clearCookie(c)
      return c.body(null, 204)
    })
    .get('/auth/session', site, member, (c) => {
      const auth = authOf(c)
      c.header('Cache-Control', 'no-store')
      if (!auth) return c.json({ account: null })
      return c.json({
        account: ownAccount(auth.member),
        session: sessionView(auth.session, siteOf(c)),
      })
    })
    .get('/auth/sessions', site, member, async (c) => {
      const auth = requireAuth(c)
      c.header('Cache-Control', 'no-store')
      const sessions = await listOwnSessions(
        db,
        siteOf(c),
        auth.member.id,
        auth.session.id,
        clock.now(),
      )
      return c.json({ sessions })
    })
    .delete('/auth/sessions/:id', site, member, async (c) => {
      const auth = requireAuth(c)
      const id = c.req.param('id')
      if (!sessionIdSchema.safeParse(id).success) throw AuthErrors.sessionNotFound()
      await revokeOwnSession(db, siteOf(c), auth.member.id, id)
      if (id === auth.session.id) clearCookie(c)
      return c.body(null, 204)
    })
}

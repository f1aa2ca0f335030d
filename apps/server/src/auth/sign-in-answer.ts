import type { Context } from 'hono'
import { setCookie } from 'hono/cookie'
import type { AppEnv, ResolvedSite } from '../http/env.ts'
import { sessionCookieName } from '../http/member.ts'
import { ownAccount } from './members.ts'
import type { LoginAnswer } from './schemas.ts'
import type { SignedIn, SignInOutcome } from './second-step.ts'
import type { SessionTransport } from './sessions.ts'
import type { SecondStepAnswer } from './totp-schemas.ts'

const daySeconds = 86_400
/** Browsers cap cookie lifetimes at 400 days (RFC 6265bis) and hono refuses to write more. */
const maxCookieSeconds = 400 * daySeconds

/**
 * A new session as the caller asked for it: with `bearer` the token in the body; with `cookie`
 * in `Set-Cookie` and not in the body. HttpOnly: page scripts (and so XSS) cannot read it.
 * SameSite=Lax: other sites' pages do not get it sent with their requests. Max-Age: the absolute
 * lifetime; the server ends the session earlier on inactivity.
 */
export function signedInBody(
  c: Context<AppEnv>,
  options: { secureCookies: boolean; now: number },
  site: ResolvedSite,
  signedIn: SignedIn,
  transport: SessionTransport,
): LoginAnswer {
  const account = ownAccount(signedIn.member, options.now)
  const { expiresAt } = signedIn
  c.header('Cache-Control', 'no-store')
  if (transport === 'bearer') return { token: signedIn.token, account, expiresAt }
  setCookie(c, sessionCookieName(options.secureCookies), signedIn.token, {
    httpOnly: true,
    secure: options.secureCookies,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.min(site.auth.sessionAbsoluteDays * daySeconds, maxCookieSeconds),
  })
  return { account, expiresAt }
}

/** A sign-in's answer: the session, or the second step it needs first. */
export function signInOutcomeBody(
  c: Context<AppEnv>,
  options: { secureCookies: boolean; now: number },
  site: ResolvedSite,
  outcome: SignInOutcome,
  transport: SessionTransport,
): LoginAnswer | SecondStepAnswer {
  if (outcome.status === 'signed_in') return signedInBody(c, options, site, outcome, transport)
  c.header('Cache-Control', 'no-store')
  const { status, challenge, challengeExpiresAt } = outcome
  return { status, challenge, challengeExpiresAt }
}

/**
 * The documented 200 of every route that can start a session: its answer, and the cookie it
 * sets when asked for `"transport": "cookie"` (test/contract/coverage.test.ts checks that each
 * route taking a `transport` documents it).
 */
export function sessionResponse<S>(
  schema: S,
  description = 'Signed in, or the second step it needs.',
) {
  return {
    description,
    schema,
    headers: {
      'Set-Cookie': {
        description:
          'With `"transport": "cookie"`: the session cookie (HttpOnly, SameSite=Lax, Path=/).',
      },
    },
  }
}

import type { MemberAuth, ResolvedSite } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { verifyCurrentPassword } from './current-password.ts'
import type { AuthDeps } from './deps.ts'
import { AccountErrors } from './errors.ts'
import type { Session } from './sessions.ts'

// Changes a borrowed or stolen session must not make (the email, deleting the account,
// two-factor settings) first ask the member to prove it is them. A member with a password types
// it again. A member without one (they joined by link, passkey or provider) has nothing to type,
// so a recent sign-in stands in for it: whoever just signed in passed the site's sign-in, which
// is exactly what the password check asks of everyone else.

/**
 * How recent a sign-in counts as proof: 10 minutes. Long enough to sign in again (an emailed
 * link lives 15 minutes, a TOTP challenge 10) and then finish the change in one sitting; short
 * enough that a session left open on a shared computer, or a token copied out of a browser, is
 * stale long before anyone could come back to misuse it. See docs/security.md.
 */
export const recentSignInMs = 10 * 60_000

/** Whether the session began, by any sign-in method, within the last `recentSignInMs`. */
export function signedInRecently(session: Pick<Session, 'createdAt'>, now: number): boolean {
  return now - session.createdAt < recentSignInMs
}

/**
 * Proves a sensitive change comes from the member: their current password when they have one
 * (403 INVALID_PASSWORD, throttled; left out, 422 as any missing field), a sign-in within
 * `recentSignInMs` when they have none (403 REAUTHENTICATION_REQUIRED otherwise). A member with
 * a password must still give it however fresh the session: a recent sign-in is only a stand-in
 * for a password that does not exist, never a way around one that does.
 */
export async function confirmItIsTheMember(
  deps: Pick<AuthDeps, 'clock' | 'limiter' | 'passwords'>,
  site: ResolvedSite,
  auth: MemberAuth,
  password: string | undefined,
): Promise<void> {
  const { member, session } = auth
  if (member.passwordHash !== '') {
    if (password === undefined) throw HttpErrors.validation({ password: 'Required.' })
    await verifyCurrentPassword(deps, site, member, password)
    return
  }
  // Refused rather than ignored: a page that asks this member for a password is mistaken, and
  // whatever they typed would otherwise look as if it had been checked.
  if (password !== undefined) {
    throw HttpErrors.validation({
      password: 'This account has no password: leave it out. A recent sign-in confirms it is you.',
    })
  }
  if (!signedInRecently(session, deps.clock.now())) throw AccountErrors.reauthenticationRequired()
}

/**
 * For changes that add a lasting way into the account (a passkey, a linked provider): from a
 * borrowed or stolen session they would outlive its revocation, so every member, password or
 * not, must have signed in within `recentSignInMs` (403 REAUTHENTICATION_REQUIRED otherwise),
 * like GitHub's "sudo mode". Signing in again is the proof; no password is asked.
 */
export function requireRecentSignIn(
  deps: Pick<AuthDeps, 'clock'>,
  session: Pick<Session, 'createdAt'>,
): void {
  if (!signedInRecently(session, deps.clock.now())) throw AccountErrors.reauthenticationRequired()
}

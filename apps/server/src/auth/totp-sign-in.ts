import type { ResolvedSite } from '../http/env.ts'
import type { SecondFactor } from '../two-factor/second-factor.ts'
import type { AuthDeps } from './deps.ts'
import { SignInErrors } from './errors.ts'
import { assertMaySignIn } from './login.ts'
import { beginLoginAttempt } from './login-throttle.ts'
import { memberById } from './members.ts'
import { type RequestMeta, type SignedIn, startMemberSession } from './second-step.ts'
import type { SessionTransport } from './sessions.ts'
import { countWrongCode, liveSignInChallenge, spendSignInChallenge } from './sign-in-challenges.ts'
import { totpThrottleKey } from './totp-enrolment.ts'
import { acceptMemberTotpCode, memberTotpOf, spendMemberRecoveryCode } from './totp-store.ts'

type Deps = Pick<AuthDeps, 'db' | 'clock'>

/**
 * The second step of a sign-in: a code from the authenticator app, or a recovery code, with the
 * challenge the first step gave. Wrong codes are throttled per member and address like passwords
 * (six digits fall to unthrottled guessing in hours), and each challenge takes only a few before
 * the first factor is asked again. Every failure is the same `401 INVALID_TOTP_CODE`, whether
 * the code was wrong, reused, or the challenge gone.
 */
export async function completeTotpSignIn(
  deps: Deps,
  site: ResolvedSite,
  input: { challenge: string; transport: SessionTransport } & SecondFactor,
  meta: RequestMeta,
): Promise<SignedIn> {
  const { db, clock } = deps
  const { scope } = site
  const challenge = await liveSignInChallenge(db, clock, scope, input.challenge)
  if (!challenge) throw SignInErrors.invalidTotpCode()
  const attempt = await beginLoginAttempt(deps, scope, totpThrottleKey(challenge.memberId), meta.ip)
  const member = await memberById(db, scope, challenge.memberId)
  const totp = member && (await memberTotpOf(db, scope, member.id))
  if (!member || !totp) throw SignInErrors.invalidTotpCode()
  const byRecoveryCode = 'recoveryCode' in input
  const accepted = byRecoveryCode
    ? await spendMemberRecoveryCode(db, clock, scope, member.id, input.recoveryCode)
    : await acceptMemberTotpCode(db, clock, scope, totp, input.code)
  if (!accepted) {
    await countWrongCode(db, scope, challenge.id)
    throw SignInErrors.invalidTotpCode()
  }
  await attempt.succeeded()
  // Two requests with two valid codes: only one of them gets the session.
  if (!(await spendSignInChallenge(db, scope, challenge.id))) throw SignInErrors.invalidTotpCode()
  // Suspended or banned since the first step: told now as the password step would.
  assertMaySignIn(member, site.auth, clock.now())
  return startMemberSession(deps, site, member, input.transport, meta)
}

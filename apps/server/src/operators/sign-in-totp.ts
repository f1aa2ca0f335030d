import { beginLoginAttempt } from '../auth/login-throttle.ts'
import type { SecondFactor } from '../two-factor/second-factor.ts'
import { recordAudit } from './audit.ts'
import { countWrongCode, liveChallenge, spendChallenge } from './challenges.ts'
import { deploymentScope, type OperatorDeps, type RequestMeta } from './deps.ts'
import { OperatorErrors } from './errors.ts'
import { operatorById } from './queries.ts'
import { acceptTotpCode, spendRecoveryCode, unusedRecoveryCodes } from './second-factor.ts'
import { type SignInOutcome, startSession } from './sign-in.ts'

type Deps = Pick<OperatorDeps, 'db' | 'clock' | 'config'>

/**
 * The second step of a sign-in with TOTP: a code from the authenticator app, or one of the
 * recovery codes, with the challenge the password step gave. Wrong codes are throttled per
 * operator and address like passwords (a six-digit code falls to unthrottled guessing in hours),
 * and each challenge takes only a few before the password is asked again. Every failure answers
 * the same `401 INVALID_TOTP_CODE`, whether the code was wrong, reused, or the challenge gone.
 */
export async function completeTotpSignIn(
  deps: Deps,
  input: { challenge: string } & SecondFactor,
  meta: RequestMeta,
): Promise<Extract<SignInOutcome, { token: string }>> {
  const { db, clock } = deps
  const challenge = await liveChallenge(db, clock, input.challenge)
  if (!challenge) throw OperatorErrors.invalidTotpCode()
  const attempt = await beginLoginAttempt(
    deps,
    deploymentScope,
    `operator-totp:${challenge.operatorId}`,
    meta.ip,
  )
  const operator = await operatorById(db, challenge.operatorId)
  if (!operator) throw OperatorErrors.invalidTotpCode()
  const byRecoveryCode = 'recoveryCode' in input
  const accepted = byRecoveryCode
    ? await spendRecoveryCode(db, clock, operator.id, input.recoveryCode)
    : await acceptTotpCode(db, clock, operator, input.code)
  if (!accepted) {
    await countWrongCode(db, challenge.id)
    await recordAudit(db, clock, {
      siteId: null,
      actor: { type: 'operator', id: operator.id, label: operator.email },
      action: 'POST /v1/operator/sign-in/totp',
      summary: 'Sign-in failed: wrong two-factor code',
      details: { secondFactor: byRecoveryCode ? 'recovery_code' : 'totp' },
      ip: meta.ip,
    })
    throw OperatorErrors.invalidTotpCode()
  }
  await attempt.succeeded()
  // Two requests with two valid codes: only one of them gets the session.
  if (!(await spendChallenge(db, challenge.id))) throw OperatorErrors.invalidTotpCode()
  return startSession(deps, operator, meta, {
    secondFactor: byRecoveryCode ? 'recovery_code' : 'totp',
    ...(byRecoveryCode && { recoveryCodesLeft: await unusedRecoveryCodes(db, operator.id) }),
  })
}

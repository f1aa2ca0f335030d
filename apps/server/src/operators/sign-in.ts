import { eq } from 'drizzle-orm'
import { dummyHash } from '../auth/login.ts'
import { beginLoginAttempt } from '../auth/login-throttle.ts'
import { operators } from '../db/schema.ts'
import { recordAudit } from './audit.ts'
import { createChallenge } from './challenges.ts'
import { deploymentScope, type OperatorDeps, type RequestMeta } from './deps.ts'
import { OperatorErrors } from './errors.ts'
import { normalizeOperatorEmail, type OperatorRow, operatorByEmail } from './queries.ts'
import { createOperatorSession } from './sessions.ts'
import { isRestricted } from './totp-policy.ts'

type Deps = Pick<OperatorDeps, 'db' | 'clock' | 'passwords' | 'config'>

export type SignInOutcome =
  | { status: 'totp_required'; challenge: string }
  | { status: 'signed_in' | 'totp_setup_required'; token: string; operator: OperatorRow }

const signInAction = 'POST /v1/operator/sign-in'

/** The throttle's name for an operator's password guesses, apart from their TOTP guesses. */
export function passwordThrottleKey(email: string) {
  return `operator:${email}`
}

/**
 * Checks an operator's email and password, throttled as members' sign-ins are (growing delays,
 * never a lockout: auth/login-throttle.ts). An unknown email costs the same scrypt work and gets
 * the same `401 INVALID_CREDENTIALS` as a wrong password. Then, by the operator's TOTP:
 * turned on, a challenge for the code (no session yet); required but not set up, a restricted
 * session; otherwise a session. Successes and failures go to the audit log.
 */
export async function signInOperator(
  deps: Deps,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<SignInOutcome> {
  const { db, clock, passwords } = deps
  const email = normalizeOperatorEmail(input.email)
  const attempt = await beginLoginAttempt(
    deps,
    deploymentScope,
    passwordThrottleKey(email),
    meta.ip,
  )
  const operator = await operatorByEmail(db, email)
  const correct = await passwords.verify(
    input.password,
    operator?.passwordHash ?? (await dummyHash(passwords)),
  )
  if (!operator || !correct) {
    // The typed email is kept only when it is an operator's: people type passwords into the
    // email field, and the log must not collect them.
    await recordAudit(db, clock, {
      siteId: null,
      actor: {
        type: 'operator',
        id: operator?.id ?? null,
        label: operator?.email ?? 'unknown email',
      },
      action: signInAction,
      summary: 'Sign-in failed',
      details: { reason: operator ? 'wrong_password' : 'unknown_email' },
      ip: meta.ip,
    })
    throw OperatorErrors.invalidCredentials()
  }
  await attempt.succeeded()
  if (passwords.needsRehash(operator.passwordHash)) {
    // The password is in hand only now: upgrade the stored hash to today's parameters.
    const passwordHash = await passwords.hash(input.password)
    await db
      .update(operators)
      .set({ passwordHash, updatedAt: clock.now() })
      .where(eq(operators.id, operator.id))
  }
  if (operator.totpEnabledAt !== null) {
    return { status: 'totp_required', challenge: await createChallenge(db, clock, operator.id) }
  }
  return startSession(deps, operator, meta, { secondFactor: 'none' })
}

/** Starts a session after a successful sign-in and records it. */
export async function startSession(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  operator: OperatorRow,
  meta: RequestMeta,
  details: Record<string, unknown>,
): Promise<Extract<SignInOutcome, { token: string }>> {
  const { db, clock } = deps
  const { token } = await createOperatorSession(db, clock, {
    operatorId: operator.id,
    userAgent: meta.userAgent,
    ip: meta.ip,
  })
  const restricted = await isRestricted(db, deps.config.operatorTotp, operator)
  await recordAudit(db, clock, {
    siteId: null,
    actor: { type: 'operator', id: operator.id, label: operator.email },
    action: signInAction,
    summary: restricted ? 'Signed in (two-factor setup required)' : 'Signed in',
    details,
    ip: meta.ip,
  })
  return { status: restricted ? 'totp_setup_required' : 'signed_in', token, operator }
}

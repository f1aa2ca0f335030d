import { beginLoginAttempt } from '../auth/login-throttle.ts'
import { deploymentScope, type OperatorDeps } from './deps.ts'
import { OperatorErrors } from './errors.ts'
import type { OperatorRow } from './queries.ts'
import { passwordThrottleKey } from './sign-in.ts'

/**
 * The signed-in operator's password again, before a change a borrowed session must not make
 * (turning TOTP off, new recovery codes): `403 INVALID_PASSWORD` when wrong, counted in the same
 * throttle as sign-in, so a stolen session cannot become a way to guess the password.
 */
export async function confirmPassword(
  deps: Pick<OperatorDeps, 'db' | 'clock' | 'passwords'>,
  operator: Pick<OperatorRow, 'email' | 'passwordHash'>,
  password: string,
  ip: string,
): Promise<void> {
  const attempt = await beginLoginAttempt(
    deps,
    deploymentScope,
    passwordThrottleKey(operator.email),
    ip,
  )
  if (!(await deps.passwords.verify(password, operator.passwordHash))) {
    throw OperatorErrors.invalidPassword()
  }
  await attempt.succeeded()
}

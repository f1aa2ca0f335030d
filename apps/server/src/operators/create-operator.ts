import { passwordProblem } from '../auth/password-policy.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { operators } from '../db/schema.ts'
import { HttpErrors } from '../http/errors.ts'
import { newId } from '../ids.ts'
import type { OperatorDeps } from './deps.ts'
import { normalizeOperatorEmail } from './queries.ts'

/**
 * Operators' passwords follow the members' rules (length, not among the most common, not their
 * name: auth/password-policy.ts) with a longer minimum: an operator holds every site's keys.
 * The breached-password service is not asked: a deployment may run with no way out.
 */
export const operatorPasswordMinLength = 12

export async function assertOperatorPassword(
  deps: Pick<OperatorDeps, 'breachedPasswords'>,
  password: string,
  person: { email: string; name: string },
): Promise<void> {
  const problem = await passwordProblem(
    password,
    { passwordMinLength: operatorPasswordMinLength, breachedPasswordCheck: false },
    { email: person.email, displayName: person.name },
    deps.breachedPasswords,
  )
  if (problem) throw HttpErrors.validation({ password: problem })
}

/** The row of a new operator, for an insert in a batch with what comes with it. */
export function newOperatorRow(
  clock: Clock,
  input: { email: string; name: string; passwordHash: string; admin: boolean },
) {
  const now = clock.now()
  return {
    id: newId('op'),
    email: normalizeOperatorEmail(input.email),
    name: input.name.trim(),
    passwordHash: input.passwordHash,
    admin: input.admin,
    createdAt: now,
    updatedAt: now,
  }
}

export function insertOperator(db: Database, row: typeof operators.$inferInsert) {
  return db.insert(operators).values(row)
}

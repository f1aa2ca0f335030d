import { and, eq, isNull, lt, or, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.ts'
import { acceptedTotpStep } from './totp.ts'

// Shared by operators (operators/second-factor.ts) and members (auth/totp-store.ts): how a code
// is accepted once. The rows differ (members' are per site, operators' per deployment); the
// rules are these.

/** What a sign-in's second step carries: a code from the authenticator app, or a recovery code. */
export type SecondFactor = { code: string } | { recoveryCode: string }

/** A TOTP key as stored: the secret in force (if any) and the last time step accepted. */
export type TotpKey = { secret: string | null; lastStep: number | null }

/**
 * Accepts a current code of `key` once. `claimStep` stores the step as the last accepted one
 * only if it is later than the stored one (a compare-and-set, see {@link laterThanLastStep}),
 * so one code sent twice at once passes only one of the requests.
 */
export async function acceptTotpCodeOnce(
  key: TotpKey,
  code: string,
  now: number,
  claimStep: (step: number) => Promise<boolean>,
): Promise<boolean> {
  if (!key.secret) return false
  const step = acceptedTotpStep(key.secret, code, now, key.lastStep)
  return step !== null && claimStep(step)
}

/** The compare-and-set's condition: no step accepted yet, or an earlier one. */
export function laterThanLastStep(lastStep: SQLiteColumn, step: number): SQL {
  return or(isNull(lastStep), lt(lastStep, step)) as SQL
}

/** The condition naming the unused recovery code `code`, as typed, among an account's codes. */
export function unusedRecoveryCode(
  columns: { codeHash: SQLiteColumn; usedAt: SQLiteColumn },
  code: string,
): SQL {
  return and(eq(columns.codeHash, hashRecoveryCode(code)), isNull(columns.usedAt)) as SQL
}

/** A fresh set of recovery codes: the codes to show once, and their rows to store. */
export function freshRecoveryCodes(now: number): {
  codes: string[]
  rows: { codeHash: string; createdAt: number }[]
} {
  const codes = newRecoveryCodes()
  return {
    codes,
    rows: codes.map((code) => ({ codeHash: hashRecoveryCode(code), createdAt: now })),
  }
}

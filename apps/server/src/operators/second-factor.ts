import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { operatorRecoveryCodes, operators } from '../db/schema.ts'
import { hashRecoveryCode, newRecoveryCodes } from '../two-factor/recovery-codes.ts'
import { acceptedTotpStep } from '../two-factor/totp.ts'

/**
 * Accepts a TOTP code of the operator's key once: the step it belongs to is claimed by a
 * compare-and-set, so the same code sent twice at once signs in only one of them.
 */
export async function acceptTotpCode(
  db: Database,
  clock: Clock,
  operator: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
): Promise<boolean> {
  if (!operator.totpSecret) return false
  const step = acceptedTotpStep(operator.totpSecret, code, clock.now(), operator.totpLastStep)
  if (step === null) return false
  const claimed = await db
    .update(operators)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(operators.id, operator.id),
        or(isNull(operators.totpLastStep), lt(operators.totpLastStep, step)),
      ),
    )
    .returning({ id: operators.id })
  return claimed.length > 0
}

/** Spends one recovery code; `false` for a wrong or already used one. */
export async function spendRecoveryCode(
  db: Database,
  clock: Clock,
  operatorId: string,
  code: string,
): Promise<boolean> {
  const spent = await db
    .update(operatorRecoveryCodes)
    .set({ usedAt: clock.now() })
    .where(
      and(
        eq(operatorRecoveryCodes.operatorId, operatorId),
        eq(operatorRecoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(operatorRecoveryCodes.usedAt),
      ),
    )
    .returning({ operatorId: operatorRecoveryCodes.operatorId })
  return spent.length > 0
}

export async function unusedRecoveryCodes(db: Database, operatorId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)` })
    .from(operatorRecoveryCodes)
    .where(
      and(eq(operatorRecoveryCodes.operatorId, operatorId), isNull(operatorRecoveryCodes.usedAt)),
    )
  return Number(row?.count ?? 0)
}

/**
 * New recovery codes in place of all the old ones: the statements for `db.batch`, and the
 * codes to show once.
 */
export function replaceRecoveryCodes(db: Database, clock: Clock, operatorId: string) {
  const codes = newRecoveryCodes()
  const now = clock.now()
  return {
    codes,
    statements: [
      db.delete(operatorRecoveryCodes).where(eq(operatorRecoveryCodes.operatorId, operatorId)),
      db
        .insert(operatorRecoveryCodes)
        .values(
          codes.map((code) => ({ operatorId, codeHash: hashRecoveryCode(code), createdAt: now })),
        ),
    ] as const,
  }
}

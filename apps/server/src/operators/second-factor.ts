import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { operatorRecoveryCodes, operators } from '../db/schema.ts'
import {
  acceptTotpCodeOnce,
  freshRecoveryCodes,
  laterThanLastStep,
  unusedRecoveryCode,
} from '../two-factor/second-factor.ts'

// An operator's TOTP key (on the operators row) and recovery codes as stored; the rules of
// accepting a code once are shared with members (two-factor/second-factor.ts).

/**
 * Accepts a TOTP code of the operator's key once: the step it belongs to is claimed by a
 * compare-and-set, so the same code sent twice at once signs in only one of them.
 */
export function acceptTotpCode(
  db: Database,
  clock: Clock,
  operator: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
): Promise<boolean> {
  const key = { secret: operator.totpSecret, lastStep: operator.totpLastStep }
  return acceptTotpCodeOnce(key, code, clock.now(), async (step) => {
    const claimed = await db
      .update(operators)
      .set({ totpLastStep: step })
      .where(and(eq(operators.id, operator.id), laterThanLastStep(operators.totpLastStep, step)))
      .returning({ id: operators.id })
    return claimed.length > 0
  })
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
        unusedRecoveryCode(operatorRecoveryCodes, code),
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
  const { codes, rows } = freshRecoveryCodes(clock.now())
  return {
    codes,
    statements: [
      db.delete(operatorRecoveryCodes).where(eq(operatorRecoveryCodes.operatorId, operatorId)),
      db.insert(operatorRecoveryCodes).values(rows.map((row) => ({ ...row, operatorId }))),
    ] as const,
  }
}

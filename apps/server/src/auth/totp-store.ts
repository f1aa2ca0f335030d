import { eq, isNull, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { memberRecoveryCodes, memberSignInChallenges, memberTotp } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import {
  acceptTotpCodeOnce,
  freshRecoveryCodes,
  laterThanLastStep,
  unusedRecoveryCode,
} from '../two-factor/second-factor.ts'

// A member's TOTP key and recovery codes as stored (member_totp, member_recovery_codes). The
// codes' arithmetic is shared with operators (two-factor/); the rows are the members' own.

export type MemberTotpRow = typeof memberTotp.$inferSelect

export async function memberTotpOf(
  db: Database,
  scope: SiteScope,
  memberId: string,
): Promise<MemberTotpRow | null> {
  const [row] = await db
    .select()
    .from(memberTotp)
    .where(scope.where(memberTotp, eq(memberTotp.memberId, memberId)))
  return row ?? null
}

/** Whether the member signs in with a second step: a key in force. */
export function totpEnabled(row: MemberTotpRow | null): row is MemberTotpRow & { secret: string } {
  return row?.enabledAt != null && row.secret !== null
}

/** Stores a key being set up, keeping one in force (if any) until a code confirms the new one. */
export function savePendingSecret(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  memberId: string,
  secret: string,
) {
  const now = clock.now()
  return db
    .insert(memberTotp)
    .values({ memberId, siteId: scope.siteId, pendingSecret: secret, updatedAt: now })
    .onConflictDoUpdate({
      target: memberTotp.memberId,
      set: { pendingSecret: secret, updatedAt: now },
      setWhere: eq(memberTotp.siteId, scope.siteId),
    })
}

/**
 * Accepts a current code of the member's key once (two-factor/second-factor.ts): the time step
 * is claimed by a compare-and-set, so one code sent twice at once passes only one request.
 */
export function acceptMemberTotpCode(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  row: MemberTotpRow,
  code: string,
): Promise<boolean> {
  if (row.enabledAt === null) return Promise.resolve(false)
  return acceptTotpCodeOnce(row, code, clock.now(), async (step) => {
    const claimed = await db
      .update(memberTotp)
      .set({ lastStep: step })
      .where(
        scope.where(
          memberTotp,
          eq(memberTotp.memberId, row.memberId),
          laterThanLastStep(memberTotp.lastStep, step),
        ),
      )
      .returning({ memberId: memberTotp.memberId })
    return claimed.length > 0
  })
}

/** Spends one recovery code; `false` for a wrong or already used one. */
export async function spendMemberRecoveryCode(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  memberId: string,
  code: string,
): Promise<boolean> {
  const spent = await db
    .update(memberRecoveryCodes)
    .set({ usedAt: clock.now() })
    .where(
      scope.where(
        memberRecoveryCodes,
        eq(memberRecoveryCodes.memberId, memberId),
        unusedRecoveryCode(memberRecoveryCodes, code),
      ),
    )
    .returning({ memberId: memberRecoveryCodes.memberId })
  return spent.length > 0
}

export async function unusedMemberRecoveryCodes(
  db: Database,
  scope: SiteScope,
  memberId: string,
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)` })
    .from(memberRecoveryCodes)
    .where(
      scope.where(
        memberRecoveryCodes,
        eq(memberRecoveryCodes.memberId, memberId),
        isNull(memberRecoveryCodes.usedAt),
      ),
    )
  return Number(row?.count ?? 0)
}

/** New recovery codes in place of all the old ones: statements for `db.batch`, codes to show. */
export function replaceMemberRecoveryCodes(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  memberId: string,
) {
  const { codes, rows } = freshRecoveryCodes(clock.now())
  return {
    codes,
    statements: [
      deleteMemberRecoveryCodes(db, scope, memberId),
      db
        .insert(memberRecoveryCodes)
        .values(rows.map((row) => ({ ...row, siteId: scope.siteId, memberId }))),
    ] as const,
  }
}

export function deleteMemberRecoveryCodes(db: Database, scope: SiteScope, memberId: string) {
  return db
    .delete(memberRecoveryCodes)
    .where(scope.where(memberRecoveryCodes, eq(memberRecoveryCodes.memberId, memberId)))
}

export function deleteMemberTotp(db: Database, scope: SiteScope, memberId: string) {
  return db.delete(memberTotp).where(scope.where(memberTotp, eq(memberTotp.memberId, memberId)))
}

/** Every two-factor row of a member, for deleting the account (`ON DELETE CASCADE` aside). */
export function twoFactorRowsOf(db: Database, scope: SiteScope, memberId: string) {
  return [
    deleteMemberTotp(db, scope, memberId),
    deleteMemberRecoveryCodes(db, scope, memberId),
    db
      .delete(memberSignInChallenges)
      .where(scope.where(memberSignInChallenges, eq(memberSignInChallenges.memberId, memberId))),
  ] as const
}

import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { memberTokens } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import { newToken, splitToken, tokenSecretMatches } from './tokens.ts'

export type TokenPurpose = (typeof memberTokens.purpose.enumValues)[number]

/** How long an emailed link works. */
export const tokenLifetimeMs: Record<TokenPurpose, number> = {
  verify_email: 24 * 3_600_000,
  reset_password: 30 * 60_000,
  change_email: 24 * 3_600_000,
  /** A sign-in link is a password in an inbox: short-lived (sign-in-link.ts). */
  sign_in: 15 * 60_000,
}

/**
 * A new single-use token for an emailed link, as an insert to batch with the email that carries
 * it. Earlier unused tokens for the same purpose stay valid until they expire or one is used:
 * the member may click whichever email arrives first.
 */
export function issueMemberToken(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  input: { memberId: string; purpose: TokenPurpose; newEmail?: string; browserHash?: string },
) {
  const { id, token, secretHash } = newToken()
  const now = clock.now()
  const insert = db.insert(memberTokens).values({
    id,
    siteId: scope.siteId,
    memberId: input.memberId,
    purpose: input.purpose,
    secretHash,
    newEmail: input.newEmail ?? null,
    browserHash: input.browserHash ?? null,
    createdAt: now,
    expiresAt: now + tokenLifetimeMs[input.purpose],
  })
  return { token, insert }
}

/**
 * Spends a token: `null` if it is malformed, unknown, for another purpose or site, expired or
 * already used. Marking it used is a conditional update, so two clicks racing cannot both
 * succeed. On success every other unused token of the member for this purpose is spent too.
 */
export async function consumeMemberToken(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  purpose: TokenPurpose,
  token: string,
): Promise<{ memberId: string; newEmail: string | null } | null> {
  const row = await usableToken(db, clock, scope, purpose, token)
  if (!row) return null
  const now = clock.now()
  const spent = await db
    .update(memberTokens)
    .set({ usedAt: now })
    .where(
      scope.where(
        memberTokens,
        eq(memberTokens.memberId, row.memberId),
        eq(memberTokens.purpose, purpose),
        isNull(memberTokens.usedAt),
        and(gt(memberTokens.expiresAt, now)),
      ),
    )
    .returning({ id: memberTokens.id })
  if (!spent.some((s) => s.id === row.id)) return null
  return { memberId: row.memberId, newEmail: row.newEmail }
}

/** The token's row if `consumeMemberToken` would accept it; checks without spending. */
async function usableToken(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  purpose: TokenPurpose,
  token: string,
) {
  const parts = splitToken(token)
  if (!parts) return null
  const [row] = await db
    .select()
    .from(memberTokens)
    .where(
      scope.where(memberTokens, eq(memberTokens.id, parts.id), eq(memberTokens.purpose, purpose)),
    )
  const usable =
    row &&
    row.usedAt === null &&
    row.expiresAt > clock.now() &&
    tokenSecretMatches(parts.secret, row.secretHash)
  return usable ? row : null
}

/**
 * Whether `token` would be accepted by `consumeMemberToken`, without spending it: lets a flow
 * refuse a bad password (422) and leave the link usable for a second try. Same checks, same
 * `null` for every kind of bad token.
 */
export async function peekMemberToken(
  db: Database,
  clock: Clock,
  scope: SiteScope,
  purpose: TokenPurpose,
  token: string,
): Promise<{ memberId: string; newEmail: string | null; browserHash: string | null } | null> {
  const row = await usableToken(db, clock, scope, purpose, token)
  return row
    ? { memberId: row.memberId, newEmail: row.newEmail, browserHash: row.browserHash }
    : null
}

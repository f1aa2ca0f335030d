import { encodeBase64urlNoPadding } from '@oslojs/encoding'
import { desc, eq, type SQL } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { memberPasskeys } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'

// Queries on `member_passkeys`, always through the site's scope: a credential id registered on
// one site means nothing on another.

export type StoredPasskey = typeof memberPasskeys.$inferSelect

/** What the member sees of a passkey: never its key material. */
export const passkeyViewColumns = {
  id: memberPasskeys.id,
  name: memberPasskeys.name,
  createdAt: memberPasskeys.createdAt,
  lastUsedAt: memberPasskeys.lastUsedAt,
}

export function passkeysOfMember(db: Database, scope: SiteScope, memberId: string) {
  return db
    .select(passkeyViewColumns)
    .from(memberPasskeys)
    .where(scope.where(memberPasskeys, eq(memberPasskeys.memberId, memberId)))
    .orderBy(desc(memberPasskeys.createdAt), memberPasskeys.id)
}

/** The member's credential ids, for `excludeCredentials` (no second passkey on one device). */
export function credentialsOfMember(db: Database, scope: SiteScope, memberId: string) {
  return db
    .select({ id: memberPasskeys.credentialId, transports: memberPasskeys.transports })
    .from(memberPasskeys)
    .where(scope.where(memberPasskeys, eq(memberPasskeys.memberId, memberId)))
}

export async function passkeyByCredentialId(
  db: Database,
  scope: SiteScope,
  credentialId: Uint8Array,
): Promise<StoredPasskey | null> {
  const [row] = await db
    .select()
    .from(memberPasskeys)
    .where(
      scope.where(
        memberPasskeys,
        eq(memberPasskeys.credentialId, encodeBase64urlNoPadding(credentialId)),
      ),
    )
  return row ?? null
}

/**
 * Records a sign-in: the new counter and the time. Compare-and-set on the counter, so two
 * answers racing with the same counter value cannot both pass the clone check.
 */
export async function recordPasskeyUse(
  db: Database,
  scope: SiteScope,
  passkey: StoredPasskey,
  signCount: number,
  now: number,
): Promise<boolean> {
  const updated = await db
    .update(memberPasskeys)
    .set({ signCount, lastUsedAt: now })
    .where(
      scope.where(
        memberPasskeys,
        eq(memberPasskeys.id, passkey.id),
        eq(memberPasskeys.signCount, passkey.signCount),
      ),
    )
    .returning({ id: memberPasskeys.id })
  return updated.length === 1
}

export async function renamePasskey(
  db: Database,
  scope: SiteScope,
  memberId: string,
  id: string,
  name: string,
) {
  const [row] = await db
    .update(memberPasskeys)
    .set({ name })
    .where(
      scope.where(memberPasskeys, eq(memberPasskeys.id, id), eq(memberPasskeys.memberId, memberId)),
    )
    .returning(passkeyViewColumns)
  return row ?? null
}

/**
 * Removes a passkey. With `keepOneWay`, only while the member still has another passkey or a
 * linked provider, checked in the same statement: two removals racing for the last two
 * passkeys cannot both succeed, because SQLite runs writes one at a time.
 */
export async function deletePasskey(
  db: Database,
  scope: SiteScope,
  memberId: string,
  id: string,
  /** The rule that the member keeps a way in (sign-in-ways.ts), checked by the delete itself. */
  keepsAWayIn: SQL | undefined,
): Promise<boolean> {
  const deleted = await db
    .delete(memberPasskeys)
    .where(
      scope.where(
        memberPasskeys,
        eq(memberPasskeys.id, id),
        eq(memberPasskeys.memberId, memberId),
        keepsAWayIn,
      ),
    )
    .returning({ id: memberPasskeys.id })
  return deleted.length === 1
}

/** Whether the member has this passkey at all (to tell "not found" from "last way"). */
export async function memberHasPasskey(
  db: Database,
  scope: SiteScope,
  memberId: string,
  id: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: memberPasskeys.id })
    .from(memberPasskeys)
    .where(
      scope.where(memberPasskeys, eq(memberPasskeys.id, id), eq(memberPasskeys.memberId, memberId)),
    )
  return row !== undefined
}

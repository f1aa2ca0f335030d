import { eq } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { members } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { OwnAccount } from './schemas.ts'
import { type SessionMember, statusInForce } from './sessions.ts'

/**
 * One address, one spelling: trimmed, Unicode NFC, lower-cased. Lower-casing the local part is
 * not RFC 5321's rule, but nearly every provider treats it so, and two accounts for
 * `Ann@x.com` and `ann@x.com` would be a support problem and an impersonation risk.
 */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase()
}

/** Usernames are shown as typed and compared lower-cased (NFKC folds look-alike forms). */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase()
}

export async function memberByEmail(db: Database, scope: SiteScope, email: string) {
  const [row] = await db
    .select()
    .from(members)
    .where(scope.where(members, eq(members.email, normalizeEmail(email))))
  return row ?? null
}

export async function memberById(db: Database, scope: SiteScope, id: string) {
  const [row] = await db
    .select()
    .from(members)
    .where(scope.where(members, eq(members.id, id)))
  return row ?? null
}

/**
 * What a member (and the SDK) sees of their own account. Never the password hash. The status is
 * the one in force at `now`, as the owner sees it too (`statusInForce`).
 */
export function ownAccount(member: SessionMember, now: number): OwnAccount {
  const { status, suspendedUntil } = statusInForce(member, now)
  return {
    id: member.id,
    email: member.email,
    emailVerified: member.emailVerifiedAt !== null,
    displayName: member.displayName,
    username: member.username,
    avatarUrl: member.avatarUrl,
    bio: member.bio,
    role: member.role,
    status,
    suspendedUntil,
    createdAt: member.createdAt,
    // An empty hash is "never set" (members.password_hash): no password verifies against it.
    hasPassword: member.passwordHash !== '',
  }
}

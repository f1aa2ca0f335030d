import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { eq } from 'drizzle-orm'
import { members } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { AuthDeps } from './deps.ts'
import { AuthErrors } from './errors.ts'
import { usernameKey } from './members.ts'

// What both kinds of registration share (register.ts with a password, register-by-link.ts
// without): the username check, the cap on "you already have an account" mails, and telling a
// lost race from a real failure.

const hourMs = 3_600_000
/** "You already have an account" mails per address per hour: registering must not spam. */
const alreadyRegisteredMailsPerHour = 3

/** The unique index a failed insert ran into, if that is why it failed (a race with another). */
export function uniqueViolation(error: unknown): 'email' | 'username' | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (!/UNIQUE constraint failed/i.test(e.message)) continue
    if (/members\.username_key/.test(e.message)) return 'username'
    if (/members\.email/.test(e.message)) return 'email'
  }
  return null
}

export async function assertUsernameFree(
  deps: Pick<AuthDeps, 'db'>,
  scope: SiteScope,
  username?: string,
) {
  if (username === undefined) return
  const [taken] = await deps.db
    .select({ id: members.id })
    .from(members)
    .where(scope.where(members, eq(members.usernameKey, usernameKey(username))))
  if (taken) throw AuthErrors.usernameTaken()
}

/**
 * Counts a registration for `email` against its mail cap, whether or not the address has an
 * account (so both paths do this work); whether a mail to an existing account may go out.
 */
export async function alreadyRegisteredMailAllowed(
  deps: Pick<AuthDeps, 'limiter'>,
  site: ResolvedSite,
  email: string,
): Promise<boolean> {
  const addressKey = encodeHexLowerCase(sha256(new TextEncoder().encode(email))).slice(0, 32)
  const hit = await deps.limiter.hit({
    siteId: site.id,
    bucket: `register-mail:${addressKey}`,
    limit: alreadyRegisteredMailsPerHour,
    windowMs: hourMs,
  })
  return hit.allowed
}

import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import type { ResolvedSite } from '../http/env.ts'
import { rateLimitOrThrow } from '../http/rate-limit.ts'
import { enqueue } from '../outbox/jobs.ts'
import {
  peekMemberToken,
  setPasswordHash,
  spendPendingTokens,
  writesMatchingNothing,
} from './account-queries.ts'
import type { AuthDeps } from './deps.ts'
import { passwordChangedMail, passwordResetMail } from './emails.ts'
import { AuthErrors, SignInErrors } from './errors.ts'
import { consumeMemberToken, issueMemberToken } from './member-tokens.ts'
import { memberByEmail, memberById, normalizeEmail } from './members.ts'
import { assertPasswordAllowed } from './password-policy.ts'
import { deleteMemberSessions } from './sessions.ts'
import { memberLink } from './settings.ts'
import { newToken } from './tokens.ts'

// Forgot password: a single-use link by email (30 minutes, stored hashed), then a new password.
// It is also how a member who joined without a password (by link, passkey or provider) sets a
// first one, and only where the site signs in with passwords.
// The request answers the same whether or not the address has an account (OWASP ASVS 6.3.x,
// PocketBase's record_auth_password_reset_request): only the inbox learns the difference.

type Deps = Pick<
  AuthDeps,
  'db' | 'clock' | 'limiter' | 'passwords' | 'breachedPasswords' | 'config'
>

const hourMs = 3_600_000

/**
 * Per client address: one person forgets one password; 20 an hour leaves room for a shared
 * office address while stopping a script from mailing every address it knows.
 */
export const resetRequestsPerAddressPerHour = 20

/**
 * Per email address, counted whether or not it has an account (so a 429 reveals nothing):
 * caps how many reset emails anyone can make one inbox receive.
 */
export const resetRequestsPerEmailPerHour = 5

/** Bad tokens per client address before it must wait: guessing is hopeless, this spares the db. */
const badTokensPerAddressPer10Minutes = 30

/**
 * The address as a rate-limit bucket name: hashed, so the limiter's table does not become a list
 * of addresses people typed (including those of people who never signed up).
 */
function emailBucket(siteId: string, email: string) {
  const digest = encodeHexLowerCase(sha256(new TextEncoder().encode(`${siteId}\n${email}`)))
  return `password-reset:email:${digest.slice(0, 32)}`
}

/**
 * Queues a reset link for `email` if it belongs to a member of the site, and otherwise does the
 * same work but for the rows (the email rendered and dropped, a write transaction that matches
 * nothing), so the answer (always 202) and its timing say nothing. The limits are counted before
 * the lookup, so they too behave the same for every address.
 */
export async function requestPasswordReset(
  deps: Deps,
  site: ResolvedSite,
  input: { email: string; clientAddress: string },
): Promise<void> {
  const { db, clock, limiter } = deps
  const { scope } = site
  // A password set where the site takes none could never be used. Said before any lookup.
  if (!site.auth.passwordSignIn) throw SignInErrors.methodDisabled()
  const email = normalizeEmail(input.email)
  await rateLimitOrThrow(limiter, {
    siteId: site.id,
    bucket: `password-reset:address:${input.clientAddress}`,
    limit: resetRequestsPerAddressPerHour,
    windowMs: hourMs,
  })
  await rateLimitOrThrow(limiter, {
    siteId: site.id,
    bucket: emailBucket(site.id, email),
    limit: resetRequestsPerEmailPerHour,
    windowMs: hourMs,
  })
  const member = await memberByEmail(db, scope, email)
  const link = (token: string) =>
    memberLink(site.auth, site.origins, deps.config.publicUrl, 'reset-password', token)
  if (!member) {
    passwordResetMail(site, email, link(newToken().token)) // rendered and dropped
    await db.batch(writesMatchingNothing(db, clock, scope))
    return
  }
  const { token, insert } = issueMemberToken(db, clock, scope, {
    memberId: member.id,
    purpose: 'reset_password',
  })
  const url = link(token)
  await db.batch([insert, enqueue(db, clock, scope, passwordResetMail(site, member.email, url))])
}

/** Counts a bad token against the caller; 429 once they have sent too many. */
export function countBadToken(deps: Pick<AuthDeps, 'limiter'>, siteId: string, address: string) {
  return rateLimitOrThrow(deps.limiter, {
    siteId,
    bucket: `bad-token:${address}`,
    limit: badTokensPerAddressPer10Minutes,
    windowMs: 10 * 60_000,
  })
}

/**
 * Sets a new password from a reset link. The token is checked first without being spent, so a
 * password the policy refuses (422) leaves the link usable for a second try; it is spent only
 * once the new hash is ready, by a conditional update two racing clicks cannot both win.
 *
 * Then, in one batch: the new hash; the email marked verified (the link proved the member reads
 * it); every session ended, since whoever forgot or lost the password may not be the only one
 * holding a session; pending reset and email-change links spent, so an email change an attacker
 * started from a stolen session cannot complete after the owner took the account back; and a
 * notice to the address.
 */
export async function confirmPasswordReset(
  deps: Deps,
  site: ResolvedSite,
  input: { token: string; password: string; clientAddress: string },
): Promise<void> {
  const { db, clock } = deps
  const { scope } = site
  if (!site.auth.passwordSignIn) throw SignInErrors.methodDisabled()
  const invalid = async () => {
    await countBadToken(deps, site.id, input.clientAddress)
    return AuthErrors.invalidToken()
  }
  const found = await peekMemberToken(db, clock, scope, 'reset_password', input.token)
  const member = found && (await memberById(db, scope, found.memberId))
  if (!member) throw await invalid()
  await assertPasswordAllowed(input.password, site.auth, member, deps.breachedPasswords)
  const passwordHash = await deps.passwords.hash(input.password)
  // Spent after the slow hash: a link that expired or was used meanwhile fails here.
  if (!(await consumeMemberToken(db, clock, scope, 'reset_password', input.token))) {
    throw await invalid()
  }
  await db.batch([
    setPasswordHash(db, clock, scope, member.id, passwordHash, { markVerified: true }),
    deleteMemberSessions(db, scope, member.id),
    spendPendingTokens(db, clock, scope, member.id, ['reset_password', 'change_email']),
    enqueue(db, clock, scope, passwordChangedMail(site, member.email, true)),
  ])
}

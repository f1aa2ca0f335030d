import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { and, eq, isNull } from 'drizzle-orm'
import { members } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { rateLimitOrThrow } from '../http/rate-limit.ts'
import { randomToken } from '../ids.ts'
import { enqueue } from '../outbox/jobs.ts'
import { writesMatchingNothing } from './account-queries.ts'
import type { AuthDeps } from './deps.ts'
import { signInLinkMail } from './emails.ts'
import { AuthErrors, SignInErrors } from './errors.ts'
import { assertMaySignIn } from './login.ts'
import { consumeMemberToken, issueMemberToken, peekMemberToken } from './member-tokens.ts'
import { memberByEmail, memberById, normalizeEmail } from './members.ts'
import { countBadToken } from './password-reset.ts'
import { afterFirstFactor, type RequestMeta, type SignInOutcome } from './second-step.ts'
import type { SessionTransport } from './sessions.ts'
import { memberLink } from './settings.ts'
import { newToken } from './tokens.ts'

// "Email me a sign-in link": a single-use link (15 minutes, stored hashed) that signs the member
// in and verifies the address. Asked for like a password reset (the same answer, the same work
// and the same limits whether or not the address has an account), and, where the browser can
// hold a value, bound to the browser that asked:
//
// The request carries the browser's `browserKey` (the SDK makes one per browser and keeps it in
// the site's storage, so links asked for in two tabs both work; without one, the server makes a
// fresh key), the answer repeats it, and only its SHA-256 is stored with the token; redeeming
// needs it. A link that leaks (a forwarded email, a mailbox read over a shoulder) or that an
// attacker asked for with their own address and sent to a victim (signing the victim into the
// attacker's account) does nothing in another browser.
// Opened elsewhere it answers `SIGN_IN_LINK_OTHER_BROWSER` and stays unspent, so the member can
// still open it where they asked, or ask again from here. The trade-off: reading mail on a phone
// for a sign-in on a laptop needs a new link asked from the phone.

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'limiter' | 'config'>

const hourMs = 3_600_000

/** Per client address, as for password resets: room for an office, not for a mailing script. */
export const linkRequestsPerAddressPerHour = 20

/** Per email address, counted whether or not it has an account: caps mail to one inbox. */
export const linkRequestsPerEmailPerHour = 5

function sha256Hex(text: string) {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(text)))
}

/** The address as a bucket name, hashed so the limiter's table holds no list of addresses. */
function emailBucket(siteId: string, email: string) {
  return `sign-in-link:email:${sha256Hex(`${siteId}\n${email}`).slice(0, 32)}`
}

/**
 * A browser binding: the key the asking browser keeps (its own, or a fresh one answered to it),
 * and the hash stored with the token. Registration without a password binds its link the same
 * way (register-by-link.ts).
 */
export function newBrowserBinding(browserKey = randomToken(20)): {
  browserKey: string
  browserHash: string
} {
  return { browserKey, browserHash: sha256Hex(browserKey) }
}

function browserKeyMatches(browserKey: string | undefined, storedHash: string | null) {
  if (!browserKey || !storedHash) return false
  const a = new TextEncoder().encode(sha256Hex(browserKey))
  const b = new TextEncoder().encode(storedHash)
  return a.length === b.length && constantTimeEqual(a, b)
}

/**
 * Queues a sign-in link for `email` if it belongs to a member who may sign in, and otherwise
 * renders the email and runs a write that matches nothing: the answer and its timing are the
 * same. Answers the browser key in both cases. Limits are counted before the lookup.
 */
export async function requestSignInLink(
  deps: Deps,
  site: ResolvedSite,
  input: { email: string; browserKey?: string | undefined; clientAddress: string },
): Promise<{ browserKey: string }> {
  const { db, clock, limiter } = deps
  const { scope } = site
  if (!site.auth.emailLinkSignIn) throw SignInErrors.methodDisabled()
  const email = normalizeEmail(input.email)
  await rateLimitOrThrow(limiter, {
    siteId: site.id,
    bucket: `sign-in-link:address:${input.clientAddress}`,
    limit: linkRequestsPerAddressPerHour,
    windowMs: hourMs,
  })
  await rateLimitOrThrow(limiter, {
    siteId: site.id,
    bucket: emailBucket(site.id, email),
    limit: linkRequestsPerEmailPerHour,
    windowMs: hourMs,
  })
  const { browserKey, browserHash } = newBrowserBinding(input.browserKey)
  const member = await memberByEmail(db, scope, email)
  const link = (token: string) =>
    memberLink(site.auth, site.origins, deps.config.publicUrl, 'sign-in', token)
  if (!member || member.status === 'banned') {
    signInLinkMail(site, email, link(newToken().token)) // rendered and dropped
    await db.batch(writesMatchingNothing(db, clock, scope))
    return { browserKey }
  }
  const { token, insert } = issueMemberToken(db, clock, scope, {
    memberId: member.id,
    purpose: 'sign_in',
    browserHash,
  })
  await db.batch([
    insert,
    enqueue(db, clock, scope, signInLinkMail(site, member.email, link(token))),
  ])
  return { browserKey }
}

/**
 * Signs in with a link: checked without spending it first, so the wrong browser leaves it
 * usable; then spent (two clicks racing cannot both win), the address marked verified (the
 * click proved the member reads it), and the member goes on as after a password: a session, or
 * the TOTP step first.
 */
export async function redeemSignInLink(
  deps: Deps,
  site: ResolvedSite,
  input: { token: string; browserKey?: string | undefined; transport: SessionTransport },
  meta: RequestMeta,
): Promise<SignInOutcome> {
  const { db, clock } = deps
  const { scope } = site
  if (!site.auth.emailLinkSignIn) throw SignInErrors.methodDisabled()
  const invalid = async () => {
    await countBadToken(deps, site.id, meta.ip)
    return AuthErrors.invalidToken()
  }
  const found = await peekMemberToken(db, clock, scope, 'sign_in', input.token)
  if (!found) throw await invalid()
  if (!browserKeyMatches(input.browserKey, found.browserHash)) {
    await countBadToken(deps, site.id, meta.ip)
    throw SignInErrors.linkOtherBrowser()
  }
  if (!(await consumeMemberToken(db, clock, scope, 'sign_in', input.token))) throw await invalid()
  const member = await memberById(db, scope, found.memberId)
  if (!member) throw await invalid()
  const now = clock.now()
  if (member.emailVerifiedAt === null) {
    await db
      .update(members)
      .set({ emailVerifiedAt: now, updatedAt: now })
      .where(scope.where(members, and(eq(members.id, member.id), isNull(members.emailVerifiedAt))))
    member.emailVerifiedAt = now
  }
  assertMaySignIn(member, site.auth, now)
  return afterFirstFactor(deps, site, member, input.transport, meta)
}

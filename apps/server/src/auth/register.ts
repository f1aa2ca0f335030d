import { members } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { rateLimitOrThrow } from '../http/rate-limit.ts'
import { newId } from '../ids.ts'
import { enqueue } from '../outbox/jobs.ts'
import type { AuthDeps } from './deps.ts'
import { alreadyRegisteredMail, verifyEmailMail } from './emails.ts'
import { AuthErrors } from './errors.ts'
import { issueMemberToken } from './member-tokens.ts'
import { memberByEmail, normalizeEmail, usernameKey } from './members.ts'
import { assertPasswordAllowed } from './password-policy.ts'
import { registerByLink } from './register-by-link.ts'
import {
  alreadyRegisteredMailAllowed,
  assertUsernameFree,
  uniqueViolation,
} from './registration-checks.ts'
import { memberLink } from './settings.ts'

export type RegisterDeps = Pick<
  AuthDeps,
  'db' | 'clock' | 'limiter' | 'passwords' | 'breachedPasswords' | 'config' | 'metrics'
>

export type RegisterInput = {
  email: string
  /** Required where the site signs in with passwords; refused where it does not. */
  password?: string | undefined
  displayName: string
  username?: string | undefined
  /** Without a password: the asking browser's key for the link (register-by-link.ts). */
  browserKey?: string | undefined
}

const hourMs = 3_600_000
/** Registrations per address per hour and site: plenty for a family or an office behind NAT. */
export const registrationsPerHour = 10

/** The answer: check your email, for a link that verifies, or one that verifies and signs in. */
export type RegisterOutcome =
  | { status: 'verification_sent' }
  | { status: 'link_sent'; browserKey: string }

/**
 * Registers a member. With password sign-in on, the password is required and the email confirms
 * the address; with it off, no password is taken and one link confirms the address and signs in
 * (register-by-link.ts). The rate limit is the same for both.
 */
export async function register(
  deps: RegisterDeps,
  site: ResolvedSite,
  input: RegisterInput,
  meta: { ip: string },
): Promise<RegisterOutcome> {
  // Told before counting: it depends on the site alone, not on who is registered.
  if (!site.auth.passwordSignIn && input.password !== undefined) {
    throw AuthErrors.passwordNotAccepted()
  }
  if (site.auth.passwordSignIn && input.password === undefined) {
    throw HttpErrors.validation({ password: 'Required.' })
  }
  await rateLimitOrThrow(deps.limiter, {
    siteId: site.id,
    bucket: `register:${meta.ip}`,
    limit: registrationsPerHour,
    windowMs: hourMs,
  })
  if (input.password === undefined) return registerByLink(deps, site, input)
  await registerWithPassword(deps, site, { ...input, password: input.password })
  return { status: 'verification_sent' }
}

/**
 * With a password: registers a member, or, when the address already has an account, emails its
 * owner instead. Both paths do the same work in the same order (a policy check, a lookup, one scrypt hash, a
 * limiter hit, one batch) and the caller answers both alike, so neither the answer nor its
 * timing tells anyone whether an address is registered. A taken username is reported: usernames
 * are public anyway.
 */
async function registerWithPassword(
  deps: RegisterDeps,
  site: ResolvedSite,
  input: RegisterInput & { password: string },
): Promise<void> {
  const { db, clock, passwords, config } = deps
  const { scope } = site
  const email = normalizeEmail(input.email)
  const displayName = input.displayName
  await assertPasswordAllowed(
    input.password,
    site.auth,
    { email, displayName },
    deps.breachedPasswords,
  )
  await assertUsernameFree(deps, scope, input.username)

  const existing = await memberByEmail(db, scope, email)
  // Hash even for an existing address: skipping ~250 ms of scrypt would give it away.
  const passwordHash = await passwords.hash(input.password)
  const mailAllowed = await alreadyRegisteredMailAllowed(deps, site, email)
  const link = (action: 'verify-email' | 'reset-password', token: string) =>
    memberLink(site.auth, site.origins, config.publicUrl, action, token)

  if (existing) {
    deps.metrics.registration('existing_address')
    if (!mailAllowed) return
    // A reset link, since whoever registers again has most likely forgotten the password.
    const reset = issueMemberToken(db, clock, scope, {
      memberId: existing.id,
      purpose: 'reset_password',
    })
    await db.batch([
      reset.insert,
      enqueue(
        db,
        clock,
        scope,
        alreadyRegisteredMail(site, existing.email, link('reset-password', reset.token)),
      ),
    ])
    return
  }

  const now = clock.now()
  const memberId = newId('mem')
  const verify = issueMemberToken(db, clock, scope, { memberId, purpose: 'verify_email' })
  try {
    await db.batch([
      db.insert(members).values({
        id: memberId,
        siteId: site.id,
        email,
        passwordHash,
        displayName,
        username: input.username ?? null,
        usernameKey: input.username === undefined ? null : usernameKey(input.username),
        createdAt: now,
        updatedAt: now,
      }),
      verify.insert,
      enqueue(db, clock, scope, verifyEmailMail(site, email, link('verify-email', verify.token))),
    ])
    deps.metrics.registration('new_member')
  } catch (error) {
    // Lost a race with a registration for the same username or address, between our check and
    // our insert. The address case answers like any existing address (its owner just registered).
    const violated = uniqueViolation(error)
    if (violated === 'username') throw AuthErrors.usernameTaken()
    if (violated === 'email') {
      deps.metrics.registration('existing_address')
      return
    }
    throw error
  }
}

import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { eq } from 'drizzle-orm'
import { members } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { rateLimitOrThrow } from '../http/rate-limit.ts'
import { newId } from '../ids.ts'
import { enqueue } from '../outbox/jobs.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { AuthDeps } from './deps.ts'
import { alreadyRegisteredMail, verifyEmailMail } from './emails.ts'
import { AuthErrors } from './errors.ts'
import { issueMemberToken } from './member-tokens.ts'
import { memberByEmail, normalizeEmail, usernameKey } from './members.ts'
import { assertPasswordAllowed } from './password-policy.ts'
import { memberLink } from './settings.ts'

export type RegisterDeps = Pick<
  AuthDeps,
  'db' | 'clock' | 'limiter' | 'passwords' | 'breachedPasswords' | 'config' | 'metrics'
>

export type RegisterInput = {
  email: string
  password: string
  displayName: string
  username?: string | undefined
}

const hourMs = 3_600_000
/** Registrations per address per hour and site: plenty for a family or an office behind NAT. */
export const registrationsPerHour = 10
/** "You already have an account" mails per address per hour: registering must not spam. */
const alreadyRegisteredMailsPerHour = 3

/** The unique index a failed insert ran into, if that is why it failed (a race with another). */
function uniqueViolation(error: unknown): 'email' | 'username' | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (!/UNIQUE constraint failed/i.test(e.message)) continue
    if (/members\.username_key/.test(e.message)) return 'username'
    if (/members\.email/.test(e.message)) return 'email'
  }
  return null
}

async function assertUsernameFree(deps: RegisterDeps, scope: SiteScope, username?: string) {
  if (username === undefined) return
  const [taken] = await deps.db
    .select({ id: members.id })
    .from(members)
    .where(scope.where(members, eq(members.usernameKey, usernameKey(username))))
  if (taken) throw AuthErrors.usernameTaken()
}

/**
 * Registers a member, or, when the address already has an account, emails its owner instead.
 * Both paths do the same work in the same order (a policy check, a lookup, one scrypt hash, a
 * limiter hit, one batch) and the caller answers both alike, so neither the answer nor its
 * timing tells anyone whether an address is registered. A taken username is reported: usernames
 * are public anyway.
 */
export async function register(
  deps: RegisterDeps,
  site: ResolvedSite,
  input: RegisterInput,
  meta: { ip: string },
): Promise<void> {
  const { db, clock, limiter, passwords, config } = deps
  const { scope } = site
  await rateLimitOrThrow(limiter, {
    siteId: site.id,
    bucket: `register:${meta.ip}`,
    limit: registrationsPerHour,
    windowMs: hourMs,
  })
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
  const addressKey = encodeHexLowerCase(sha256(new TextEncoder().encode(email))).slice(0, 32)
  const mailAllowed = await limiter.hit({
    siteId: site.id,
    bucket: `register-mail:${addressKey}`,
    limit: alreadyRegisteredMailsPerHour,
    windowMs: hourMs,
  })
  const link = (action: 'verify-email' | 'reset-password', token: string) =>
    memberLink(site.auth, site.origins, config.publicUrl, action, token)

  if (existing) {
    deps.metrics.registration('existing_address')
    if (!mailAllowed.allowed) return
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

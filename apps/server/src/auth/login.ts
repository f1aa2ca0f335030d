import { eq } from 'drizzle-orm'
import { members } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import type { SignInResult } from '../metrics/metrics.ts'
import type { AuthDeps } from './deps.ts'
import { AuthErrors, SignInErrors } from './errors.ts'
import { beginLoginAttempt } from './login-throttle.ts'
import { memberByEmail, normalizeEmail } from './members.ts'
import type { PasswordHasher } from './password.ts'
import { afterFirstFactor, type RequestMeta, type SignInOutcome } from './second-step.ts'
import { canSignIn, type SessionMember, type SessionTransport } from './sessions.ts'

export type LoginDeps = Pick<AuthDeps, 'db' | 'clock' | 'passwords' | 'metrics'>

const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>()

/**
 * A hash of nothing anyone knows, made with the hasher's current parameters, so an unknown
 * email costs the same scrypt work as a wrong password. Made on first use, not at start:
 * Workers forbid randomness in global scope, and most processes never need it.
 */
export function dummyHash(passwords: PasswordHasher): Promise<string> {
  let hash = dummyHashes.get(passwords)
  if (!hash) {
    hash = passwords.hash(crypto.randomUUID())
    dummyHashes.set(passwords, hash)
  }
  return hash
}

export type LoginInput = { email: string; password: string; transport: SessionTransport }

/**
 * Signs a member in and starts a session. Unknown email, wrong password and a banned account
 * all fail with the same `401 INVALID_CREDENTIALS` after the same scrypt work, so the answer
 * tells nobody whether an address has an account. Suspension and an unverified email are told
 * only to someone who proved the password, i.e. the member. The throttle runs first: a guess
 * it refuses costs no hashing at all. A member with TOTP on gets a challenge, not a session
 * (second-step.ts).
 */
export async function login(
  deps: LoginDeps,
  site: ResolvedSite,
  input: LoginInput,
  meta: RequestMeta,
): Promise<SignInOutcome> {
  try {
    const outcome = await signIn(deps, site, input, meta)
    deps.metrics.signIn('succeeded')
    return outcome
  } catch (error) {
    deps.metrics.signIn(failedSignIn(error))
    throw error
  }
}

/** A failed sign-in as metrics count it: by its error code; anything unexpected is `error`. */
function failedSignIn(error: unknown): SignInResult {
  const code = error instanceof ApiError ? error.code : undefined
  if (code === 'INVALID_CREDENTIALS') return 'invalid_credentials'
  if (code === 'RATE_LIMITED') return 'throttled'
  if (code === 'ACCOUNT_SUSPENDED') return 'suspended'
  if (code === 'EMAIL_NOT_VERIFIED') return 'unverified'
  return 'error'
}

async function signIn(
  deps: LoginDeps,
  site: ResolvedSite,
  input: LoginInput,
  meta: RequestMeta,
): Promise<SignInOutcome> {
  const { db, clock, passwords } = deps
  const { scope, auth: settings } = site
  if (!settings.passwordSignIn) throw SignInErrors.methodDisabled()
  const email = normalizeEmail(input.email)
  const attempt = await beginLoginAttempt(deps, scope, email, meta.ip)

  const member = await memberByEmail(db, scope, email)
  // A member who never set a password (an empty hash) is checked against the dummy too: the
  // same scrypt work and the same failure as a wrong password, so the answer's timing does not
  // tell that the address has an account, or that it has no password.
  const stored = member?.passwordHash || (await dummyHash(passwords))
  const matches = await passwords.verify(input.password, stored)
  const correct = matches && member?.passwordHash !== ''
  // Banned is a failure like any other: the ban is not news the attacker should get.
  if (!member || !correct || member.status === 'banned') throw AuthErrors.invalidCredentials()
  await attempt.succeeded()

  const now = clock.now()
  assertMaySignIn(member, settings, now)
  if (passwords.needsRehash(member.passwordHash)) {
    // The password is in hand only now: upgrade the stored hash to today's parameters.
    const passwordHash = await passwords.hash(input.password)
    await db
      .update(members)
      .set({ passwordHash, updatedAt: now })
      .where(scope.where(members, eq(members.id, member.id)))
    member.passwordHash = passwordHash
  }
  return afterFirstFactor(deps, site, member, input.transport, meta)
}

/**
 * What a member who proved a first factor may still be refused: suspension, and an unverified
 * email where the site requires one. Told only to them, never before the factor is proved.
 */
export function assertMaySignIn(
  member: SessionMember,
  settings: ResolvedSite['auth'],
  now: number,
): void {
  if (member.status === 'banned') throw AuthErrors.invalidCredentials()
  if (!canSignIn(member, now)) {
    // Suspended with no end is a ban in all but name: answer like one.
    if (member.suspendedUntil === null) throw AuthErrors.invalidCredentials()
    throw AuthErrors.accountSuspended(member.suspendedUntil)
  }
  if (member.emailVerifiedAt === null && !settings.allowUnverifiedSignIn) {
    throw AuthErrors.emailNotVerified()
  }
}

import { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { members } from '../db/schema.ts'
import { fieldErrors } from '../http/body.ts'
import { type FieldErrors, HttpErrors } from '../http/errors.ts'
import { newId } from '../ids.ts'
import type { SiteScope } from '../sites/scope.ts'
import { memberRoleSchema } from './admin-schemas.ts'
import type { BreachedPasswordChecker } from './breached-passwords.ts'
import { AuthErrors, MemberAdminErrors } from './errors.ts'
import { memberByEmail, normalizeEmail } from './members.ts'
import type { PasswordHasher } from './password.ts'
import { passwordProblem } from './password-policy.ts'
import { displayNameSchema, emailSchema } from './schemas.ts'
import type { AuthSettings } from './settings.ts'

// A member made by the operator rather than by registering: how a site gets its first admin
// (`porchlight user create --admin`). No email is sent and no session is made; the member signs
// in like anyone else. The password passes the same policy as a registration's. A site with
// password sign-in off takes none, as registering there takes none: the member signs in by
// emailed link, passkey or provider.

export type CreateMemberDeps = {
  db: Database
  clock: Clock
  passwords: PasswordHasher
  breachedPasswords: BreachedPasswordChecker
}

export const createMemberSchema = z.strictObject({
  email: emailSchema,
  /** Required where the site has password sign-in on; refused where it is off. */
  password: z.string().min(1, 'Required.').max(1024, 'At most 256 characters.').optional(),
  displayName: displayNameSchema,
  role: memberRoleSchema.default('member'),
  /** The operator vouches for the address, so the member need not confirm it. */
  verified: z.boolean().default(false),
})

export type CreateMemberInput = z.input<typeof createMemberSchema>

/**
 * Creates a member; 422 VALIDATION_FAILED listing every bad field (the password's policy
 * problem included, or a missing one where the site uses passwords), 422 PASSWORD_NOT_ACCEPTED
 * for a password where the site has password sign-in off, 409 EMAIL_TAKEN when the site already
 * has the address.
 *
 * @example await createMember(deps, scope, site.auth, { email, password, displayName, role: 'admin' })
 */
export async function createMember(
  deps: CreateMemberDeps,
  scope: SiteScope,
  settings: AuthSettings,
  input: CreateMemberInput,
) {
  // A password that nothing would ever ask for: refused rather than stored unused.
  if (!settings.passwordSignIn && input.password !== undefined) {
    throw AuthErrors.passwordNotAccepted()
  }
  const parsed = createMemberSchema.safeParse(input)
  const fields: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error)
  if (settings.passwordSignIn && input.password === undefined) fields.password = 'Required.'
  if (typeof input.password === 'string' && !fields.password) {
    const problem = await passwordProblem(
      input.password,
      settings,
      { email: String(input.email ?? ''), displayName: String(input.displayName ?? '') },
      deps.breachedPasswords,
    )
    if (problem) fields.password = problem
  }
  if (!parsed.success || Object.keys(fields).length > 0) throw HttpErrors.validation(fields)

  const { db, clock } = deps
  const email = normalizeEmail(parsed.data.email)
  if (await memberByEmail(db, scope, email)) throw MemberAdminErrors.emailTaken()
  // No password: none verifies against an empty hash (members.password_hash).
  const { password } = parsed.data
  const passwordHash = password === undefined ? '' : await deps.passwords.hash(password)
  const now = clock.now()
  const member = {
    id: newId('mem'),
    email,
    displayName: parsed.data.displayName,
    role: parsed.data.role,
    emailVerifiedAt: parsed.data.verified ? now : null,
  }
  const inserted = await db
    .insert(members)
    .values({ ...member, siteId: scope.siteId, passwordHash, createdAt: now, updatedAt: now })
    // Someone took the address while the password was hashing.
    .onConflictDoNothing()
    .returning({ id: members.id })
  if (inserted.length === 0) throw MemberAdminErrors.emailTaken()
  return {
    id: member.id,
    email,
    displayName: member.displayName,
    role: member.role,
    emailVerified: member.emailVerifiedAt !== null,
    createdAt: now,
  }
}

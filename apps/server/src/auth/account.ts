import type { MemberAuth, ResolvedSite } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { enqueue } from '../outbox/jobs.ts'
import {
  bumpThreadsWrittenIn,
  isUniqueViolation,
  otherMemberWithUsername,
  peekMemberToken,
  setPasswordHash,
  spendPendingTokens,
  updateMember,
} from './account-queries.ts'
import type { ProfileUpdate } from './account-schemas.ts'
import { verifyCurrentPassword } from './current-password.ts'
import type { AuthDeps } from './deps.ts'
import { confirmEmailChangeMail, emailChangeRequestedMail, passwordChangedMail } from './emails.ts'
import { AccountErrors, AuthErrors } from './errors.ts'
import { consumeMemberToken, issueMemberToken } from './member-tokens.ts'
import { memberByEmail, normalizeEmail, ownAccount, usernameKey } from './members.ts'
import { passwordProblem } from './password-policy.ts'
import { countBadToken } from './password-reset.ts'
import { confirmItIsTheMember } from './recent-sign-in.ts'
import type { OwnAccount } from './schemas.ts'
import { deleteMemberSessions, type SessionMember } from './sessions.ts'
import { memberLink } from './settings.ts'

// The signed-in member's own account: profile, password, email. Changes that would let a
// stolen session take the account over for good (password, email, deletion) ask for the
// current password first, or a recent sign-in of a member who has none (recent-sign-in.ts).

type Deps = Pick<
  AuthDeps,
  'db' | 'clock' | 'limiter' | 'passwords' | 'breachedPasswords' | 'config'
>

/**
 * Changes what was sent; `null` clears an optional field. A username others already use (compared
 * by `usernameKey`) is 422 `fields.username: "Taken"`: usernames are public, so this reveals
 * nothing. The unique index settles a race between two members claiming one name at once.
 */
export async function updateProfile(
  deps: Pick<AuthDeps, 'db' | 'clock'>,
  site: ResolvedSite,
  member: SessionMember,
  update: ProfileUpdate,
): Promise<OwnAccount> {
  const { db, clock } = deps
  const { scope } = site
  const key = update.username ? usernameKey(update.username) : null
  if (key && (await otherMemberWithUsername(db, scope, key, member.id))) {
    throw AuthErrors.usernameTaken()
  }
  const values = {
    ...(update.displayName !== undefined && { displayName: update.displayName }),
    ...(update.username !== undefined && { username: update.username, usernameKey: key }),
    ...(update.avatarUrl !== undefined && { avatarUrl: update.avatarUrl }),
    ...(update.bio !== undefined && { bio: update.bio === '' ? null : update.bio }),
  }
  if (Object.keys(values).length === 0) return ownAccount(member, clock.now())
  try {
    const [[updated]] = await db.batch([
      updateMember(db, scope, member.id, { ...values, updatedAt: clock.now() }),
      // Posts show their author's name and avatar: threads they wrote in change for cached pages.
      bumpThreadsWrittenIn(db, scope, member.id),
    ])
    return ownAccount(updated ?? member, clock.now())
  } catch (error) {
    if (isUniqueViolation(error)) throw AuthErrors.usernameTaken()
    throw error
  }
}

/**
 * A new password for a signed-in member who knows the current one. By default every other
 * session ends and this one stays ("keep this one"): changing a password is usually meant to
 * shut someone else out. Pending reset and email-change links are spent for the same reason.
 */
export async function changePassword(
  deps: Deps,
  site: ResolvedSite,
  auth: MemberAuth,
  input: { currentPassword: string; newPassword: string; signOutOtherSessions: boolean },
): Promise<void> {
  const { db, clock } = deps
  const { scope } = site
  const { member, session } = auth
  await verifyCurrentPassword(deps, site, member, input.currentPassword)
  const problem = await passwordProblem(
    input.newPassword,
    site.auth,
    member,
    deps.breachedPasswords,
  )
  if (problem) throw HttpErrors.validation({ newPassword: problem })
  const passwordHash = await deps.passwords.hash(input.newPassword)
  await db.batch([
    setPasswordHash(db, clock, scope, member.id, passwordHash, { markVerified: false }),
    spendPendingTokens(db, clock, scope, member.id, ['reset_password', 'change_email']),
    enqueue(db, clock, scope, passwordChangedMail(site, member.email, input.signOutOtherSessions)),
    ...(input.signOutOtherSessions ? [deleteMemberSessions(db, scope, member.id, session.id)] : []),
  ])
}

/**
 * Starts an email change, once the member proved it is them (confirmItIsTheMember): a link to
 * the NEW address (it must prove it reads it) and a notice to the old one (so a stolen session
 * cannot move the account away unnoticed), in one batch.
 *
 * When another member of the site already has the new address, the answer is the same 202 and
 * the old address gets the same notice, but nothing is sent to the new address. Mailing it
 * would let anyone with an account make a stranger's inbox receive "someone tried to use your
 * address" messages; and the requester cannot tell the cases apart, since only whoever reads the
 * new address could see a confirmation arrive (and if that is the requester, they already know
 * that address has an account here).
 */
export async function requestEmailChange(
  deps: Deps,
  site: ResolvedSite,
  auth: MemberAuth,
  input: { password?: string | undefined; newEmail: string },
): Promise<void> {
  const { db, clock } = deps
  const { scope } = site
  const { member } = auth
  await confirmItIsTheMember(deps, site, auth, input.password)
  const newEmail = normalizeEmail(input.newEmail)
  if (newEmail === member.email) throw AccountErrors.sameEmail()
  const notice = enqueue(db, clock, scope, emailChangeRequestedMail(site, member.email, newEmail))
  if (await memberByEmail(db, scope, newEmail)) {
    await db.batch([notice])
    return
  }
  const { token, insert } = issueMemberToken(db, clock, scope, {
    memberId: member.id,
    purpose: 'change_email',
    newEmail,
  })
  const url = memberLink(
    site.auth,
    site.origins,
    deps.config.publicUrl,
    'confirm-email-change',
    token,
  )
  await db.batch([
    insert,
    enqueue(db, clock, scope, confirmEmailChangeMail(site, newEmail, url)),
    notice,
  ])
}

/**
 * Finishes an email change from the link sent to the new address; the new address counts as
 * verified. Works signed out (the link may be opened on another device): the token is the
 * proof. 409 EMAIL_TAKEN, with the link left unspent, when someone registered the address since.
 */
export async function confirmEmailChange(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'limiter'>,
  site: ResolvedSite,
  input: { token: string; clientAddress: string },
): Promise<OwnAccount> {
  const { db, clock } = deps
  const { scope } = site
  const invalid = async () => {
    await countBadToken(deps, site.id, input.clientAddress)
    return AuthErrors.invalidToken()
  }
  const found = await peekMemberToken(db, clock, scope, 'change_email', input.token)
  if (!found?.newEmail) throw await invalid()
  const holder = await memberByEmail(db, scope, found.newEmail)
  if (holder && holder.id !== found.memberId) throw AccountErrors.emailTaken()
  const spent = await consumeMemberToken(db, clock, scope, 'change_email', input.token)
  if (!spent?.newEmail) throw await invalid()
  const now = clock.now()
  try {
    const [updated] = await updateMember(db, scope, spent.memberId, {
      email: spent.newEmail,
      emailVerifiedAt: now,
      updatedAt: now,
    })
    if (!updated) throw await invalid()
    return ownAccount(updated, now)
  } catch (error) {
    if (isUniqueViolation(error)) throw AccountErrors.emailTaken()
    throw error
  }
}

import { and, eq } from 'drizzle-orm'
import { memberTotp } from '../db/schema.ts'
import type { MemberAuth, ResolvedSite } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { MemberErrors } from '../http/member.ts'
import { enqueue } from '../outbox/jobs.ts'
import { acceptedTotpStep, newTotpSecret, totpQrSvg, totpUri } from '../two-factor/totp.ts'
import type { AuthDeps } from './deps.ts'
import { totpDisabledMail } from './emails.ts'
import { SignInErrors } from './errors.ts'
import { beginLoginAttempt } from './login-throttle.ts'
import { memberById } from './members.ts'
import { confirmItIsTheMember } from './recent-sign-in.ts'
import { totpRequiredFor } from './second-step.ts'
import { canSignIn, deleteMemberSessions, type SessionMember } from './sessions.ts'
import { liveSignInChallenge, spendSignInChallenge } from './sign-in-challenges.ts'
import {
  acceptMemberTotpCode,
  memberTotpOf,
  replaceMemberRecoveryCodes,
  savePendingSecret,
  totpEnabled,
  twoFactorRowsOf,
} from './totp-store.ts'

// A member turning two-factor sign-in (TOTP) on and off, and renewing recovery codes.

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'limiter' | 'passwords'>

/** Who is enrolling: a signed-in member, or staff holding the challenge of their sign-in. */
export type Enrolling = {
  member: SessionMember
  /** The session to keep when others end; none when enrolling with a challenge. */
  sessionId: string | null
  challengeId: string | null
}

/** The throttle's name for a member's TOTP guesses, apart from their password guesses. */
export function totpThrottleKey(memberId: string) {
  return `totp:${memberId}`
}

/**
 * The member a setup request is for. A challenge works only for staff the site requires TOTP of
 * who have none yet: a challenge meant for the code of a member with TOTP on must never become a
 * way to swap their key for an attacker's, which would make the password enough.
 */
export async function enrollingMember(
  deps: Deps,
  site: ResolvedSite,
  auth: MemberAuth | null,
  challenge: string | undefined,
): Promise<Enrolling> {
  const { db, clock } = deps
  if (challenge === undefined) {
    if (!auth) throw MemberErrors.signInRequired()
    return { member: auth.member, sessionId: auth.session.id, challengeId: null }
  }
  const row = await liveSignInChallenge(db, clock, site.scope, challenge)
  const member = row && (await memberById(db, site.scope, row.memberId))
  if (
    !row ||
    !member ||
    !canSignIn(member, clock.now()) ||
    !totpRequiredFor(member, site.auth) ||
    totpEnabled(await memberTotpOf(db, site.scope, member.id))
  ) {
    throw SignInErrors.invalidTotpCode()
  }
  return { member, sessionId: null, challengeId: row.id }
}

/**
 * A new key for the member's authenticator app, pending until a code from it is confirmed. The
 * QR code is drawn here, so the key never goes to a third-party QR service.
 */
export async function startTotpSetup(deps: Deps, site: ResolvedSite, enrolling: Enrolling) {
  const { db, clock } = deps
  const { member } = enrolling
  if (site.auth.totp === 'off') throw SignInErrors.totpUnavailable()
  if (totpEnabled(await memberTotpOf(db, site.scope, member.id))) {
    throw SignInErrors.totpAlreadyEnabled()
  }
  const secret = newTotpSecret()
  await savePendingSecret(db, clock, site.scope, member.id, secret)
  const uri = totpUri(secret, site.name, member.email)
  return { secret, uri, qrSvg: totpQrSvg(uri) }
}

/**
 * Puts the pending key in force once a current code proves the app holds it, with ten new
 * recovery codes (returned to show once). The member's other sessions end: whoever was signed in
 * with the password alone is out. A challenge used to enrol is spent.
 */
export async function confirmTotpSetup(
  deps: Deps,
  site: ResolvedSite,
  enrolling: Enrolling,
  code: string,
): Promise<string[]> {
  const { db, clock } = deps
  const { scope } = site
  const { member } = enrolling
  if (site.auth.totp === 'off') throw SignInErrors.totpUnavailable()
  const row = await memberTotpOf(db, scope, member.id)
  if (totpEnabled(row)) throw SignInErrors.totpAlreadyEnabled()
  const pending = row?.pendingSecret
  if (!pending) throw SignInErrors.totpSetupNotStarted()
  const now = clock.now()
  const step = acceptedTotpStep(pending, code, now, null)
  if (step === null) {
    throw HttpErrors.validation({ code: 'Not the current code of the new key; try the next one.' })
  }
  if (enrolling.challengeId && !(await spendSignInChallenge(db, scope, enrolling.challengeId))) {
    throw SignInErrors.invalidTotpCode()
  }
  const recovery = replaceMemberRecoveryCodes(db, clock, scope, member.id)
  await db.batch([
    db
      .update(memberTotp)
      .set({ secret: pending, pendingSecret: null, enabledAt: now, lastStep: step, updatedAt: now })
      .where(
        scope.where(
          memberTotp,
          and(eq(memberTotp.memberId, member.id), eq(memberTotp.pendingSecret, pending)),
        ),
      ),
    ...recovery.statements,
    deleteMemberSessions(db, scope, member.id, enrolling.sessionId ?? undefined),
  ])
  return recovery.codes
}

/**
 * Ten new recovery codes in place of the old ones, after the password (or, for a member who has
 * none, a recent sign-in: confirmItIsTheMember).
 */
export async function regenerateRecoveryCodes(
  deps: Deps,
  site: ResolvedSite,
  auth: MemberAuth,
  password: string | undefined,
): Promise<string[]> {
  const { db, clock } = deps
  if (!totpEnabled(await memberTotpOf(db, site.scope, auth.member.id))) {
    throw SignInErrors.totpNotEnabled()
  }
  await confirmItIsTheMember(deps, site, auth, password)
  const recovery = replaceMemberRecoveryCodes(db, clock, site.scope, auth.member.id)
  await db.batch([...recovery.statements])
  return recovery.codes
}

/**
 * Turns TOTP off after a current code, or the password (a recent sign-in for a member who has
 * none: confirmItIsTheMember), ends every other session of the member and tells their address:
 * if someone else turned it off from a stolen session, the member hears of it, and signing out
 * everywhere ends that session too. Refused where the site requires TOTP of the member's role.
 */
export async function disableTotp(
  deps: Deps,
  site: ResolvedSite,
  auth: MemberAuth,
  proof: { password?: string | undefined } | { code: string },
  ip: string,
): Promise<void> {
  const { db, clock } = deps
  const { scope } = site
  const { member } = auth
  if (totpRequiredFor(member, site.auth)) throw SignInErrors.totpRequired()
  const row = await memberTotpOf(db, scope, member.id)
  if (!totpEnabled(row)) throw SignInErrors.totpNotEnabled()
  if ('code' in proof) {
    // Throttled with the sign-in step: this is one more place a code can be guessed.
    const attempt = await beginLoginAttempt(deps, scope, totpThrottleKey(member.id), ip)
    if (!(await acceptMemberTotpCode(db, clock, scope, row, proof.code))) {
      throw SignInErrors.invalidTotpCode()
    }
    await attempt.succeeded()
  } else {
    await confirmItIsTheMember(deps, site, auth, proof.password)
  }
  await db.batch([
    ...twoFactorRowsOf(db, scope, member.id),
    deleteMemberSessions(db, scope, member.id, auth.session.id),
    enqueue(db, clock, scope, totpDisabledMail(site, member.email)),
  ])
}

import type { ResolvedSite } from '../http/env.ts'
import type { AuthDeps } from './deps.ts'
import {
  createSession,
  type Session,
  type SessionMember,
  type SessionTransport,
  sessionExpiresAt,
} from './sessions.ts'
import type { AuthSettings } from './settings.ts'
import { createSignInChallenge } from './sign-in-challenges.ts'
import { memberTotpOf, totpEnabled } from './totp-store.ts'

// What follows a first factor (the password, or an emailed link): a session, or first the
// second step. Every way in goes through here, so none of them can skip the TOTP code.

export type SignedIn = {
  token: string
  session: Session
  member: SessionMember
  expiresAt: number
}

export type SignInOutcome =
  | ({ status: 'signed_in' } & SignedIn)
  | {
      status: 'totp_required' | 'totp_setup_required'
      challenge: string
      challengeExpiresAt: number
    }

export type RequestMeta = { ip: string; userAgent?: string | undefined }

/** Whether the site requires TOTP of this member: moderators and admins, when it says so. */
export function totpRequiredFor(member: Pick<SessionMember, 'role'>, settings: AuthSettings) {
  return settings.totp === 'required_for_staff' && member.role !== 'member'
}

/**
 * After a first factor: a member with TOTP on gets a challenge for the code; staff the site
 * requires it of, who have not enrolled, get a challenge to enrol with (and no session until
 * they have); everyone else a session.
 */
export async function afterFirstFactor(
  deps: Pick<AuthDeps, 'db' | 'clock'>,
  site: ResolvedSite,
  member: SessionMember,
  transport: SessionTransport,
  meta: RequestMeta,
): Promise<SignInOutcome> {
  const { db, clock } = deps
  const totp = await memberTotpOf(db, site.scope, member.id)
  const status = totpEnabled(totp)
    ? 'totp_required'
    : totpRequiredFor(member, site.auth)
      ? 'totp_setup_required'
      : null
  if (status) {
    const { challenge, expiresAt } = await createSignInChallenge(db, clock, site.scope, member.id)
    return { status, challenge, challengeExpiresAt: expiresAt }
  }
  return { status: 'signed_in', ...(await startMemberSession(deps, site, member, transport, meta)) }
}

export async function startMemberSession(
  deps: Pick<AuthDeps, 'db' | 'clock'>,
  site: ResolvedSite,
  member: SessionMember,
  transport: SessionTransport,
  meta: RequestMeta,
): Promise<SignedIn> {
  const { token, session } = await createSession(deps.db, deps.clock, site.scope, {
    memberId: member.id,
    transport,
    ...(meta.userAgent && { userAgent: meta.userAgent }),
    ip: meta.ip,
  })
  return { token, session, member, expiresAt: sessionExpiresAt(session, site.auth) }
}

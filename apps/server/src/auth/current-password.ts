import type { ResolvedSite } from '../http/env.ts'
import { rateLimitOrThrow } from '../http/rate-limit.ts'
import type { AuthDeps } from './deps.ts'
import { AccountErrors } from './errors.ts'
import type { SessionMember } from './sessions.ts'

/**
 * Current-password checks per member, across every change that asks for it again (the
 * password, the email, deleting the account, two-factor settings): someone holding a session
 * without the password gets 10 guesses an hour however they spread them, while a member who
 * mistypes a few times is not held up.
 */
export const passwordChecksPerMemberPerHour = 10

/**
 * 403 INVALID_PASSWORD unless `password` is the member's; every attempt counts against a limit.
 * A member who never set one gets 403 PASSWORD_NOT_SET: nothing they type could pass.
 */
export async function verifyCurrentPassword(
  deps: Pick<AuthDeps, 'limiter' | 'passwords'>,
  site: ResolvedSite,
  member: SessionMember,
  password: string,
): Promise<void> {
  if (member.passwordHash === '') throw AccountErrors.passwordNotSet()
  await rateLimitOrThrow(deps.limiter, {
    siteId: site.id,
    bucket: `password-check:${member.id}`,
    limit: passwordChecksPerMemberPerHour,
    windowMs: 3_600_000,
  })
  if (!(await deps.passwords.verify(password, member.passwordHash))) {
    throw AccountErrors.invalidPassword()
  }
}

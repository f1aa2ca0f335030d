import { members } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { newId } from '../ids.ts'
import { enqueue } from '../outbox/jobs.ts'
import { writesMatchingNothing } from './account-queries.ts'
import { alreadyRegisteredLinkMail, signUpLinkMail } from './emails.ts'
import { AuthErrors, SignInErrors } from './errors.ts'
import { issueMemberToken } from './member-tokens.ts'
import { memberByEmail, normalizeEmail, usernameKey } from './members.ts'
import type { RegisterDeps, RegisterInput, RegisterOutcome } from './register.ts'
import {
  alreadyRegisteredMailAllowed,
  assertUsernameFree,
  uniqueViolation,
} from './registration-checks.ts'
import { memberLink } from './settings.ts'
import { newBrowserBinding } from './sign-in-link.ts'

// Registration where the site has password sign-in off: no password is taken (the member row
// keeps an empty hash, which no password verifies against), and the email carries a sign-in link
// (sign-in-link.ts): one click confirms the address and signs in, bound like any sign-in link to
// the browser that registered. An address that already has an account gets the same answer, and
// its owner a sign-in link instead, so nobody learns who is registered. Both paths do the same
// work (a lookup, a limiter hit, one batch); no path hashes a password.

/**
 * Registers without a password; the answer carries the `browserKey` to keep for the link.
 * Called by `register` after its rate limit.
 */
export async function registerByLink(
  deps: RegisterDeps,
  site: ResolvedSite,
  input: RegisterInput,
): Promise<RegisterOutcome> {
  const { db, clock, config } = deps
  const { scope } = site
  // The link is the only way in such a member has: no links, no registration without a password.
  if (!site.auth.emailLinkSignIn) throw SignInErrors.methodDisabled()
  const email = normalizeEmail(input.email)
  await assertUsernameFree(deps, scope, input.username)
  const existing = await memberByEmail(db, scope, email)
  const mailAllowed = await alreadyRegisteredMailAllowed(deps, site, email)
  const { browserKey, browserHash } = newBrowserBinding(input.browserKey)
  const answer = { status: 'link_sent', browserKey } as const
  const link = (token: string) =>
    memberLink(site.auth, site.origins, config.publicUrl, 'sign-in', token)

  if (existing) {
    deps.metrics.registration('existing_address')
    // A banned member is sent nothing, as for a sign-in link they ask for.
    if (!mailAllowed || existing.status === 'banned') {
      await db.batch(writesMatchingNothing(db, clock, scope))
      return answer
    }
    const signIn = issueMemberToken(db, clock, scope, {
      memberId: existing.id,
      purpose: 'sign_in',
      browserHash,
    })
    await db.batch([
      signIn.insert,
      enqueue(
        db,
        clock,
        scope,
        alreadyRegisteredLinkMail(site, existing.email, link(signIn.token)),
      ),
    ])
    return answer
  }

  const now = clock.now()
  const memberId = newId('mem')
  const signIn = issueMemberToken(db, clock, scope, { memberId, purpose: 'sign_in', browserHash })
  try {
    await db.batch([
      db.insert(members).values({
        id: memberId,
        siteId: site.id,
        email,
        // No password: none verifies against an empty hash (members.password_hash).
        passwordHash: '',
        displayName: input.displayName,
        username: input.username ?? null,
        usernameKey: input.username === undefined ? null : usernameKey(input.username),
        createdAt: now,
        updatedAt: now,
      }),
      signIn.insert,
      enqueue(db, clock, scope, signUpLinkMail(site, email, link(signIn.token))),
    ])
    deps.metrics.registration('new_member')
  } catch (error) {
    // Lost a race for the username or the address (see register.ts): the address answers alike.
    const violated = uniqueViolation(error)
    if (violated === 'username') throw AuthErrors.usernameTaken()
    if (violated !== 'email') throw error
    deps.metrics.registration('existing_address')
  }
  return answer
}

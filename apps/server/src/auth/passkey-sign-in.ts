import { decodeBase64urlIgnorePadding } from '@oslojs/encoding'
import { type AuthenticatorData, parseAuthenticatorData } from '@oslojs/webauthn'
import type { z } from 'zod'
import type { ResolvedSite } from '../http/env.ts'
import type { AuthDeps } from './deps.ts'
import { SignInErrors } from './errors.ts'
import { assertMaySignIn } from './login.ts'
import { beginLoginAttempt } from './login-throttle.ts'
import { memberById } from './members.ts'
import { assertAuthenticatorData, bytesOf, checkedClientData } from './passkey-ceremony.ts'
import {
  createPasskeyChallenge,
  passkeyChallengeLifetimeMs,
  spendPasskeyChallenge,
} from './passkey-challenges.ts'
import { PasskeyErrors } from './passkey-errors.ts'
import { assertionSignatureValid } from './passkey-keys.ts'
import { userHandleOf } from './passkey-registration.ts'
import { relyingPartyIdOf } from './passkey-relying-party.ts'
import type { passkeySignInOptionsAnswer, passkeySignInSchema } from './passkey-schemas.ts'
import { passkeyByCredentialId, recordPasskeyUse, type StoredPasskey } from './passkey-store.ts'
import {
  afterFirstFactor,
  type RequestMeta,
  type SignInOutcome,
  startMemberSession,
} from './second-step.ts'

// Signing in with a passkey (WebAuthn §7.2), discoverable-credential style: the options name no
// credentials, the authenticator offers the site's passkeys, and the answer says which one it
// used. So the options reveal nothing about who has an account, and a browser's autofill can
// offer passkeys beside the email field (conditional UI).
//
// No TOTP step after a passkey with user verification: the passkey is something the member has
// (the authenticator holding the private key) and the verification something they know or are
// (the device PIN, a fingerprint) checked by the authenticator itself, so it already is two
// factors, and phishing-resistant, which a TOTP code is not. Without user verification it is
// one factor, and the member goes on as after a password: the TOTP step if they have it on.

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'config' | 'metrics'>

export type PasskeySignInInput = z.output<typeof passkeySignInSchema>

/** The options for `navigator.credentials.get`: a fresh challenge, no credentials named. */
export async function passkeySignInOptions(
  deps: Deps,
  site: ResolvedSite,
  pageOrigin: string | undefined,
): Promise<z.input<typeof passkeySignInOptionsAnswer>> {
  if (!site.auth.passkeys) throw SignInErrors.methodDisabled()
  const { challenge, expiresAt } = await createPasskeyChallenge(
    deps.db,
    deps.clock,
    site.scope,
    'sign_in',
    null,
  )
  return {
    challenge,
    challengeExpiresAt: expiresAt,
    rpId: relyingPartyIdOf(site, deps.config.publicUrl, pageOrigin),
    timeout: passkeyChallengeLifetimeMs,
    userVerification: 'preferred',
    allowCredentials: [],
  }
}

function parsedAuthenticatorData(raw: Uint8Array): AuthenticatorData {
  try {
    return parseAuthenticatorData(raw)
  } catch {
    throw PasskeyErrors.invalidResponse('the authenticator data cannot be read.')
  }
}

/**
 * Checks a passkey's answer and signs its member in. Failures are throttled like passwords
 * (per credential and client IP, per IP, per credential): a passkey cannot be guessed, but the
 * endpoint must not become a free oracle or a way to fill the database. Refusals store nothing
 * but the throttle's count; the challenge is spent whatever happens.
 */
export async function signInWithPasskey(
  deps: Deps,
  site: ResolvedSite,
  input: PasskeySignInInput,
  meta: RequestMeta,
): Promise<SignInOutcome> {
  const { db, clock } = deps
  const { scope } = site
  if (!site.auth.passkeys) throw SignInErrors.methodDisabled()
  const attempt = await beginLoginAttempt(deps, scope, `passkey:${input.id}`, meta.ip)
  const clientDataJSON = bytesOf('clientDataJSON', input.clientDataJSON)
  const { clientData, relyingPartyId } = checkedClientData(
    site,
    deps.config.publicUrl,
    clientDataJSON,
    'sign_in',
  )
  if (!(await spendPasskeyChallenge(db, clock, scope, clientData.challenge, 'sign_in', null))) {
    throw PasskeyErrors.challengeInvalid()
  }
  const rawAuthenticatorData = bytesOf('authenticatorData', input.authenticatorData)
  const authenticatorData = parsedAuthenticatorData(rawAuthenticatorData)
  assertAuthenticatorData(authenticatorData, relyingPartyId)

  const passkey = await passkeyByCredentialId(db, scope, bytesOf('id', input.id))
  // A user handle names the member the authenticator thinks it signs in; it must be the owner.
  if (!passkey || (input.userHandle && !sameUserHandle(input.userHandle, passkey))) {
    throw PasskeyErrors.unknownCredential()
  }
  // Made for another RP id (the setting changed since): an honest authenticator would not have
  // signed for this one with it, so the answer is not what it seems.
  if (passkey.relyingPartyId !== relyingPartyId) throw PasskeyErrors.relyingPartyMismatch()
  const signature = bytesOf('signature', input.signature)
  const key = {
    algorithm: passkey.algorithm,
    publicKey: decodeBase64urlIgnorePadding(passkey.publicKey),
  }
  if (!assertionSignatureValid(key, rawAuthenticatorData, clientDataJSON, signature)) {
    throw PasskeyErrors.invalidSignature()
  }
  const signCount = authenticatorData.signatureCounter
  if (counterWentBack(passkey.signCount, signCount)) throw PasskeyErrors.counterRollback()

  const member = await memberById(db, scope, passkey.memberId)
  if (!member) throw PasskeyErrors.unknownCredential()
  const now = clock.now()
  assertMaySignIn(member, site.auth, now)
  await attempt.succeeded()
  // Another sign-in with the same counter got here first: one of the two is a copy.
  if (!(await recordPasskeyUse(db, scope, passkey, signCount, now))) {
    throw PasskeyErrors.counterRollback()
  }
  deps.metrics.signIn('succeeded')
  if (authenticatorData.userVerified) {
    return {
      status: 'signed_in',
      ...(await startMemberSession(deps, site, member, input.transport, meta)),
    }
  }
  return afterFirstFactor(deps, site, member, input.transport, meta)
}

function sameUserHandle(userHandle: string, passkey: StoredPasskey) {
  return userHandle.replace(/=+$/, '') === userHandleOf(passkey.memberId)
}

/**
 * WebAuthn §7.2 step 22: authenticators that count (most security keys) must count up. When
 * either value is non-zero, one not above the stored one means two authenticators hold the same
 * key: a clone. Both zero is an authenticator that does not count (synced passkeys): allowed.
 */
export function counterWentBack(stored: number, received: number): boolean {
  return (stored !== 0 || received !== 0) && received <= stored
}

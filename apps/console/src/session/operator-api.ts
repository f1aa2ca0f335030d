// The operator's own routes (/v1/operator/…): session, sign-in, two-factor, invites.
import { api } from '../api/client.ts'
import { ok } from '../api/result.ts'
import type { Role } from './permissions.ts'

export type Operator = {
  id: string
  email: string
  name: string
  admin: boolean
  totpEnabled: boolean
  totpRequired: boolean
}

export type OperatorSite = { id: string; name: string; role: Role }

export type OperatorSession = { operator: Operator; sites: OperatorSite[] }

export type SignInAnswer =
  | { status: 'signed_in'; operator: Operator }
  | { status: 'totp_required'; challenge: string }
  | { status: 'totp_setup_required'; operator: Operator }

export async function loadSession(): Promise<OperatorSession> {
  return ok(api.GET('/v1/operator/session')) as Promise<OperatorSession>
}

export async function signIn(email: string, password: string): Promise<SignInAnswer> {
  return ok(
    api.POST('/v1/operator/sign-in', { body: { email, password } }),
  ) as Promise<SignInAnswer>
}

/** The second step: the authenticator's code, or one of the recovery codes. */
export async function signInWithCode(
  challenge: string,
  code: { code: string } | { recoveryCode: string },
): Promise<SignInAnswer> {
  return ok(
    api.POST('/v1/operator/sign-in/totp', { body: { challenge, ...code } }),
  ) as Promise<SignInAnswer>
}

export async function signOut(): Promise<void> {
  await ok(api.POST('/v1/operator/sign-out'))
}

/** Starts setting up two-factor sign-in: a new secret, pending until a code confirms it. */
export function startTotpSetup() {
  return ok(api.POST('/v1/operator/totp/setup'))
}

/** Confirms the setup with a code from the app; answers the ten recovery codes, shown once. */
export function confirmTotp(code: string) {
  return ok(api.POST('/v1/operator/totp/confirm', { body: { code } }))
}

export function newRecoveryCodes(password: string) {
  return ok(api.POST('/v1/operator/recovery-codes', { body: { password } }))
}

export async function turnOffTotp(password: string) {
  await ok(api.DELETE('/v1/operator/totp', { body: { password } }))
}

export function lookUpInvite(token: string) {
  return ok(api.GET('/v1/operator/invites/{token}', { params: { path: { token } } }))
}

/** Accepts an invite: with a name and password for a new account, or alone when signed in. */
export function acceptInvite(body: { token: string; name?: string; password?: string }) {
  return ok(api.POST('/v1/operator/invites/accept', { body }))
}

export function createSite(body: { name: string; origins: string[] }) {
  return ok(api.POST('/v1/operator/sites', { body }))
}

import { encodeBase64urlNoPadding } from '@oslojs/encoding'
import {
  type AttestationObject,
  coseAlgorithmES256,
  coseAlgorithmRS256,
  parseAttestationObject,
} from '@oslojs/webauthn'
import type { z } from 'zod'
import { memberPasskeys } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { newId } from '../ids.ts'
import type { AuthDeps } from './deps.ts'
import { SignInErrors } from './errors.ts'
import { assertAuthenticatorData, bytesOf, checkedClientData } from './passkey-ceremony.ts'
import {
  createPasskeyChallenge,
  passkeyChallengeLifetimeMs,
  spendPasskeyChallenge,
} from './passkey-challenges.ts'
import { PasskeyErrors } from './passkey-errors.ts'
import { storablePublicKey } from './passkey-keys.ts'
import { relyingPartyIdOf } from './passkey-relying-party.ts'
import type { passkeyRegisterSchema, passkeyRegistrationOptionsAnswer } from './passkey-schemas.ts'
import { credentialsOfMember, passkeyViewColumns } from './passkey-store.ts'
import type { SessionMember } from './sessions.ts'

// Adding a passkey to a signed-in member's account (WebAuthn §7.1), with attestation `none`:
// the site learns the key, not the make of the authenticator. Attestation would let a site
// allow only certain authenticators; a members' area has no such need, and asking for it
// costs members a privacy prompt. Whatever attestation statement a browser still sends is
// not looked at: nothing here trusts it.

type Deps = Pick<AuthDeps, 'db' | 'clock' | 'config'>

/** The user handle: the member id's bytes, stable and free of personal data (no email). */
export function userHandleOf(memberId: string): string {
  return encodeBase64urlNoPadding(new TextEncoder().encode(memberId))
}

function assertPasskeysOn(site: ResolvedSite) {
  // Registering is refused when the site has passkeys off; existing ones can still be listed,
  // renamed and removed.
  if (!site.auth.passkeys) throw SignInErrors.methodDisabled()
}

/** The options for `navigator.credentials.create`, with a fresh challenge for this member. */
export async function passkeyRegistrationOptions(
  deps: Deps,
  site: ResolvedSite,
  member: SessionMember,
  pageOrigin: string | undefined,
): Promise<z.input<typeof passkeyRegistrationOptionsAnswer>> {
  assertPasskeysOn(site)
  const { db, clock } = deps
  const existing = await credentialsOfMember(db, site.scope, member.id)
  const { challenge, expiresAt } = await createPasskeyChallenge(
    db,
    clock,
    site.scope,
    'register',
    member.id,
  )
  return {
    challenge,
    challengeExpiresAt: expiresAt,
    rp: { id: relyingPartyIdOf(site, deps.config.publicUrl, pageOrigin), name: site.name },
    user: { id: userHandleOf(member.id), name: member.email, displayName: member.displayName },
    pubKeyCredParams: [
      { type: 'public-key', alg: coseAlgorithmES256 },
      { type: 'public-key', alg: coseAlgorithmRS256 },
    ],
    timeout: passkeyChallengeLifetimeMs,
    attestation: 'none',
    // Discoverable ("resident") keys: sign-in needs no email first, and conditional UI works.
    authenticatorSelection: {
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'preferred',
    },
    excludeCredentials: existing.map((c) => ({
      type: 'public-key',
      id: c.id,
      transports: c.transports,
    })),
  }
}

/** A label from the kind of authenticator, until the member names it. */
function defaultName(transports: readonly string[]): string {
  if (transports.includes('internal')) return 'This device'
  if (transports.includes('hybrid')) return 'Phone'
  if (transports.some((t) => t === 'usb' || t === 'nfc' || t === 'ble')) return 'Security key'
  return 'Passkey'
}

function parsedAttestation(raw: Uint8Array): AttestationObject {
  try {
    return parseAttestationObject(raw)
  } catch {
    throw PasskeyErrors.invalidResponse('the attestation object cannot be read.')
  }
}

/**
 * Checks the authenticator's answer and stores the passkey. Checked in WebAuthn's order: the
 * client data (ceremony, origin), the challenge (ours, live, this member's; spent now), the
 * authenticator data (RP id, presence), then the key. Any refusal stores nothing.
 */
export async function registerPasskey(
  deps: Deps,
  site: ResolvedSite,
  member: SessionMember,
  input: z.output<typeof passkeyRegisterSchema>,
) {
  assertPasskeysOn(site)
  const { db, clock } = deps
  const { clientData, relyingPartyId } = checkedClientData(
    site,
    deps.config.publicUrl,
    bytesOf('clientDataJSON', input.clientDataJSON),
    'register',
  )
  if (
    !(await spendPasskeyChallenge(
      db,
      clock,
      site.scope,
      clientData.challenge,
      'register',
      member.id,
    ))
  ) {
    throw PasskeyErrors.challengeInvalid()
  }
  const { authenticatorData } = parsedAttestation(
    bytesOf('attestationObject', input.attestationObject),
  )
  assertAuthenticatorData(authenticatorData, relyingPartyId)
  const credential = authenticatorData.credential
  if (!credential) throw PasskeyErrors.invalidResponse('it carries no credential.')
  const credentialId = encodeBase64urlNoPadding(credential.id)
  if (credentialId !== input.id.replace(/=+$/, '')) {
    throw PasskeyErrors.invalidResponse('the credential id does not match.')
  }
  const key = storablePublicKey(credential.publicKey)
  if (!key) throw PasskeyErrors.unsupportedAlgorithm()
  const transports = input.transports ?? []
  const [row] = await db
    .insert(memberPasskeys)
    .values({
      id: newId('pkey'),
      siteId: site.id,
      memberId: member.id,
      credentialId,
      publicKey: encodeBase64urlNoPadding(key.publicKey),
      algorithm: key.algorithm,
      signCount: authenticatorData.signatureCounter,
      name: input.name ?? defaultName(transports),
      relyingPartyId,
      transports,
      createdAt: clock.now(),
    })
    .onConflictDoNothing()
    .returning(passkeyViewColumns)
  if (!row) throw PasskeyErrors.alreadyRegistered()
  return row
}

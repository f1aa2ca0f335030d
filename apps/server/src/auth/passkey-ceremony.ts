import { decodeBase64urlIgnorePadding } from '@oslojs/encoding'
import {
  type AuthenticatorData,
  type ClientData,
  ClientDataType,
  parseClientDataJSON,
} from '@oslojs/webauthn'
import type { ResolvedSite } from '../http/env.ts'
import { PasskeyErrors } from './passkey-errors.ts'
import { originAllowed, relyingPartyIdOf } from './passkey-relying-party.ts'

// The checks a registration and a sign-in share (WebAuthn §7.1 and §7.2): what the browser
// wrote into the client data, and what the authenticator wrote into its data. The signature
// (sign-in) or the challenge being ours (both) make these statements trustworthy.

/** Bytes from a base64url field of the request; garbage is an invalid answer, never a 500. */
export function bytesOf(field: string, value: string): Uint8Array {
  try {
    return decodeBase64urlIgnorePadding(value)
  } catch {
    throw PasskeyErrors.invalidResponse(`${field} is not base64url.`)
  }
}

/**
 * The client data, if it is for this ceremony and from one of the site's pages inside the RP
 * id, and that RP id. `crossOrigin` means the ceremony ran in a frame embedded by another site:
 * refused, as no Porchlight page asks for a passkey from inside someone else's frame.
 */
export function checkedClientData(
  site: ResolvedSite,
  publicUrl: string,
  raw: Uint8Array,
  expected: 'register' | 'sign_in',
): { clientData: ClientData; relyingPartyId: string } {
  let clientData: ClientData
  try {
    clientData = parseClientDataJSON(raw)
  } catch {
    throw PasskeyErrors.invalidResponse('the client data cannot be read.')
  }
  const type = expected === 'register' ? ClientDataType.Create : ClientDataType.Get
  if (clientData.type !== type) {
    throw PasskeyErrors.invalidResponse('it answers another kind of request.')
  }
  const relyingPartyId = relyingPartyIdOf(site, publicUrl, clientData.origin)
  if (clientData.crossOrigin === true || !originAllowed(site, clientData.origin, relyingPartyId)) {
    throw PasskeyErrors.originMismatch()
  }
  return { clientData, relyingPartyId }
}

/**
 * The authenticator signed for this RP id (another site's passkey, or one made for another
 * id, fails here) and a person was present (a touch, a fingerprint, a PIN): malware cannot
 * use a passkey silently.
 */
export function assertAuthenticatorData(data: AuthenticatorData, relyingPartyId: string) {
  if (!data.verifyRelyingPartyIdHash(relyingPartyId)) throw PasskeyErrors.relyingPartyMismatch()
  if (!data.userPresent) throw PasskeyErrors.invalidResponse('no user presence was shown.')
}

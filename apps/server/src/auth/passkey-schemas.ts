import { z } from 'zod'

// Bodies and answers of `/v1/auth/passkeys/*`. Binary WebAuthn fields travel as base64url
// without padding, as in WebAuthn's own JSON forms (`PublicKeyCredential.toJSON()`), so the SDK
// can hand over what the browser gives it.

const base64url = (max: number) =>
  z
    .string()
    .min(1, 'Required.')
    .max(max)
    .regex(/^[A-Za-z0-9_-]+=*$/, 'Must be base64url.')

/** A member's label for a passkey, shown in their list. */
export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1, 'Required.')
  .max(64, 'At most 64 characters.')
  .describe('The member’s label, e.g. “Work laptop”.')

/** Transports the browser reports (`internal`, `hybrid`, `usb`, …), kept as hints. */
const transportsSchema = z
  .array(z.string().max(32))
  .max(8)
  .optional()
  .describe('From `AuthenticatorAttestationResponse.getTransports()`: hints for later sign-ins.')

export const passkeyRegisterSchema = z.strictObject({
  id: base64url(1400).describe('The credential id (`PublicKeyCredential.id`).'),
  clientDataJSON: base64url(4000),
  attestationObject: base64url(16_000),
  transports: transportsSchema,
  name: passkeyNameSchema.optional(),
})

export const passkeyRenameSchema = z.strictObject({ name: passkeyNameSchema })

export const passkeySignInSchema = z.strictObject({
  id: base64url(1400).describe('The credential id (`PublicKeyCredential.id`).'),
  clientDataJSON: base64url(4000),
  authenticatorData: base64url(4000),
  signature: base64url(1400),
  userHandle: base64url(200).nullable().optional(),
  transport: z
    .enum(['bearer', 'cookie'])
    .default('bearer')
    .describe('`bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.'),
})

const credentialDescriptor = z.strictObject({
  type: z.literal('public-key'),
  id: z.string(),
  transports: z.array(z.string()),
})

/** `PublicKeyCredentialCreationOptionsJSON`, ready for `navigator.credentials.create`. */
export const passkeyRegistrationOptionsAnswer = z.strictObject({
  challenge: z.string().describe('base64url; valid for 5 minutes, once.'),
  challengeExpiresAt: z.number().int(),
  rp: z.strictObject({ id: z.string(), name: z.string() }),
  user: z.strictObject({
    id: z.string().describe('base64url user handle; the same for all of a member’s passkeys.'),
    name: z.string(),
    displayName: z.string(),
  }),
  pubKeyCredParams: z.array(z.strictObject({ type: z.literal('public-key'), alg: z.number() })),
  timeout: z.number().int(),
  attestation: z.literal('none'),
  authenticatorSelection: z.strictObject({
    residentKey: z.literal('required'),
    requireResidentKey: z.literal(true),
    userVerification: z.literal('preferred'),
  }),
  excludeCredentials: z.array(credentialDescriptor),
})

/** `PublicKeyCredentialRequestOptionsJSON` for a discoverable-credential sign-in. */
export const passkeySignInOptionsAnswer = z.strictObject({
  challenge: z.string().describe('base64url; valid for 5 minutes, once.'),
  challengeExpiresAt: z.number().int(),
  rpId: z.string(),
  timeout: z.number().int(),
  userVerification: z.literal('preferred'),
  allowCredentials: z
    .array(credentialDescriptor)
    .max(0)
    .describe('Always empty: the authenticator offers the site’s passkeys itself.'),
})

export const passkeyAnswer = z.strictObject({
  id: z.string(),
  name: z.string(),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
})

export const passkeyListAnswer = z.strictObject({ passkeys: z.array(passkeyAnswer) })

import { z } from 'zod'
import { accountAnswer, epochMsAnswer } from './schemas.ts'

// Request and answer shapes of the second sign-in step and of a member's two-factor settings.

const challengeInput = z.string().min(1).max(200)
const transportInput = z
  .enum(['bearer', 'cookie'])
  .default('bearer')
  .describe('`bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.')
const codeInput = z.string().trim().max(20).describe('The six digits the authenticator app shows.')
const recoveryCodeInput = z
  .string()
  .trim()
  .max(40)
  .describe('One of the recovery codes; works once.')
const passwordInput = z.string().min(1, 'Required.').max(1024)

export const totpSignInSchema = z.union([
  z.strictObject({ challenge: challengeInput, code: codeInput, transport: transportInput }),
  z.strictObject({
    challenge: challengeInput,
    recoveryCode: recoveryCodeInput,
    transport: transportInput,
  }),
])

/**
 * Enrolment, by a signed-in member or, where the site requires TOTP of their role, with the
 * challenge their sign-in gave (they have no session until it is done).
 */
export const totpSetupSchema = z.strictObject({ challenge: challengeInput.optional() })

export const totpConfirmSchema = z.strictObject({
  code: codeInput,
  challenge: challengeInput
    .optional()
    .describe('From a sign-in answered `totp_setup_required`: confirming starts the session.'),
  transport: transportInput,
})

/**
 * The current password: required of a member who has one, left out by a member who has none,
 * whose session must then have begun within the last 10 minutes (recent-sign-in.ts).
 */
const confirmingPassword = passwordInput
  .optional()
  .describe(
    'The current password. Required when the account has one (`hasPassword`); left out when it has none, and then the session must have begun within the last 10 minutes (else 403 `REAUTHENTICATION_REQUIRED`: sign in again and repeat).',
  )

export const totpDisableSchema = z.union([
  z.strictObject({ code: codeInput }),
  z.strictObject({ password: confirmingPassword }),
])

export const passwordConfirmSchema = z.strictObject({ password: confirmingPassword })

/** The second step a sign-in needs before there is a session. */
export const secondStepAnswer = z.strictObject({
  status: z
    .enum(['totp_required', 'totp_setup_required'])
    .describe(
      '`totp_required`: send a code with the challenge to `POST /v1/auth/login/totp`. `totp_setup_required`: the site requires TOTP of this member’s role; enrol with the challenge (`POST /v1/auth/totp/setup`, then `/confirm`).',
    ),
  challenge: z.string().describe('Works for 10 minutes and at most 5 wrong codes, once.'),
  challengeExpiresAt: epochMsAnswer,
})
export type SecondStepAnswer = z.infer<typeof secondStepAnswer>

export const totpSetupAnswer = z.strictObject({
  secret: z.string().describe('The key in base32, for typing into an authenticator app.'),
  uri: z.string().describe('The `otpauth://` URI the QR code holds.'),
  qrSvg: z.string().describe('The URI as an SVG QR code.'),
})

const recoveryCodes = z
  .array(z.string())
  .describe('Ten codes, each good for one sign-in without the phone; shown only now.')

export const recoveryCodesAnswer = z.strictObject({ recoveryCodes })

/** Confirming with a sign-in challenge also signs in: the session, as `POST /v1/auth/login`. */
export const totpConfirmAnswer = z.union([
  z.strictObject({ recoveryCodes }),
  z.strictObject({
    recoveryCodes,
    token: z.string().describe('The session token, with `"transport": "bearer"`.'),
    account: accountAnswer,
    expiresAt: epochMsAnswer,
  }),
  z.strictObject({ recoveryCodes, account: accountAnswer, expiresAt: epochMsAnswer }),
])

export const totpStatusAnswer = z.strictObject({
  available: z.boolean().describe('The site lets members turn TOTP on.'),
  enabled: z.boolean(),
  required: z.boolean().describe('The site requires it of this member’s role.'),
  recoveryCodesLeft: z.number().int(),
})

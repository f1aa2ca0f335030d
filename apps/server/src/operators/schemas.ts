import { z } from 'zod'
import { displayNameSchema, emailSchema } from '../auth/schemas.ts'
import { createSiteSchema } from '../sites/schemas.ts'
import { operatorRoleSchema } from './roles.ts'

// Request and answer shapes of `/v1/operator/*` and the owner routes for operators and the audit
// log. Answers are strict: a field a route starts sending without documenting it fails the
// contract test instead of going unseen.

/** Bounded so a megabyte "password" cannot make scrypt hash a megabyte; the policy says ≤ 256. */
const passwordInput = z.string().min(1, 'Required.').max(1024, 'At most 256 characters.')
const tokenInput = z.string().min(1, 'Required.').max(200)

export const signInSchema = z.strictObject({
  // Any string: a malformed address is just an unknown one, and answers like one.
  email: z.string().min(1, 'Required.').max(320),
  password: passwordInput,
})

export const totpSignInSchema = z.union([
  z.strictObject({
    challenge: tokenInput,
    code: z.string().trim().max(20).describe('The six digits the authenticator app shows.'),
  }),
  z.strictObject({
    challenge: tokenInput,
    recoveryCode: z.string().trim().max(40).describe('One of the recovery codes; works once.'),
  }),
])

export const totpConfirmSchema = z.strictObject({ code: z.string().trim().max(20) })
export const passwordConfirmSchema = z.strictObject({ password: passwordInput })

export const acceptInviteSchema = z.strictObject({
  token: tokenInput,
  name: displayNameSchema.optional().describe('For a new account: how others see you.'),
  password: passwordInput.optional().describe('For a new account: at least 12 characters.'),
})

export const createOperatorSiteSchema = createSiteSchema

export const inviteSchema = z.strictObject({ email: emailSchema, role: operatorRoleSchema })
export const changeRoleSchema = z.strictObject({ role: operatorRoleSchema })

export const auditLogQuery = z.strictObject({
  cursor: z.string().max(200).optional().describe('`nextCursor` of the page before.'),
  actor: z.string().max(100).optional().describe('Only entries by this operator or key id.'),
  action: z
    .string()
    .max(200)
    .optional()
    .describe('Only entries of this action, e.g. `POST /v1/admin/keys`.'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

const timestampAnswer = z.number().int().describe('Milliseconds since the Unix epoch.')
const roleAnswer = operatorRoleSchema.describe(
  '`viewer` reads; `moderator` also the inbox and moderation; `editor` also forms, members and settings; `owner` everything.',
)

export const operatorAnswer = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  admin: z.boolean().describe('A deployment admin: may create sites and see backups.'),
  totpEnabled: z.boolean(),
  totpRequired: z
    .boolean()
    .describe('Two-factor sign-in is required for this operator (OPERATOR_TOTP).'),
})

export const signInAnswer = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('signed_in').describe('Signed in: the session cookie is set.'),
    operator: operatorAnswer,
  }),
  z.strictObject({
    status: z
      .literal('totp_setup_required')
      .describe('Signed in with a restricted session that may only set up TOTP and sign out.'),
    operator: operatorAnswer,
  }),
  z.strictObject({
    status: z.literal('totp_required').describe('Send a TOTP code with this challenge.'),
    challenge: z
      .string()
      .describe('For `POST /v1/operator/sign-in/totp`; works for 5 minutes, once.'),
  }),
])

export const signedInAnswer = z.strictObject({
  status: z.enum(['signed_in', 'totp_setup_required']),
  operator: operatorAnswer,
})

export const sessionAnswer = z.strictObject({
  operator: operatorAnswer,
  sites: z
    .array(z.strictObject({ id: z.string(), name: z.string(), role: roleAnswer }))
    .describe('The sites this operator has a role on (none while TOTP setup is required).'),
})

export const totpSetupAnswer = z.strictObject({
  secret: z.string().describe('The key in base32, for typing into an authenticator app.'),
  uri: z.string().describe('The `otpauth://` URI the QR code holds.'),
  qrSvg: z.string().describe('The URI as an SVG QR code.'),
})

export const recoveryCodesAnswer = z.strictObject({
  recoveryCodes: z
    .array(z.string())
    .describe('Ten codes, each good for one sign-in without the phone; shown only now.'),
})

export const inviteAnswer = z.strictObject({
  email: z.string(),
  siteName: z.string(),
  role: roleAnswer,
  invitedBy: z.string().describe('The inviting operator’s name, or the secret key’s hint.'),
})

export const createdSiteAnswer = z.strictObject({
  id: z.string(),
  name: z.string(),
  publishableKey: z.string(),
  secretKey: z.string().describe('The whole secret key, this once: only its hash is stored.'),
})

export const siteOperatorAnswer = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleAnswer,
  totpEnabled: z.boolean(),
  lastSignInAt: timestampAnswer.nullable(),
  addedAt: timestampAnswer.describe('When they got a role on this site.'),
})

export const pendingInviteAnswer = z.strictObject({
  id: z.string(),
  email: z.string(),
  role: roleAnswer,
  invitedBy: z.string(),
  createdAt: timestampAnswer,
  expiresAt: timestampAnswer,
})

export const siteOperatorsAnswer = z.strictObject({
  operators: z.array(siteOperatorAnswer),
  invites: z.array(pendingInviteAnswer).describe('Sent and not yet accepted or expired.'),
})

export const auditEntryAnswer = z.strictObject({
  id: z.string(),
  actor: z.strictObject({
    type: z.enum(['operator', 'key', 'cli']),
    id: z.string().nullable(),
    label: z.string().describe('The operator’s email or the key’s hint, as it was then.'),
  }),
  action: z.string().describe('`METHOD /template` of the route, or the CLI command.'),
  summary: z.string(),
  target: z
    .record(z.string(), z.string())
    .nullable()
    .describe('The path parameters of the route: what was changed.'),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  createdAt: timestampAnswer,
})

export const auditLogAnswer = z.strictObject({
  entries: z.array(auditEntryAnswer),
  nextCursor: z
    .string()
    .nullable()
    .describe('Pass as `cursor` for the next page; `null` at the end.'),
})

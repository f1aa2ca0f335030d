import { z } from 'zod'
import { memberRoleSchema, memberStatusSchema } from './admin-schemas.ts'

// Request shapes of `/v1/auth/*`. Password rules beyond "a string" live in password-policy.ts,
// which needs the site's settings and the other fields; sign-in checks none of them, so a
// password set under older rules still works.

/** What the mail layer accepts (`z.email()`), so every registered address can be mailed. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'At most 254 characters.')
  .pipe(z.email('Not a valid email address.'))

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Required.')
  .max(80, 'At most 80 characters.')

/**
 * For mentions: 3–30 ASCII letters, digits, `_` or `-`. ASCII so no two names can look alike
 * (Cyrillic "а" for Latin "a") and `@name` ends unambiguously; not all digits, so a name cannot
 * pass for a number or an id.
 */
export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{3,30}$/, 'Use 3 to 30 letters, digits, "_" or "-".')
  .refine((name) => !/^[0-9]+$/.test(name), 'Must not be only digits.')

/** Bounded so a megabyte "password" cannot make scrypt hash a megabyte; the policy says ≤ 256. */
const passwordInput = z.string().min(1, 'Required.').max(1024, 'At most 256 characters.')

/**
 * The key a browser keeps for the flows that finish where they started: sign-in links,
 * registration without a password and "Sign in with …" (the SDK makes one per browser and sends
 * it with each, so two tabs both work). At least 16 characters: a short key would be guessable.
 */
export const browserKeySchema = z.string().min(16).max(200)

export const registerSchema = z.strictObject({
  email: emailSchema,
  password: passwordInput
    .optional()
    .describe(
      'Required where the site signs in with passwords; refused (422 `PASSWORD_NOT_ACCEPTED`) where it has password sign-in off.',
    ),
  displayName: displayNameSchema,
  username: usernameSchema.optional(),
  browserKey: browserKeySchema
    .optional()
    .describe(
      'Without a password: the key this browser keeps for its sign-in links (as for `POST /v1/auth/sign-in-link`); left out, the server makes one and answers it. Ignored with a password.',
    ),
})

export const verifyEmailSchema = z.strictObject({ token: z.string().min(1).max(200) })

export const loginSchema = z.strictObject({
  // Any string: a malformed address is just an unknown one, and answers like one.
  email: z.string().min(1, 'Required.').max(320),
  password: passwordInput,
  /**
   * `bearer` (default): the token is in the body, for the SDK on another origin. `cookie`: an
   * HttpOnly cookie that page scripts cannot read, for sites serving the API from their domain.
   */
  transport: z
    .enum(['bearer', 'cookie'])
    .default('bearer')
    .describe('`bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.'),
})

export const sessionIdSchema = z.string().regex(/^[a-z2-7]{32}$/)

// Answers of `/v1/auth/*`, for the OpenAPI document and the contract test. Strict objects: a
// field the document does not list is a failure, not a surprise.

/** Times are sent as epoch milliseconds, like everywhere else in the API. */
export const epochMsAnswer = z.number().int().describe('Milliseconds since the Unix epoch.')

/** What a member (and the SDK) sees of their own account; `members.ts` `ownAccount`. */
export const accountAnswer = z.strictObject({
  id: z.string(),
  email: z.string().describe('Normalised: trimmed and lower-cased.'),
  emailVerified: z.boolean(),
  displayName: z.string(),
  username: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  bio: z.string().nullable(),
  role: memberRoleSchema,
  status: memberStatusSchema.describe(
    'The status in force now: a suspension whose time has passed reads `active`.',
  ),
  suspendedUntil: epochMsAnswer.nullable().describe('Set only while a suspension is in force.'),
  createdAt: epochMsAnswer,
  hasPassword: z
    .boolean()
    .describe(
      '`false` for a member who joined without one (by link, passkey or provider): offer "set a password" (a password-reset link) where the site uses passwords.',
    ),
})
export type OwnAccount = z.infer<typeof accountAnswer>

const transportAnswer = z
  .enum(['bearer', 'cookie'])
  .describe('How the session token travels: the `Authorization` header, or a cookie.')

const expiresAtAnswer = epochMsAnswer.describe(
  'When the session ends unless used again before: the inactivity timeout or the absolute lifetime, whichever is sooner.',
)

/** The session a request was made with (`GET /v1/auth/session`). */
export const sessionAnswer = z.strictObject({
  id: z.string(),
  createdAt: epochMsAnswer,
  lastUsedAt: epochMsAnswer.describe('Recorded to the hour.'),
  expiresAt: expiresAtAnswer,
  transport: transportAnswer,
})
export type SessionView = z.infer<typeof sessionAnswer>

/** One of the member's live sessions (`GET /v1/auth/sessions`, and the data export). */
export const ownSessionAnswer = z.strictObject({
  id: z.string().describe('For `DELETE /v1/auth/sessions/{id}`.'),
  current: z.boolean().describe('The session that made this request.'),
  createdAt: epochMsAnswer,
  lastUsedAt: epochMsAnswer.describe('Recorded to the hour.'),
  expiresAt: expiresAtAnswer,
  userAgent: z.string().nullable().describe('The browser that signed in, as it named itself.'),
  ip: z.string().nullable().describe('The address it signed in from.'),
  transport: transportAnswer,
})
export type OwnSession = z.infer<typeof ownSessionAnswer>

export const registerAnswer = z.union([
  z
    .strictObject({ status: z.literal('verification_sent') })
    .describe('With password sign-in on: a link to confirm the address was emailed.'),
  z
    .strictObject({
      status: z.literal('link_sent'),
      browserKey: z
        .string()
        .describe(
          'The key sent, or a new one: keep it in this browser and send it with the link’s token (`POST /v1/auth/sign-in-link/redeem`); the link signs in only here.',
        ),
    })
    .describe(
      'With password sign-in off: a link that confirms the address and signs in was emailed.',
    ),
])

export const verifyEmailAnswer = z.strictObject({ account: accountAnswer })

export const resendVerificationAnswer = z.strictObject({
  status: z.enum(['verification_sent', 'already_verified']),
})

/** `bearer`: the token is in the body; `cookie`: it is in `Set-Cookie`, and not in the body. */
export const loginAnswer = z.union([
  z.strictObject({
    token: z
      .string()
      .describe(
        'The session token (`<id>.<secret>`), for `Authorization: Bearer`. Keep it secret.',
      ),
    account: accountAnswer,
    expiresAt: expiresAtAnswer,
  }),
  z.strictObject({ account: accountAnswer, expiresAt: expiresAtAnswer }),
])
export type LoginAnswer = z.infer<typeof loginAnswer>

/** A guest gets `{ "account": null }`; a member their account and this session. */
export const currentSessionAnswer = z.union([
  z.strictObject({ account: z.null() }),
  z.strictObject({ account: accountAnswer, session: sessionAnswer }),
])

export const ownSessionsAnswer = z.strictObject({
  sessions: z.array(ownSessionAnswer).describe('Most recently used first.'),
})

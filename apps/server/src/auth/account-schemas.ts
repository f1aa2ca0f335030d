import { z } from 'zod'
import { webUrlSchema } from '../http/url-schemas.ts'
import {
  accountAnswer,
  displayNameSchema,
  emailSchema,
  epochMsAnswer,
  ownSessionAnswer,
  usernameSchema,
} from './schemas.ts'

// Request bodies of password recovery and the member's own account (account-routes.ts). Strict
// objects: an unknown field is a 422 naming it, so a typo in a client never silently does nothing.
// Names, usernames and emails reuse registration's rules (schemas.ts): whatever one may register
// with, one may change to, and nothing else.

/** The policy (password-policy.ts) caps passwords at 256 characters; this only bounds the work. */
const passwordInput = z.string().min(1, 'Required.').max(1024, 'At most 256 characters.')

/** Emailed tokens are `<id>.<secret>`; anything longer is not one of ours. */
const tokenInput = z.string().min(1, 'Required.').max(200, 'Not a valid token.')

/** NFC, line ends as `\n`, no control or format characters but newlines and tabs, trimmed. */
function cleanText(text: string) {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, (ch) => (ch === '\n' || ch === '\t' ? ch : ''))
    .trim()
}

/**
 * Avatars are fetched by other members' browsers, so the URL must be safe to hand to all of them:
 * `https` only (an `http` image is mixed content on an https site and leaks each viewer's visit
 * in clear text), no `user:pass@`, and a domain name rather than an IP literal or `localhost`,
 * which would point every viewer's browser at their own machine or network (a way to make them
 * send requests to their router or local services). No exception for local development: an
 * https avatar from anywhere works on an http development site.
 */
export const avatarUrlSchema = webUrlSchema({ httpsOnly: true, publicHostName: true })

/** Counted in characters (code points), as a person counts them: an emoji is one. */
const bioSchema = z
  .string()
  .transform(cleanText)
  .pipe(z.string().refine((bio) => [...bio].length <= 500, 'At most 500 characters.'))

/** `null` clears an optional field; a field left out keeps its value. */
export const updateProfileSchema = z.strictObject({
  displayName: displayNameSchema.optional(),
  username: usernameSchema.nullable().optional(),
  avatarUrl: avatarUrlSchema.nullable().optional(),
  bio: bioSchema.nullable().optional(),
})
export type ProfileUpdate = z.infer<typeof updateProfileSchema>

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema })

export const passwordResetConfirmSchema = z.strictObject({
  token: tokenInput,
  password: passwordInput,
})

export const changePasswordSchema = z.strictObject({
  currentPassword: passwordInput,
  newPassword: passwordInput,
  /** Ends every other session ("keep this one"); the session making the change stays. */
  signOutOtherSessions: z
    .boolean()
    .default(true)
    .describe('End every other session of the member; this one stays.'),
})

/**
 * The current password, required of a member who has one; a member without one leaves it out
 * and is taken at their word only within minutes of signing in (recent-sign-in.ts).
 */
const confirmingPassword = passwordInput
  .optional()
  .describe(
    'The current password. Required when the account has one (`hasPassword`); left out when it has none, and then the session must have begun within the last 10 minutes (else 403 `REAUTHENTICATION_REQUIRED`: sign in again and repeat).',
  )

export const changeEmailSchema = z.strictObject({
  password: confirmingPassword,
  newEmail: emailSchema,
})

export const confirmEmailChangeSchema = z.strictObject({ token: tokenInput })

export const deleteAccountSchema = z.strictObject({ password: confirmingPassword })

// Answers of password recovery and the member's own account (see schemas.ts for the account).

export const passwordResetRequestAnswer = z.strictObject({ status: z.literal('reset_sent') })
export const passwordResetAnswer = z.strictObject({ status: z.literal('password_reset') })
export const passwordChangedAnswer = z.strictObject({ status: z.literal('password_changed') })
export const emailChangeRequestAnswer = z.strictObject({ status: z.literal('confirmation_sent') })

/** A value a contact form sent: one string, or several for a repeated field. */
const submittedValue = z.union([z.string(), z.array(z.string())])

/** `GET /v1/account/export`: everything the site holds about the member (export-data.ts). */
export const accountExportAnswer = z.strictObject({
  exportedAt: epochMsAnswer,
  site: z.strictObject({ id: z.string(), name: z.string() }),
  account: accountAnswer,
  sessions: z.array(ownSessionAnswer),
  /** Contact-form messages the member sent while signed in. */
  submissions: z.array(
    z.strictObject({
      id: z.string(),
      formId: z.string(),
      data: z.record(z.string(), submittedValue).describe('The fields as sent.'),
      email: z.string().nullable(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      createdAt: epochMsAnswer,
    }),
  ),
  /** Every forum post the member wrote, deleted ones included, with its markdown source. */
  posts: z.array(
    z.strictObject({
      id: z.string(),
      threadId: z.string(),
      threadTitle: z.string(),
      number: z.number().int(),
      body: z.string().describe('The markdown as written.'),
      createdAt: epochMsAnswer,
      editedAt: epochMsAnswer.nullable(),
      deletedAt: epochMsAnswer.nullable(),
    }),
  ),
  /** The member's passkeys: their names and use, never key material. */
  passkeys: z.array(
    z.strictObject({
      name: z.string(),
      createdAt: epochMsAnswer,
      lastUsedAt: epochMsAnswer.nullable(),
    }),
  ),
  /** "Sign in with …" accounts linked to the member: which provider, and the address it gave. */
  identities: z.array(
    z.strictObject({
      providerId: z.string(),
      email: z.string().nullable(),
      createdAt: epochMsAnswer,
    }),
  ),
})
export type AccountExport = z.infer<typeof accountExportAnswer>

/** `GET /v1/admin/members/{id}/sessions`: the member's signed-in devices, never a token. */
export const memberSessionsAnswer = z.strictObject({
  items: z.array(ownSessionAnswer.omit({ current: true })).describe('Most recently used first.'),
})

import { z } from 'zod'
import type { AuthSettings } from './settings.ts'

// Request shapes of the owner's member API (`/v1/admin/members`, `/v1/admin/auth-settings`).

export const memberRoleSchema = z.enum(['member', 'moderator', 'admin'])
export type MemberRole = z.infer<typeof memberRoleSchema>

/** `suspended` means suspended right now: a suspension whose time has passed reads as `active`. */
export const memberStatusSchema = z.enum(['active', 'suspended', 'banned'])
export type MemberStatus = z.infer<typeof memberStatusSchema>

export const listMembersSchema = z.strictObject({
  /** Part of the email, display name or username; `%` and `_` are literal. Empty: no filter. */
  q: z.string().trim().max(200).optional().describe('Part of the email, display name or username.'),
  role: memberRoleSchema.optional(),
  status: memberStatusSchema.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const changeRoleSchema = z.strictObject({ role: memberRoleSchema })

/** Kept in the response for the owner's records; a moderation log arrives with the forum. */
const reasonSchema = z.string().trim().min(1).max(500).optional()

export const suspendSchema = z.strictObject({
  /** When the suspension ends: milliseconds since the epoch, or an ISO 8601 date-time. */
  until: z
    .union([z.number().int(), z.iso.datetime({ offset: true })], {
      error: 'Give a time: milliseconds since the epoch, or an ISO 8601 date-time.',
    })
    .transform((value) => (typeof value === 'number' ? value : Date.parse(value)))
    .describe('When it ends: milliseconds since the epoch, or an ISO 8601 date-time.'),
  reason: reasonSchema,
})

export const banSchema = z.strictObject({ reason: reasonSchema })

/**
 * A partial settings object: keys left out keep their value, `null` restores a key's default.
 * Each value is checked against `authSettingsSchema` after merging (see admin-settings.ts).
 */
export const authSettingsPatchSchema = z.record(z.string(), z.unknown()).meta({
  description:
    'Any of the settings `GET /v1/admin/auth-settings` answers; `null` restores a default.',
  examples: [{ passwordMinLength: 14, linkTemplate: null }],
})

// Answers of the owner's member API.

const epochMs = z.number().int().describe('Milliseconds since the Unix epoch.')

/** A member as the owner sees them (admin-member-queries.ts `memberSummary`). */
export const memberSummaryAnswer = z.strictObject({
  id: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  displayName: z.string(),
  username: z.string().nullable(),
  role: memberRoleSchema,
  status: memberStatusSchema.describe(
    'The status in force now: a suspension whose time has passed reads `active`.',
  ),
  suspendedUntil: epochMs.nullable().describe('Set only while a suspension is in force.'),
  createdAt: epochMs,
  lastSeenAt: epochMs
    .nullable()
    .describe('The last use of any of their sessions (to the hour); null when they have none.'),
})
export type MemberSummary = z.infer<typeof memberSummaryAnswer>

export const memberDetailAnswer = z.strictObject({
  ...memberSummaryAnswer.shape,
  sessionCount: z.number().int().describe('Sessions still in force.'),
})
export type MemberDetail = z.infer<typeof memberDetailAnswer>

export const membersPageAnswer = z.strictObject({
  items: z.array(memberSummaryAnswer),
  nextCursor: z
    .string()
    .nullable()
    .describe('Send as `cursor` for the next page; null on the last page.'),
})

/** A suspension or a ban: the member now, the reason given, and how many sessions ended. */
export const memberSanctionAnswer = z.strictObject({
  member: memberDetailAnswer,
  reason: z.string().nullable().describe('As sent, for the owner’s records.'),
  sessionsEnded: z.number().int(),
})
export type MemberSanction = z.infer<typeof memberSanctionAnswer>

export const memberUnbannedAnswer = z.strictObject({ member: memberDetailAnswer })

/** The site's membership settings with defaults filled in (settings.ts explains each). */
export const authSettingsAnswer = z.strictObject({
  passwordMinLength: z.number().int(),
  breachedPasswordCheck: z
    .boolean()
    .describe('Check new passwords against a breached-password range API (k-anonymity).'),
  allowUnverifiedSignIn: z.boolean(),
  allowUnverifiedPosting: z.boolean(),
  sessionInactivityDays: z.number().int(),
  sessionAbsoluteDays: z.number().int(),
  linkTemplate: z
    .string()
    .nullable()
    .describe(
      'Where emailed links send members, with `{action}` and `{token}` filled in; null: `/account?action=…&token=…` on the site’s first origin.',
    ),
  deletedMemberPosts: z
    .enum(['keep', 'remove'])
    .describe('When a member is deleted: keep their posts as "deleted member", or remove them.'),
  passwordSignIn: z.boolean().describe('Sign in with email and password.'),
  emailLinkSignIn: z.boolean().describe('Sign in with a single-use link sent by email.'),
  totp: z
    .enum(['off', 'optional', 'required_for_staff'])
    .describe(
      'Two-factor codes (TOTP): `off` allows no new enrolments, `optional` lets members turn it on, `required_for_staff` makes moderators and admins enrol before anything else.',
    ),
  passkeys: z.boolean().describe('Members may add passkeys and sign in with them.'),
  passkeyRelyingPartyId: z
    .string()
    .nullable()
    .describe(
      'The hostname passkeys are made for (the pages’ host or a parent of it); null: each page’s own host.',
    ),
  // Every setting, and nothing else: a setting added to settings.ts must be added here.
} satisfies Record<keyof AuthSettings, z.ZodType>)
export type AuthSettingsView = z.infer<typeof authSettingsAnswer>

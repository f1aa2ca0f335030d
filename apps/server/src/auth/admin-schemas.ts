import { z } from 'zod'

// Request shapes of the owner's member API (`/v1/admin/members`, `/v1/admin/auth-settings`).

export const memberRoleSchema = z.enum(['member', 'moderator', 'admin'])
export type MemberRole = z.infer<typeof memberRoleSchema>

/** `suspended` means suspended right now: a suspension whose time has passed reads as `active`. */
export const memberStatusSchema = z.enum(['active', 'suspended', 'banned'])
export type MemberStatus = z.infer<typeof memberStatusSchema>

export const listMembersSchema = z.strictObject({
  /** Part of the email, display name or username; `%` and `_` are literal. Empty: no filter. */
  q: z.string().trim().max(200).optional(),
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
    .transform((value) => (typeof value === 'number' ? value : Date.parse(value))),
  reason: reasonSchema,
})

export const banSchema = z.strictObject({ reason: reasonSchema })

/**
 * A partial settings object: keys left out keep their value, `null` restores a key's default.
 * Each value is checked against `authSettingsSchema` after merging (see admin-settings.ts).
 */
export const authSettingsPatchSchema = z.record(z.string(), z.unknown())

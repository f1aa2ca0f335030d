import { eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../db/client.ts'
import { members } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'

// A member's notification preferences live in `members.preferences` (JSON), next to whatever
// else may be stored there later. Only `false` turns an email off: a missing or malformed value
// means the default, on, because a member who never chose expects to hear about replies.

/** The email switches, all on by default. */
export type NotificationPreferences = {
  email: { replies: boolean; mentions: boolean; quotes: boolean }
}

const flag = z.boolean().catch(true).default(true)

const storedSchema = z
  .object({
    email: z
      .object({ replies: flag, mentions: flag, quotes: flag })
      .catch({ replies: true, mentions: true, quotes: true })
      .default({ replies: true, mentions: true, quotes: true }),
  })
  .catch({ email: { replies: true, mentions: true, quotes: true } })

/** `PATCH /v1/notifications/preferences`: any subset of the switches. */
export const preferencesPatchSchema = z.strictObject({
  email: z
    .strictObject({
      replies: z.boolean().optional(),
      mentions: z.boolean().optional(),
      quotes: z.boolean().optional(),
    })
    .optional(),
})

export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>

/** The stored JSON with defaults applied; never throws. */
export function readNotificationPreferences(stored: unknown): NotificationPreferences {
  return storedSchema.parse(stored ?? {})
}

export async function preferencesOf(db: Database, scope: SiteScope, memberId: string) {
  const [row] = await db
    .select({ preferences: members.preferences })
    .from(members)
    .where(scope.where(members, eq(members.id, memberId)))
  return row ? readNotificationPreferences(row.preferences) : null
}

/**
 * Merges `patch` into the stored preferences with SQLite's `json_patch` (RFC 7396), in one
 * statement: two changes at once (a settings page and an unsubscribe link) cannot overwrite
 * each other's keys, and keys this module does not know survive.
 */
export async function updatePreferences(
  db: Database,
  scope: SiteScope,
  memberId: string,
  patch: PreferencesPatch,
  now: number,
) {
  const [row] = await db
    .update(members)
    .set({
      preferences: sql`json_patch(${members.preferences}, ${JSON.stringify(patch)})`,
      updatedAt: now,
    })
    .where(scope.where(members, eq(members.id, memberId)))
    .returning({ preferences: members.preferences })
  return row ? readNotificationPreferences(row.preferences) : null
}

/** The patch that turns every notification email off ("unsubscribe from all"). */
export const allEmailOff: PreferencesPatch = {
  email: { replies: false, mentions: false, quotes: false },
}

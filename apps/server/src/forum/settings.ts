import { z } from 'zod'
import { webUrlTemplateSchema } from '../http/url-schemas.ts'
import { siteSettingsStore } from '../sites/settings-store.ts'
import { readStoredSettings } from '../sites/stored-settings.ts'

/** A site's discussion settings, stored in `sites.forum_settings`; defaults in the spirit of Discourse's trust levels. */
export const forumSettingsSchema = z.strictObject({
  /** Images in posts: off for everyone, on for members past their first day, or on for all. */
  images: z.enum(['off', 'established', 'everyone']).default('established'),
  /** Minutes after posting during which an author may edit; `null` is unlimited. */
  editWindowMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
  /** Open flags from this many distinct members hide a post until a moderator reviews it. */
  flagsToHide: z.number().int().min(1).max(100).default(3),
  /** Limits on a member's first day, when most spam accounts do their damage. */
  newMember: z
    .strictObject({
      hours: z.number().int().min(0).max(720).default(24),
      maxPostsPerDay: z.number().int().min(1).max(1000).default(10),
      maxLinksPerPost: z.number().int().min(0).max(100).default(2),
    })
    .default({ hours: 24, maxPostsPerDay: 10, maxLinksPerPost: 2 }),
  /** One email per thread per member at most this often: replies in between are coalesced. */
  emailQuietMinutes: z.number().int().min(1).max(1440).default(15),
  /** Longest post and title, in characters. */
  maxPostLength: z.number().int().min(100).max(100_000).default(20_000),
  maxTitleLength: z.number().int().min(10).max(300).default(150),
  /** Where links to members and posts point, e.g. `https://example.com/forum#post-{post}`. */
  postUrlTemplate: webUrlTemplateSchema({ '{post}': 'pst_abcdefghijklmnopqrstuvwx' }).optional(),
  memberUrlTemplate: webUrlTemplateSchema({ '{username}': 'sample-name' }).optional(),
})

export type ForumSettings = z.infer<typeof forumSettingsSchema>

/** Read and change a site's discussion settings (defaults filled in, partial updates). */
export const forumSettingsStore = siteSettingsStore('forumSettings', forumSettingsSchema)

/** Stored settings, with defaults for anything missing or no longer valid (older rows). */
export function readForumSettings(stored: unknown): ForumSettings {
  return readStoredSettings(forumSettingsSchema, stored)
}

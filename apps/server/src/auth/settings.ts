import { z } from 'zod'

/**
 * A site's membership settings, stored in `sites.auth_settings` and changed through the owner's
 * API. Defaults are the safe choice; each is explained in docs/security.md.
 */
export const authSettingsSchema = z.strictObject({
  /** NIST SP 800-63B asks for at least 8; 12 resists guessing far better and costs people little. */
  passwordMinLength: z.number().int().min(8).max(64).default(12),
  /** Check new passwords against a breached-password range API (k-anonymity); off by default. */
  breachedPasswordCheck: z.boolean().default(false),
  allowUnverifiedSignIn: z.boolean().default(true),
  allowUnverifiedPosting: z.boolean().default(false),
  sessionInactivityDays: z.number().int().min(1).max(365).default(30),
  sessionAbsoluteDays: z.number().int().min(1).max(3650).default(90),
  /**
   * Where emailed links send members: `{action}` and `{token}` are filled in, e.g.
   * `https://example.com/account?action={action}&token={token}`. Default: the site's first
   * origin with `/account?action=…&token=…`. Actions: `verify-email`, `reset-password`,
   * `confirm-email-change`.
   */
  linkTemplate: z
    .string()
    .url()
    .refine(
      (t) => t.includes('{token}') && t.includes('{action}'),
      'Must contain {action} and {token}.',
    )
    .optional(),
  /** When a member deletes their account: keep their posts as "deleted member", or remove them. */
  deletedMemberPosts: z.enum(['keep', 'remove']).default('keep'),
})

export type AuthSettings = z.infer<typeof authSettingsSchema>

/** Stored settings, with defaults for anything missing (older rows, new settings). */
export function readAuthSettings(stored: unknown): AuthSettings {
  const parsed = authSettingsSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : authSettingsSchema.parse({})
}

export type LinkAction = 'verify-email' | 'reset-password' | 'confirm-email-change'

/** The URL mailed to a member for `action`. */
export function memberLink(
  settings: AuthSettings,
  origins: readonly string[],
  publicUrl: string,
  action: LinkAction,
  token: string,
): string {
  const template =
    settings.linkTemplate ?? `${origins[0] ?? publicUrl}/account?action={action}&token={token}`
  return template
    .replaceAll('{action}', encodeURIComponent(action))
    .replaceAll('{token}', encodeURIComponent(token))
}

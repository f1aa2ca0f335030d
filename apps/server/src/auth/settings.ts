import { z } from 'zod'
import { fillPlaceholders, fillUrlTemplate, webUrlTemplateSchema } from '../http/url-schemas.ts'
import { readStoredSettings } from '../sites/stored-settings.ts'

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
   * `confirm-email-change`, `sign-in`.
   */
  linkTemplate: webUrlTemplateSchema({
    '{action}': 'reset-password',
    '{token}': 'sample.token',
  }).optional(),
  /** When a member deletes their account: keep their posts as "deleted member", or remove them. */
  deletedMemberPosts: z.enum(['keep', 'remove']).default('keep'),
  // Sign-in methods: one setting each, so later ones (passkeys, providers) slot in beside them.
  /**
   * Email and password. Off: `POST /v1/auth/login` and password resets are refused, and
   * registration takes no password but mails a link that signs in (register-by-link.ts).
   */
  passwordSignIn: z.boolean().default(true),
  /** "Email me a sign-in link" (auth/sign-in-link.ts). Off until the owner turns it on. */
  emailLinkSignIn: z.boolean().default(false),
  /**
   * TOTP two-factor: `off` (no new enrolments; members who have it keep being asked),
   * `optional` (members may turn it on), `required_for_staff` (moderators and admins must).
   */
  totp: z.enum(['off', 'optional', 'required_for_staff']).default('optional'),
  /** Passkeys (auth/passkey-*.ts): members add them and sign in with them. Off until turned on. */
  passkeys: z.boolean().default(false),
  /**
   * The WebAuthn relying party id passkeys are made for: a hostname that is each page's host or
   * a parent of it (`example.com` covers `www.example.com`). Default: the host of the page the
   * ceremony runs on (passkey-relying-party.ts). Changing it makes passkeys already made
   * unusable.
   */
  passkeyRelyingPartyId: z
    .string()
    .max(253)
    .regex(
      /^(?=[a-z0-9])[a-z0-9-]{1,63}(?<!-)(\.(?=[a-z0-9])[a-z0-9-]{1,63}(?<!-))*$/,
      'A lower-case hostname without scheme or port, e.g. example.com.',
    )
    .optional(),
})

export type AuthSettings = z.infer<typeof authSettingsSchema>

/** Stored settings, with defaults for anything missing or no longer valid (older rows). */
export function readAuthSettings(stored: unknown): AuthSettings {
  return readStoredSettings(authSettingsSchema, stored)
}

export type LinkAction = 'verify-email' | 'reset-password' | 'confirm-email-change' | 'sign-in'

/**
 * The URL mailed to a member for `action`: the site's template, or the default page on its first
 * origin. A template that does not make a web URL (a row stored before templates were checked)
 * is passed over for the default, so the email still carries a working link.
 */
export function memberLink(
  settings: AuthSettings,
  origins: readonly string[],
  publicUrl: string,
  action: LinkAction,
  token: string,
): string {
  const values = { '{action}': action, '{token}': token }
  const custom = settings.linkTemplate ? fillUrlTemplate(settings.linkTemplate, values) : null
  return (
    custom ??
    fillPlaceholders(`${origins[0] ?? publicUrl}/account?action={action}&token={token}`, values)
  )
}

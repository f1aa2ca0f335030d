import type { Database } from '../db/client.ts'
import { HttpErrors } from '../http/errors.ts'
import type { SiteScope } from '../sites/scope.ts'
import { siteSettingsStore } from '../sites/settings-store.ts'
import type { AuthSettingsView } from './admin-schemas.ts'
import { type AuthSettings, authSettingsSchema } from './settings.ts'
import { signOutUnenrolledStaff } from './unenrolled-staff.ts'

// A site's membership settings as the owner reads and changes them (see sites/settings-store.ts).

/** The settings with defaults; optional ones are `null` when unset, so a GET can be PATCHed back. */
export function settingsView(settings: AuthSettings): AuthSettingsView {
  return {
    ...settings,
    linkTemplate: settings.linkTemplate ?? null,
    passkeyRelyingPartyId: settings.passkeyRelyingPartyId ?? null,
  }
}

const store = siteSettingsStore('authSettings', authSettingsSchema)

/** The site's settings with defaults, for code outside a request (the CLI). */
export function siteAuthSettings(db: Database, scope: SiteScope): Promise<AuthSettings> {
  return store.read(db, scope)
}

export async function authSettingsOf(db: Database, scope: SiteScope): Promise<AuthSettingsView> {
  return settingsView(await store.read(db, scope))
}

/**
 * Applies a partial change (see `siteSettingsStore`); 422 names every bad key. Turning both
 * password sign-in and sign-in links off is refused: members would have no way in. Requiring
 * TOTP of staff signs out the moderators and admins who have not enrolled, so they are asked to
 * at their next sign-in rather than whenever their session happens to end.
 */
export async function updateAuthSettings(
  db: Database,
  scope: SiteScope,
  patch: Record<string, unknown>,
): Promise<AuthSettingsView> {
  if ('passwordSignIn' in patch || 'emailLinkSignIn' in patch) {
    const current = await store.read(db, scope)
    const defaults = authSettingsSchema.parse({})
    const after = (key: 'passwordSignIn' | 'emailLinkSignIn') =>
      key in patch ? (patch[key] ?? defaults[key]) : current[key]
    if (after('passwordSignIn') === false && after('emailLinkSignIn') === false) {
      throw HttpErrors.validation({
        'settings.passwordSignIn': 'Keep password sign-in or sign-in links on.',
      })
    }
  }
  const updated = await store.update(db, scope, patch)
  if (patch.totp === 'required_for_staff') await signOutUnenrolledStaff(db, scope, updated)
  return settingsView(updated)
}

import type { Database } from '../db/client.ts'
import type { SiteScope } from '../sites/scope.ts'
import { siteSettingsStore } from '../sites/settings-store.ts'
import type { AuthSettingsView } from './admin-schemas.ts'
import { type AuthSettings, authSettingsSchema } from './settings.ts'

// A site's membership settings as the owner reads and changes them (see sites/settings-store.ts).

/** The settings with defaults; `linkTemplate` is `null` when unset, so a GET can be PATCHed back. */
export function settingsView(settings: AuthSettings): AuthSettingsView {
  return { ...settings, linkTemplate: settings.linkTemplate ?? null }
}

const store = siteSettingsStore('authSettings', authSettingsSchema)

/** The site's settings with defaults, for code outside a request (the CLI). */
export function siteAuthSettings(db: Database, scope: SiteScope): Promise<AuthSettings> {
  return store.read(db, scope)
}

export async function authSettingsOf(db: Database, scope: SiteScope): Promise<AuthSettingsView> {
  return settingsView(await store.read(db, scope))
}

/** Applies a partial change (see `siteSettingsStore`); 422 names every bad key. */
export async function updateAuthSettings(
  db: Database,
  scope: SiteScope,
  patch: Record<string, unknown>,
): Promise<AuthSettingsView> {
  return settingsView(await store.update(db, scope, patch))
}

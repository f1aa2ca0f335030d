import { eq, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { sites } from '../db/schema.ts'
import { fieldErrors } from '../http/body.ts'
import { HttpErrors } from '../http/errors.ts'
import type { SiteScope } from '../sites/scope.ts'
import { type AuthSettings, authSettingsSchema, readAuthSettings } from './settings.ts'

// A site's membership settings as the owner reads and changes them. Only the owner's explicit
// choices are stored; defaults are filled in on read, so a better default reaches every site
// that never chose otherwise.

/** The settings with defaults; `linkTemplate` is `null` when unset, so a GET can be PATCHed back. */
export function settingsView(settings: AuthSettings) {
  return { ...settings, linkTemplate: settings.linkTemplate ?? null }
}

export type AuthSettingsView = ReturnType<typeof settingsView>

async function storedSettings(db: Database, scope: SiteScope): Promise<Record<string, unknown>> {
  const [row] = await db
    .select({ authSettings: sites.authSettings })
    .from(sites)
    .where(eq(sites.id, scope.siteId))
  const stored = row?.authSettings
  return stored && typeof stored === 'object' && !Array.isArray(stored)
    ? (stored as Record<string, unknown>)
    : {}
}

/** The site's settings with defaults, for code outside a request (the CLI). */
export async function siteAuthSettings(db: Database, scope: SiteScope): Promise<AuthSettings> {
  return readAuthSettings(await storedSettings(db, scope))
}

export async function authSettingsOf(db: Database, scope: SiteScope): Promise<AuthSettingsView> {
  return settingsView(await siteAuthSettings(db, scope))
}

/**
 * Applies a partial change: keys left out keep their value, `null` restores the default. The
 * merged result must pass `authSettingsSchema`; otherwise 422 with every bad key as
 * `settings.<key>` (as the contact forms' settings report theirs).
 *
 * The write is SQLite's `json_patch` (RFC 7396, where `null` deletes a key) of only the keys
 * sent, so two owners changing different settings at once both keep their change.
 */
export async function updateAuthSettings(
  db: Database,
  scope: SiteScope,
  patch: Record<string, unknown>,
): Promise<AuthSettingsView> {
  const known = new Set(Object.keys(authSettingsSchema.shape))
  const merged: Record<string, unknown> = {}
  // Keys no longer in the schema would make the whole stored object unreadable: drop them.
  const change: Record<string, unknown> = { ...patch }
  for (const [key, value] of Object.entries(await storedSettings(db, scope))) {
    if (known.has(key)) merged[key] = value
    else change[key] = null
  }
  for (const [key, value] of Object.entries(patch)) {
    // An unknown key stays in, even as null, so the strict schema names it.
    if (value === null && known.has(key)) delete merged[key]
    else merged[key] = value
  }
  const parsed = authSettingsSchema.safeParse(merged)
  if (!parsed.success) {
    const fields = Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [`settings.${k}`, v])
    throw HttpErrors.validation(Object.fromEntries(fields))
  }
  if (Object.keys(change).length > 0) {
    await db
      .update(sites)
      .set({ authSettings: sql`json_patch(${sites.authSettings}, ${JSON.stringify(change)})` })
      .where(eq(sites.id, scope.siteId))
  }
  return authSettingsOf(db, scope)
}

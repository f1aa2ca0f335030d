import { eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { Database } from '../db/client.ts'
import { sites } from '../db/schema.ts'
import { fieldErrors } from '../http/body.ts'
import { HttpErrors } from '../http/errors.ts'
import type { SiteScope } from './scope.ts'
import { readStoredSettings, validStoredKeys } from './stored-settings.ts'

// A site's settings objects (membership, discussions) as the owner reads and changes them. Only
// the owner's explicit choices are stored; defaults are filled in on read, so a better default
// reaches every site that never chose otherwise.

type SettingsColumn = 'authSettings' | 'forumSettings'

export function siteSettingsStore<S extends z.ZodObject>(column: SettingsColumn, schema: S) {
  async function stored(db: Database, scope: SiteScope): Promise<Record<string, unknown>> {
    const [row] = await db
      .select({ value: sites[column] })
      .from(sites)
      .where(eq(sites.id, scope.siteId))
    const value = row?.value
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  }

  /** The settings with defaults; a stored value that no longer parses reads as its default. */
  async function read(db: Database, scope: SiteScope): Promise<z.infer<S>> {
    return readStoredSettings(schema, await stored(db, scope))
  }

  /**
   * Applies a partial change: keys left out keep their value, `null` restores the default. The
   * merged result must pass the schema, else 422 with every bad key as `settings.<key>`. The
   * write is SQLite's `json_patch` (RFC 7396, where `null` deletes a key) of only the keys
   * sent, so two owners changing different settings at once both keep their change.
   */
  async function update(
    db: Database,
    scope: SiteScope,
    patch: Record<string, unknown>,
  ): Promise<z.infer<S>> {
    const known = new Set(Object.keys(schema.shape))
    const current = await stored(db, scope)
    const merged = validStoredKeys(schema, current)
    // Keys no longer in the schema, or whose value it no longer accepts, already read as their
    // default (see `read`): drop them, so an old value cannot block an unrelated change.
    const change: Record<string, unknown> = { ...patch }
    for (const key of Object.keys(current)) {
      if (!Object.hasOwn(merged, key) && !Object.hasOwn(patch, key)) change[key] = null
    }
    for (const [key, value] of Object.entries(patch)) {
      // An unknown key stays in, even as null, so the strict schema names it.
      if (value === null && known.has(key)) delete merged[key]
      else merged[key] = value
    }
    const parsed = schema.safeParse(merged)
    if (!parsed.success) {
      const fields = Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [`settings.${k}`, v])
      throw HttpErrors.validation(Object.fromEntries(fields))
    }
    if (Object.keys(change).length > 0) {
      await db
        .update(sites)
        .set({ [column]: sql`json_patch(${sites[column]}, ${JSON.stringify(change)})` })
        .where(eq(sites.id, scope.siteId))
    }
    return read(db, scope)
  }

  return { read, update }
}

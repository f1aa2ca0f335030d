import type { z } from 'zod'

// Settings objects (a site's membership and discussion settings, a form's settings) are stored
// as JSON and read on most requests. A row written by an older version may hold a value today's
// schema refuses: a `javascript:` link template saved before URL settings were checked, a key
// since removed. Such a row must never make requests fail, and must not cost the owner their
// other choices either (falling back to all defaults could quietly turn a security setting
// back to its default), so each key is judged on its own.

/** The stored keys whose values today's `schema` still accepts; the rest are left out. */
export function validStoredKeys(schema: z.ZodObject, stored: unknown): Record<string, unknown> {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {}
  const kept: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(stored)) {
    const field = Object.hasOwn(schema.shape, key) ? schema.shape[key] : undefined
    if (field?.safeParse(value).success) kept[key] = value
  }
  return kept
}

/**
 * Stored settings with defaults filled in: each key that no longer passes (or no longer exists)
 * reads as unset, so its default applies and the others keep the owner's values.
 *
 * @example readStoredSettings(authSettingsSchema, row.authSettings).linkTemplate
 */
export function readStoredSettings<S extends z.ZodObject>(schema: S, stored: unknown): z.infer<S> {
  const parsed = schema.safeParse(validStoredKeys(schema, stored))
  // Only an object-level rule across keys could still fail; the defaults always pass.
  return parsed.success ? parsed.data : schema.parse({})
}

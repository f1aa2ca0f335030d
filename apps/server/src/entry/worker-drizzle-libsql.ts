/**
 * `drizzle-orm/libsql/web` as the Worker bundle sees it: wrangler.toml's `[alias]` points it
 * here, for the Worker build only. drizzle's own entry can also open a libSQL client from a URL,
 * and imports the client for that; Porchlight always hands it a client it opened itself
 * (`createDatabase` in db/client.ts), so the Worker needs only the wrapping. Without this, a
 * build for D1 would carry the whole libSQL client (~15 KiB of gzip) that it never calls.
 */

// @ts-expect-error drizzle-orm's JavaScript exports `construct` (its libSQL entries are built on
// it) but its type declarations leave it out. If it ever goes, the Worker build fails to bundle.
import { construct } from 'drizzle-orm/libsql/driver-core'
import type { drizzle as drizzleWeb } from 'drizzle-orm/libsql/web'

/** drizzle over a libSQL client that is already open: the only form Porchlight calls. */
export const drizzle = ((client: unknown, config?: unknown) => {
  if (
    typeof client === 'string' ||
    typeof (client as { execute?: unknown })?.execute !== 'function'
  ) {
    throw new TypeError("The Worker's drizzle takes an open libSQL client, not a URL or a config")
  }
  return construct(client, config)
}) as unknown as typeof drizzleWeb

/**
 * `zod/v4/core` as the Worker bundle sees it (wrangler.toml's `[alias]`): only `toJSONSchema`,
 * the one name imported from it, by hono-openapi's schema converter when the Worker generates
 * its OpenAPI document. The real module re-exports every zod locale (see worker-zod.ts).
 */
export { toJSONSchema } from 'zod/v4'

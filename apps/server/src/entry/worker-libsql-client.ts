/**
 * `@libsql/client` (and its `/web` entry) as the Worker bundle sees it: wrangler.toml's `[alias]`
 * points both here, for the Worker build only. The web client carries a WebSocket transport as
 * well as HTTP, and a Worker can use only HTTP: a socket cannot stay open from one request to the
 * next. The HTTP client takes the same `libsql://` and `https://` URLs (worker-database.ts refuses
 * `ws://` and `wss://` with a clear message), and leaves ~15 KiB of the bundle out.
 */
export * from '@libsql/client/http'

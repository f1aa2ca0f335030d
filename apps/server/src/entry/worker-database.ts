import type { D1Database } from '@cloudflare/workers-types'
// HTTP only: a Worker cannot keep a WebSocket open from one request to the next, and the web
// client's WebSocket half was ~15 KiB of the bundle that no Worker could use.
import { createClient } from '@libsql/client/http'
import { ConfigError } from '../config.ts'
import { createD1Database, d1SqlClient } from '../db/client.ts'
import type { DatabaseOptions } from '../deps.ts'

/**
 * The database a Worker build is for, from wrangler.toml's `[define]`: `'d1'` (the shipped
 * wrangler.toml) or `'turso'`. A D1 build carries no libSQL client (~15 KiB of the bundle's
 * gzip size, the HTTP client and its protocol code): with the value known at build time, the
 * bundler drops the import below. Undefined outside a Worker build (tests in Node), where both
 * databases are there.
 */
declare const PORCHLIGHT_WORKER_DATABASE: 'd1' | 'turso' | undefined

const tursoClient: typeof createClient | undefined =
  typeof PORCHLIGHT_WORKER_DATABASE !== 'undefined' && PORCHLIGHT_WORKER_DATABASE === 'd1'
    ? undefined
    : createClient

/** Which database a Worker uses, and the options `createDeps` takes for it. */
export type WorkerDatabase = { kind: 'd1' | 'turso'; options: DatabaseOptions }

/**
 * The Worker's database, chosen by its bindings: Cloudflare D1 when a D1 database is bound as
 * `DB` (the shipped wrangler.toml does, so `wrangler dev` works offline), Turso when
 * `DATABASE_URL` is set.
 *
 * Both at once is refused rather than resolved by a rule: the data lives in one of them, and a
 * deployment that quietly switched (say, a `DATABASE_URL` secret added to a D1 deployment) would
 * look empty to every member, and write new accounts where the old ones are not. Neither is
 * refused too: a Worker has no file system for the Node default. A build for D1 (the shipped
 * wrangler.toml's `[define]`) refuses `DATABASE_URL` alone, saying which line to change: it has
 * no client to reach Turso with.
 *
 * @example
 * const { kind, options } = workerDatabase(env, config.database)
 * const deps = createDeps({ config, ...options })
 */
export function workerDatabase(
  env: Record<string, unknown>,
  database: { url: string; authToken?: string },
): WorkerDatabase {
  const d1 = isD1Binding(env.DB) ? env.DB : undefined
  const url = typeof env.DATABASE_URL === 'string' && env.DATABASE_URL !== '' ? database.url : ''
  if (url.startsWith('file:')) {
    // Most likely the Node server's .env, which `wrangler dev` reads when there is no .dev.vars.
    throw new ConfigError(
      'Invalid environment:\n  DATABASE_URL: a Worker has no files, so a file: database cannot work here (under `wrangler dev`, a .env meant for the Node server is read when there is no .dev.vars). Remove it to use D1, or set a libsql:// or https:// Turso URL.',
    )
  }
  if (/^wss?:/i.test(url)) {
    throw new ConfigError(
      'Invalid environment:\n  DATABASE_URL: a Worker reaches Turso over HTTP, not a WebSocket (one cannot stay open between requests). Use the libsql:// or https:// URL of the database.',
    )
  }
  if (d1 && url) {
    throw new ConfigError(
      'Invalid environment:\n  DB, DATABASE_URL: both a D1 database (the DB binding) and a Turso database (DATABASE_URL) are configured; keep one. For D1, delete the DATABASE_URL secret; for Turso, remove [[d1_databases]] from wrangler.toml.',
    )
  }
  if (d1) {
    return { kind: 'd1', options: { client: d1SqlClient(d1), db: createD1Database(d1) } }
  }
  if (!url) {
    throw new ConfigError(
      'Invalid environment:\n  DB, DATABASE_URL: no database. Bind a D1 database as DB ([[d1_databases]] in wrangler.toml), or set DATABASE_URL (and DATABASE_AUTH_TOKEN) to a Turso database.',
    )
  }
  if (!tursoClient) {
    throw new ConfigError(
      'Invalid environment:\n  DATABASE_URL: this Worker was built for D1 and carries no Turso client. For Turso, set PORCHLIGHT_WORKER_DATABASE = "\'turso\'" under [define] in wrangler.toml (with the D1 block removed) and deploy again.',
    )
  }
  const client = tursoClient({
    url,
    ...(database.authToken && { authToken: database.authToken }),
  })
  return { kind: 'turso', options: { client } }
}

/** A D1 binding, as opposed to a variable that happens to be called DB. */
function isD1Binding(value: unknown): value is D1Database {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<D1Database>).prepare === 'function' &&
    typeof (value as Partial<D1Database>).batch === 'function'
  )
}

// The other side of the session rows: a better-auth server set up the way its documentation
// shows — `betterAuth` with email and password on, a SQLite database on a file, mounted on Hono
// with `app.on(['POST', 'GET'], '/api/auth/*', (c) => auth.handler(c.req.raw))` and served by
// @hono/node-server. The database is `libsql`'s better-sqlite3-compatible `Database` (the same
// engine as Porchlight's) behind Kysely's `SqliteDialect`: exactly what better-auth builds
// itself when handed a better-sqlite3 database. It cannot be handed the `libsql` object
// directly, because that object's own `db` field makes better-auth take it for a Kysely instance.
//
// Run by the bench as a child process: PORT and DATABASE_FILE come from the environment;
// COOKIE_CACHE=on turns on its session cookie cache (`session.cookieCache`, 5 minutes, the
// documentation's example), the variant that answers `get-session` from a signed cookie.
import { serve } from '@hono/node-server'
import { betterAuth } from 'better-auth'
import { getMigrations } from 'better-auth/db/migration'
import { Hono } from 'hono'
import { SqliteDialect } from 'kysely'
import Database from 'libsql'

const port = Number(process.env.PORT)
const file = process.env.DATABASE_FILE ?? ''
if (!Number.isInteger(port) || port <= 0 || !file) {
  console.error('better-auth-server: PORT and DATABASE_FILE are required')
  process.exit(2)
}

const database = new Database(file)
// The same pragmas as Porchlight's `openDatabase`, so both sides write to the disk alike.
database.exec('PRAGMA journal_mode = WAL')
database.exec('PRAGMA busy_timeout = 5000')
database.exec('PRAGMA synchronous = NORMAL')
database.exec('PRAGMA foreign_keys = ON')

const auth = betterAuth({
  baseURL: `http://127.0.0.1:${port}`,
  // Fixed: a bench run signs in and checks sessions only within one process's life.
  secret: 'bench-better-auth-secret-0123456789abcdef0123456789',
  database: { dialect: new SqliteDialect({ database }), type: 'sqlite', transaction: true },
  emailAndPassword: { enabled: true },
  ...(process.env.COOKIE_CACHE === 'on' && {
    session: { cookieCache: { enabled: true, maxAge: 5 * 60 } },
  }),
  telemetry: { enabled: false },
})

// What its CLI's `migrate` does: create the tables its options need.
const { runMigrations } = await getMigrations(auth.options)
await runMigrations()

const app = new Hono()
  .get('/ok', (c) => c.text('ok'))
  .on(['POST', 'GET'], '/api/auth/*', (c) => auth.handler(c.req.raw))

const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' })

function stop() {
  server.close()
  database.close()
  process.exit(0)
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)

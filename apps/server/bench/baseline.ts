// The bare baseline for `npm run bench`: plain Hono on @hono/node-server over the same kind of
// libSQL file, with the same pragmas, doing the same database work as each measured Porchlight
// endpoint and nothing else — no request id, logging, secure headers, body limit or drizzle.
// It answers with the same JSON shapes, so both sides send about the same number of bytes.
//
// Run by run.ts as a child process: PORT, DATABASE_URL (file:…) and WORK_FILE (the SQL that
// Porchlight's queries send, recorded by database-work.ts) come from the environment.
import { createHash, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { createClient, type InArgs, type ResultSet, type Row } from '@libsql/client'
import { Hono } from 'hono'
import type { DatabaseCall, DatabaseWork } from './database-work.ts'

const port = Number(process.env.PORT)
const url = process.env.DATABASE_URL ?? ''
const workFile = process.env.WORK_FILE ?? ''
if (!Number.isInteger(port) || port <= 0 || !url.startsWith('file:') || !workFile) {
  console.error('baseline: PORT, DATABASE_URL=file:… and WORK_FILE are required')
  process.exit(2)
}

// The same per-connection pragmas as Porchlight's `openDatabase`.
const client = createClient({ url })
await client.execute('PRAGMA journal_mode = WAL')
await client.execute('PRAGMA busy_timeout = 5000')
await client.execute('PRAGMA synchronous = NORMAL')
await client.execute('PRAGMA foreign_keys = ON')

const work = JSON.parse(readFileSync(workFile, 'utf8')) as DatabaseWork
const { readyz, publicSite, adminSite } = work

/**
 * Runs one step of an endpoint's database work with arguments taken from this request: the
 * recorded SQL, as one statement or as a batch whose statements share the same arguments.
 */
async function run(call: DatabaseCall | undefined, args: InArgs): Promise<ResultSet[]> {
  if (!call) throw new Error('work.json has fewer steps than baseline.ts runs')
  const statements = call.statements.map(({ sql }) => ({ sql, args }))
  if (call.batch) return client.batch(statements)
  return [await client.execute(statements[0] ?? '')]
}

const secretKeyPattern = /^Bearer\s+sk_([a-z2-7]{16})_([a-z2-7]{32})$/i

/** A hand-written server must still check the secret: SHA-256 and a constant-time compare. */
function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(createHash('sha256').update(secret).digest('hex'))
  const stored = Buffer.from(storedHash)
  return presented.length === stored.length && timingSafeEqual(presented, stored)
}

const unauthorized = { error: { code: 'INVALID_SECRET_KEY', message: 'Invalid secret key.' } }
const text = (row: Row | undefined, column: string) => String(row?.[column] ?? '')

const app = new Hono()
  // Reference point for the framework alone: no database, the same body as Porchlight's /healthz.
  .get('/hello', (c) => c.json({ status: 'ok' }))
  // Porchlight's `pendingMigrations`: ensure the ledger exists, then read it.
  .get('/readyz', async (c) => {
    await run(readyz[0], [])
    const [ledger] = await run(readyz[1], [])
    return ledger?.rows.length
      ? c.json({ status: 'ready' })
      : c.json({ error: { code: 'MIGRATIONS_PENDING' } }, 503)
  })
  // Porchlight's `GET /v1/site`: the publishable-key batch, the origin check, the CORS headers.
  .get('/v1/site', async (c) => {
    const key = c.req.header('x-porchlight-key') ?? ''
    const [found, origins] = await run(publicSite[0], [key])
    const site = found?.rows[0]
    if (!site) return c.json({ error: { code: 'INVALID_PUBLISHABLE_KEY' } }, 401)
    const origin = c.req.header('origin')
    if (origin !== undefined && !origins?.rows.some((r) => r.origin === origin)) {
      return c.json({ error: { code: 'ORIGIN_NOT_ALLOWED' } }, 403)
    }
    c.header('Vary', 'Origin')
    if (origin !== undefined) {
      c.header('Access-Control-Allow-Origin', origin)
      c.header('Access-Control-Allow-Credentials', 'true')
    }
    return c.json({ id: text(site, 'id'), name: text(site, 'name') })
  })
  // Porchlight's `GET /v1/admin/site`: the secret-key lookup, then the site-details batch.
  .get('/v1/admin/site', async (c) => {
    const match = secretKeyPattern.exec(c.req.header('authorization') ?? '')
    const [, keyId = '', secret = ''] = match ?? []
    const key = match ? (await run(adminSite[0], [keyId]))[0]?.rows[0] : undefined
    if (!key || !secretMatches(secret, text(key, 'secret_hash'))) return c.json(unauthorized, 401)
    const siteId = text(key, 'site_id')
    const [site, origins, keys] = await run(adminSite[1], [siteId])
    const row = site?.rows[0]
    if (!row) return c.json({ error: { code: 'NOT_FOUND' } }, 404)
    return c.json({
      id: row.id,
      name: row.name,
      publishableKey: row.publishable_key,
      createdAt: row.created_at,
      origins: (origins?.rows ?? []).map((o) => o.origin),
      secretKeys: (keys?.rows ?? []).map((k) => ({
        id: k.id,
        label: k.label,
        createdAt: k.created_at,
        lastUsedAt: k.last_used_at,
        hint: `sk_${text(k, 'id')}_…`,
      })),
    })
  })

const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' })

function stop() {
  server.close()
  client.close()
  process.exit(0)
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)

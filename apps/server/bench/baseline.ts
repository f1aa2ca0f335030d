// The bare baseline for `npm run bench`: plain Hono on @hono/node-server over the same kind of
// libSQL file, with the same pragmas, doing the same database work as each measured Porchlight
// endpoint and nothing else — no request id, logging, secure headers, body limit or drizzle.
// It answers with the same JSON shapes, so both sides send about the same number of bytes.
//
// Run by run.ts as a child process: PORT, DATABASE_URL (file:…) and WORK_FILE (the SQL that
// Porchlight's queries send, recorded by database-work.ts) come from the environment.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { zValidator } from '@hono/zod-validator'
import {
  createClient,
  type InArgs,
  type InValue,
  type ResultSet,
  type Row,
  type TransactionMode,
} from '@libsql/client'
import { Hono } from 'hono'
import { z } from 'zod'
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
const { readyz, publicSite, adminSite, submission } = work

/**
 * Runs one step of an endpoint's database work with arguments taken from this request: the
 * recorded SQL, as one statement or as a batch whose statements share the same arguments.
 */
async function run(call: DatabaseCall | undefined, args: InArgs): Promise<ResultSet[]> {
  if (!call) throw new Error('work.json has fewer steps than baseline.ts runs')
  const statements = call.statements.map(({ sql }) => ({ sql, args }))
  if (call.batch) return client.batch(statements, call.mode as TransactionMode | undefined)
  return [await client.execute(statements[0] ?? '')]
}

/** `INSERT INTO <table> (<the row's columns>) VALUES (?, …)`, one value per column. */
function insertInto(table: string, row: Record<string, InValue>) {
  const columns = Object.keys(row)
  return {
    sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    args: Object.values(row),
  }
}

/**
 * Stores one contact submission as a hand-written server would: the submission row and its
 * notification job in one batch, so one write transaction.
 */
async function storeSubmission(row: Record<string, InValue>, job: Record<string, InValue>) {
  await client.batch([insertInto('submissions', row), insertInto('outbox', job)], 'write')
}

/** The least a hand-written server does: the submission row alone, one statement. */
async function insertSubmission(row: Record<string, InValue>) {
  await client.execute(insertInto('submissions', row))
}

/** The fields a contact form takes, checked as a hand-written server would check them. */
const contactFields = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  message: z.string().trim().min(1).max(10_000),
})

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
const cellStyle = 'padding:6px 12px 6px 0;vertical-align:top;text-align:left'

/**
 * The owner's notification, as a hand-written server would build it: a text part and a simply
 * styled HTML part, about the size of Porchlight's (the bench prints both sizes).
 */
function notificationEmail(id: string, fields: Record<string, string>, replyTo: string | null) {
  const { form, site } = submission
  const rows = Object.entries(fields)
  const title = `New submission to ${form.name}`
  const text = [title, '', ...rows.map(([name, value]) => `${name}: ${value}`), '', `--`]
  text.push(`Submission ${id}`)
  const html = [
    `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:system-ui,sans-serif;font-size:15px">',
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(title)}</h1>`,
    `<p style="margin:0 0 12px">Someone sent the form &quot;${escapeHtml(form.name)}&quot;.</p>`,
    '<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">',
    ...rows.map(
      ([name, value]) =>
        `<tr><th style="${cellStyle};color:#555;font-weight:600;white-space:nowrap">${escapeHtml(name)}</th>` +
        `<td style="${cellStyle};white-space:pre-wrap">${escapeHtml(value)}</td></tr>`,
    ),
    `</table>\n<p style="margin:24px 0 0;font-size:13px;color:#666">Submission ${id}</p>`,
    '</body></html>',
  ]
  return JSON.stringify({
    to: form.notify,
    ...(replyTo && { replyTo }),
    subject: `New submission: ${form.name} on ${site.name}`,
    text: text.join('\n'),
    html: html.join('\n'),
  })
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

  // Porchlight's `POST /v1/forms/:formId/submissions` for a JSON body, minus everything but the
  // storing: no key or form lookup, validation, rate limits, proof of work, time trap, duplicate
  // check or delivery. It keeps the text fields, and writes the same two rows in one batch.
  .post('/v1/forms/:formId/submissions', async (c) => {
    const body = await c.req.json<Record<string, unknown>>()
    const fields: Record<string, string> = {}
    for (const [name, value] of Object.entries(body)) {
      if (!name.startsWith('_') && typeof value === 'string') fields[name] = value
    }
    const now = Date.now()
    const id = `sub_${randomBytes(12).toString('hex')}`
    const email = fields.email ? fields.email.toLowerCase() : null
    const data = JSON.stringify(fields)
    await storeSubmission(
      {
        id,
        site_id: submission.site.id,
        form_id: c.req.param('formId'),
        status: 'new',
        data,
        spam_reasons: '[]',
        email,
        member_id: null,
        ip: getConnInfo(c).remote.address ?? null,
        user_agent: c.req.header('user-agent')?.slice(0, 500) ?? null,
        content_hash: createHash('sha256').update(data).digest('hex'),
        notified_at: now,
        created_at: now,
        updated_at: now,
      },
      {
        id: `job_${id}.notify`,
        site_id: submission.site.id,
        kind: 'email',
        payload: notificationEmail(id, fields, email),
        status: 'pending',
        attempts: 0,
        max_attempts: 10,
        run_at: now,
        // What the console's per-form delivery list reads by.
        topic: `form:${c.req.param('formId')}`,
        created_at: now,
        updated_at: now,
      },
    )
    const origin = c.req.header('origin')
    c.header('Vary', 'Origin')
    if (origin !== undefined) {
      c.header('Access-Control-Allow-Origin', origin)
      c.header('Access-Control-Allow-Credentials', 'true')
    }
    return c.json({ id }, 201)
  })

  // The bare insert: Hono, zod through @hono/zod-validator, one INSERT. The bench compares a
  // submission through all of Porchlight (proof of work off) with this.
  .post('/bare-insert/:formId', zValidator('json', contactFields), async (c) => {
    const fields = c.req.valid('json')
    const now = Date.now()
    const id = `sub_${randomBytes(12).toString('hex')}`
    const data = JSON.stringify(fields)
    await insertSubmission({
      id,
      site_id: submission.site.id,
      form_id: c.req.param('formId'),
      status: 'new',
      data,
      spam_reasons: '[]',
      email: fields.email.toLowerCase(),
      member_id: null,
      ip: getConnInfo(c).remote.address ?? null,
      user_agent: c.req.header('user-agent')?.slice(0, 500) ?? null,
      content_hash: createHash('sha256').update(data).digest('hex'),
      notified_at: null,
      created_at: now,
      updated_at: now,
    })
    return c.json({ id }, 201)
  })

const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' })

function stop() {
  server.close()
  client.close()
  process.exit(0)
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)

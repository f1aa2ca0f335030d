// The bare forum baseline for `npm run bench`: plain Hono on @hono/node-server over the same
// database client as Porchlight (`openDatabase`: the same libSQL file client, pragmas and
// statement reuse), answering a guest's thread list and posts page with the very statements
// Porchlight sends for them (recorded by forum-work.ts), and nothing else: no request id,
// logging, security headers, zod, drizzle or permission module. It checks what a hand-written
// server must (the publishable key and origin, read once like Porchlight's site cache; the
// category's read access; a hidden thread) and answers in the same JSON shape.
//
// Run by forum-rows.ts as a child process: PORT, DATABASE_URL (file:…) and WORK_FILE from the
// environment.
import { readFileSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { type Context, Hono } from 'hono'
import { byPosition } from '../src/db/result-set.ts'
import { openDatabase } from '../src/entry/node.ts'
import { bind, type ForumStatement, type ForumWork } from './forum-work.ts'

const port = Number(process.env.PORT)
const url = process.env.DATABASE_URL ?? ''
const workFile = process.env.WORK_FILE ?? ''
if (!Number.isInteger(port) || port <= 0 || !url.startsWith('file:') || !workFile) {
  console.error('forum baseline: PORT, DATABASE_URL=file:… and WORK_FILE are required')
  process.exit(2)
}

const client = await openDatabase({ url })
const work = JSON.parse(readFileSync(workFile, 'utf8')) as ForumWork
const { site } = work

const cursor = (values: (string | number)[]) =>
  Buffer.from(JSON.stringify(values)).toString('base64url')
const pageSize = (c: Context, fallback: number) => {
  const n = Number(c.req.query('limit') ?? fallback)
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : fallback
}
const notFound = (c: Context, code: string) => c.json({ error: { code } }, 404)

/** The key and origin check, and the CORS headers a browser needs; an answer when refused. */
function refused(c: Context): Response | null {
  if (c.req.header('x-porchlight-key') !== site.publishableKey) {
    return c.json({ error: { code: 'INVALID_PUBLISHABLE_KEY' } }, 401)
  }
  const origin = c.req.header('origin')
  if (origin !== undefined && !site.origins.includes(origin)) {
    return c.json({ error: { code: 'ORIGIN_NOT_ALLOWED' } }, 403)
  }
  c.header('Vary', 'Origin')
  if (origin !== undefined) {
    c.header('Access-Control-Allow-Origin', origin)
    c.header('Access-Control-Allow-Credentials', 'true')
  }
  return null
}

// Columns by position, as the recorded statements select them (several are called `id`). The
// thread list reads no avatar: position 16 is past its last column, so `avatarUrl` is null.
/** A row's values by position. */
type Values = readonly unknown[]

const author = (r: Values, at: number) =>
  r[at] === null
    ? null
    : { id: r[at], displayName: r[at + 1], username: r[at + 2], avatarUrl: r[at + 3] ?? null }

/**
 * The statement's rows as plain arrays, asked of the client the way Porchlight's page reads ask
 * (db/prepared-read.ts): the client then never shapes them into row objects, whose index is
 * served through a getter (~1 µs a row), and a hand-written server over this client would take
 * the arrays too. Same access on both sides.
 */
const rowsOf = async (statement: ForumStatement, inputs: Record<string, unknown>) => {
  const { rows } = await client.execute(byPosition(statement.sql, bind(statement, inputs)))
  return rows as unknown as Values[]
}

const app = new Hono()
  .get('/healthz', (c) => c.json({ status: 'ok' }))
  .get('/v1/forum/categories/:slug/threads', async (c) => {
    const no = refused(c)
    if (no) return no
    const limit = pageSize(c, 25)
    const rows = await rowsOf(work.threadList, {
      siteId: site.id,
      slug: c.req.param('slug'),
      limit: limit + 1,
    })
    const first = rows[0]
    // A guest reads only categories everyone may read; any other answers as one that is absent.
    if (first?.[1] !== 'everyone') return notFound(c, 'CATEGORY_NOT_FOUND')
    const threads = rows.filter((r) => r[3] !== null)
    const page = threads.slice(0, limit)
    const last = page.at(-1)
    return c.json({
      items: page.map((r) => ({
        id: r[3],
        categoryId: r[4],
        title: r[5],
        author: author(r, 13),
        pinned: r[6] === 1,
        locked: r[7] === 1,
        hidden: r[8] === 1,
        slowModeSeconds: r[9],
        postCount: r[10],
        lastActivityAt: r[11],
        createdAt: r[12],
      })),
      nextCursor:
        threads.length > limit && last
          ? cursor([last[6] === 1 ? 1 : 0, Number(last[11]), String(last[3])])
          : null,
    })
  })
  .get('/v1/forum/threads/:id/posts', async (c) => {
    const no = refused(c)
    if (no) return no
    const limit = pageSize(c, 50)
    const afterNumber = Number(c.req.query('after') ?? 0)
    if (!Number.isSafeInteger(afterNumber) || afterNumber < 0) {
      return c.json({ error: { code: 'INVALID_CURSOR' } }, 400)
    }
    const rows = await rowsOf(work.postsPage, {
      siteId: site.id,
      threadId: c.req.param('id'),
      afterNumber,
      limit,
    })
    const first = rows[0]
    // A guest: the category must be open to everyone and the thread not hidden.
    if (first?.[4] !== 'everyone' || first[2] === 1) return notFound(c, 'THREAD_NOT_FOUND')
    const posts = rows.filter((r) => r[6] !== null)
    c.header('ETag', `W/"${first[0]}-${afterNumber}-${limit}-guest"`)
    c.header('Cache-Control', 'private, no-cache')
    const last = posts.at(-1)
    const lastNumber = last ? Number(last[8]) : afterNumber
    return c.json({
      items: posts.map((r) => {
        const deleted = r[15] !== null
        const hidden = r[13] === 1
        return {
          id: r[6],
          threadId: r[7],
          number: r[8],
          author: deleted ? null : author(r, 21),
          replyToId: r[10],
          quoteOfId: r[11],
          html: deleted ? '<p>[deleted]</p>' : hidden ? '<p>[hidden by a moderator]</p>' : r[12],
          hidden,
          deleted,
          edited: r[16] !== null,
          editedAt: r[16],
          likeCount: r[17],
          createdAt: r[18],
        }
      }),
      nextCursor: cursor([lastNumber]),
      hasMore: posts.length === limit && lastNumber < Number(first[1]),
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

import { hmac } from '@oslojs/crypto/hmac'
import { SHA256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding'
import { and, eq, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { html } from 'hono/html'
import { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { members, sites, threads, watches } from '../db/schema.ts'
import type { AppEnv } from '../http/env.ts'
import { documented } from '../http/openapi.ts'
import { siteScope } from '../sites/scope.ts'
import { ForumErrors } from './errors.ts'
import { allEmailOff, updatePreferences } from './preferences.ts'

// One-click unsubscribe (RFC 8058). The token is an HMAC with the site's signing secret over
// (site, member, scope), so it needs no table, cannot be forged, and names exactly one member.
// It does not expire: an unsubscribe link in an old email must keep working, and all it can
// ever do is turn mail off. Because it only turns mail off, the POST needs no session and no
// CSRF check; a GET never changes anything, because mail scanners prefetch links.

/** What a link unsubscribes from: one thread's emails, or every discussion email. */
export type UnsubscribeScope = 'all' | `thread:${string}`

export type UnsubscribeSubject = { siteId: string; memberId: string; scope: UnsubscribeScope }

const encoder = new TextEncoder()
const idPattern = /^[a-z]+_[a-z0-9]{1,64}$/

function signature(secret: string, s: UnsubscribeSubject): Uint8Array {
  return hmac(
    SHA256,
    encoder.encode(secret),
    encoder.encode(`unsubscribe:${s.siteId}:${s.memberId}:${s.scope}`),
  )
}

/**
 * `<base64url(site|member|scope)>.<base64url(HMAC-SHA256)>`.
 *
 * @example unsubscribeToken(site.signingSecret, { siteId, memberId, scope: `thread:${threadId}` })
 */
export function unsubscribeToken(secret: string, subject: UnsubscribeSubject): string {
  if (secret === '') throw new Error('unsubscribeToken: the site has no signing secret')
  const body = `${subject.siteId}|${subject.memberId}|${subject.scope}`
  return `${encodeBase64urlNoPadding(encoder.encode(body))}.${encodeBase64urlNoPadding(signature(secret, subject))}`
}

/** The token's claims, unverified; `null` when it is not even shaped like a token. */
function parseToken(token: string) {
  const match = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match?.[1] || !match[2]) return null
  let body: string
  try {
    body = new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64urlIgnorePadding(match[1]))
  } catch {
    return null
  }
  const [siteId, memberId, scope, ...rest] = body.split('|')
  if (rest.length > 0 || !siteId || !memberId || !scope) return null
  if (!idPattern.test(siteId) || !idPattern.test(memberId)) return null
  const threadId = scope.startsWith('thread:') ? scope.slice(7) : null
  if (scope !== 'all' && !(threadId && idPattern.test(threadId))) return null
  return {
    subject: { siteId, memberId, scope: scope as UnsubscribeScope },
    mac: match[2],
  }
}

/**
 * The subject of a genuine token, with the site's name for the page; `null` for anything
 * malformed, unknown or signed with another key. Never throws.
 */
export async function verifyUnsubscribeToken(db: Database, token: string | undefined) {
  const parsed = token ? parseToken(token) : null
  if (!parsed) return null
  const [site] = await db
    .select({ name: sites.name, signingSecret: sites.signingSecret })
    .from(sites)
    .where(eq(sites.id, parsed.subject.siteId))
  if (!site || site.signingSecret === '') return null
  // Both sides are 43 ASCII characters, so the comparison time does not depend on the input.
  const expected = encoder.encode(
    encodeBase64urlNoPadding(signature(site.signingSecret, parsed.subject)),
  )
  if (!constantTimeEqual(encoder.encode(parsed.mac), expected)) return null
  return { ...parsed.subject, siteName: site.name }
}

/**
 * Turns the mail off: a thread goes to `normal` (a muted one stays muted), so its replies stop
 * while mentions and direct replies still notify, as in Discourse; `all` switches every
 * notification email off in the preferences. A member or thread deleted since is a no-op.
 */
export async function applyUnsubscribe(db: Database, clock: Clock, subject: UnsubscribeSubject) {
  const scope = siteScope(subject.siteId)
  if (subject.scope === 'all') {
    await updatePreferences(db, scope, subject.memberId, allEmailOff, clock.now())
    return
  }
  const threadId = subject.scope.slice('thread:'.length)
  await db.run(sql`INSERT INTO ${watches} (site_id, thread_id, member_id, level)
    SELECT ${scope.siteId}, ${threads.id}, ${members.id}, 'normal'
    FROM ${threads} JOIN ${members} ON ${members.id} = ${subject.memberId} AND ${members.siteId} = ${scope.siteId}
    WHERE ${threads.id} = ${threadId} AND ${threads.siteId} = ${scope.siteId}
    ON CONFLICT (thread_id, member_id) DO UPDATE
      SET level = CASE WHEN level = 'muted' THEN 'muted' ELSE 'normal' END`)
}

async function threadTitle(db: Database, subject: UnsubscribeSubject) {
  if (subject.scope === 'all') return null
  const [row] = await db
    .select({ title: threads.title })
    .from(threads)
    .where(
      and(
        eq(threads.id, subject.scope.slice('thread:'.length)),
        eq(threads.siteId, subject.siteId),
      ),
    )
  return row?.title ?? null
}

function page(title: string, body: ReturnType<typeof html>) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <style>
      :root { color-scheme: light dark; background: Canvas; color: CanvasText; font-family: system-ui, sans-serif; line-height: 1.5; }
      main { max-width: 32rem; margin: 4rem auto; padding: 0 1rem; }
      button { font: inherit; padding: 0.5em 1.2em; cursor: pointer; }
    </style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`
}

// Read by hand rather than validated as a query: a missing or malformed token is the same
// 400 INVALID_TOKEN as a forged one, and the page says to use the link from the email.
const tokenParameter = {
  in: 'query',
  name: 'token',
  required: true,
  description: 'The token of the email’s unsubscribe link.',
} as const

const unsubscribePage = (description: string) => ({
  description,
  mediaType: 'text/html',
  schema: z.string(),
})

/**
 * `GET /v1/notifications/unsubscribe?token=…`: a page with a button that confirms;
 * `POST` (the button, or a mail provider's one-click request): unsubscribes.
 * Forged or malformed tokens answer `400 INVALID_TOKEN`.
 */
export function unsubscribeRoutes(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps
  const verified = async (token: string | undefined) => {
    const subject = await verifyUnsubscribeToken(db, token)
    if (!subject) throw ForumErrors.invalidUnsubscribeToken()
    return subject
  }
  return new Hono<AppEnv>()
    .use('/notifications/unsubscribe', async (c, next) => {
      await next()
      // The page may post only to itself, in no frame (a framed button could be clickjacked).
      c.header(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      )
      c.header('Cache-Control', 'no-store')
    })
    .get(
      '/notifications/unsubscribe',
      documented({
        summary: 'The unsubscribe page',
        description:
          'The page an email’s unsubscribe link opens: it names what the link stops and asks to confirm with a button. Opening it changes nothing, since mail scanners open links too.',
        tags: ['Notifications'],
        access: 'public',
        responses: { 200: unsubscribePage('The page, with a button that confirms.') },
        errors: { 400: ['INVALID_TOKEN'] },
        parameters: [tokenParameter],
      }),
      async (c) => {
        const token = c.req.query('token')
        const subject = await verified(token)
        const title = await threadTitle(db, subject)
        const what = title
          ? html`emails about new replies in <strong>${title}</strong>`
          : html`all discussion emails from ${subject.siteName}`
        return c.html(
          page(
            'Unsubscribe',
            html`<h1>Unsubscribe</h1>
      <p>Stop ${what}?</p>
      <form method="post" action="?token=${token}"><button type="submit">Unsubscribe</button></form>`,
          ),
        )
      },
    )
    .post(
      '/notifications/unsubscribe',
      documented({
        summary: 'Unsubscribe',
        description:
          'Turns the mail the token names off: one thread’s replies (mentions and direct replies still arrive), or every discussion email. Needs no key and no session, and is what mail providers call for one-click unsubscribe (RFC 8058), whatever the body.',
        tags: ['Notifications'],
        access: 'public',
        responses: { 200: unsubscribePage('A page saying what was turned off.') },
        errors: { 400: ['INVALID_TOKEN'] },
        parameters: [tokenParameter],
      }),
      async (c) => {
        const subject = await verified(c.req.query('token'))
        await applyUnsubscribe(db, clock, subject)
        const title = await threadTitle(db, subject)
        const what = title
          ? html`You will get no more emails about new replies in <strong>${title}</strong>. Mentions
            and direct replies to you still arrive.`
          : html`You will get no more discussion emails from ${subject.siteName}.`
        return c.html(page('Unsubscribed', html`<h1>Unsubscribed</h1><p>${what}</p>`))
      },
    )
}

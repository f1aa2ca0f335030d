import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { html } from 'hono/html'
import { type Clock, systemClock } from '../clock.ts'
import type { AppEnv } from '../http/env.ts'
import type { Logger } from '../logger.ts'
import type { MailMessage, MailTransport } from './message.ts'

export type DevMail = MailMessage & { sentAt: number }

export interface DevMailTransport extends MailTransport {
  /** The kept messages, newest first. */
  messages(): readonly DevMail[]
}

export type DevMailTransportOptions = {
  log: Logger
  clock?: Clock
  /** How many messages to keep for /dev/mail; older ones are dropped. */
  keep?: number
}

/**
 * For development: nothing leaves the machine. Each message becomes one log line (with its text
 * part, so a verification link can be copied from the terminal) and is kept in memory for
 * `/dev/mail`.
 *
 * @example
 * const dev = createDevMailTransport({ log })
 * app.route('/', devMailRoutes(dev, { peerAddress: deps.peerAddress }))
 */
export function createDevMailTransport(options: DevMailTransportOptions): DevMailTransport {
  const clock = options.clock ?? systemClock
  const keep = options.keep ?? 50
  const kept: DevMail[] = []
  return {
    async send(message) {
      const mail: DevMail = { ...message, sentAt: clock.now() }
      kept.unshift(mail)
      kept.length = Math.min(kept.length, keep)
      options.log.info('mail (dev transport, not sent)', {
        messageId: message.messageId,
        from: message.from,
        to: message.to,
        ...(message.replyTo && { replyTo: message.replyTo }),
        subject: message.subject,
        text: message.text,
      })
    },
    messages: () => kept.slice(),
  }
}

// The page shows whatever a form's visitors typed. Everything is escaped by `html`, the HTML
// parts are rendered only inside sandboxed iframes (no scripts, no same origin), and the policy
// below forbids scripts anywhere; srcdoc frames inherit it. Remote images stay blocked so opening
// the page does not ping trackers in a message.
const pagePolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

export type DevMailRoutesOptions = {
  /**
   * The address of the socket's peer (`deps.peerAddress`), never one read from a header: a
   * forwarded header is whatever the client wrote, and behind a proxy on the same machine every
   * visitor's header-derived address could be made to look local.
   */
  peerAddress: (c: Context) => string | undefined
}

/**
 * `GET /dev/mail` (a page) and `GET /dev/mail.json`: the messages the dev transport kept.
 * Mounted only in development with `MAIL_TRANSPORT=dev` (production refuses that transport). The
 * messages hold password-reset and verification links, so even in development only callers on
 * this machine, by the socket's own peer address, see the pages; everyone else gets a plain 404.
 */
export function devMailRoutes(dev: DevMailTransport, options: DevMailRoutesOptions) {
  return new Hono<AppEnv>()
    .use('/dev/mail', localOnly(options))
    .use('/dev/mail.json', localOnly(options))
    .get('/dev/mail.json', (c) => {
      c.header('Cache-Control', 'no-store')
      return c.json({
        messages: dev.messages().map((m) => ({ ...m, sentAt: new Date(m.sentAt).toISOString() })),
      })
    })
    .get('/dev/mail', (c) => {
      c.header('Content-Security-Policy', pagePolicy)
      c.header('Cache-Control', 'no-store')
      const messages = dev.messages()
      return c.html(html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Mail (development)</title>
    <style>
      :root { color-scheme: light dark; background: Canvas; color: CanvasText; font-family: system-ui, sans-serif; line-height: 1.5; }
      main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
      article { border: 1px solid color-mix(in srgb, currentColor 25%, transparent); border-radius: 6px; padding: 0 1rem 1rem; margin: 1rem 0; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0 0 0.5rem; }
      dt { font-weight: 600; }
      dd { margin: 0; overflow-wrap: anywhere; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; background: color-mix(in srgb, currentColor 7%, transparent); padding: 0.75rem; }
      iframe { width: 100%; height: 24rem; border: 1px solid color-mix(in srgb, currentColor 25%, transparent); background: #fff; }
    </style>
  </head>
  <body>
    <main>
      <h1>Mail (development)</h1>
      <p>
        <code>MAIL_TRANSPORT=dev</code>: nothing is sent. The last messages are kept in memory,
        newest first (${messages.length} now) · <a href="/dev/mail.json">JSON</a>
      </p>
      ${messages.map(
        (m) => html`<article>
        <h2>${m.subject}</h2>
        <dl>
          <dt>To</dt><dd>${m.to.join(', ')}</dd>
          <dt>From</dt><dd>${m.from}</dd>
          ${m.replyTo ? html`<dt>Reply-To</dt><dd>${m.replyTo}</dd>` : ''}
          <dt>Time</dt><dd><time datetime="${new Date(m.sentAt).toISOString()}">${new Date(m.sentAt).toISOString()}</time></dd>
          <dt>Message-ID</dt><dd><code>${m.messageId}</code></dd>
        </dl>
        <details open>
          <summary>Text</summary>
          <pre>${m.text}</pre>
        </details>
        <details>
          <summary>HTML</summary>
          <iframe sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" title="HTML part of ${m.subject}" srcdoc="${m.html}"></iframe>
        </details>
      </article>`,
      )}
    </main>
  </body>
</html>`)
    })
}

function localOnly(options: DevMailRoutesOptions | undefined): MiddlewareHandler {
  return async (c, next) => {
    // Checked at request time, and missing options deny, so a mistaken mount fails closed.
    const peer = options?.peerAddress?.(c)
    if (peer === undefined || !isLoopback(peer) || viaProxy(c)) return c.notFound()
    await next()
  }
}

/**
 * A proxy on this machine makes every visitor's peer address loopback; proxies say they forwarded
 * a request, and a browser on this machine never does.
 */
function viaProxy(c: Context): boolean {
  return ['forwarded', 'x-forwarded-for', 'x-real-ip', 'cf-connecting-ip', 'x-forwarded-host'].some(
    (name) => c.req.header(name) !== undefined,
  )
}

function isLoopback(address: string): boolean {
  return /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i.test(
    address,
  )
}

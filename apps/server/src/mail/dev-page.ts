import { html } from 'hono/html'
import type { DevMail } from './dev.ts'

// The page shows whatever a form's visitors typed. Everything is escaped by `html`, the HTML
// parts are rendered only inside sandboxed iframes (no scripts, no same origin), and the policy
// below forbids scripts anywhere; srcdoc frames inherit it. Remote images stay blocked so opening
// the page does not ping trackers in a message.
export const devMailPagePolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/**
 * The `/dev/mail` page: each kept message with its headers, its text part (web addresses as
 * links) and its HTML part in a sandboxed frame. Every link opens in a new tab: the pages they
 * lead to (Porchlight's own, the demo's) refuse to be framed, and would show a broken frame.
 *
 * @example
 * c.html(devMailPage(dev.messages(), dev.keptWhere))
 */
export function devMailPage(messages: readonly DevMail[], keptWhere: string) {
  return html`<!doctype html>
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
        <code>MAIL_TRANSPORT=dev</code>: nothing is sent. The last messages are kept ${keptWhere},
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
          <pre>${linkedText(m.text)}</pre>
        </details>
        <details>
          <summary>HTML</summary>
          <iframe sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" title="HTML part of ${m.subject}" srcdoc="${linksInNewTabs(m.html)}"></iframe>
        </details>
      </article>`,
      )}
    </main>
  </body>
</html>`
}

// Up to the first character that cannot be in an address written in running text.
const webAddress = /https?:\/\/[^\s<>"'`]+/g
// Punctuation that ends a sentence rather than the address ("open https://x.example/a.").
const trailingPunctuation = /[.,;:!?)\]}]+$/

/**
 * The text part with its http(s) addresses as links, everything else as escaped text. Only
 * http(s) is linked, so a `javascript:` written in a message stays text.
 */
function linkedText(text: string) {
  const parts: unknown[] = []
  let last = 0
  for (const match of text.matchAll(webAddress)) {
    const url = match[0].replace(trailingPunctuation, '')
    parts.push(
      text.slice(last, match.index),
      html`<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`,
    )
    last = match.index + url.length
  }
  parts.push(text.slice(last))
  return parts
}

/**
 * The HTML part with a `<base target="_blank">` in its head, so its links open in a new tab,
 * which the frame's sandbox lets escape it. Placed after a doctype, never before: anything
 * ahead of it would put the message into quirks mode.
 */
function linksInNewTabs(part: string): string {
  const base = '<base target="_blank">'
  const at = /<head\b[^>]*>/i.exec(part) ?? /^\s*<!doctype[^>]*>/i.exec(part)
  const cut = at ? at.index + at[0].length : 0
  return part.slice(0, cut) + base + part.slice(cut)
}

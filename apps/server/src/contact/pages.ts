import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { FieldErrors } from '../http/errors.ts'

// Pages for plain HTML forms posted without JavaScript. They name the site and link back to it,
// so a visitor never lands on a vendor page.

const style = `:root{color-scheme:light dark;background:Canvas;color:CanvasText;font-family:system-ui,sans-serif;line-height:1.5}
main{max-width:36rem;margin:4rem auto;padding:0 1rem}a{color:inherit}`

function page(title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title><style>${style}</style></head>
<body><main>${body}</main></body>
</html>`
}

export const pageSecurityHeaders = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'",
  'Cache-Control': 'no-store',
}

export function thanksPage(site: { name: string }, back: string | undefined) {
  return page(
    `Thank you — ${site.name}`,
    html`<h1>Thank you</h1>
<p>Your message was sent to ${site.name}.</p>
${back ? html`<p><a href="${back}">Back to ${site.name}</a></p>` : ''}`,
  )
}

export function errorPage(input: {
  siteName: string | undefined
  message: string
  fields?: FieldErrors
  back: string | undefined
}) {
  const entries = Object.entries(input.fields ?? {})
  return page(
    'The form could not be sent',
    html`<h1>The form could not be sent</h1>
<p>${input.message}</p>
${entries.length > 0 ? html`<ul>${entries.map(([name, problem]) => html`<li><strong>${name}</strong>: ${problem}</li>`)}</ul>` : ''}
${input.back ? html`<p><a href="${input.back}">Go back${input.siteName ? html` to ${input.siteName}` : ''} and try again</a></p>` : html`<p>Use your browser's back button to correct the form.</p>`}`,
  )
}

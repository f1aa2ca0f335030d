import { Hono } from 'hono'
import { html } from 'hono/html'
import type { AppEnv } from '../http/env.ts'

/**
 * What a person sees opening the server's URL: that it runs, and where to go next; with the
 * demo pages on, a working demo first.
 */
export function landingRoutes({
  demo,
  apiReference,
  ownerConsole,
}: {
  demo: boolean
  apiReference: boolean
  ownerConsole: boolean
}) {
  return new Hono<AppEnv>().get('/', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
    return c.html(html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Porchlight</title>
    <style>
      :root { color-scheme: light dark; background: Canvas; color: CanvasText; font-family: system-ui, sans-serif; line-height: 1.5; }
      main { max-width: 40rem; margin: 4rem auto; padding: 0 1rem; }
      code { background: color-mix(in srgb, currentColor 10%, transparent); padding: 0.1em 0.3em; border-radius: 3px; }
    </style>
  </head>
  <body>
    <main>
      <h1>Porchlight is running</h1>
      <p>Contact forms, membership and discussions for your website, served from here.</p>
      ${demo ? html`<p><strong><a href="/demo/">Try the demo site</a></strong>: plain HTML pages with one script tag, talking to this server.</p>` : ''}
      ${ownerConsole ? html`<p><a href="/console/">The owner console</a>: your sites' inboxes, forms, members and moderation (sign in as an operator: <code>npx porchlight operator create</code>).</p>` : ''}
      <ul>
        <li>Health: <a href="/healthz">/healthz</a> · readiness: <a href="/readyz">/readyz</a></li>
        <li>${apiReference ? html`API reference: <a href="/docs/api">/docs/api</a> · ` : ''}OpenAPI document: <a href="/v1/openapi.json">/v1/openapi.json</a></li>
        <li>Your site's public info: <code>GET /v1/site</code> with header <code>X-Porchlight-Key: pk_…</code></li>
        <li>Owner API: <code>GET /v1/admin/site</code> with <code>Authorization: Bearer sk_…</code></li>
        <li>The script tag for your pages: <code>&lt;script src="/embed.js" data-key="pk_…" defer&gt;&lt;/script&gt;</code> (with this server's URL)</li>
        <li>Manage sites from the terminal: <code>npx porchlight site list</code></li>
      </ul>
      <p>The keys were printed in the terminal that started this server.</p>
    </main>
  </body>
</html>`)
  })
}

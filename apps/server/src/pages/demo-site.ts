import { type Context, Hono } from 'hono'
import type { Database } from '../db/client.ts'
import type { AppEnv } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { allSites } from '../sites/queries.ts'
import type { StaticAssets } from './assets.ts'

// The pages load the script and post the form to this server, and nothing else.
const pageHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  // The key is filled in per request, and may be rotated.
  'Cache-Control': 'no-store',
  // Not the app's no-referrer: under it, browsers send `Origin: null` with a form's POST, which
  // the API must refuse as an origin the site has not allowed.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
}

/**
 * `examples/static-site` at `/demo/`, as a site developer would publish it, with its
 * placeholders filled in: `__API_URL__` (this server, as the browser reached it),
 * `__SITE_URL__` (where the pages are) and `__PUBLISHABLE_KEY__` (the first site's key: the demo
 * site that `serve` creates in an empty database). Development only: `DEMO_PAGES=false` turns
 * it off, and production should (docs/configuration.md).
 *
 * @example
 * app.route('/', demoSiteRoutes(db, fileAssets()))
 */
export function demoSiteRoutes(db: Database, assets: StaticAssets) {
  async function page(c: Context<AppEnv>, name: string) {
    const file = await assets.demoFile(name)
    if (file === null) throw HttpErrors.notFound()
    if (name.endsWith('.css')) {
      return c.body(file, 200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'no-cache',
      })
    }
    const site = await firstSite(db)
    if (!site) return c.html(noSitePage, 503, pageHeaders)
    const api = new URL(c.req.url).origin
    const values: Record<string, string> = {
      __API_URL__: api,
      __SITE_URL__: `${api}/demo`,
      __PUBLISHABLE_KEY__: site.publishableKey,
    }
    const html = file.replace(/__(API_URL|SITE_URL|PUBLISHABLE_KEY)__/g, (name) =>
      escapeAttribute(values[name] ?? ''),
    )
    return c.html(html, 200, pageHeaders)
  }

  return new Hono<AppEnv>()
    .get('/demo', (c) => c.redirect('/demo/', 301))
    .get('/demo/', (c) => page(c, 'index.html'))
    .get('/demo/:file', (c) => page(c, c.req.param('file')))
}

/** The deployment's first site; in development, the demo site `serve` created. */
async function firstSite(db: Database) {
  const [site] = await allSites(db).limit(1)
  return site
}

/** Values go into attributes and text alike; an origin or key never holds these, but be sure. */
function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

const noSitePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>No site yet</title>
<style>:root{color-scheme:light dark;background:Canvas;color:CanvasText;font-family:system-ui,sans-serif;line-height:1.5}main{max-width:40rem;margin:4rem auto;padding:0 1rem}code{overflow-wrap:anywhere}</style></head>
<body><main><h1>The demo needs a site</h1>
<p>This database has no site. Start the server on an empty database with <code>DEMO_SITE=true</code>
(the default), or create one: <code>npx porchlight site create --name Demo --origin http://localhost:8787</code>.</p>
</main></body></html>`

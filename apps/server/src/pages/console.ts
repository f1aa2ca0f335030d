import { type Context, Hono } from 'hono'
import { compress } from 'hono/compress'
import type { AppEnv } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { etagMatches, strongEtag } from '../http/etag.ts'
import type { StaticAssets } from './assets.ts'
import { PageErrors } from './errors.ts'

/** Where the owner console is; its files sit below it. */
export const consolePath = '/console'

// The console runs only its own scripts and styles, and talks only to this server: no inline
// script or style (an injected one would run with the operator's session), no other origin, no
// framing (clickjacking an operator into a click). Images: the QR code of TOTP setup, shown from a
// data: URL. Forms are submitted by the script, so none may post anywhere.
const pageHeaders = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  // The page names the current build's hashed files: a cached copy would load a previous build's.
  'Cache-Control': 'no-store',
  // Not the app's no-referrer: under it, a browser sends `Origin: null` with the console's own
  // POSTs, and the operator routes refuse any Origin but the server's. Nothing leaves the origin.
  'Referrer-Policy': 'same-origin',
}

// Vite names each file after a hash of its content: a name's content never changes.
const assetsCacheControl = 'public, max-age=31536000, immutable'

function contentTypeOf(path: string) {
  if (path.endsWith('.js')) return 'text/javascript; charset=utf-8'
  if (path.endsWith('.css')) return 'text/css; charset=utf-8'
  if (path.endsWith('.svg')) return 'image/svg+xml'
  return 'text/plain; charset=utf-8'
}

/**
 * `/console/`: the owner console, a single-page app (`apps/console`) built by Vite. Its hashed
 * files are served at `/console/assets/…`, long-cached; every other path below `/console/` is the
 * app's own route (`/console/sites/site_…/inbox`), answered with its page, which the app reads
 * the path from.
 *
 * `compress` (the default) compresses the files; a Worker turns it off, its runtime compresses by
 * itself.
 *
 * @example
 * app.route('/', consoleRoutes(fileAssets()))
 */
export function consoleRoutes(assets: StaticAssets, options: { compress?: boolean } = {}) {
  const etags = new Map<string, Promise<string>>()

  async function page(c: Context<AppEnv>) {
    const html = await assets.consoleFile('index.html')
    // Said plainly here, rather than as a page without its scripts.
    if (html === null) throw PageErrors.consoleNotBuilt()
    return c.html(html, 200, pageHeaders)
  }

  async function file(c: Context<AppEnv>, path: string) {
    const content = await assets.consoleFile(path)
    if (content === null) throw HttpErrors.notFound()
    let etag = etags.get(path)
    if (!etag) {
      etag = strongEtag(content)
      etags.set(path, etag)
    }
    c.header('Cache-Control', assetsCacheControl)
    c.header('ETag', await etag)
    if (etagMatches(c.req.header('if-none-match'), await etag)) return c.body(null, 304)
    return c.body(content, 200, { 'Content-Type': contentTypeOf(path) })
  }

  const routes = new Hono<AppEnv>()
  if (options.compress !== false) routes.use(`${consolePath}/*`, compress())
  return (
    routes
      .get(consolePath, (c) => c.redirect(`${consolePath}/`, 308))
      .get(`${consolePath}/assets/:file`, (c) => file(c, `assets/${c.req.param('file')}`))
      // The app's routes. `/console/assets/…` that is no file is a 404 above, not the page: a
      // missing script served as HTML would fail with a confusing MIME error.
      .get(`${consolePath}/*`, page)
  )
}

import { type Context, Hono } from 'hono'
import { compress } from 'hono/compress'
import { html } from 'hono/html'
import type { AppEnv } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { etagMatches, strongEtag } from '../http/etag.ts'
import { openApiPath } from '../http/openapi-route.ts'
import { apiReferenceTheme } from './api-reference-theme.ts'
import { isApiReferenceFile, type StaticAssets } from './assets.ts'
import { PageErrors } from './errors.ts'

/** Where the reference is; its files sit beside it. */
export const apiReferencePath = '/docs/api'

// The page runs only its own two scripts, styles itself only from its two stylesheets, and reads
// only this server's document: nothing inline, nothing from another origin. (The renderer sets
// styles through the DOM, which a policy does not restrict, and needs no inline ones.)
const pageHeaders = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-cache',
}

// Short, like /embed.js: the files change only with a release, and the ETag keeps revalidating
// cheap.
const filesCacheControl = 'public, max-age=300'

/**
 * Starts the renderer on this server's document. Read-only: "Try it out" is off, because it
 * would invite pasting a secret key into a browser page, and the owner's API is for servers.
 * The validator badge is off too: it sends the document to an outside service. Light or dark
 * follows the reader's system, through the class the renderer's stylesheet keys its dark theme on.
 *
 * Two things are off for people with screen readers and keyboards: deep links, which the renderer
 * draws as a link inside each operation's expand button (a control nested in a control is one
 * stop for some readers and two for others, and a 14 px target), and the servers list, a select
 * without a name that, with nothing to send, chooses nothing. Examples are highlighted in the
 * renderer's monokai theme: its default one shows numbers at 3.5:1, under WCAG's 4.5:1.
 */
const initScript = `'use strict'
const dark = window.matchMedia('(prefers-color-scheme: dark)')
const followScheme = () => document.documentElement.classList.toggle('dark-mode', dark.matches)
followScheme()
dark.addEventListener('change', followScheme)
const withoutServers = () => ({ wrapComponents: { ServersContainer: () => () => null } })
window.SwaggerUIBundle({
  url: '${openApiPath}',
  dom_id: '#reference',
  deepLinking: false,
  plugins: [withoutServers],
  supportedSubmitMethods: [],
  validatorUrl: null,
  syntaxHighlight: { theme: 'monokai' },
})
`

const page = html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>Porchlight API reference</title>
    <link rel="stylesheet" href="${apiReferencePath}/swagger-ui.css" />
    <link rel="stylesheet" href="${apiReferencePath}/theme.css" />
  </head>
  <body>
    <!-- Not a <main>: the renderer draws its own inside. -->
    <div id="reference">
      <noscript>
        <main>
          <h1>Porchlight API reference</h1>
          <p>The reference needs JavaScript. The API's OpenAPI document is at <a href="${openApiPath}">${openApiPath}</a>.</p>
        </main>
      </noscript>
    </div>
    <script src="${apiReferencePath}/swagger-ui-bundle.js"></script>
    <script src="${apiReferencePath}/init.js"></script>
  </body>
</html>`

function contentTypeOf(name: string) {
  if (name.endsWith('.js')) return 'text/javascript; charset=utf-8'
  if (name.endsWith('.css')) return 'text/css; charset=utf-8'
  return 'text/plain; charset=utf-8'
}

/**
 * `/docs/api`: the API reference, the OpenAPI document at `/v1/openapi.json` rendered by Swagger
 * UI from this server's own files (npm's `swagger-ui-dist`, copied by the build), so it works
 * with no network and loads nothing from a CDN.
 *
 * `compress` (the default) compresses the renderer (about 1.8 MB of script, a quarter of that
 * gzipped); a Worker turns it off, its runtime compresses by itself.
 *
 * @example
 * app.route('/', apiReferenceRoutes(fileAssets()))
 */
export function apiReferenceRoutes(assets: StaticAssets, options: { compress?: boolean } = {}) {
  const etags = new Map<string, Promise<string>>()
  const etagOf = (name: string, content: string) => {
    let etag = etags.get(name)
    if (!etag) {
      etag = strongEtag(content)
      etags.set(name, etag)
    }
    return etag
  }

  async function file(c: Context<AppEnv>, name: string, content: string) {
    const etag = await etagOf(name, content)
    c.header('Cache-Control', filesCacheControl)
    c.header('ETag', etag)
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304)
    return c.body(content, 200, { 'Content-Type': contentTypeOf(name) })
  }

  const routes = new Hono<AppEnv>()
  if (options.compress !== false) routes.use(`${apiReferencePath}/*`, compress())
  return routes
    .get(apiReferencePath, async (c) => {
      // Said plainly here, rather than as a blank page whose scripts fail to load.
      if ((await assets.apiReferenceFile('swagger-ui-bundle.js')) === null) {
        throw PageErrors.apiReferenceMissing()
      }
      return c.html(page, 200, pageHeaders)
    })
    .get(`${apiReferencePath}/:file`, async (c) => {
      const name = c.req.param('file')
      // Ours are served by this route too: Hono's RegExpRouter cannot hold a literal
      // `/docs/api/init.js` beside `/docs/api/:file` (http/app-router.ts).
      if (name === 'init.js') return file(c, name, initScript)
      if (name === 'theme.css') return file(c, name, apiReferenceTheme)
      if (!isApiReferenceFile(name)) throw HttpErrors.notFound()
      const content = await assets.apiReferenceFile(name)
      if (content === null) throw PageErrors.apiReferenceMissing()
      return file(c, name, content)
    })
}

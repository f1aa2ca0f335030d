import { type Context, Hono } from 'hono'
import { compress } from 'hono/compress'
import type { AppEnv } from '../http/env.ts'
import { etagMatches, strongEtag } from '../http/etag.ts'
import type { EmbedBundle, StaticAssets } from './assets.ts'
import { PageErrors } from './errors.ts'

// Short at the unversioned URL, so a site picks up a new release within minutes; a year and
// immutable at the versioned one, whose content never changes.
const cacheShort = 'public, max-age=300'
const cacheForever = 'public, max-age=31536000, immutable'

type File = 'code' | 'map'

/**
 * Serves the script tag's bundle to other sites' pages: `/embed.js` and
 * `/embed/<version>/embed.js`, each with its source map beside it.
 *
 * Other origins must be able to load it: `Cross-Origin-Resource-Policy: cross-origin` (the
 * app's default, same-origin, would make browsers refuse it) and `Access-Control-Allow-Origin: *`
 * for pages that load it with `crossorigin` and `integrity`. The script is public and sends no
 * cookies, so neither exposes anything.
 *
 * `compress` (the default) gzips or brotli-compresses it for clients that accept it. A Worker
 * turns it off: the Workers runtime compresses every body whose `Content-Encoding` says so, and
 * would compress it a second time (browsers then get gzip bytes for a script).
 *
 * @example
 * app.route('/', embedScriptRoutes(fileAssets()))
 */
export function embedScriptRoutes(assets: StaticAssets, options: { compress?: boolean } = {}) {
  const etags = new WeakMap<EmbedBundle, Record<File, string>>()
  let toldAboutMemoryBuild = false

  async function serve(c: Context<AppEnv>, version: string | undefined, file: File) {
    const bundle = await assets.embed()
    if (!bundle) throw PageErrors.embedNotBuilt()
    if (version !== undefined && version !== bundle.version) {
      throw PageErrors.embedVersionNotFound(bundle.version)
    }
    if (bundle.from === 'memory' && !toldAboutMemoryBuild) {
      toldAboutMemoryBuild = true
      c.get('log').info('built the embed bundle in memory; `npm run build` writes it to dist', {
        version: bundle.version,
      })
    }
    let tags = etags.get(bundle)
    if (!tags) {
      tags = { code: await strongEtag(bundle.code), map: await strongEtag(bundle.map) }
      etags.set(bundle, tags)
    }
    c.header('Cache-Control', version ? cacheForever : cacheShort)
    c.header('Cross-Origin-Resource-Policy', 'cross-origin')
    c.header('Access-Control-Allow-Origin', '*')
    c.header('ETag', tags[file])
    if (etagMatches(c.req.header('if-none-match'), tags[file])) return c.body(null, 304)
    return file === 'code'
      ? c.body(bundle.code, 200, { 'Content-Type': 'text/javascript; charset=utf-8' })
      : c.body(bundle.map, 200, { 'Content-Type': 'application/json; charset=utf-8' })
  }

  const routes = new Hono<AppEnv>()
  if (options.compress !== false) routes.use('/embed*', compress())
  return routes
    .get('/embed.js', (c) => serve(c, undefined, 'code'))
    .get('/embed.js.map', (c) => serve(c, undefined, 'map'))
    .get('/embed/:version/embed.js', (c) => serve(c, c.req.param('version'), 'code'))
    .get('/embed/:version/embed.js.map', (c) => serve(c, c.req.param('version'), 'map'))
}

import { Hono } from 'hono'
import type { AppDeps } from '../deps.ts'
import type { AppEnv } from '../http/env.ts'
import { apiReferenceRoutes } from './api-reference.ts'
import { consoleRoutes } from './console.ts'
import { demoSiteRoutes } from './demo-site.ts'
import { embedScriptRoutes } from './embed-script.ts'
import { faviconRoutes } from './favicon.ts'
import { landingRoutes } from './landing.ts'

/**
 * The server's own pages and files: the landing page, the script tag's bundle, the API reference,
 * the owner console and, in development, the demo site. All but the first need the runtime's files (`deps.assets`).
 *
 * @example
 * app.route('/', pageRoutes(deps))
 */
export function pageRoutes(deps: Pick<AppDeps, 'db' | 'config' | 'assets' | 'runtimeCompresses'>) {
  const { assets } = deps
  const demo = assets && deps.config.demoPages ? assets : undefined
  const app = new Hono<AppEnv>().route(
    '/',
    landingRoutes({
      demo: demo !== undefined,
      apiReference: assets !== undefined,
      ownerConsole: assets !== undefined,
    }),
  )
  // Every page's tab asks for it; drawn in code, so it answers with or without assets.
  app.route('/', faviconRoutes())
  if (assets) {
    app.route('/', embedScriptRoutes(assets, { compress: !deps.runtimeCompresses }))
    app.route('/', apiReferenceRoutes(assets, { compress: !deps.runtimeCompresses }))
    app.route('/', consoleRoutes(assets, { compress: !deps.runtimeCompresses }))
  }
  if (demo) app.route('/', demoSiteRoutes(deps.db, demo))
  return app
}

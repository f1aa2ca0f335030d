import { Hono } from 'hono'
import type { RouterRoute } from 'hono/types'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { routesRegExpRouterRefuses } from '../../test/helpers/router-probe.ts'
import { createPrometheusMetrics } from '../metrics/prometheus.ts'
import type { StaticAssets } from '../pages/assets.ts'
import { appRouter } from './app-router.ts'
import { descriptionOnly, routeDocOf } from './openapi.ts'

const noFiles: StaticAssets = {
  embed: async () => null,
  demoFile: async () => null,
  apiReferenceFile: async () => null,
  openApiDocument: async () => null,
  consoleFile: async () => null,
}

/** A request path for a route's pattern: each parameter or wildcard filled with one value. */
function pathFor(pattern: string): string {
  return pattern.replace(/:[^/]+/g, 'x1').replace(/\*/g, 'x1')
}

describe("the app's router", () => {
  let t: TestApp | undefined
  afterEach(async () => {
    await t?.close()
    t = undefined
  })

  // Bug: Hono's default router fell back from the RegExpRouter to the slower TrieRouter for
  // every request, because ~20 routes (the 405 catch-alls beside parameter routes, the OAuth
  // start beside its callback, the CSV export beside a submission's id) could not be compiled.
  it('is the RegExpRouter, taking every route with every optional one mounted', async () => {
    t = await createTestApp({
      // The pages, the console and the demo site; /metrics on the app's port; dev mail.
      assets: noFiles,
      env: { DEMO_PAGES: 'true' },
      metrics: createPrometheusMetrics(),
      metricsEndpoint: { scrape: async () => ({ contentType: 'text/plain', body: '' }) },
    })
    const { app } = t
    const paths = new Set(app.routes.map((r) => r.path))
    for (const optional of ['/metrics', '/dev/mail', '/console/*', '/v1/openapi.json']) {
      expect(paths, `${optional} is mounted`).toContain(optional)
    }
    expect(app.router.name).toBe('RegExpRouter')
    expect(routesRegExpRouterRefuses(app.routes)).toEqual([])
  })

  it('sends every route’s own path to that route', async () => {
    t = await createTestApp({ assets: noFiles, env: { DEMO_PAGES: 'true' } })
    const { app } = t
    const missed: string[] = []
    const descriptionsRun: string[] = []
    const descriptionsLost: string[] = []
    for (const route of app.routes) {
      if (route.method === 'ALL') continue
      const [handlers] = app.router.match(route.method, pathFor(route.path))
      const matched = handlers.map(([[, entry]]: [[unknown, RouterRoute], unknown]) => entry)
      const name = `${route.method} ${route.path}`
      const description = descriptionOnly(route.handler)
      if (description) {
        // A route's description is no step of its request: left out of what runs, and kept
        // against the route's own entries for the owner API's access check and audit log.
        if (matched.includes(route)) descriptionsRun.push(name)
        const own = matched.filter((e) => e.method === route.method && e.path === route.path)
        if (!own.some((e) => routeDocOf(e) === description)) descriptionsLost.push(name)
        continue
      }
      if (!matched.includes(route)) missed.push(name)
    }
    expect(missed).toEqual([])
    expect(descriptionsRun).toEqual([])
    expect(descriptionsLost).toEqual([])
  })

  it('stops the app when a route would defeat it, naming the route, the other one, and why', () => {
    const app = new Hono({ router: appRouter() })
    const ok = () => new Response('ok')
    app.get('/v1/things/:id', ok)
    // Another method's literal is fine: each method has a tree of its own.
    app.post('/v1/things/new', ok)
    expect(() => app.get('/v1/things/new', ok)).toThrow(
      "Hono's RegExpRouter cannot take the route GET /v1/things/new: `new` after `/v1/things/` collides with `:id` in GET /v1/things/:id.",
    )
  })

  it('counts middleware for every method', () => {
    const app = new Hono({ router: appRouter() })
    app.use('/v1/things/:id', async (_, next) => next())
    expect(() => app.post('/v1/things/new', () => new Response('ok'))).toThrow(
      /POST \/v1\/things\/new: `new` after `\/v1\/things\/` collides with `:id` in ALL \/v1\/things\/:id/,
    )
  })
})

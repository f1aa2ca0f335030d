import { type Context, Hono } from 'hono'
import { compress } from 'hono/compress'
import type { OpenAPIV3_1 } from 'openapi-types'
import { z } from 'zod'
import type { AppEnv } from './env.ts'
import { etagMatches, strongEtag } from './etag.ts'
import { documented } from './openapi.ts'
import { openApiDocument } from './openapi-document.ts'

/** Where the document is served. Public: any origin may read it, no key needed. */
export const openApiPath = '/v1/openapi.json'

/** `GET /v1/openapi.json`: an OpenAPI 3.1 document; its parts are described by the specification. */
export const openApiDocumentAnswer = z
  .strictObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    servers: z.array(z.looseObject({ url: z.string() })),
    tags: z.array(z.looseObject({ name: z.string() })),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    components: z.record(z.string(), z.unknown()),
  })
  .describe('The OpenAPI 3.1 document of this deployment’s API.')

export type OpenApiRouteOptions = {
  /** `info.version`: the server's version. */
  version: string
  /** This deployment's address (`PUBLIC_URL`), the document's only server. */
  serverUrl: string
  /**
   * The document as the build generated it (`dist/public/openapi.json`), or `null` where there
   * is none. A Worker uses it to skip generating the document on its first request (tens of
   * milliseconds of CPU: docs/architecture.md).
   */
  prebuilt?: () => Promise<string | null>
  /** Compress here; off where the runtime compresses (Workers). */
  compress?: boolean
}

// Short, like /embed.js: a new deployment's document reaches clients within minutes, and the
// ETag makes each revalidation cheap.
const cacheControl = 'public, max-age=300'

/**
 * Serves the app's own OpenAPI document at `/v1/openapi.json`, made once per app on its first
 * request (from the routes, or the build's copy) and kept: routes never change under a running
 * app. Mount it after every other route, since it describes what `app.routes` holds then.
 *
 * @example
 * app.route('/', openApiRoutes(app, { version: serverVersion, serverUrl: config.publicUrl }))
 */
// biome-ignore lint/suspicious/noExplicitAny: any app's routes can be described
export function openApiRoutes(app: Hono<any, any, any>, options: OpenApiRouteOptions) {
  let served: Promise<{ body: string; etag: string }> | undefined

  async function load() {
    const built = await options.prebuilt?.()
    const document: OpenAPIV3_1.Document = built
      ? JSON.parse(built)
      : await openApiDocument(app, { version: options.version })
    // This deployment's address replaces any the copy names, placed where a reader looks first.
    const { openapi, info, servers: _, ...rest } = document
    const body = JSON.stringify({ openapi, info, servers: [{ url: options.serverUrl }], ...rest })
    return { body, etag: await strongEtag(body) }
  }

  async function serve(c: Context<AppEnv>) {
    served ??= load().catch((error: unknown) => {
      // Not kept: the next request tries again.
      served = undefined
      throw error
    })
    const { body, etag } = await served
    c.header('Cache-Control', cacheControl)
    // Public and the same for everyone: API tools and editors on any origin may read it.
    c.header('Access-Control-Allow-Origin', '*')
    c.header('Cross-Origin-Resource-Policy', 'cross-origin')
    c.header('ETag', etag)
    if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304)
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' })
  }

  const routes = new Hono<AppEnv>()
  if (options.compress !== false) routes.use(openApiPath, compress())
  return routes.get(
    openApiPath,
    documented({
      summary: 'This OpenAPI document',
      description:
        'The API of this deployment as OpenAPI 3.1, generated from the schemas its routes validate with. Readable from any origin, no key needed; the reference page at `/docs/api` renders it.',
      tags: ['Operations'],
      access: 'public',
      responses: {
        200: {
          description: 'The document.',
          schema: openApiDocumentAnswer,
          headers: {
            ETag: { description: 'Send it back in `If-None-Match` to revalidate.' },
            'Cache-Control': { description: '`public, max-age=300`.' },
          },
        },
        304: null,
      },
    }),
    serve,
  )
}

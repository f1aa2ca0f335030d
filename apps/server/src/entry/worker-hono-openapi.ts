/**
 * `hono-openapi` as the Worker bundle sees it: wrangler.toml's `[alias]` points the import here,
 * for the Worker build only (Node, the build and the tests use the real package).
 *
 * Why: a Worker never generates the OpenAPI document. It serves the copy the build generated
 * (`dist/public/v1/openapi.json`, through the ASSETS binding; generating it costs tens of
 * milliseconds of CPU), and a Worker test holds that copy to what Node generates. The routes
 * still mark their middleware for the generator (`describeRoute`, `resolver`), so those stay, as
 * inert marks; the generator and the schema converters behind it (~11 KiB minified with the
 * packages they load) are left out.
 */
import type {
  describeRoute as DescribeRoute,
  generateSpecs as GenerateSpecs,
  resolver as Resolver,
} from 'hono-openapi'

const notInWorker = () =>
  new Error(
    'The OpenAPI document is not among the Worker’s static assets (v1/openapi.json), and the ' +
      'Worker does not generate it: deploy with wrangler.toml’s [build] command, which writes it.',
  )

/** The mark the generator looks for on a route's middleware; nothing reads it in a Worker. */
export const uniqueSymbol: unique symbol = Symbol('openapi')

/** A route's description: a middleware that passes the request on, as the real one does. */
export const describeRoute: typeof DescribeRoute = (spec) =>
  Object.assign(
    async (_c: unknown, next: () => Promise<void>) => {
      await next()
    },
    { [uniqueSymbol]: { spec } },
  )

/** A schema marked for the document: what the real one returns, less the conversion. */
export const resolver: typeof Resolver = (schema) => ({
  vendor: schema['~standard'].vendor,
  validate: schema['~standard'].validate,
  toJSONSchema: () => {
    throw notInWorker()
  },
  toOpenAPISchema: () => Promise.reject(notInWorker()),
})

/** Reached only when the build's copy is missing: says so in the log (the request gets a 500). */
export const generateSpecs: typeof GenerateSpecs = () => Promise.reject(notInWorker())

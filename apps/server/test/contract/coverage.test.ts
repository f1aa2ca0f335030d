import type { OpenAPIV3_1 } from 'openapi-types'
import { afterAll, expect, it } from 'vitest'
import { referenceApp } from '../../scripts/openapi.ts'
import { openApiDocument } from '../../src/http/openapi-document.ts'

// Every route of the API is in the OpenAPI document, and described well enough to use: a route
// added without `documented(...)` is invisible to readers and generated clients, and escapes
// the contract test. The failure lists every such route, so it reads as a to-do list.

const reference = referenceApp()
afterAll(() => reference.close())

/** The health checks live outside /v1 but are part of what an operator calls. */
const healthPaths = new Set(['/healthz', '/readyz'])

/** Hono's `/threads/:id` (or `:id{[0-9]+}`) as OpenAPI writes it: `/threads/{id}`. */
function openApiPathOf(honoPath: string) {
  return honoPath.replace(/:([A-Za-z0-9_]+)(\{[^/]*\})?\??/g, '{$1}')
}

/** The API's routes: `/v1` and health, by method and path. The 405 catch-alls are `ALL`. */
function apiRoutes() {
  const routes = new Set<string>()
  for (const { method, path } of reference.app.routes) {
    if (method === 'ALL') continue
    if (!path.startsWith('/v1/') && !healthPaths.has(path)) continue
    routes.add(`${method} ${path}`)
  }
  return [...routes].map((route) => {
    const [method = '', path = ''] = route.split(' ')
    return { method, path }
  })
}

const document = await openApiDocument(reference.app, { version: 'coverage' })

type Operation = OpenAPIV3_1.OperationObject

function operationOf(method: string, path: string): Operation | undefined {
  const item = document.paths?.[openApiPathOf(path)] as Record<string, Operation> | undefined
  return item?.[method.toLowerCase()]
}

it('finds the routes it checks', () => {
  // A filter that matched nothing would pass the tests below on no routes at all.
  expect(apiRoutes().length).toBeGreaterThan(50)
  expect(apiRoutes()).toContainEqual({ method: 'GET', path: '/readyz' })
})

it('has every /v1 and health route in the OpenAPI document', () => {
  const missing = apiRoutes()
    .filter(({ method, path }) => !operationOf(method, path))
    .map(({ method, path }) => `${method} ${path}`)
  expect(
    missing,
    'routes missing from /v1/openapi.json: describe each with documented(...)',
  ).toEqual([])
})

it('gives every operation a summary, a tag and a documented success answer', () => {
  const incomplete: string[] = []
  for (const { method, path } of apiRoutes()) {
    const operation = operationOf(method, path)
    if (!operation) continue // reported by the test above
    const lacks: string[] = []
    if (!operation.summary) lacks.push('a summary')
    if (!operation.tags?.length) lacks.push('tags')
    // A route without `documented(...)` gets a placeholder `200: {}`, with no description.
    const success = Object.entries(operation.responses ?? {}).filter(
      ([status, response]) => /^[23]\d\d$/.test(status) && 'description' in response,
    )
    if (success.length === 0) lacks.push('a documented success answer')
    if (lacks.length > 0) incomplete.push(`${method} ${path}: lacks ${lacks.join(', ')}`)
  }
  expect(incomplete, 'operations described too little to use').toEqual([])
})

/** The JSON body schema's property names, following a `$ref` into the document's components. */
function bodyProperties(operation: Operation): string[] {
  const body = operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined
  let schema = body?.content?.['application/json']?.schema as
    | (OpenAPIV3_1.SchemaObject & { $ref?: string })
    | undefined
  if (schema?.$ref) {
    const name = schema.$ref.split('/').pop() ?? ''
    schema = document.components?.schemas?.[name] as OpenAPIV3_1.SchemaObject | undefined
  }
  return Object.keys(schema?.properties ?? {})
}

// Every way of signing in (password, TOTP step, link, passkey, provider) can answer with the
// session cookie; a reader of the document must learn that from each, not from one of them.
it('documents the session cookie on every route that takes a `transport`', () => {
  const starting = apiRoutes().filter(({ method, path }) => {
    const operation = operationOf(method, path)
    return operation !== undefined && bodyProperties(operation).includes('transport')
  })
  expect(starting.length).toBeGreaterThanOrEqual(5)
  const undocumented = starting
    .filter(({ method, path }) => {
      const ok = operationOf(method, path)?.responses?.['200'] as
        | OpenAPIV3_1.ResponseObject
        | undefined
      return !ok?.headers?.['Set-Cookie']
    })
    .map(({ method, path }) => `${method} ${path}`)
  expect(undocumented, 'sign-in routes without the Set-Cookie header documented').toEqual([])
})

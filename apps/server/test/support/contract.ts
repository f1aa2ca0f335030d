import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { Hono } from 'hono'
import type { OpenAPIV3_1 } from 'openapi-types'
import { openApiDocument } from '../../src/http/openapi-document.ts'

/**
 * The contract test: every response an app gives in the test suite is checked against that app's
 * own OpenAPI document (`/v1/openapi.json`). A test fails when a route answers with a status the
 * document does not list for it, an error code the document does not list for that status, or a
 * body the documented schema does not accept (a missing field, an extra one, a wrong type).
 *
 * On for every app `createTestApp` makes. `PORCHLIGHT_CONTRACT=off` turns it off, to tell a
 * contract failure from another while debugging; never in the suite.
 */
// biome-ignore lint/suspicious/noExplicitAny: any app can be checked
export function contractChecked<A extends Hono<any, any, any>>(app: A): A {
  if (process.env.PORCHLIGHT_CONTRACT === 'off') return app
  const contract = contractOf(app)
  const request = app.request.bind(app)
  const checked = (async (...args: Parameters<typeof request>) => {
    const res = await request(...args)
    const input = args[0]
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://localhost',
    )
    const method = (
      (args[1] as RequestInit | undefined)?.method ??
      (input instanceof Request ? input.method : 'GET')
    ).toUpperCase()
    const problem = await (await contract).check(method, url.pathname, res.clone())
    if (problem) throw new Error(`Contract: ${method} ${url.pathname} ${problem}`)
    return res
  }) as typeof app.request
  return Object.assign(Object.create(app), { request: checked }) as A
}

type Operation = {
  method: string
  template: string
  pattern: RegExp
  /** Where its responses are in the document, as a JSON pointer. */
  pointer: string
  responses: Record<string, OpenAPIV3_1.ResponseObject>
}

const documentId = 'openapi.json'

/** A JSON pointer's escaping of one segment (RFC 6901): `/v1/site` is `~1v1~1site`. */
function escapePointer(segment: string) {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

function paramCount(template: string) {
  return template.split('{').length - 1
}

type Contract = ReturnType<typeof buildContract>

/**
 * The contract of each distinct set of routes, made once per test process: generating a
 * document takes a tenth of a second, and most test files make a fresh app per test. Apps with
 * the same routes have the same document, as every app `createApp` makes does (its routes and
 * their descriptions are fixed by the code, whatever the settings).
 */
const contracts = new Map<string, Contract>()

// biome-ignore lint/suspicious/noExplicitAny: any app can be checked
function contractOf(app: Hono<any, any, any>): Contract {
  const routes = app.routes.map((route) => `${route.method} ${route.path}`).join('\n')
  let contract = contracts.get(routes)
  if (!contract) {
    contract = buildContract(app)
    contracts.set(routes, contract)
  }
  return contract
}

// biome-ignore lint/suspicious/noExplicitAny: any app can be checked
function buildContract(app: Hono<any, any, any>) {
  return openApiDocument(app, { version: 'test' }).then((document) => {
    const operations: Operation[] = []
    for (const [template, item] of Object.entries(document.paths ?? {})) {
      for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
        const operation = item?.[method]
        if (!operation) continue
        operations.push({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          pointer: `/paths/${escapePointer(template)}/${method}/responses`,
          responses: (operation.responses ?? {}) as Record<string, OpenAPIV3_1.ResponseObject>,
        })
      }
    }
    // A literal path wins over a template that also matches it (`/threads/search` over
    // `/threads/{id}`): an app registers the literal first, or it would never answer.
    operations.sort((a, b) => paramCount(a.template) - paramCount(b.template))
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    // The whole document, so that a response schema's references (`#/components/schemas/Error`)
    // resolve as they do for any client reading it.
    ajv.addSchema(document as object, documentId)
    const validators = new Map<string, ValidateFunction>()
    const shared = (document.components?.responses ?? {}) as Record<
      string,
      OpenAPIV3_1.ResponseObject
    >
    /** The response documented for a status, followed to the shared one it refers to. */
    const responseOf = (operation: Operation, status: number) => {
      const response = operation.responses[String(status)] as
        | OpenAPIV3_1.ResponseObject
        | OpenAPIV3_1.ReferenceObject
        | undefined
      if (!response) return null
      if (!('$ref' in response)) {
        return { response, pointer: `${operation.pointer}/${status}` }
      }
      const name = response.$ref.replace('#/components/responses/', '')
      const target = shared[name]
      return target
        ? { response: target, pointer: `/components/responses/${escapePointer(name)}` }
        : null
    }
    return {
      async check(method: string, path: string, res: Response): Promise<string | null> {
        // A preflight is the CORS protocol's (docs/api.md), answered before any route: no
        // operation describes it, as no OpenAPI document does.
        if (method === 'OPTIONS') return null
        const asMethod = method === 'HEAD' ? 'GET' : method
        const operation = operations.find((o) => o.method === asMethod && o.pattern.test(path))
        if (!operation) {
          // Pages and files are not part of the API; an unknown API path is a plain 404/405.
          // Whatever runs before routing answers unknown paths too: the body limit (413), and
          // under /v1/admin/ the secret key's check (401, and 429 once failures pile up).
          const beforeRouting = path.startsWith('/v1/admin/') ? [401, 429, 413] : [413]
          if (!path.startsWith('/v1/') || [404, 405, ...beforeRouting].includes(res.status)) {
            return null
          }
          return `answered ${res.status}, but the document has no such operation`
        }
        const found = responseOf(operation, res.status)
        if (!found) {
          return `answered ${res.status}, which ${method} ${operation.template} does not document (${await bodyText(res)})`
        }
        const { response: documented, pointer } = found
        const media = res.headers.get('content-type')?.split(';')[0]?.trim()
        const schema = media ? documented.content?.[media]?.schema : undefined
        if (method === 'HEAD' || res.status === 204 || res.status === 304 || !schema) return null
        if (media !== 'application/json') return null
        const key = `${operation.method} ${operation.template} ${res.status}`
        let validate = validators.get(key)
        if (!validate) {
          validate = ajv.compile({
            $ref: `${documentId}#${pointer}/content/${escapePointer(media)}/schema`,
          })
          validators.set(key, validate)
        }
        const body = await decodedBody(res).json()
        if (validate(body)) return null
        const errors = (validate.errors ?? [])
          .map(
            (e) =>
              `${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
          )
          .join('; ')
        return `answered ${res.status} with a body the document does not accept: ${errors}\n${JSON.stringify(body).slice(0, 500)}`
      },
    }
  })
}

async function bodyText(res: Response) {
  return (await decodedBody(res).text()).slice(0, 300)
}

/** The body as the client reads it: compressed answers (Node compresses large ones) unpacked. */
function decodedBody(res: Response): Response {
  const encoding = res.headers.get('content-encoding')
  if (!res.body || (encoding !== 'gzip' && encoding !== 'deflate')) return res
  return new Response(res.body.pipeThrough(new DecompressionStream(encoding)))
}

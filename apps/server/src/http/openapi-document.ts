import type { Hono } from 'hono'
import { generateSpecs } from 'hono-openapi'
import type { OpenAPIV3_1 } from 'openapi-types'
import {
  type Access,
  accessErrors,
  apiTags,
  bodyErrors,
  docExtension,
  everyRouteErrors,
  queryErrors,
} from './openapi.ts'

type Operation = OpenAPIV3_1.OperationObject & {
  [docExtension]?: {
    access: Access
    errors: Record<string, readonly string[]>
    /** Query parameters the route describes but reads by hand: they are never a 422. */
    describedQuery: string[]
  }
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const

/**
 * The OpenAPI 3.1 document of the API, generated from the app's routes: their request schemas
 * (the zod schemas `jsonBody` and `queryParams` validate with) and their `documented(...)`
 * descriptions, completed with the error codes each route shares with every route of its kind.
 *
 * @example const document = await openApiDocument(app, { version: '0.1.0' })
 */
export async function openApiDocument(
  // biome-ignore lint/suspicious/noExplicitAny: any app's routes can be described
  app: Hono<any, any, any>,
  options: { version: string; serverUrl?: string },
): Promise<OpenAPIV3_1.Document> {
  const document = (await generateSpecs(app, {
    documentation: {
      openapi: '3.1.0',
      info: {
        title: 'Porchlight API',
        version: options.version,
        description:
          'Contact forms, membership and member discussions for websites. Errors answer `{"error": {"code", "message", "fields"?}}` with a stable code; see each operation for its codes. A path that is not listed answers 404 `NOT_FOUND`, and a listed path asked with a method it does not list answers 405 `METHOD_NOT_ALLOWED` with an `Allow` header.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      ...(options.serverUrl && { servers: [{ url: options.serverUrl }] }),
      tags: apiTags.map((tag) => ({ ...tag })),
      components: { securitySchemes, schemas: { [errorSchemaName]: errorEnvelopeSchema } },
    },
    // Only what is described: the API and the health routes, not the pages and files. Which
    // paths are files is decided by that, not by a dot in the path: /v1/openapi.json is an
    // operation, and /embed.js is left out because it is undescribed.
    includeEmptyPaths: false,
    excludeStaticFile: false,
    // Validation failures are 422 VALIDATION_FAILED here, added with the other errors below.
    defaultValidationErrorResponse: false,
  })) as OpenAPIV3_1.Document
  // Error answers are described once each, by status and codes, and referred to: a hundred
  // operations share a few dozen of them, and inline they were half the document.
  const errors: Record<string, OpenAPIV3_1.ResponseObject> = {}
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const method of methods) {
      const operation = pathItem?.[method] as Operation | undefined
      if (operation) completeErrors(operation, method, errors)
    }
  }
  document.components ??= {}
  document.components.responses = Object.fromEntries(
    Object.entries(errors).sort(([a], [b]) => a.localeCompare(b)),
  )
  return document
}

/**
 * Adds every error the operation can answer with: one response per status, referring to the
 * shared description of that status with exactly those codes (`errors`, added as needed).
 */
function completeErrors(
  operation: Operation,
  method: (typeof methods)[number],
  errors: Record<string, OpenAPIV3_1.ResponseObject>,
) {
  const own = operation[docExtension]
  delete operation[docExtension]
  const hasBody = operation.requestBody !== undefined
  // The body limit guards every request that may carry a body, before any route reads it.
  const mayCarryBody = method !== 'get' && method !== 'head' && method !== 'options'
  const described = new Set(own?.describedQuery ?? [])
  const hasQuery = (operation.parameters ?? []).some(
    (p) => 'in' in p && p.in === 'query' && !described.has(p.name),
  )
  const codes = mergeCodes(
    everyRouteErrors,
    own ? accessErrors[own.access] : {},
    hasBody ? bodyErrors : {},
    hasQuery ? queryErrors : {},
    mayCarryBody ? { 413: ['PAYLOAD_TOO_LARGE'] } : {},
    own?.errors ?? {},
  )
  operation.responses ??= {}
  for (const [status, list] of Object.entries(codes)) {
    // Named by what it holds, `404-ORIGIN_NOT_FOUND`: stable, and readable where it is used.
    const name = [status, ...list].join('-')
    errors[name] ??= errorResponse(Number(status), list)
    operation.responses[status] = { $ref: `#/components/responses/${name}` }
  }
}

function mergeCodes(...maps: Record<string, readonly string[]>[]): Record<string, string[]> {
  const merged: Record<string, Set<string>> = {}
  for (const map of maps) {
    for (const [status, list] of Object.entries(map)) {
      merged[status] ??= new Set()
      for (const code of list) merged[status].add(code)
    }
  }
  return Object.fromEntries(
    Object.entries(merged).map(([status, set]) => [status, [...set].sort()]),
  )
}

const retryAfter = {
  description: 'Seconds to wait before trying again.',
  schema: { type: 'integer' as const },
}

/** The one error envelope, described once and referred to by every error answer. */
const errorSchemaName = 'Error'

const errorEnvelopeSchema: OpenAPIV3_1.SchemaObject = {
  type: 'object',
  description: 'Every failed request answers with this envelope (docs/api.md).',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: {
        code: {
          type: 'string',
          description:
            'Stable, SCREAMING_SNAKE: what a program acts on. Each answer lists its own.',
        },
        message: { type: 'string', description: 'For people; may change.' },
        fields: {
          type: 'object',
          description: 'Per-field messages, keyed by the field’s path: every bad field at once.',
          additionalProperties: { type: 'string' },
        },
      },
    },
  },
}

/** An error answer: the shared envelope, with the codes this status can carry here. */
function errorResponse(status: number, codes: string[]): OpenAPIV3_1.ResponseObject {
  return {
    description: codes.join(', '),
    ...((status === 429 || status === 503) && { headers: { 'Retry-After': retryAfter } }),
    content: {
      'application/json': {
        schema: {
          allOf: [{ $ref: `#/components/schemas/${errorSchemaName}` }],
          properties: { error: { properties: { code: { enum: codes } } } },
        },
      },
    },
  }
}

const securitySchemes: Record<string, OpenAPIV3_1.SecuritySchemeObject> = {
  publishableKey: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Porchlight-Key',
    description:
      'The site’s publishable key (`pk_…`): public, accepted only from the site’s allowed origins.',
  },
  secretKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A secret key of the site (`sk_<id>_<secret>`), for the owner’s servers and tools.',
  },
  memberBearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'A member’s session token, from sign-in with `"session": "bearer"`.',
  },
  operatorCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-porchlight_operator',
    description:
      'An operator’s console session, from `POST /v1/operator/sign-in` (named `porchlight_operator` over plain http in development). HttpOnly and SameSite=Strict; changes must come from the console’s own origin.',
  },
  operatorSite: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Porchlight-Site',
    description:
      'With an operator’s session on the owner API: the id of the site to act on (`site_…`), one the operator has a role on.',
  },
  memberCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-porchlight_session',
    description:
      'A member’s session cookie, from sign-in with `"session": "cookie"` (named `porchlight_session` over plain http in development). Changes must come from one of the site’s origins.',
  },
}

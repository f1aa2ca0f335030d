import type { MiddlewareHandler } from 'hono'
import { describeRoute, resolver, uniqueSymbol } from 'hono-openapi'
import { z } from 'zod'

/**
 * Who may call a route, which names its security schemes and the errors of getting in:
 *
 * - `public`: anyone; no key (health, the unsubscribe page).
 * - `site`: a page of the site, with its publishable key; no member needed.
 * - `member-optional`: as `site`, and a member's session is used when one is sent.
 * - `member`: as `site`, with a member's session required.
 * - `owner`: the site's owner API: a secret key (`Authorization: Bearer sk_…`), or an operator's
 *   console session with `X-Porchlight-Site` and a role that allows the route.
 * - `operator`: the console's own routes, with an operator's session cookie.
 * - `operator-optional`: as `operator`, without a session needed (sign-in, invites); one is used
 *   when sent.
 */
export type Access =
  | 'public'
  | 'site'
  | 'member-optional'
  | 'member'
  | 'owner'
  | 'operator'
  | 'operator-optional'

/** The feature groups of the reference, in the order it lists them. */
export const apiTags = [
  { name: 'Site', description: 'The site a publishable key belongs to.' },
  { name: 'Contact forms', description: 'Challenges and submissions, from the site’s pages.' },
  { name: 'Membership', description: 'Registration, sign-in, sessions and emailed links.' },
  { name: 'Account', description: 'The signed-in member’s own account.' },
  { name: 'Discussions', description: 'Categories, threads, posts, likes, flags and search.' },
  { name: 'Notifications', description: 'The member’s notifications and email preferences.' },
  { name: 'Moderation', description: 'For moderators and admins of a site.' },
  { name: 'Owner: site', description: 'The site, its origins and keys (secret key).' },
  { name: 'Owner: forms', description: 'Forms and submissions (secret key).' },
  { name: 'Owner: members', description: 'Members and membership settings (secret key).' },
  { name: 'Owner: discussions', description: 'Categories and discussion settings (secret key).' },
  { name: 'Owner: deliveries', description: 'The outbox of emails and webhooks (secret key).' },
  {
    name: 'Owner: operators',
    description: 'The site’s console operators, their invites, and the audit log.',
  },
  {
    name: 'Operators',
    description: 'The console’s own: operator sign-in, two-factor, invites and sites.',
  },
  { name: 'Operations', description: 'Health, readiness, and this document.' },
] as const

export type ApiTag = (typeof apiTags)[number]['name']

/** A successful answer: its body (`null`: none), or a body with a description and headers. */
export type SuccessDoc =
  | z.ZodType
  | null
  | {
      description: string
      schema?: z.ZodType
      /** The media type when it is not JSON (`text/csv`, `text/html`). */
      mediaType?: string
      headers?: Record<string, { description: string; schema?: { type: 'string' | 'integer' } }>
    }

export type RouteDoc = {
  summary: string
  description?: string
  tags: readonly ApiTag[]
  access: Access
  /** Successful answers by status. */
  responses: Partial<Record<200 | 201 | 202 | 204 | 303 | 304, SuccessDoc>>
  /**
   * Parameters the route reads by hand rather than through `queryParams` (a token in a link, a
   * conditional-request header): described only, never validated, so they add no 422.
   */
  parameters?: readonly {
    in: 'query' | 'header'
    name: string
    description: string
    required?: boolean
  }[]
  /**
   * A body the route reads by hand rather than through `jsonBody` (a form post that is JSON or
   * a plain HTML form): its schema by media type.
   */
  requestBody?: { description?: string; content: Record<string, z.ZodType> }
  /**
   * The error codes this route itself answers with, by status. The ones every route of its
   * access shares (a bad key, a missing session, a busy database), and the ones of a body or
   * query (invalid JSON, validation) are added by the document builder.
   */
  errors?: Partial<
    Record<400 | 401 | 403 | 404 | 409 | 410 | 412 | 422 | 429 | 503, readonly string[]>
  >
}

/** The error envelope every failed request answers with (STYLE.md, docs/api.md). */
export const errorEnvelope = z.object({
  error: z.object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
})

/** Codes every route of an access can answer with, by status. */
export const accessErrors: Record<Access, Record<number, readonly string[]>> = {
  public: {},
  site: { 401: ['INVALID_PUBLISHABLE_KEY'], 403: ['ORIGIN_NOT_ALLOWED'] },
  'member-optional': {
    401: ['INVALID_PUBLISHABLE_KEY', 'INVALID_SESSION'],
    403: ['ORIGIN_NOT_ALLOWED', 'CROSS_SITE_REQUEST'],
  },
  member: {
    401: ['INVALID_PUBLISHABLE_KEY', 'INVALID_SESSION', 'SIGN_IN_REQUIRED'],
    403: ['ORIGIN_NOT_ALLOWED', 'CROSS_SITE_REQUEST'],
  },
  owner: {
    401: ['INVALID_SECRET_KEY', 'SIGN_IN_REQUIRED'],
    403: ['CROSS_SITE_REQUEST', 'ROLE_FORBIDDEN', 'SITE_FORBIDDEN', 'TOTP_SETUP_REQUIRED'],
    429: ['RATE_LIMITED'],
  },
  operator: { 401: ['SIGN_IN_REQUIRED'], 403: ['CROSS_SITE_REQUEST'] },
  'operator-optional': { 403: ['CROSS_SITE_REQUEST'] },
}

/** Codes any route can answer with: the server's own trouble, never the request's. */
export const everyRouteErrors: Record<number, readonly string[]> = {
  500: ['INTERNAL_ERROR'],
  // INVALID_CONFIGURATION: a Worker whose settings cannot work at all answers every request so.
  503: ['DATABASE_BUSY', 'DATABASE_UNAVAILABLE', 'INVALID_CONFIGURATION'],
}

/** Codes of a route that reads a JSON body. */
export const bodyErrors: Record<number, readonly string[]> = {
  400: ['INVALID_JSON'],
  413: ['PAYLOAD_TOO_LARGE'],
  415: ['UNSUPPORTED_MEDIA_TYPE'],
  422: ['VALIDATION_FAILED'],
}

/** Codes of a route that validates its query string. */
export const queryErrors: Record<number, readonly string[]> = { 422: ['VALIDATION_FAILED'] }

const securityByAccess: Record<Access, Record<string, string[]>[]> = {
  public: [],
  site: [{ publishableKey: [] }],
  'member-optional': [
    { publishableKey: [] },
    { publishableKey: [], memberBearer: [] },
    { publishableKey: [], memberCookie: [] },
  ],
  member: [
    { publishableKey: [], memberBearer: [] },
    { publishableKey: [], memberCookie: [] },
  ],
  owner: [{ secretKey: [] }, { operatorCookie: [], operatorSite: [] }],
  operator: [{ operatorCookie: [] }],
  'operator-optional': [{}, { operatorCookie: [] }],
}

/** Where the route's own doc keeps what the builder completes (an OpenAPI extension). */
export const docExtension = 'x-porchlight'

/**
 * Describes a route for the OpenAPI document (`/v1/openapi.json`): what it answers, who may call
 * it, and the error codes it can answer with. Its request body and query string are described
 * by the same zod schemas that validate them (`jsonBody`, `queryParams`); this adds the rest.
 * Place it first among the route's handlers. It is a description, not a step: the app's router
 * (http/app-router.ts) leaves it out of what a request runs, and keeps it against the route.
 *
 * @example
 * app.get('/site', documented({ summary: 'The site', tags: ['Site'], access: 'site',
 *   responses: { 200: siteAnswer } }), site, handler)
 */
export function documented(doc: RouteDoc): MiddlewareHandler {
  const middleware = passThrough(describedRoute(doc))
  docsByHandler.set(middleware, doc)
  return middleware
}

/**
 * hono-openapi's route middleware is `async (c, next) => { await next() }`; its document
 * generator knows a route's description by the property under `uniqueSymbol` on a handler of
 * the route, so a plain pass-through carrying that property documents the same route. On an app
 * with Hono's own router (a feature's routes tested alone) it runs, and does nothing.
 */
function passThrough(described: MiddlewareHandler): MiddlewareHandler {
  const description = (described as MiddlewareHandler & { [uniqueSymbol]: unknown })[uniqueSymbol]
  const middleware: MiddlewareHandler = (_c, next) => next()
  return Object.assign(middleware, { [uniqueSymbol]: description })
}

// Each route's description: the owner API's access check finds the route a request matched this
// way, and the audit log names it by its summary. Kept by the pass-through `documented` made,
// and by each of the route's own entries once the app's router has left the pass-through out.
const docsByHandler = new WeakMap<object, RouteDoc>()
const docsByRoute = new WeakMap<object, RouteDoc>()

// A sub-app with its own error handler is mounted with each handler wrapped; Hono keeps the
// original under this key (as route-schemas.ts reads it).
const composedHandler = '__COMPOSED_HANDLER'

/** The description, if `handler` is (or wraps) the pass-through `documented(...)` made. */
export function descriptionOnly(handler: unknown): RouteDoc | undefined {
  let current = handler
  while (typeof current === 'function' && composedHandler in current) {
    current = (current as unknown as Record<string, unknown>)[composedHandler]
  }
  return typeof current === 'function' ? docsByHandler.get(current) : undefined
}

/** Keeps `doc` against one of a route's entries (Hono's `RouterRoute`): see app-router.ts. */
export function keepRouteDoc(route: object, doc: RouteDoc): void {
  docsByRoute.set(route, doc)
}

/**
 * The description of the route an entry of a request's matched routes (`matchedRoutes(c)`)
 * belongs to, whichever router the app has.
 */
export function routeDocOf(route: { handler: unknown }): RouteDoc | undefined {
  return docsByRoute.get(route) ?? descriptionOnly(route.handler)
}

function describedRoute(doc: RouteDoc): MiddlewareHandler {
  const responses: Record<string, unknown> = {}
  for (const [status, success] of Object.entries(doc.responses)) {
    responses[status] = successResponse(Number(status), success as SuccessDoc)
  }
  return describeRoute({
    summary: doc.summary,
    ...(doc.description && { description: doc.description }),
    tags: [...doc.tags],
    security: securityByAccess[doc.access],
    ...(doc.parameters && {
      parameters: doc.parameters.map((p) => ({
        in: p.in,
        name: p.name,
        description: p.description,
        required: p.required ?? false,
        schema: { type: 'string' as const },
      })),
    }),
    ...(doc.requestBody && {
      requestBody: {
        required: true,
        ...(doc.requestBody.description && { description: doc.requestBody.description }),
        content: Object.fromEntries(
          Object.entries(doc.requestBody.content).map(([media, schema]) => [
            media,
            { schema: resolver(schema) },
          ]),
        ),
      },
    }),
    responses: responses as never,
    // Read and removed by the document builder, which adds the errors the route shares.
    ...({
      [docExtension]: {
        access: doc.access,
        errors: doc.errors ?? {},
        describedQuery: (doc.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      },
    } as object),
  })
}

function successResponse(status: number, success: SuccessDoc) {
  if (success === null) return { description: describeStatus(status) }
  if (success instanceof z.ZodType) {
    return {
      description: describeStatus(status),
      content: { 'application/json': { schema: resolver(success) } },
    }
  }
  return {
    description: success.description,
    ...(success.schema && {
      content: { [success.mediaType ?? 'application/json']: { schema: resolver(success.schema) } },
    }),
    ...(success.headers && {
      headers: Object.fromEntries(
        Object.entries(success.headers).map(([name, header]) => [
          name,
          { description: header.description, schema: header.schema ?? { type: 'string' } },
        ]),
      ),
    }),
  }
}

function describeStatus(status: number): string {
  return (
    {
      200: 'OK',
      201: 'Created',
      202: 'Accepted',
      204: 'Done; no body.',
      303: 'See Other',
      304: 'Not modified since the ETag sent in If-None-Match.',
    }[status] ?? String(status)
  )
}

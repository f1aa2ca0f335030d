// Requests for one route: its path filled with real ids or junk, a query and a body generated
// from the route's own schemas (see schema-values.ts), sent in the right way or in one of the
// wrong ways clients manage (malformed JSON, another content type, nothing at all, too much),
// with hostile headers on top.

import fc from 'fast-check'
import { z } from 'zod'
import type { RouteDescription } from '../../src/http/route-schemas.ts'
import type { Identity } from './fixture.ts'
import {
  fittingValue,
  hostileValue,
  type JsonSchema,
  junk,
  trickyStrings,
  type ValueOptions,
} from './schema-values.ts'

export type FuzzRequest = {
  identity: Identity
  method: string
  path: string
  query: [string, string][]
  body: Body
  headers: [string, string][]
}

type Body =
  | { kind: 'none' }
  | { kind: 'text'; contentType: string | null; text: string }
  | { kind: 'form'; fields: [string, string][]; multipart: boolean }

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
}

const junkPathValues = [
  'x',
  '0',
  '-1',
  '%00',
  '%',
  '%ZZ',
  '%E0%A4%A',
  '..',
  '..%2F..%2Fadmin',
  '%2F',
  'a'.repeat(3000),
  encodeURIComponent('😀'),
  encodeURIComponent('<script>'),
  'thr_aaaaaaaaaaaaaaaaaaaaaaaa',
  'pst_aaaaaaaaaaaaaaaaaaaaaaaa',
  'mem_aaaaaaaaaaaaaaaaaaaaaaaa',
  encodeURIComponent('https://evil.example'),
]

function pathValue(name: string, known: Record<string, string[]>): fc.Arbitrary<string> {
  const real = known[name] ?? []
  const junkValue = fc.oneof(
    fc.constantFrom(...junkPathValues),
    fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
  )
  return real.length > 0
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, junkValue)
    : junkValue
}

function filledPath(pattern: string, known: Record<string, string[]>): fc.Arbitrary<string> {
  const parts = pattern
    .split('/')
    .map((part) => (part.startsWith(':') ? pathValue(part.slice(1), known) : fc.constant(part)))
  return fc.tuple(...parts).map((values) => values.join('/'))
}

/** A value as it appears in a query string or a form field. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '')
}

function entries(value: unknown): [string, string][] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [['_', asText(value)]]
  return Object.entries(value).flatMap(([key, v]): [string, string][] =>
    Array.isArray(v) ? v.map((item) => [key, asText(item)]) : [[key, asText(v)]],
  )
}

function queryFor(
  route: RouteDescription,
  options: ValueOptions,
): fc.Arbitrary<[string, string][]> {
  const extra = fc.array(fc.tuple(fc.constantFrom('key', 'token', 'back', 'x', ''), junk()), {
    maxLength: 2,
  })
  const fromSchema = route.query
    ? hostileValue(jsonSchemaOf(route.query), options).map(entries)
    : fc.constant([])
  return fc
    .tuple(fromSchema, extra)
    .map(([own, more]) => [...own, ...more.map(([k, v]): [string, string] => [k, asText(v)])])
}

const malformedJson = [
  '{',
  '{"a":',
  '[1,]',
  "{'a':1}",
  'nul',
  '\u0000',
  '"\\ud800"',
  '{"a":1}{"b":2}',
  '{"__proto__":{"polluted":true}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '1e999999',
]

function bodyFor(route: RouteDescription, options: ValueOptions): fc.Arbitrary<Body> {
  const value = route.json ? hostileValue(jsonSchemaOf(route.json), options) : junk()
  const fitting = route.json ? fittingValue(jsonSchemaOf(route.json), options) : junk()
  const json = (contentType: string | null) =>
    value.map((v): Body => ({ kind: 'text', contentType, text: JSON.stringify(v) ?? '' }))
  const formFields = fc
    .tuple(fc.oneof(value, fitting), fc.boolean())
    .map(([v, multipart]): Body => ({ kind: 'form', fields: entries(v), multipart }))
  const sent = fc.oneof(
    { weight: 16, arbitrary: json('application/json') },
    { weight: 1, arbitrary: json('application/merge-patch+json; charset=utf-8') },
    { weight: 1, arbitrary: json(null) },
    { weight: 1, arbitrary: json('text/plain') },
    { weight: 2, arbitrary: formFields },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...malformedJson)
        .map((text): Body => ({ kind: 'text', contentType: 'application/json', text })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { kind: 'none' },
        { kind: 'text', contentType: 'application/json', text: '' },
        { kind: 'text', contentType: 'application/json', text: 'x'.repeat(70_000) },
        { kind: 'text', contentType: 'application/json; charset=utf-16', text: '{}' },
        { kind: 'text', contentType: 'application/json', text: JSON.stringify('x'.repeat(60_000)) },
      ),
    },
  )
  // Routes that read no body get one only now and then: the question is whether they mind.
  return route.json ? sent : fc.oneof({ weight: 4, arbitrary: fc.constant({ kind: 'none' }) }, sent)
}

/** Header values the Fetch API will carry (no CR, LF or NUL; bytes up to 0xFF). */
const headerText = fc
  .oneof(
    fc.constantFrom(...trickyStrings),
    fc.string({ unit: 'binary-ascii', maxLength: 60 }),
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Bearer sk_x_y',
      'Basic YTpi',
      `Bearer ${'a'.repeat(5000)}`,
    ),
  )
  .map((text) => text.replace(/[\r\n\0]/g, '').replace(/[^\x00-\xff]/g, '?'))

const hostileHeader = fc.oneof(
  fc.tuple(fc.constant('X-Porchlight-Key'), fc.oneof(headerText, fc.constant('pk_nope'))),
  fc.tuple(fc.constant('Authorization'), headerText),
  fc.tuple(
    fc.constant('Origin'),
    fc.oneof(headerText, fc.constantFrom('null', 'https://site.example', 'https://evil.example')),
  ),
  fc.tuple(
    fc.constant('Cookie'),
    fc.oneof(
      headerText,
      headerText.map((v) => `__Host-porchlight_session=${v}`),
      headerText.map((v) => `porchlight_session=${v}; porchlight_session=x`),
    ),
  ),
  fc.tuple(fc.constant('Content-Type'), headerText),
  fc.tuple(fc.constant('Content-Length'), fc.constantFrom('0', '1', '-1', '99999999999', 'x')),
  fc.tuple(fc.constant('X-Forwarded-For'), headerText),
  fc.tuple(fc.constant('Sec-Fetch-Site'), fc.constantFrom('cross-site', 'same-origin', 'none')),
  fc.tuple(fc.constant('If-None-Match'), headerText),
  fc.tuple(fc.constant('Referer'), headerText),
  fc.tuple(fc.constant('Accept'), fc.constantFrom('text/html', '*/*', 'application/json')),
  fc.tuple(fc.constant('User-Agent'), headerText),
)

/**
 * Requests for `route` as `identity`: mostly well-formed, a fair share wrong in one place, now
 * and then wrong everywhere.
 */
export function requestsFor(
  route: RouteDescription,
  identity: Identity,
  world: { pathValues: Record<string, string[]>; strings: readonly string[] },
): fc.Arbitrary<FuzzRequest> {
  const options = { strings: world.strings }
  return fc.record({
    identity: fc.constant(identity),
    method: fc.constant(route.method),
    path: filledPath(route.path, world.pathValues),
    query: queryFor(route, options),
    body: bodyFor(route, options),
    headers: fc.oneof(
      { weight: 3, arbitrary: fc.constant<[string, string][]>([]) },
      {
        weight: 2,
        arbitrary: fc
          .array(hostileHeader, { minLength: 1, maxLength: 3 })
          .map((list) => list.map(([name, value]): [string, string] => [name, value])),
      },
    ),
  })
}

/** The `RequestInit` for `request`, on top of the identity's credentials. */
export function toRequest(request: FuzzRequest, credentials: Record<string, string>) {
  const headers = new Headers(credentials)
  let body: BodyInit | undefined
  // The Fetch API refuses a GET with a body before any server could see it.
  if (request.method === 'GET' || request.method === 'HEAD') {
    // no body
  } else if (request.body.kind === 'text') {
    if (request.body.contentType) headers.set('content-type', request.body.contentType)
    body = request.body.text
  } else if (request.body.kind === 'form') {
    if (request.body.multipart) {
      const form = new FormData()
      for (const [key, value] of request.body.fields) form.append(key, value)
      body = form
    } else {
      body = new URLSearchParams(request.body.fields)
    }
  }
  for (const [name, value] of request.headers) {
    try {
      headers.set(name, value)
    } catch {
      // A value the Fetch API itself refuses never reaches a server.
    }
  }
  const query = new URLSearchParams(request.query).toString()
  const url = `http://localhost${request.path}${query ? `?${query}` : ''}`
  return { url, init: { method: request.method, headers, ...(body !== undefined && { body }) } }
}

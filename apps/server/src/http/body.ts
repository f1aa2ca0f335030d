import { zValidator } from '@hono/zod-validator'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { resolver, uniqueSymbol } from 'hono-openapi'
import type { z } from 'zod'
import type { AppEnv } from './env.ts'
import { type FieldErrors, HttpErrors } from './errors.ts'

const jsonType = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i

/** Whether a Content-Type says JSON (`application/json`, `application/merge-patch+json`, …). */
export function isJsonContentType(type: string | undefined): boolean {
  return jsonType.test(type ?? '')
}

/** 415 unless the request says its body is JSON; without this a missing header reads as `{}`. */
export const requireJson = createMiddleware<AppEnv>(async (c, next) => {
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw HttpErrors.unsupportedMediaType('application/json')
  }
  await next()
})

/** Every bad field, keyed by its path, so a form can mark all of them at once. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'Unknown field.'
      continue
    }
    const path = issue.path.join('.') || '_'
    fields[path] ??= issue.message
  }
  return fields
}

function validationHook(result: { success: boolean; error?: unknown }) {
  if (!result.success) throw HttpErrors.validation(fieldErrors(result.error as z.ZodError))
}

/** What one validation middleware checks: the JSON body or the query string, and its schema. */
export type ValidatedPart = {
  readonly target: 'json' | 'query'
  readonly schema: z.ZodType
  /** A JSON body that may be left out entirely (`optionalJsonBody`). */
  readonly optional: boolean
}

// Each middleware made below remembers its schema, so the routes' own schemas can be listed
// (route-schemas.ts) for a generated API description and for tests that fuzz every route.
const validatedParts = new WeakMap<object, ValidatedPart>()

function recorded<M extends object>(middleware: M, part: ValidatedPart): M {
  validatedParts.set(middleware, Object.freeze(part))
  // And for the OpenAPI document (hono-openapi reads this mark): the request is described by the
  // very schema that validates it. An optional body is described as a body that may be absent.
  const described = part.optional
    ? {
        spec: {
          requestBody: {
            required: false,
            content: { 'application/json': { schema: resolver(part.schema) } },
          },
        },
      }
    : { target: part.target, ...resolver(part.schema) }
  return Object.assign(middleware, { [uniqueSymbol]: described })
}

/** The part a handler validates, if it is a middleware made by `jsonBody`, `queryParams` or `optionalJsonBody`. */
export function validatedPartOf(handler: unknown): ValidatedPart | undefined {
  return typeof handler === 'function' ? validatedParts.get(handler) : undefined
}

/**
 * Validates a JSON body against `schema`: 415 for another content type, 400 for malformed JSON,
 * 422 listing every bad field. Use strict object schemas so unknown fields are refused too.
 *
 * @example app.post('/v1/things', ...jsonBody(thingSchema), (c) => c.json(c.req.valid('json')))
 */
export function jsonBody<T extends z.ZodType>(schema: T) {
  const validator = zValidator('json', schema, validationHook)
  return [requireJson, recorded(validator, { target: 'json', schema, optional: false })] as const
}

/** Validates the query string; 422 with every bad parameter. */
export function queryParams<T extends z.ZodType>(schema: T) {
  const validator = zValidator('query', schema, validationHook)
  return recorded(validator, { target: 'query', schema, optional: false })
}

/** hono's validator reports malformed JSON as a bare HTTPException(400); name it properly. */
export function isMalformedJson(error: unknown): boolean {
  return error instanceof HTTPException && error.status === 400 && /JSON/i.test(error.message)
}

/**
 * For actions whose body is optional (a ban's or a lock's reason): no body at all reads as `{}`,
 * but a body sent as something other than JSON is refused (415) rather than silently ignored.
 */
export function optionalJsonBody<T extends z.ZodType>(schema: T) {
  const jsonIfAny = createMiddleware<AppEnv>(async (c, next) => {
    const type = c.req.header('content-type')
    if (type !== undefined && !isJsonContentType(type)) {
      throw HttpErrors.unsupportedMediaType('application/json')
    }
    await next()
  })
  const validator = zValidator('json', schema, validationHook)
  return [jsonIfAny, recorded(validator, { target: 'json', schema, optional: true })] as const
}

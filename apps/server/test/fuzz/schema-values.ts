// Values for a route's body or query string, generated from the JSON Schema that zod derives
// from the route's own schema (`z.toJSONSchema`): values that fit it ("valid-ish": they pass the
// shape, not necessarily every refinement) and values that break it in the ways clients and
// attackers do (wrong types, missing and extra fields, lengths and numbers past the bounds,
// unusual Unicode, nested junk). Only the JSON Schema keywords zod emits for our schemas are
// understood; anything else is generated as arbitrary JSON.

import fc from 'fast-check'

export type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  propertyNames?: JsonSchema
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
}

/** Strings that have broken parsers, renderers and URL checks before. */
export const trickyStrings = [
  '',
  ' ',
  'x',
  'null',
  'true',
  '0',
  '-1',
  '1e999',
  'NaN',
  '😀',
  'e\u0301',
  '\u202eevil',
  '\u0000',
  '\ud800',
  'a\r\nBcc: victim@example.com',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE sites; --",
  '%00',
  '%',
  '../../etc/passwd',
  '{{form}} {{site}} {{field.x}}',
  'https://example.com/page?action={action}&token={token}&post={post}&user={username}',
  'https://img.example.com/avatar.png',
  'http://localhost.:8080/',
  'http://LOCALHOST/',
  'http://2130706433/',
  'http://0x7f.1/',
  'http://[::ffff:127.0.0.1]/',
  'http://169.254.169.254/latest/meta-data/',
  'https://u:p@example.com/',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)//{token}{action}{post}{username}',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/{token}',
  '/relative/{post}',
  'https:/\\evil.example/',
  'https://',
  'mailto:a@example.com',
  'ann@example.com',
  'Ann Example <ann@example.com>',
  '2026-11-21T12:00:00Z',
  '2026-02-30T25:61:00+99:00',
  '9999999999999999999999',
  '@member1 @mod1 hello',
  '> [@member1 wrote:](#pst_abcdefghijklmnopqrstuvwx)\n> quoted',
  '![x](https://img.example.com/x.png) [y](javascript:alert(1))',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  '192.168.0.0/16',
  '::1',
]

const junkValues: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  1e21,
  -1e21,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  '',
  'x',
  [],
  {},
  [null],
  { '': null },
  JSON.parse(`${'['.repeat(20)}${']'.repeat(20)}`),
]

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type
  if (schema.type) return [schema.type]
  return []
}

/** A string or a number bound that a value may not pass, as given by the schema. */
function bounds(schema: JsonSchema) {
  const min =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : null)
  const max =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : null)
  return { min, max }
}

function patternString(pattern: string): fc.Arbitrary<string> | null {
  // Unicode property classes (`\P{Cc}`) cover so much that fast-check takes seconds per string;
  // the plain strings used instead mostly match them anyway.
  if (/\\[pP]\{/.test(pattern)) return null
  try {
    return fc.stringMatching(new RegExp(pattern, 'u'), { size: 'small' })
  } catch {
    return null
  }
}

export type ValueOptions = {
  /** Extra strings worth trying in any string field: ids and names that exist in the fixture. */
  strings?: readonly string[]
}

/** Values that fit `schema`'s shape, for `depth` levels of nesting. */
export function fittingValue(
  schema: JsonSchema,
  options: ValueOptions = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const branches = schema.anyOf ?? schema.oneOf
  if (branches?.length) return fc.oneof(...branches.map((b) => fittingValue(b, options, depth)))
  if (schema.allOf?.[0]) return fittingValue(schema.allOf[0], options, depth)
  const types = typesOf(schema)
  if (types.length > 1) {
    return fc.oneof(...types.map((type) => fittingValue({ ...schema, type }, options, depth)))
  }
  switch (types[0]) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer': {
      const { min, max } = bounds(schema)
      return fc.integer({
        min: Math.max(min ?? -1_000_000, Number.MIN_SAFE_INTEGER),
        max: Math.min(max ?? 1_000_000, Number.MAX_SAFE_INTEGER),
      })
    }
    case 'number': {
      const { min, max } = bounds(schema)
      return fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true, noDefaultInfinity: true })
    }
    case 'string':
      return fittingString(schema, options)
    case 'array': {
      const items = schema.items ?? {}
      return fc.array(fittingValue(items, options, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      })
    }
    case 'object':
      return fittingObject(schema, options, depth)
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

function fittingString(schema: JsonSchema, options: ValueOptions): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? 200
  const fits = (s: string) => s.length >= min && s.length <= max
  if (schema.format === 'email') return fc.emailAddress().filter(fits)
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date(0), max: new Date(Date.UTC(2100, 0)), noInvalidDate: true })
      .map((d) => d.toISOString())
  }
  const known = [...trickyStrings, ...(options.strings ?? [])].filter(fits)
  if (schema.pattern) {
    const matching = patternString(schema.pattern)
    if (matching) {
      // Names and ids of the fixture that fit the pattern reach real rows (a category's slug).
      const pattern = new RegExp(schema.pattern, 'u')
      const real = known.filter((s) => pattern.test(s))
      return real.length > 0 ? fc.oneof(matching, fc.constantFrom(...real)) : matching
    }
  }
  const typed = fc.string({ minLength: min, maxLength: Math.min(max, 24) })
  return known.length > 0 ? fc.oneof(typed, fc.constantFrom(...known)) : typed
}

function fittingObject(
  schema: JsonSchema,
  options: ValueOptions,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {}
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [
      key,
      fittingValue(value, options, depth + 1),
    ]),
  )
  const fixed = fc.record(model, { requiredKeys: schema.required ?? [] })
  const extra = schema.additionalProperties
  if (!extra || typeof extra !== 'object' || depth > 3) return fixed
  const keys = schema.propertyNames ? fittingString(schema.propertyNames, options) : fc.string()
  return fc
    .tuple(fixed, fc.dictionary(keys, fittingValue(extra, options, depth + 1), { maxKeys: 3 }))
    .map(([known, more]) => ({ ...more, ...known }))
}

/** Any JSON at all, including the shapes that break naive code. */
export function junk(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...junkValues),
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(...trickyStrings),
  )
}

/** Keys that have confused object handling: prototype names, empty, odd Unicode. */
const oddKeys = ['__proto__', 'constructor', 'prototype', 'toString', '', ' ', '😀', 'a.b', '0']

/** Own properties even for `__proto__`, which an object literal would turn into a prototype. */
function withKey(object: Record<string, unknown>, key: string, value: unknown) {
  return Object.fromEntries([...Object.entries(object), [key, value]])
}

/**
 * Values that break `schema` in one place or many, mixed with values that fit (so requests reach
 * the code behind validation too).
 */
export function hostileValue(
  schema: JsonSchema,
  options: ValueOptions = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  if (depth > 3) return junk()
  const fitting = fittingValue(schema, options, depth)
  const broken = brokenValue(schema, options, depth)
  return fc.oneof(
    { weight: 3, arbitrary: fitting },
    { weight: 3, arbitrary: broken },
    { weight: 1, arbitrary: junk() },
  )
}

function brokenValue(
  schema: JsonSchema,
  options: ValueOptions,
  depth: number,
): fc.Arbitrary<unknown> {
  const types = typesOf(schema)
  const branches = schema.anyOf ?? schema.oneOf
  if (branches?.length) return fc.oneof(...branches.map((b) => hostileValue(b, options, depth)))
  if (types.includes('object') && schema.properties) return brokenObject(schema, options, depth)
  if (types.includes('array')) {
    const items = schema.items ?? {}
    return fc.array(hostileValue(items, options, depth + 1), {
      minLength: schema.maxItems !== undefined ? schema.maxItems + 1 : 0,
      maxLength: (schema.maxItems ?? 5) + 2,
    })
  }
  if (types.includes('string')) {
    const max = schema.maxLength
    const min = schema.minLength
    return fc.oneof(
      fc.constantFrom(
        'a'.repeat((max ?? 1000) + 1),
        'a'.repeat(Math.max((min ?? 1) - 1, 0)),
        'é'.repeat(max ?? 300),
        '😀'.repeat(max ?? 300),
        ...trickyStrings,
      ),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    )
  }
  if (types.includes('integer') || types.includes('number')) {
    const { min, max } = bounds(schema)
    return fc.constantFrom(
      (max ?? 0) + 1,
      (min ?? 0) - 1,
      (max ?? 1) - 0.5,
      1e21,
      -1e21,
      2 ** 53 + 2,
      Number.MAX_VALUE,
      -0,
      '1',
      '1e3',
    )
  }
  return junk()
}

function brokenObject(
  schema: JsonSchema,
  options: ValueOptions,
  depth: number,
): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {})
  const base = fittingObject(schema, options, depth)
  const oneBroken =
    properties.length === 0
      ? base
      : fc
          .tuple(
            base,
            fc.integer({ min: 0, max: properties.length - 1 }).chain((i) => {
              const [key, value] = properties[i] as [string, JsonSchema]
              return brokenValue(value, options, depth + 1).map((v) => [key, v] as const)
            }),
          )
          .map(([object, [key, value]]) => withKey(object, key, value))
  const required = schema.required ?? []
  const missing =
    required.length === 0
      ? base
      : fc
          .tuple(base, fc.constantFrom(...required))
          .map(([object, key]) =>
            Object.fromEntries(Object.entries(object).filter(([k]) => k !== key)),
          )
  const extra = fc
    .tuple(base, fc.oneof(fc.constantFrom(...oddKeys), fc.string()), junk())
    .map(([object, key, value]) => withKey(object, key, value))
  const allHostile = fc.record(
    Object.fromEntries(
      properties.map(([key, value]) => [key, hostileValue(value, options, depth + 1)]),
    ),
    { requiredKeys: [] },
  )
  return fc.oneof(oneBroken, missing, extra, allHostile)
}

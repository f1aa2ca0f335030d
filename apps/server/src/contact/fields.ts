import type { Context } from 'hono'
import { isJsonContentType } from '../http/body.ts'
import { type FieldErrors, HttpErrors } from '../http/errors.ts'
import { ContactErrors } from './errors.ts'
import type { FormSettings } from './schemas.ts'

export type FieldValue = string | string[]
export type Fields = Record<string, FieldValue>

/** Values that steer the submission rather than being part of it. */
export type ControlFields = {
  honeypot?: string
  timeToken?: string
  altcha?: string
  turnstileToken?: string
  next?: string
}

export type ParsedSubmission = {
  fields: Fields
  control: ControlFields
  /**
   * Values that are not text (nested objects), by field name. Reported together with the form's
   * own rules, so a client learns about every bad field at once.
   */
  invalid: FieldErrors
  /** True for JSON bodies: the SDK or the script tag sent it, so it can solve challenges. */
  viaScript: boolean
}

const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i

/** Whether the request is a plain HTML form post, answered with redirects and pages. */
export function isHtmlPost(c: Context): boolean {
  return formTypes.test(c.req.header('content-type') ?? '')
}

/**
 * Reads a submission from JSON (the SDK), URL-encoded or multipart bodies (plain HTML forms).
 * Control fields (`_gotcha`, `_t`, `_altcha`, `_next`, Turnstile's response) are split off; every
 * other value is normalised. Files are refused: uploads are not supported.
 */
export async function readSubmission(c: Context, honeypotField: string): Promise<ParsedSubmission> {
  const type = c.req.header('content-type') ?? ''
  let raw: Record<string, unknown>
  if (isJsonContentType(type)) {
    let body: unknown
    try {
      body = await c.req.json()
    } catch {
      throw HttpErrors.invalidJson()
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw HttpErrors.validation({ _: 'Send the fields as a JSON object.' })
    }
    raw = body as Record<string, unknown>
  } else if (formTypes.test(type)) {
    try {
      raw = await c.req.parseBody({ all: true })
    } catch {
      // A multipart body without its boundary, or cut short: the client's fault, not a 500.
      throw ContactErrors.unreadableBody()
    }
  } else {
    throw ContactErrors.unsupportedBody()
  }

  const control: ControlFields = {}
  const fields: Fields = {}
  const bad: FieldErrors = {}
  const files: FieldErrors = {}
  for (const [name, value] of Object.entries(raw)) {
    const values = Array.isArray(value) ? value : [value]
    if (values.some((v) => typeof v === 'object' && v !== null && 'arrayBuffer' in v)) {
      files[name] = 'File uploads are not supported.'
      continue
    }
    if (!values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
      bad[name] = 'Must be text, or a list of texts.'
      continue
    }
    const texts = values.map((v) => normalizeText(String(v)))
    const first = texts[0] ?? ''
    if (name === honeypotField) control.honeypot = first
    else if (name === '_t') control.timeToken = first
    // `altcha` is what the ALTCHA widget posts by default; accept it so the widget works as is.
    else if (name === '_altcha' || name === 'altcha') control.altcha = first
    else if (name === '_next') control.next = first
    else if (name === 'cf-turnstile-response') control.turnstileToken = first
    else if (name.startsWith('_'))
      continue // reserved for future control fields
    else fields[normalizeText(name)] = Array.isArray(value) ? texts : first
  }
  if (Object.keys(files).length > 0) throw ContactErrors.fileUploadsNotSupported(files)
  return { fields, control, invalid: bad, viaScript: isJsonContentType(type) }
}

/**
 * Unicode NFC (so "é" typed two ways compares equal), CRLF to LF, and control characters
 * removed except tab and newline: they have no place in a message and can hide content.
 */
export function normalizeText(value: string): string {
  // NFC last: a control character between a letter and its combining accent blocks composition,
  // so composing before stripping it would leave "e" + U+0301 where "é" belongs.
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .normalize('NFC')
    .trim()
}

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/

export function isEmail(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value)
}

/**
 * `record[name]` only when `record` has it as its own key: a field named `toString` or
 * `constructor` must not find Object.prototype's function and pass for a configured field.
 */
function own<T>(record: Record<string, T>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined
}

/**
 * Applies the form's rules: field count, lengths, required and email fields, unknown fields on a
 * strict form. Every problem is reported at once.
 */
export function validateFields(fields: Fields, settings: FormSettings): FieldErrors {
  const names = Object.keys(fields)
  if (names.length > settings.maxFields) throw ContactErrors.tooManyFields(settings.maxFields)
  const errors: FieldErrors = {}
  for (const name of names) {
    const rule = own(settings.fields, name)
    if (name.length > 100) errors[name.slice(0, 100)] = 'Field names may be at most 100 characters.'
    else if (!rule && settings.strict) errors[name] = 'Unknown field.'
  }
  for (const [name, value] of Object.entries(fields)) {
    const max = own(settings.fields, name)?.maxLength ?? settings.maxFieldLength
    const values = Array.isArray(value) ? value : [value]
    if (values.some((v) => v.length > max)) errors[name] ??= `Must be at most ${max} characters.`
  }
  for (const [name, rule] of Object.entries(settings.fields)) {
    const value = own(fields, name)
    const first = (Array.isArray(value) ? value[0] : value) ?? ''
    if (rule.required && first === '') errors[name] ??= 'Required.'
    else if (rule.type === 'email' && first !== '' && !isEmail(first)) {
      errors[name] ??= 'Must be an email address.'
    }
  }
  return errors
}

/** The submitter's address: the first `email`-typed field, else a field named `email`. */
export function submitterEmail(fields: Fields, settings: FormSettings): string | undefined {
  const typed = Object.entries(settings.fields).find(([, rule]) => rule.type === 'email')?.[0]
  const name = typed ?? Object.keys(fields).find((n) => n.toLowerCase() === 'email')
  const value = name === undefined ? undefined : own(fields, name)
  const first = Array.isArray(value) ? value[0] : value
  return first && isEmail(first) ? first.toLowerCase() : undefined
}

import { z } from 'zod'

// Every URL an owner or member stores ends up as a link someone clicks (an emailed reset link, a
// mention in a post), a redirect, an image other members' browsers fetch, or a request this
// server makes. So each is an absolute `https:` or `http:` URL, written plainly: no `javascript:`
// or `data:`, nothing relative or protocol-relative (`//evil.example`) that would resolve against
// whatever page or mail client shows it, no `user:pass@` (a link to
// `https://bank.example@evil.example` reads as the bank's), and nothing that parsers read
// differently (spaces, control characters, backslashes). The checks never throw, whatever the input.

export type WebUrlOptions = {
  /** Only `https:`: for images shown on https pages, where `http:` is mixed content. */
  httpsOnly?: boolean
  /** Only a public domain name: no IP literal, `localhost` or `.local` name (see below). */
  publicHostName?: boolean
}

const MAX_URL_LENGTH = 2048
const UNCLEAR = /[\s\p{Cc}\p{Cf}\\]/u

function schemeMessage(options: WebUrlOptions) {
  return options.httpsOnly
    ? 'Must be an https:// URL.'
    : 'Must be an absolute URL starting with https:// or http://.'
}

/**
 * A name that points somewhere public. IP literals and local names would point each viewer's
 * browser at their own machine or network (their router's admin page, a local service).
 */
function isPublicHostName(host: string) {
  if (host.startsWith('[')) return false // IPv6 literal
  if (/^[\d.]+$/.test(host)) return false // IPv4 literal (URL() rewrites hex and octal forms)
  if (!host.includes('.')) return false // `localhost`, intranet single-label names
  return !/\.(localhost|local|internal|home\.arpa)\.?$/i.test(host)
}

function tryParseUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}

/** What is wrong with `text` as a stored web URL, as a message for the field, or `null`. */
export function webUrlProblem(text: string, options: WebUrlOptions = {}): string | null {
  const scheme = options.httpsOnly ? /^https:\/\//i : /^https?:\/\//i
  if (!scheme.test(text)) return schemeMessage(options)
  if (UNCLEAR.test(text)) return 'Must not contain spaces, control characters or backslashes.'
  const url = tryParseUrl(text)
  if (!url || url.hostname === '') return schemeMessage(options)
  if (url.username !== '' || url.password !== '') return 'Must not contain a user name or password.'
  if (options.publicHostName && !isPublicHostName(url.hostname)) {
    return 'Must be on a public domain name.'
  }
  return null
}

/**
 * A stored web URL: trimmed, at most 2048 characters, absolute `https:` or `http:` (see above).
 *
 * @example z.strictObject({ redirectUrl: webUrlSchema().optional() })
 */
export function webUrlSchema(options: WebUrlOptions = {}) {
  return z
    .string()
    .trim()
    .max(MAX_URL_LENGTH, `At most ${MAX_URL_LENGTH} characters.`)
    .superRefine((text, ctx) => {
      const problem = webUrlProblem(text, options)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
}

/**
 * The URL a template makes once its placeholders are filled in (each value URL-encoded, so a
 * value can never change the scheme or host), or `null` when the result is not a web URL.
 */
export function fillUrlTemplate(template: string, values: Record<string, string>): string | null {
  const url = fillPlaceholders(template, values)
  return webUrlProblem(url) === null ? url : null
}

/** `template` with each placeholder replaced by its value, URL-encoded. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  let url = template
  for (const [placeholder, value] of Object.entries(values)) {
    url = url.replaceAll(placeholder, encodeURIComponent(value))
  }
  return url
}

/**
 * A URL template such as `https://example.com/account?action={action}&token={token}`. Each of
 * `samples`' placeholders must appear, and the template is judged as the URL it makes with those
 * sample values filled in, so placeholders may sit anywhere a value could.
 *
 * @example webUrlTemplateSchema({ '{post}': 'pst_abcdefghijklmnopqrstuvwx' })
 */
export function webUrlTemplateSchema(samples: Record<string, string>) {
  const placeholders = Object.keys(samples)
  const missing = `Must contain ${placeholders.join(' and ')}.`
  return z
    .string()
    .trim()
    .max(MAX_URL_LENGTH, `At most ${MAX_URL_LENGTH} characters.`)
    .superRefine((template, ctx) => {
      const problem = webUrlProblem(fillPlaceholders(template, samples))
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
      else if (!placeholders.every((p) => template.includes(p))) {
        ctx.addIssue({ code: 'custom', message: missing })
      }
    })
}

import { z } from 'zod'

/**
 * An origin as browsers send it: `https://example.com` or `http://localhost:5173`. Accepts a URL
 * with a trailing slash and normalises case and default ports, because that is what people paste.
 */
export const originSchema = z.string().transform((input, ctx) => {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    ctx.addIssue({ code: 'custom', message: 'Must be an origin such as https://example.com.' })
    return z.NEVER
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
  if (!['http:', 'https:'].includes(url.protocol) || !bare) {
    ctx.addIssue({
      code: 'custom',
      message: 'Must be an http(s) origin with no path, such as https://example.com.',
    })
    return z.NEVER
  }
  return url.origin
})

// Names and labels are shown on one line (CLI, dashboards), and libSQL reads text back only up
// to its first NUL, so control characters are refused rather than stored and silently cut short.
const noControlCharacters = /^\P{Cc}*$/u
const controlMessage = 'Must not contain control characters.'

export const siteNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(noControlCharacters, controlMessage)
export const keyLabelSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(noControlCharacters, controlMessage)

export const createSiteSchema = z.strictObject({
  name: siteNameSchema,
  origins: z.array(originSchema).max(50).default([]),
})

export const updateSiteSchema = z.strictObject({ name: siteNameSchema })
export const addOriginSchema = z.strictObject({ origin: originSchema })
export const createKeySchema = z.strictObject({ label: keyLabelSchema.default('API key') })

// What the site routes answer with, as the OpenAPI document describes them: strict, so a field
// a route starts sending without documenting it fails the contract test instead of going unseen.

const timestampAnswer = z.number().int().describe('Milliseconds since the Unix epoch.')
const siteIdAnswer = z.string().describe('The site’s id.')
const keyHintAnswer = z
  .string()
  .describe('How the key begins (`sk_<id>_…`): enough to recognise it, never the secret.')

/** `GET /v1/site`: what a page may know about its site. */
export const publicSiteAnswer = z.strictObject({ id: siteIdAnswer, name: z.string() })

/** A secret key as the owner sees it listed: never its secret. */
export const listedSecretKeyAnswer = z.strictObject({
  id: z.string(),
  label: z.string(),
  hint: keyHintAnswer,
  createdAt: timestampAnswer,
  lastUsedAt: timestampAnswer.nullable(),
})

/** `GET /v1/admin/site`: the site, its allowed origins and its active secret keys. */
export const ownerSiteAnswer = z.strictObject({
  id: siteIdAnswer,
  name: z.string(),
  publishableKey: z.string().describe('`pk_…`: public, for the site’s pages.'),
  createdAt: timestampAnswer,
  origins: z.array(z.string()).describe('The origins the publishable key works from.'),
  secretKeys: z.array(listedSecretKeyAnswer),
})

/** `POST /v1/admin/origins`: the origin as stored, normalised. */
export const originAnswer = z.strictObject({
  origin: z
    .string()
    .describe('Normalised: `HTTPS://Example.com/` is stored as `https://example.com`.'),
})

/** `POST /v1/admin/keys`: the new secret key, whole, this once. */
export const createdSecretKeyAnswer = z.strictObject({
  id: z.string(),
  label: z.string(),
  key: z
    .string()
    .describe(
      'The secret key (`sk_<id>_<secret>`), shown only in this answer: only its hash is kept.',
    ),
  hint: keyHintAnswer,
  createdAt: timestampAnswer,
})

/** `POST /v1/admin/publishable-key/rotate`: the new key; the old one stopped working. */
export const publishableKeyAnswer = z.strictObject({ publishableKey: z.string() })

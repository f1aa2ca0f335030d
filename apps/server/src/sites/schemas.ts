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

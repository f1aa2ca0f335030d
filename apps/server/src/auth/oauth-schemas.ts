import { z } from 'zod'
import { providerKinds } from './oauth-presets.ts'
import { browserKeySchema } from './schemas.ts'

/** A provider's id: in URLs and the SDK (`github`, `corp-sso`). */
export const providerIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, '1–40 lower-case letters, digits or hyphens.')

export const oauthStartSchema = z.strictObject({
  returnTo: z
    .string()
    .min(1)
    .max(2000)
    .describe('The page to come back to: on one of the site’s origins.'),
  browserKey: browserKeySchema.describe(
    'A random value this browser made and keeps (the SDK does it) for the sign-in: the result is redeemed only with it.',
  ),
  purpose: z
    .enum(['sign_in', 'link'])
    .default('sign_in')
    .describe('`link`: add the provider to the signed-in member’s account (needs a session).'),
})

export const oauthStartAnswer = z.strictObject({
  url: z.string().describe('The provider’s sign-in page: send the browser there.'),
})

export const oauthCompleteSchema = z.strictObject({
  grant: z
    .string()
    .min(1)
    .max(200)
    .describe('The `porchlight_oauth` value the callback put in the page’s URL fragment.'),
  // Any string: a missing or wrong key is another browser, and answers as one.
  browserKey: z.string().max(200).describe('The `browserKey` the start was sent with.'),
  transport: z
    .enum(['bearer', 'cookie'])
    .default('bearer')
    .describe('`bearer`: the token in the answer; `cookie`: an HttpOnly session cookie.'),
})

export const oauthLinkedAnswer = z.strictObject({
  status: z.literal('linked'),
  provider: z.string(),
})

export const identitySchema = z.strictObject({
  provider: z.string(),
  providerName: z.string().nullable().describe('`null` once the owner removed the provider.'),
  kind: z.enum(providerKinds).nullable(),
  email: z.string().nullable().describe('The address the provider gave when linked.'),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
})

export const identitiesAnswer = z.strictObject({ identities: z.array(identitySchema) })

/** The callback's parameters, as the provider sends them (read by hand, never refused). */
export const callbackParameters = [
  { in: 'query', name: 'state', description: 'The flow, as sent to the provider.' },
  { in: 'query', name: 'code', description: 'The authorization code.' },
  { in: 'query', name: 'error', description: 'The provider’s refusal, e.g. `access_denied`.' },
] as const

export const callbackFormSchema = z.object({
  state: z.string().optional(),
  code: z.string().optional(),
  error: z.string().optional(),
  user: z.string().optional().describe('Apple: the member’s name, on a first sign-in.'),
})

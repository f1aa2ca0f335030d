import { z } from 'zod'
import { providerKinds } from './oauth-presets.ts'
import { providerIdSchema } from './oauth-schemas.ts'

/**
 * An owner's provider as sent: the client secret and Apple's private key are write-only (left
 * out, they keep their stored value; never answered).
 */
export const providerPutSchema = z.strictObject({
  kind: z.enum(providerKinds),
  displayName: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .describe('The button says "Continue with <displayName>"; default: the preset’s name.'),
  clientId: z.string().trim().min(1).max(500),
  clientSecret: z
    .string()
    .max(2000)
    .optional()
    .describe('Write-only. Left out: the stored one stays.'),
  issuer: z
    .string()
    .trim()
    .max(500)
    .nullable()
    .optional()
    .describe('`oidc`: the issuer URL (https); `microsoft`: the tenant (default `common`).'),
  options: z
    .strictObject({
      teamId: z.string().trim().min(1).max(50),
      keyId: z.string().trim().min(1).max(50),
      privateKey: z.string().max(5000).optional().describe('Write-only: the `.p8` key, PEM.'),
    })
    .optional()
    .describe('`apple` only: the team, the key id, and the key that signs the client secret.'),
  enabled: z.boolean().default(true),
})

export const providerView = z.strictObject({
  id: providerIdSchema,
  kind: z.enum(providerKinds),
  displayName: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean().describe('Whether a client secret is stored (it is never shown).'),
  issuer: z.string().nullable(),
  options: z.strictObject({
    teamId: z.string().optional(),
    keyId: z.string().optional(),
    privateKeySet: z.boolean(),
  }),
  enabled: z.boolean(),
  callbackUrl: z.string().describe('Register this as the redirect URI at the provider.'),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})

export const providersAnswer = z.strictObject({
  providers: z.array(providerView),
  callbackUrl: z.string().describe('The one redirect URI to register at every provider.'),
})

import type { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { HttpErrors } from '../http/errors.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { providerPutSchema, providerView } from './oauth-admin-schemas.ts'
import { issuerProblem } from './oauth-discovery.ts'
import type { SignInProvider } from './oauth-exchange.ts'
import { defaultMicrosoftTenant, presetFacts } from './oauth-presets.ts'
import { providerOf, saveProvider } from './oauth-provider-store.ts'

// The owner setting up "Sign in with …": each kind's fields checked, secrets kept write-only.

export type ProviderView = z.infer<typeof providerView>

export function viewOfProvider(row: SignInProvider, callbackUrl: string): ProviderView {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    clientId: row.clientId,
    clientSecretSet: row.clientSecret !== '',
    issuer: row.issuer,
    options: {
      ...(row.options.teamId !== undefined && { teamId: row.options.teamId }),
      ...(row.options.keyId !== undefined && { keyId: row.options.keyId }),
      privateKeySet: Boolean(row.options.privateKey),
    },
    enabled: row.enabled,
    callbackUrl,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

/** A Microsoft tenant: `common`, `organizations`, `consumers`, a tenant id or a domain. */
const tenantPattern = /^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$/

/**
 * Creates or replaces the provider `id`. A secret or key left out keeps the stored one; each
 * kind must end up with what it needs to sign anyone in, or it is 422 naming the fields.
 */
export async function putProvider(
  deps: { db: Database; clock: Clock; production: boolean },
  scope: SiteScope,
  id: string,
  input: z.output<typeof providerPutSchema>,
): Promise<{ row: SignInProvider; created: boolean }> {
  const existing = await providerOf(deps.db, scope, id)
  const kept = existing?.kind === input.kind ? existing : null
  const clientSecret = input.clientSecret ?? kept?.clientSecret ?? ''
  const privateKey = input.options?.privateKey ?? kept?.options.privateKey ?? ''
  const fields: Record<string, string> = {}
  let issuer: string | null = null
  if (input.kind === 'oidc') {
    issuer = input.issuer ?? ''
    const problem = issuer === '' ? 'Required.' : issuerProblem(issuer, deps.production)
    if (problem) fields.issuer = problem
  } else if (input.kind === 'microsoft') {
    issuer = input.issuer || defaultMicrosoftTenant
    if (!tenantPattern.test(issuer))
      fields.issuer = 'A tenant: common, organizations, consumers, an id or a domain.'
  } else if (input.issuer) {
    fields.issuer = 'Only for oidc (the issuer URL) and microsoft (the tenant).'
  }
  if (input.kind === 'apple') {
    if (!input.options) fields.options = 'Required for apple: teamId, keyId and privateKey.'
    else if (!privateKey.includes('PRIVATE KEY'))
      fields['options.privateKey'] = 'Required: the .p8 key, PEM.'
  } else {
    if (input.options) fields.options = 'Only for apple.'
    // GitHub, Google and Microsoft issue confidential clients only; OpenID providers may not.
    if (clientSecret === '' && input.kind !== 'oidc') fields.clientSecret = 'Required.'
  }
  if (Object.keys(fields).length > 0) throw HttpErrors.validation(fields)
  const options: Record<string, string> =
    input.kind === 'apple' && input.options
      ? { teamId: input.options.teamId, keyId: input.options.keyId, privateKey }
      : {}
  const row = await saveProvider(
    deps.db,
    scope,
    id,
    {
      kind: input.kind,
      displayName: input.displayName ?? presetFacts[input.kind].defaultName,
      clientId: input.clientId,
      clientSecret: input.kind === 'apple' ? '' : clientSecret,
      issuer,
      options,
      enabled: input.enabled,
    },
    deps.clock.now(),
  )
  return { row, created: existing === null }
}

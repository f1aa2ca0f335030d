import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { signInProviders } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { SiteReadDeps } from '../sites/site-records.ts'
import type { SignInProvider } from './oauth-exchange.ts'
import type { ProviderKind } from './oauth-presets.ts'

// The providers an owner set up for a site (`sign_in_providers`).

export async function providersOf(db: Database, scope: SiteScope): Promise<SignInProvider[]> {
  return db
    .select()
    .from(signInProviders)
    .where(scope.where(signInProviders))
    .orderBy(asc(signInProviders.createdAt), asc(signInProviders.id))
}

export async function enabledProvidersOf(db: Database, scope: SiteScope) {
  return (await providersOf(db, scope)).filter((p) => p.enabled)
}

/** A provider as a sign-in form shows it: its button, nothing of its client or secrets. */
export type OfferedProvider = Readonly<{ id: string; name: string; kind: ProviderKind }>

/**
 * The enabled providers' buttons, read through the site cache: every page with a sign-in form
 * asks for them (`GET /v1/auth/methods`). They are written only through the owner API, which
 * forgets the site after every change (`forgetSiteAfterChanges`), so a change shows here at
 * once; one made through another process shows within `siteCacheLifetimeMs`, as for the rest
 * of the site.
 */
export async function offeredProvidersOf(
  deps: SiteReadDeps,
  scope: SiteScope,
): Promise<readonly OfferedProvider[]> {
  const offered = await deps.siteCache.get(`providers:${scope.siteId}`, async () => {
    const rows = await enabledProvidersOf(deps.db, scope)
    // Frozen: one list is shared by every request that reads it until the site is forgotten.
    const value = Object.freeze(
      rows.map((p) => Object.freeze({ id: p.id, name: p.displayName, kind: p.kind })),
    )
    return { siteId: scope.siteId, value }
  })
  return offered ?? []
}

export async function providerOf(
  db: Database,
  scope: SiteScope,
  id: string,
): Promise<SignInProvider | null> {
  const [row] = await db
    .select()
    .from(signInProviders)
    .where(scope.where(signInProviders, eq(signInProviders.id, id)))
  return row ?? null
}

export async function enabledProviderOf(db: Database, scope: SiteScope, id: string) {
  const row = await providerOf(db, scope, id)
  return row?.enabled ? row : null
}

export type ProviderValues = Omit<SignInProvider, 'siteId' | 'id' | 'createdAt' | 'updatedAt'>

export async function saveProvider(
  db: Database,
  scope: SiteScope,
  id: string,
  values: ProviderValues,
  now: number,
): Promise<SignInProvider> {
  const [row] = await db
    .insert(signInProviders)
    .values({ ...values, siteId: scope.siteId, id, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [signInProviders.siteId, signInProviders.id],
      set: { ...values, updatedAt: now },
    })
    .returning()
  if (!row) throw new Error('saving a sign-in provider returned no row')
  return row
}

export async function deleteProvider(db: Database, scope: SiteScope, id: string) {
  const gone = await db
    .delete(signInProviders)
    .where(and(scope.where(signInProviders), eq(signInProviders.id, id)))
    .returning({ id: signInProviders.id })
  return gone.length > 0
}

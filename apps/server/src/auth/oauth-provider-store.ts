import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { signInProviders } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { SignInProvider } from './oauth-exchange.ts'

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

import { and, asc, count, eq, isNull, type SQL } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { secretKeys, siteOrigins, sites } from '../db/schema.ts'
import type { SiteScope } from './scope.ts'

// Finding a site by one of its keys is how a request gets its scope, so these two lookups are
// the only unscoped reads of site data.

export function siteByPublishableKey(db: Database, publishableKey: string) {
  return siteWhere(db, eq(sites.publishableKey, publishableKey))
}

/** A site by its id, as `siteByPublishableKey` finds it by key. */
export function siteById(db: Database, siteId: string) {
  return siteWhere(db, eq(sites.id, siteId))
}

/** The site and its allowed origins, with its stored settings as they are (unparsed). */
async function siteWhere(db: Database, condition: SQL) {
  const [found, origins] = await db.batch([
    db
      .select({
        id: sites.id,
        name: sites.name,
        signingSecret: sites.signingSecret,
        authSettings: sites.authSettings,
        forumSettings: sites.forumSettings,
      })
      .from(sites)
      .where(condition),
    db
      .select({ origin: siteOrigins.origin })
      .from(siteOrigins)
      .innerJoin(sites, eq(sites.id, siteOrigins.siteId))
      .where(condition),
  ])
  const site = found[0]
  return site ? { ...site, origins: origins.map((o) => o.origin) } : null
}

export async function activeSecretKey(db: Database, keyId: string) {
  const [row] = await db
    .select({
      siteId: secretKeys.siteId,
      secretHash: secretKeys.secretHash,
      lastUsedAt: secretKeys.lastUsedAt,
      siteName: sites.name,
      signingSecret: sites.signingSecret,
      authSettings: sites.authSettings,
      forumSettings: sites.forumSettings,
    })
    .from(secretKeys)
    .innerJoin(sites, eq(sites.id, secretKeys.siteId))
    .where(and(eq(secretKeys.id, keyId), isNull(secretKeys.revokedAt)))
  return row ?? null
}

/** Whether any site of this deployment allows `origin`; answers CORS preflights. */
export async function originKnown(db: Database, origin: string): Promise<boolean> {
  const rows = await db
    .select({ siteId: siteOrigins.siteId })
    .from(siteOrigins)
    .where(eq(siteOrigins.origin, origin))
    .limit(1)
  return rows.length > 0
}

/** Every site, for the operator's CLI: a deployment-wide view by design. */
export function allSites(db: Database) {
  return db
    .select({
      id: sites.id,
      name: sites.name,
      publishableKey: sites.publishableKey,
      createdAt: sites.createdAt,
    })
    .from(sites)
    .orderBy(asc(sites.createdAt))
}

export async function siteDetails(db: Database, scope: SiteScope) {
  const [site, origins, keys] = await db.batch([
    db.select().from(sites).where(eq(sites.id, scope.siteId)),
    db
      .select({ origin: siteOrigins.origin, createdAt: siteOrigins.createdAt })
      .from(siteOrigins)
      .where(scope.where(siteOrigins))
      .orderBy(asc(siteOrigins.createdAt), asc(siteOrigins.origin)),
    db
      .select({
        id: secretKeys.id,
        label: secretKeys.label,
        createdAt: secretKeys.createdAt,
        lastUsedAt: secretKeys.lastUsedAt,
      })
      .from(secretKeys)
      .where(scope.where(secretKeys, isNull(secretKeys.revokedAt)))
      .orderBy(asc(secretKeys.createdAt)),
  ])
  return site[0] ? { ...site[0], origins, secretKeys: keys } : null
}

export function touchSecretKey(db: Database, scope: SiteScope, keyId: string, now: number) {
  return db
    .update(secretKeys)
    .set({ lastUsedAt: now })
    .where(scope.where(secretKeys, eq(secretKeys.id, keyId)))
}

export async function activeKeyCount(db: Database, scope: SiteScope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(secretKeys)
    .where(scope.where(secretKeys, isNull(secretKeys.revokedAt)))
  return row?.n ?? 0
}

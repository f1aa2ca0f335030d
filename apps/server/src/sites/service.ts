import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { secretKeys, siteOrigins, sites } from '../db/schema.ts'
import { newId, randomToken } from '../ids.ts'
import { SiteErrors } from './errors.ts'
import { newPublishableKey, newSecretKey, secretKeyHint } from './keys.ts'
import type { SiteScope } from './scope.ts'

export type SitesDeps = { db: Database; clock: Clock }

/**
 * Creates a site with its publishable key, allowed origins and a first secret key, in one batch.
 * The secret key is in the result and nowhere else: show it once.
 */
export async function createSite(
  { db, clock }: SitesDeps,
  input: { name: string; origins: readonly string[] },
) {
  const id = newId('site')
  const now = clock.now()
  const publishableKey = newPublishableKey()
  const secret = newSecretKey()
  await db.batch([
    db.insert(sites).values({
      id,
      name: input.name,
      publishableKey,
      signingSecret: randomToken(32),
      createdAt: now,
    }),
    db.insert(secretKeys).values({
      id: secret.id,
      siteId: id,
      label: 'Default',
      secretHash: secret.secretHash,
      createdAt: now,
    }),
    ...[...new Set(input.origins)].map((origin) =>
      db.insert(siteOrigins).values({ siteId: id, origin, createdAt: now }),
    ),
  ])
  return {
    id,
    name: input.name,
    publishableKey,
    origins: [...new Set(input.origins)],
    secretKey: secret.key,
  }
}

export async function renameSite({ db }: SitesDeps, scope: SiteScope, name: string) {
  await db.update(sites).set({ name }).where(eq(sites.id, scope.siteId))
}

export async function addOrigin({ db, clock }: SitesDeps, scope: SiteScope, origin: string) {
  const inserted = await db
    .insert(siteOrigins)
    .values({ siteId: scope.siteId, origin, createdAt: clock.now() })
    .onConflictDoNothing()
    .returning({ origin: siteOrigins.origin })
  if (inserted.length === 0) throw SiteErrors.originExists()
}

export async function removeOrigin({ db }: SitesDeps, scope: SiteScope, origin: string) {
  const removed = await db
    .delete(siteOrigins)
    .where(scope.where(siteOrigins, eq(siteOrigins.origin, origin)))
    .returning({ origin: siteOrigins.origin })
  if (removed.length === 0) throw SiteErrors.originNotFound()
}

/** A new secret key beside the existing ones, so a rotation needs no downtime. */
export async function createSecretKey({ db, clock }: SitesDeps, scope: SiteScope, label: string) {
  const secret = newSecretKey()
  const createdAt = clock.now()
  await db.insert(secretKeys).values({
    id: secret.id,
    siteId: scope.siteId,
    label,
    secretHash: secret.secretHash,
    createdAt,
  })
  return { id: secret.id, label, key: secret.key, hint: secretKeyHint(secret.id), createdAt }
}

/**
 * Revokes a secret key, refusing to revoke the last active one: a site with no secret key could
 * only be recovered by an operator with database access. The check and the update are one
 * statement so two concurrent revocations cannot both pass it.
 */
export async function revokeSecretKey({ db, clock }: SitesDeps, scope: SiteScope, keyId: string) {
  const others = sql`(SELECT count(*) FROM ${secretKeys} WHERE ${secretKeys.siteId} = ${scope.siteId}
    AND ${secretKeys.revokedAt} IS NULL AND ${secretKeys.id} <> ${keyId})`
  const revoked = await db
    .update(secretKeys)
    .set({ revokedAt: clock.now() })
    .where(
      scope.where(
        secretKeys,
        eq(secretKeys.id, keyId),
        isNull(secretKeys.revokedAt),
        sql`${others} > 0`,
      ),
    )
    .returning({ id: secretKeys.id })
  if (revoked.length > 0) return
  const [exists] = await db
    .select({ id: secretKeys.id })
    .from(secretKeys)
    .where(scope.where(secretKeys, and(eq(secretKeys.id, keyId), isNull(secretKeys.revokedAt))))
  throw exists ? SiteErrors.lastSecretKey() : SiteErrors.keyNotFound()
}

/** Replaces the publishable key; pages embedding the old one stop working at once. */
export async function rotatePublishableKey({ db }: SitesDeps, scope: SiteScope) {
  const publishableKey = newPublishableKey()
  await db.update(sites).set({ publishableKey }).where(eq(sites.id, scope.siteId))
  return publishableKey
}

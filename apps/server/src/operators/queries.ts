import { and, asc, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { operatorSites, operators, sites } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { OperatorRole } from './roles.ts'

export type OperatorRow = typeof operators.$inferSelect

/** One address, one spelling: trimmed, Unicode NFC, lower-cased (as members' emails). */
export function normalizeOperatorEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase()
}

export async function operatorByEmail(db: Database, email: string) {
  const [row] = await db
    .select()
    .from(operators)
    .where(eq(operators.email, normalizeOperatorEmail(email)))
  return row ?? null
}

export async function operatorById(db: Database, id: string) {
  const [row] = await db.select().from(operators).where(eq(operators.id, id))
  return row ?? null
}

export function allOperators(db: Database) {
  return db.select().from(operators).orderBy(asc(operators.createdAt))
}

/** The sites an operator has a role on, by name. */
export function sitesOfOperator(db: Database, operatorId: string) {
  return db
    .select({ id: sites.id, name: sites.name, role: operatorSites.role })
    .from(operatorSites)
    .innerJoin(sites, eq(sites.id, operatorSites.siteId))
    .where(eq(operatorSites.operatorId, operatorId))
    .orderBy(asc(sites.name), asc(sites.id))
}

/** Whether the operator is an owner of at least one site. */
export async function ownsAnySite(db: Database, operatorId: string): Promise<boolean> {
  const [row] = await db
    .select({ siteId: operatorSites.siteId })
    .from(operatorSites)
    .where(and(eq(operatorSites.operatorId, operatorId), eq(operatorSites.role, 'owner')))
    .limit(1)
  return row !== undefined
}

/**
 * The site and the operator's role on it, in one read, or `null` when the operator has no role
 * there, including when no such site exists.
 */
export async function siteWithRole(db: Database, operatorId: string, siteId: string) {
  const [row] = await db
    .select({
      role: operatorSites.role,
      id: sites.id,
      name: sites.name,
      signingSecret: sites.signingSecret,
      authSettings: sites.authSettings,
    })
    .from(operatorSites)
    .innerJoin(sites, eq(sites.id, operatorSites.siteId))
    .where(and(eq(operatorSites.operatorId, operatorId), eq(operatorSites.siteId, siteId)))
  return row ?? null
}

/** Gives an operator a role on a site, or changes the one they have. */
export function grantRole(
  db: Database,
  scope: SiteScope,
  operatorId: string,
  role: OperatorRole,
  now: number,
) {
  return db
    .insert(operatorSites)
    .values({ operatorId, siteId: scope.siteId, role, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [operatorSites.operatorId, operatorSites.siteId],
      set: { role, updatedAt: now },
    })
}

/** The site's operators with their roles, owners first. */
export function operatorsOfSite(db: Database, scope: SiteScope) {
  return db
    .select({
      id: operators.id,
      email: operators.email,
      name: operators.name,
      role: operatorSites.role,
      totpEnabledAt: operators.totpEnabledAt,
      lastSignInAt: operators.lastSignInAt,
      addedAt: operatorSites.createdAt,
    })
    .from(operatorSites)
    .innerJoin(operators, eq(operators.id, operatorSites.operatorId))
    .where(scope.where(operatorSites))
    .orderBy(
      sql`CASE ${operatorSites.role} WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 WHEN 'moderator' THEN 2 ELSE 3 END`,
      asc(operators.email),
    )
}

/** One operator of the site, or `null` when they have no role on it. */
export async function operatorOfSite(db: Database, scope: SiteScope, operatorId: string) {
  const all = await db
    .select({
      id: operators.id,
      email: operators.email,
      name: operators.name,
      role: operatorSites.role,
      totpEnabledAt: operators.totpEnabledAt,
      lastSignInAt: operators.lastSignInAt,
      addedAt: operatorSites.createdAt,
    })
    .from(operatorSites)
    .innerJoin(operators, eq(operators.id, operatorSites.operatorId))
    .where(scope.where(operatorSites, eq(operatorSites.operatorId, operatorId)))
  return all[0] ?? null
}

/**
 * The condition that keeps a site's last owner: true unless the row is an owner and no other
 * owner of the site remains. Part of the same statement as the change, so two owners demoting
 * each other at once cannot both pass it.
 */
export function anotherOwnerRemains(scope: SiteScope, operatorId: string) {
  return sql`(${operatorSites.role} <> 'owner' OR (SELECT count(*) FROM ${operatorSites} AS others
    WHERE others.site_id = ${scope.siteId} AND others.role = 'owner'
    AND others.operator_id <> ${operatorId}) > 0)`
}

/** Changes an operator's role; `false` when it would leave the site without an owner. */
export async function changeRole(
  db: Database,
  scope: SiteScope,
  operatorId: string,
  role: OperatorRole,
  now: number,
): Promise<boolean> {
  const changed = await db
    .update(operatorSites)
    .set({ role, updatedAt: now })
    .where(
      scope.where(
        operatorSites,
        eq(operatorSites.operatorId, operatorId),
        role === 'owner' ? undefined : anotherOwnerRemains(scope, operatorId),
      ),
    )
    .returning({ operatorId: operatorSites.operatorId })
  return changed.length > 0
}

/** Takes an operator off the site; `false` when they are its last owner. */
export async function removeFromSite(
  db: Database,
  scope: SiteScope,
  operatorId: string,
): Promise<boolean> {
  const removed = await db
    .delete(operatorSites)
    .where(
      scope.where(
        operatorSites,
        eq(operatorSites.operatorId, operatorId),
        anotherOwnerRemains(scope, operatorId),
      ),
    )
    .returning({ operatorId: operatorSites.operatorId })
  return removed.length > 0
}

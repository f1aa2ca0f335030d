import { and, eq, notExists, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { isUniqueViolation } from '../auth/account-queries.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { categories, threads } from '../db/schema.ts'
import { newId } from '../ids.ts'
import type { SiteScope } from '../sites/scope.ts'
import { ForumErrors } from './errors.ts'
import { logStatement, logStatementIf, type ModerationActor } from './moderation-log.ts'
import type { categoryPatchSchema } from './moderation-schemas.ts'
import { type CategoryRow, categoryBySlug } from './queries.ts'
import type { categorySchema } from './schemas.ts'

// Categories are managed by admins (a session) and by the site owner (a secret key, so a fresh
// site can be set up before it has any admin). Both call these functions; who may is decided
// by the router in front. Every change is logged. Order is `position`, then name.

export type CategoryDeps = { db: Database; clock: Clock }
export type CategoryInput = z.infer<typeof categorySchema>
export type CategoryPatch = z.infer<typeof categoryPatchSchema>

export function categoryView({ siteId: _, ...category }: CategoryRow) {
  return category
}

async function existingCategory(db: Database, scope: SiteScope, slug: string) {
  const found = await categoryBySlug(db, scope, slug)
  if (!found) throw ForumErrors.categoryNotFound()
  return found
}

export async function createCategory(
  { db, clock }: CategoryDeps,
  scope: SiteScope,
  by: ModerationActor,
  input: CategoryInput,
) {
  const now = clock.now()
  const row: CategoryRow = {
    id: newId('cat'),
    siteId: scope.siteId,
    ...input,
    createdAt: now,
    updatedAt: now,
  }
  try {
    await db.batch([
      db.insert(categories).values(row),
      logStatement(db, scope, {
        actor: by,
        action: 'category.create',
        targetType: 'category',
        targetId: row.id,
        details: { slug: row.slug, name: row.name },
        now,
      }),
    ])
  } catch (error) {
    if (isUniqueViolation(error)) throw ForumErrors.categoryExists()
    throw error
  }
  return categoryView(row)
}

/** Changes any of the fields, the slug included (409 CATEGORY_EXISTS if taken). */
export async function updateCategory(
  { db, clock }: CategoryDeps,
  scope: SiteScope,
  by: ModerationActor,
  slug: string,
  patch: CategoryPatch,
) {
  const found = await existingCategory(db, scope, slug)
  const changes = Object.fromEntries(
    Object.entries(patch).filter(
      ([key, value]) => value !== undefined && found[key as keyof CategoryRow] !== value,
    ),
  ) as CategoryPatch
  if (Object.keys(changes).length === 0) return categoryView(found)
  const now = clock.now()
  try {
    await db.batch([
      db
        .update(categories)
        .set({ ...changes, updatedAt: now })
        .where(scope.where(categories, eq(categories.id, found.id))),
      logStatement(db, scope, {
        actor: by,
        action: 'category.update',
        targetType: 'category',
        targetId: found.id,
        details: {
          slug: found.slug,
          changes,
          previous: Object.fromEntries(
            Object.keys(changes).map((key) => [key, found[key as keyof CategoryRow]]),
          ),
        },
        now,
      }),
    ])
  } catch (error) {
    if (isUniqueViolation(error)) throw ForumErrors.categoryExists()
    throw error
  }
  return categoryView({ ...found, ...changes, updatedAt: now })
}

/**
 * Deletes an empty category; 409 CATEGORY_NOT_EMPTY while it has threads (move or delete them
 * first: deleting a category must never take discussions with it). The emptiness test is part
 * of the delete itself, so a thread started meanwhile stops it.
 */
export async function deleteCategory(
  { db, clock }: CategoryDeps,
  scope: SiteScope,
  by: ModerationActor,
  slug: string,
) {
  const found = await existingCategory(db, scope, slug)
  const empty = notExists(
    db
      .select({ one: sql`1` })
      .from(threads)
      .where(scope.where(threads, eq(threads.categoryId, found.id))),
  )
  const now = clock.now()
  const [, deleted] = await db.batch([
    logStatementIf(
      db,
      scope,
      {
        actor: by,
        action: 'category.delete',
        targetType: 'category',
        targetId: found.id,
        details: { slug: found.slug, name: found.name },
        now,
      },
      empty,
    ),
    db
      .delete(categories)
      .where(and(scope.where(categories, eq(categories.id, found.id)), empty))
      .returning({ id: categories.id }),
  ])
  if (deleted.length === 0) {
    throw (await categoryBySlug(db, scope, slug))
      ? ForumErrors.categoryNotEmpty()
      : ForumErrors.categoryNotFound()
  }
}

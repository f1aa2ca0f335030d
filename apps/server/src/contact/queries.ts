import { and, asc, desc, eq, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { containsText } from '../db/portable-sql.ts'
import { forms, submissions } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import { readStoredSettings } from '../sites/stored-settings.ts'
import { type FormSettings, formSettingsSchema } from './schemas.ts'

export type Form = {
  id: string
  name: string
  enabled: boolean
  settings: FormSettings
  webhookSecret: string
  createdAt: number
  updatedAt: number
}

export type SubmissionStatus = (typeof submissions.status.enumValues)[number]

/**
 * Stored settings are parsed on the way out, so rows written by older versions gain new defaults;
 * a value today's rules refuse reads as its default instead of failing every request for the form.
 */
function toForm(row: typeof forms.$inferSelect): Form {
  const { siteId: _, settings, ...rest } = row
  return { ...rest, settings: readStoredSettings(formSettingsSchema, settings) }
}

export async function formById(db: Database, scope: SiteScope, id: string): Promise<Form | null> {
  const [row] = await db
    .select()
    .from(forms)
    .where(scope.where(forms, eq(forms.id, id)))
  return row ? toForm(row) : null
}

export async function formsOfSite(db: Database, scope: SiteScope): Promise<Form[]> {
  const rows = await db.select().from(forms).where(scope.where(forms)).orderBy(asc(forms.createdAt))
  return rows.map(toForm)
}

export type SubmissionFilter = {
  form?: string
  status?: SubmissionStatus
  q?: string
  before?: { createdAt: number; id: string }
}

function filterConditions(scope: SiteScope, filter: SubmissionFilter): SQL {
  const { before, q } = filter
  return scope.where(
    submissions,
    filter.form ? eq(submissions.formId, filter.form) : undefined,
    filter.status ? eq(submissions.status, filter.status) : undefined,
    q
      ? or(
          // The values as typed, not the JSON text: that would also match field names, and miss
          // whatever JSON escapes (a quote, a backslash, a line break).
          sql`EXISTS (SELECT 1 FROM json_tree(${submissions.data}) AS v
                WHERE v.type = 'text' AND ${containsText(sql`v.value`, q)})`,
          containsText(submissions.email, q),
        )
      : undefined,
    before
      ? or(
          lt(submissions.createdAt, before.createdAt),
          and(eq(submissions.createdAt, before.createdAt), lt(submissions.id, before.id)),
        )
      : undefined,
  )
}

/** Newest first, keyset-paginated on (created_at, id): stable while new submissions arrive. */
export function submissionsPage(
  db: Database,
  scope: SiteScope,
  filter: SubmissionFilter,
  limit: number,
) {
  return db
    .select()
    .from(submissions)
    .where(filterConditions(scope, filter))
    .orderBy(desc(submissions.createdAt), desc(submissions.id))
    .limit(limit)
}

export async function submissionById(db: Database, scope: SiteScope, id: string) {
  const [row] = await db
    .select()
    .from(submissions)
    .where(scope.where(submissions, eq(submissions.id, id)))
  return row ?? null
}

/** Every field name used by the matching submissions, for the CSV header. */
export async function fieldNamesOf(db: Database, scope: SiteScope, filter: SubmissionFilter) {
  const rows = await db.all<{ key: string }>(
    sql`SELECT DISTINCT j.key AS key FROM ${submissions}, json_each(${submissions.data}) AS j
        WHERE ${filterConditions(scope, filter)} ORDER BY j.key`,
  )
  return rows.map((r) => r.key)
}

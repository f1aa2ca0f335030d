import { and, asc, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { forms, submissions } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { SiteReadDeps } from '../sites/site-records.ts'
import { readStoredSettings } from '../sites/stored-settings.ts'
import type { SpamReason } from '../spam/assess.ts'
import { type FormSettings, formSettingsSchema } from './schemas.ts'
import { submissionSearch } from './submission-search.ts'

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

/**
 * A form as a submission or challenge reads it: through the site cache, so a busy form costs one
 * read per cache lifetime. Changes through the owner API apply here at once (they forget the
 * site); a form changed elsewhere is seen within the lifetime. For reading before a change, use
 * `formById`, which always reads the database.
 */
export function formForRequest(
  deps: SiteReadDeps,
  scope: SiteScope,
  id: string,
): Promise<Form | null> {
  return deps.siteCache.get(`form:${scope.siteId}:${id}`, async () => {
    const form = await formById(deps.db, scope, id)
    return form && { siteId: scope.siteId, value: form }
  })
}

export async function formsOfSite(db: Database, scope: SiteScope): Promise<Form[]> {
  const rows = await db.select().from(forms).where(scope.where(forms)).orderBy(asc(forms.createdAt))
  return rows.map(toForm)
}

export type SubmissionFilter = {
  form?: string | undefined
  status?: SubmissionStatus | undefined
  /** Only submissions the spam filter marked for this reason. */
  spamReason?: SpamReason | undefined
  /** Arrived at or after this time (epoch ms). */
  from?: number | undefined
  /** Arrived before this time (epoch ms). */
  to?: number | undefined
  q?: string | undefined
  before?: { createdAt: number; id: string } | undefined
}

function filterConditions(scope: SiteScope, filter: SubmissionFilter): SQL {
  const { before, q } = filter
  return scope.where(
    submissions,
    filter.form ? eq(submissions.formId, filter.form) : undefined,
    filter.status ? eq(submissions.status, filter.status) : undefined,
    filter.spamReason
      ? sql`EXISTS (SELECT 1 FROM json_each(${submissions.spamReasons}) AS r
          WHERE r.value = ${filter.spamReason})`
      : undefined,
    filter.from !== undefined ? gte(submissions.createdAt, filter.from) : undefined,
    filter.to !== undefined ? lt(submissions.createdAt, filter.to) : undefined,
    q ? submissionSearch(q) : undefined,
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

import { readAuthSettings } from '../auth/settings.ts'
import { formSettingsSchema } from '../contact/schemas.ts'
import type { SqlClient, SqlRow } from '../db/client.ts'
import { submissions } from '../db/schema.ts'
import type { Sweep } from './sweep.ts'

const dayMs = 86_400_000
// Lists of sites or forms travel as one JSON parameter (D1 takes at most 100 bound parameters);
// these keep each such parameter to a few tens of kilobytes.
const sitesPerSweep = 1000
const formsPerSweep = 200

type Lifetimes = { inactivityDays: number; absoluteDays: number }

/**
 * Expired sessions, by each site's own session settings, read as the app reads them
 * (`readAuthSettings`): a session ends `sessionInactivityDays` after its last use or
 * `sessionAbsoluteDays` after it began, whichever comes first (auth/sessions.ts). Sites that share
 * settings, as most do, share a sweep.
 */
export async function sessionSweeps(client: SqlClient, now: number): Promise<Sweep[]> {
  const { rows } = await client.execute('SELECT id, auth_settings FROM sites ORDER BY id')
  const bySettings = new Map<string, Lifetimes>()
  const groups = new Map<string, Lifetimes & { siteIds: string[] }>()
  for (const row of rows) {
    const stored = String(row.auth_settings ?? '{}')
    let lifetimes = bySettings.get(stored)
    if (!lifetimes) {
      const settings = readAuthSettings(parseJson(stored))
      lifetimes = {
        inactivityDays: settings.sessionInactivityDays,
        absoluteDays: settings.sessionAbsoluteDays,
      }
      bySettings.set(stored, lifetimes)
    }
    const key = `${lifetimes.inactivityDays}:${lifetimes.absoluteDays}`
    const group = groups.get(key) ?? { ...lifetimes, siteIds: [] }
    group.siteIds.push(String(row.id))
    groups.set(key, group)
  }
  const sweeps: Sweep[] = []
  const inSites = 'site_id IN (SELECT value FROM json_each(?))'
  for (const { inactivityDays, absoluteDays, siteIds } of groups.values()) {
    for (const chunk of chunks(siteIds, sitesPerSweep)) {
      const sites = JSON.stringify(chunk)
      sweeps.push(
        {
          name: 'expired sessions',
          table: 'sessions',
          where: `${inSites} AND last_used_at <= ?`,
          args: [sites, now - inactivityDays * dayMs],
        },
        {
          name: 'expired sessions',
          table: 'sessions',
          where: `${inSites} AND created_at <= ?`,
          args: [sites, now - absoluteDays * dayMs],
        },
      )
    }
  }
  return sweeps
}

const retentionDaysSchema = formSettingsSchema.shape.retentionDays
const statuses = submissions.status.enumValues.map((s) => `'${s}'`).join(', ')

/**
 * Submissions older than their form's `retentionDays`, whatever their status, for the forms that
 * set one. Each form's rows are found through `submissions_site_form_status`: the CROSS JOIN
 * keeps the list of forms as the outer loop, and naming every status lets the index reach
 * `created_at`.
 */
export async function formRetentionSweeps(client: SqlClient, now: number): Promise<Sweep[]> {
  const { rows } = await client.execute(
    "SELECT site_id, id, settings FROM forms WHERE json_extract(settings, '$.retentionDays') IS NOT NULL ORDER BY site_id, id",
  )
  const forms = rows.flatMap((row: SqlRow) => {
    const days = retentionDaysSchema.safeParse(
      (parseJson(String(row.settings)) as { retentionDays?: unknown }).retentionDays,
    )
    return days.success && days.data
      ? [[String(row.site_id), String(row.id), now - days.data * dayMs]]
      : []
  })
  return chunks(forms, formsPerSweep).map((chunk) => ({
    name: "submissions past their form's retention",
    table: 'submissions',
    from: 'json_each(?) AS f CROSS JOIN submissions AS s',
    rowid: 's.rowid',
    where: `s.site_id = json_extract(f.value, '$[0]') AND s.form_id = json_extract(f.value, '$[1]') AND s.status IN (${statuses}) AND s.created_at < json_extract(f.value, '$[2]')`,
    args: [JSON.stringify(chunk)],
  }))
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** Stored settings are JSON text; anything unreadable counts as no settings (the defaults). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return {}
  }
}

import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { flags, members, posts, submissions } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'

export const dayMs = 86_400_000

/**
 * One count of the overview: a series, and a day's index. Spam is counted by its list of
 * reasons as stored (`["honeypot"]`): there are few such lists, and reading them whole costs
 * nothing, where splitting each submission's list in SQL costs a parse per row.
 */
export type DayCount = {
  series: 'submissions' | 'spam' | 'signups' | 'posts' | 'flags'
  /** For `spam`: the reasons, as the JSON list stored. */
  reasons: string
  day: number
  n: number
}

/**
 * Every count of the overview, by series and day (0: the first), in one statement: one round
 * trip to Turso or D1 whatever the range. Each part is a range of an index that starts with the
 * site and the creation time (submissions_site_created; submissions_site_spam, which holds
 * spam alone; members_site_created, posts_site_created; flags_queue with each status), so a site's rows outside the range, and
 * other sites' rows, are never read.
 */
export function countsByDay(
  db: Database,
  scope: SiteScope,
  range: { from: number; to: number },
): Promise<DayCount[]> {
  return db.all<DayCount>(countsByDaySql(scope, range))
}

/** The statement of `countsByDay`, for its query plan to be checked. */
export function countsByDaySql(scope: SiteScope, range: { from: number; to: number }): SQL {
  const site = scope.siteId
  const { from, to } = range
  // Cast: a driver may bind a JavaScript number as a real, and the day must be a whole one.
  const day = (column: unknown) => sql`CAST((${column} - ${from}) / ${dayMs} AS INTEGER)`
  return sql`
    SELECT 'submissions' AS series, '' AS reasons, ${day(submissions.createdAt)} AS day, count(*) AS n
      FROM ${submissions}
      WHERE ${submissions.siteId} = ${site} AND ${submissions.createdAt} >= ${from}
        AND ${submissions.createdAt} < ${to}
      GROUP BY day
    UNION ALL
    SELECT 'spam', ${submissions.spamReasons}, ${day(submissions.createdAt)} AS day, count(*)
      FROM ${submissions}
      WHERE ${submissions.siteId} = ${site} AND ${submissions.createdAt} >= ${from}
        AND ${submissions.createdAt} < ${to} AND ${submissions.spamReasons} <> '[]'
      GROUP BY day, ${submissions.spamReasons}
    UNION ALL
    SELECT 'signups', '', ${day(members.createdAt)} AS day, count(*)
      FROM ${members}
      WHERE ${members.siteId} = ${site} AND ${members.createdAt} >= ${from}
        AND ${members.createdAt} < ${to}
      GROUP BY day
    UNION ALL
    SELECT 'posts', '', ${day(posts.createdAt)} AS day, count(*)
      FROM ${posts}
      WHERE ${posts.siteId} = ${site} AND ${posts.createdAt} >= ${from}
        AND ${posts.createdAt} < ${to}
      GROUP BY day
    UNION ALL
    SELECT 'flags', '', ${day(flags.createdAt)} AS day, count(*)
      FROM ${flags}
      WHERE ${flags.siteId} = ${site} AND ${flags.status} IN ('open', 'dismissed', 'actioned')
        AND ${flags.createdAt} >= ${from} AND ${flags.createdAt} < ${to}
      GROUP BY day`
}

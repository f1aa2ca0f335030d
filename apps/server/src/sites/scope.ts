import { and, eq, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'

/**
 * The only way feature queries name a site. Queries take a `SiteScope` rather than a bare id and
 * build their `WHERE` through `scope.where(table, …)`, which always starts with
 * `table.site_id = <this site>`; forgetting the site becomes a type error instead of a data leak.
 */
export type SiteScope = {
  readonly siteId: string
  where(table: { siteId: SQLiteColumn }, ...conditions: (SQL | undefined)[]): SQL
}

export function siteScope(siteId: string): SiteScope {
  return {
    siteId,
    where: (table, ...conditions) => and(eq(table.siteId, siteId), ...conditions) as SQL,
  }
}

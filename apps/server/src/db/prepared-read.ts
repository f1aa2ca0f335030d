import type { Client, InArgs } from '@libsql/client'
import { and, eq, fillPlaceholders, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { SiteScope } from '../sites/scope.ts'
import type { Database } from './client.ts'
import { byPosition, positionalValues } from './result-set.ts'

// The reads every page view makes (a category's threads, a thread's posts) are built with
// drizzle's query builder once, not per request, and their rows read by position instead of
// through drizzle's generic row mapping. Measured on the bench's forum pages, building the query
// and mapping its rows were 40% of the server's busy time, more than SQLite's own work.

/** What each prepared read's site condition is bound to: always the caller's site. */
const site = sql.placeholder('siteId')

/**
 * `table.site_id = <the caller's site>` and `conditions`, for a prepared read: the site is a
 * placeholder that `preparedRead` binds from the `SiteScope` on every run, so a prepared read
 * cannot be run without a site, as `scope.where` cannot be built without one.
 */
export function ofSite(table: { siteId: SQLiteColumn }, ...conditions: (SQL | undefined)[]): SQL {
  return and(eq(table.siteId, site), ...conditions) as SQL
}

/** A row read by position: libSQL's rows and D1's raw rows alike. */
export type PositionalRow = { readonly [index: number]: unknown }

/** What drizzle's `.prepare()` gives back, as far as a prepared read uses it. */
type Prepared = {
  values(placeholders: Record<string, unknown>): Promise<unknown[]>
  getQuery(): { sql: string; params: unknown[] }
}

/** One prepared read bound to its database: the placeholders' values in, rows by position out. */
type Run = (placeholders: Record<string, unknown>) => Promise<PositionalRow[]>

/**
 * A site-scoped read prepared once per database by `build` (drizzle's `.prepare()` on a query
 * that uses `ofSite` and `sql.placeholder(name)` for each input), and run with `inputs` plus the
 * scope's site. The rows come back by position, in the order of the query's selection.
 *
 * @example const threadsOf = preparedRead((db) => db.select({ id: threads.id }).from(threads)
 *   .where(ofSite(threads)).prepare()); const rows = await threadsOf(db, scope, {})
 */
export function preparedRead<Inputs extends Record<string, unknown>>(
  build: (db: Database) => Prepared,
) {
  const prepared = new WeakMap<Database, Run>()
  return async (db: Database, scope: SiteScope, inputs: Inputs): Promise<PositionalRow[]> => {
    let run = prepared.get(db)
    if (!run) {
      run = runner(db, build(db))
      prepared.set(db, run)
    }
    return run({ ...inputs, siteId: scope.siteId })
  }
}

/**
 * How `query` runs on `db`. On a libSQL client (the Node file, an embedded replica, Turso) its
 * statement goes to the client as drizzle would send it, asking for the rows by position: the
 * Node connection then never shapes them into row objects. On D1, drizzle's own `values()`,
 * whose rows are arrays already.
 */
function runner(db: Database, query: Prepared): Run {
  const client = libsqlClientOf(db)
  if (!client) {
    return async (placeholders) =>
      ((await query.values(placeholders)) as PositionalRow[]).map(positionalValues)
  }
  const { sql, params } = query.getQuery()
  return async (placeholders) => {
    const args = fillPlaceholders(params, placeholders) as InArgs
    const { rows } = await client.execute(byPosition(sql, args))
    // Plain arrays from Porchlight's connection; a remote client's rows read by index as well.
    return (rows as unknown as PositionalRow[]).map(positionalValues)
  }
}

/** The libSQL client under `db`, or `undefined` on D1 (whose binding runs no `execute`). */
function libsqlClientOf(db: Database): Pick<Client, 'execute'> | undefined {
  const client = (db as { $client?: Partial<Client> }).$client
  return typeof client?.execute === 'function' && typeof client.batch === 'function'
    ? (client as Pick<Client, 'execute'>)
    : undefined
}

/** An SQLite boolean (`integer` in boolean mode) as drizzle reads it. */
export const asBoolean = (value: unknown) => Number(value) === 1

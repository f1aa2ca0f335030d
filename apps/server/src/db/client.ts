import type { D1Database } from '@cloudflare/workers-types'
import type { Client, InArgs, InStatement, TransactionMode } from '@libsql/client'
import { is } from 'drizzle-orm'
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch'
import { drizzle as drizzleD1 } from 'drizzle-orm/d1'
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import { SQLiteRaw } from 'drizzle-orm/sqlite-core/query-builders/raw'
import { schema } from './schema.ts'

/**
 * What one statement's run reports; libSQL says `rowsAffected`, D1 says `meta.changes`. Read it
 * with `changedRows`.
 */
export type RunResult = { rowsAffected: number } | { meta: { changes: number } }

/**
 * The drizzle database every query is written against: the same SQLite dialect over libSQL (a
 * local file, an embedded replica, Turso over HTTP) or Cloudflare D1.
 *
 * Atomic writes use `db.batch([...])`, never `db.transaction()`: a batch is one round trip to
 * Turso and to D1 (which has no interactive transactions at all) and holds no lock between
 * requests.
 */
export type Database = BaseSQLiteDatabase<'async', RunResult, typeof schema> & {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(
    batch: T,
  ): Promise<BatchResponse<T>>
}

/** Rows as plain objects by column name. */
export type SqlRow = Record<string, unknown>

/**
 * The raw SQL side of a database, for what runs beside the queries: migrations, the readiness
 * check, maintenance. libSQL's `Client` is one as it is; `d1SqlClient` makes D1 one.
 */
export interface SqlClient {
  execute(stmt: InStatement): Promise<{ rows: SqlRow[]; rowsAffected: number }>
  batch(
    stmts: InStatement[],
    mode?: TransactionMode,
  ): Promise<{ rows: SqlRow[]; rowsAffected: number }[]>
}

/**
 * Wraps a libSQL client (a local file on Node, HTTP to Turso on Workers) in drizzle.
 *
 * @example const db = createDatabase(createLocalClient({ path: 'data/porchlight.db' }))
 */
export function createDatabase(client: Client): Database {
  return drizzleLibsql(client, { schema })
}

/**
 * Wraps a D1 binding in drizzle's D1 driver.
 *
 * @example const db = createD1Database(env.DB)
 */
export function createD1Database(binding: D1Database): Database {
  const db = drizzleD1(binding, { schema }) as unknown as Database
  const batch = db.batch.bind(db)
  // drizzle-orm 0.45's D1 batch binds the parameters of a raw statement (`db.run(sql`…`)`)
  // through a prepared D1 statement that raw statements do not carry, and throws "Cannot read
  // properties of undefined (reading 'bind')"; starting a thread failed so on D1. Give each one
  // its statement before the batch runs.
  db.batch = ((queries: readonly unknown[]) => {
    for (const query of queries) {
      if (is(query, SQLiteRaw) && !('stmt' in query)) {
        Object.assign(query, { stmt: binding.prepare(query.getQuery().sql) })
      }
    }
    return batch(queries as Parameters<Database['batch']>[0])
  }) as unknown as Database['batch']
  return db
}

/**
 * A D1 binding as a `SqlClient`. D1's batch runs in one transaction, as a libSQL batch does; it
 * has no modes (every D1 batch may write).
 *
 * @example await migrate(d1SqlClient(env.DB))
 */
export function d1SqlClient(binding: D1Database): SqlClient {
  const prepare = (stmt: InStatement) => {
    const { sql, args } = typeof stmt === 'string' ? { sql: stmt, args: [] as InArgs } : stmt
    const values = Array.isArray(args) ? args : Object.values(args ?? {})
    const prepared = binding.prepare(sql)
    return values.length > 0 ? prepared.bind(...values) : prepared
  }
  const toResult = (result: { results?: unknown[]; meta?: { changes?: number } }) => ({
    rows: (result.results ?? []) as SqlRow[],
    rowsAffected: result.meta?.changes ?? 0,
  })
  return {
    async execute(stmt) {
      return toResult(await prepare(stmt).all())
    },
    async batch(stmts) {
      if (stmts.length === 0) return []
      return (await binding.batch(stmts.map(prepare))).map(toResult)
    },
  }
}

/** How many rows a write changed, whichever driver ran it. */
export function changedRows(result: RunResult): number {
  return 'rowsAffected' in result ? result.rowsAffected : result.meta.changes
}

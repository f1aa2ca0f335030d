import type { InValue } from '@libsql/client'
import type { SqlClient } from '../db/client.ts'

/**
 * One kind of row housekeeping removes, as a condition an index answers. Deleted a batch at a
 * time: `DELETE … WHERE rowid IN (SELECT rowid … LIMIT n)` is plain SQLite, so the same statement
 * runs on a libSQL file, Turso and D1 (whose SQLite is built without `DELETE … LIMIT`).
 */
export type Sweep = {
  /** What it removes, as logs name it: `spam submissions`. */
  name: string
  /** The table rows are deleted from. */
  table: string
  /**
   * The rows to delete, selected by `SELECT <rowid> FROM <from> WHERE <where>`; `?` placeholders
   * take `args`. Written by this module, never from input: only `args` carry values.
   */
  where: string
  args: InValue[]
  /** A join to select from (default: `table`), with `rowid` naming the table's rowid in it. */
  from?: string
  rowid?: string
}

/**
 * Deletes up to `limit` rows of `sweep` in one statement (one short write transaction); resolves
 * to how many went. Fewer than `limit` means the sweep is done for now.
 *
 * @example await deleteBatch(client, { name: 'spent tokens', table: 'spent_tokens', where: 'expires_at < ?', args: [now] }, 500)
 */
export async function deleteBatch(client: SqlClient, sweep: Sweep, limit: number) {
  const selected = `SELECT ${sweep.rowid ?? 'rowid'} FROM ${sweep.from ?? sweep.table} WHERE ${sweep.where} LIMIT ${limit}`
  // Counted from the rows it returns: D1's count of changes includes the rows its triggers
  // change (a submission's entry in the search index), which would report several times the rows
  // actually removed.
  const result = await client.execute({
    sql: `DELETE FROM ${sweep.table} WHERE rowid IN (${selected}) RETURNING rowid`,
    args: sweep.args,
  })
  return result.rows.length
}

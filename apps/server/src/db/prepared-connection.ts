import type { InStatement, ResultSet, Row, TransactionMode } from '@libsql/client'
import type Database from 'libsql'
import { bindArgs } from './bind-args.ts'
import {
  blobsAsArrayBuffers,
  type RowShape,
  resultSet,
  rowShape,
  shapeFits,
  shapeRow,
  wantsRowsByPosition,
} from './result-set.ts'
import { selectsStar } from './select-star.ts'
import { createStatementCache } from './statement-cache.ts'

export type Connection = InstanceType<typeof Database>
type Statement = ReturnType<Connection['prepare']>

type Prepared = {
  statement: Statement
  reader: boolean
  /** The rows' shape from the last run; its names come from the SQL text alone, unless `star`. */
  shape?: RowShape
  /** A `*` projection, whose columns follow the schema: a migration may change them. */
  star: boolean
}

/**
 * One open connection and the statements prepared on it, reused by SQL text.
 *
 * A cached statement stays right across schema changes, those of other processes included:
 * SQLite notices a changed schema when the statement next runs and prepares it again
 * (`sqlite3_prepare_v2`). What a statement's result looks like is read after it ran, never from
 * before, and re-read for `*` projections, whose columns move with the schema.
 */
export type PreparedConnection = {
  readonly native: Connection
  execute(stmt: InStatement): ResultSet
  /** Runs `stmts` in one transaction, rolled back entirely if one fails. */
  batch(stmts: InStatement[], mode: TransactionMode): ResultSet[]
  /** How many statements are prepared and kept for reuse. */
  readonly preparedStatements: number
}

/**
 * @example
 * const conn = prepareConnection(new Database('data/porchlight.db'), 500)
 * conn.execute({ sql: 'SELECT name FROM sites WHERE id = ?', args: [siteId] })
 */
export function prepareConnection(native: Connection, capacity: number): PreparedConnection {
  const statements = createStatementCache<Prepared>(capacity)

  function prepare(sql: string): Prepared {
    const statement = native.prepare(sql)
    const reader = statement.reader
    if (reader) statement.raw(true)
    return { statement, reader, star: selectsStar(sql) }
  }

  function execute(stmt: InStatement): ResultSet {
    const { sql, args } = typeof stmt === 'string' ? { sql: stmt, args: [] } : stmt
    const prepared = statements.get(sql, prepare)
    try {
      return run(prepared, bindArgs(args ?? []), wantsRowsByPosition(stmt))
    } catch (error) {
      // A statement that failed may be left half-run; the next use prepares it afresh.
      statements.drop(sql)
      throw error
    }
  }

  /** Runs `prepared`; a reader's rows come back shaped, or as plain arrays when `byPosition`. */
  function run(
    prepared: Prepared,
    params: unknown[] | Record<string, unknown>,
    byPosition: boolean,
  ): ResultSet {
    const { statement } = prepared
    if (!prepared.reader) {
      const info = statement.run(params)
      return resultSet([], [], Number(info.changes), BigInt(info.lastInsertRowid))
    }
    const values = statement.all(params) as unknown[][]
    const width = values[0]?.length
    let shape = prepared.shape
    if (!shape || prepared.star || (width !== undefined && width !== shape.columns.length)) {
      const columns = statement.columns().map((c) => c.name)
      if (!shape || !shapeFits(shape, columns)) shape = prepared.shape = rowShape(columns)
    }
    const rows = byPosition
      ? (values.map(blobsAsArrayBuffers) as unknown as Row[])
      : values.map((row) => shapeRow(shape, row))
    return resultSet(shape.columns, rows, 0, undefined)
  }

  return {
    native,
    execute,
    batch(stmts, mode) {
      execute(mode === 'write' ? 'BEGIN IMMEDIATE' : mode === 'read' ? 'BEGIN' : 'BEGIN DEFERRED')
      try {
        const results = stmts.map(execute)
        execute('COMMIT')
        return results
      } catch (error) {
        if (native.inTransaction) native.exec('ROLLBACK')
        throw error
      }
    },
    get preparedStatements() {
      return statements.size
    },
  }
}

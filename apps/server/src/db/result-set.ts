import { Buffer } from 'node:buffer'
import type { InArgs, InStatement, ResultSet, Row } from '@libsql/client'

/**
 * A row's values, kept in a private field: out of sight of `Object.keys`, JSON and deep equality,
 * which must see the column names alone.
 */
class ResultRow {
  readonly #values: unknown[]
  constructor(values: unknown[]) {
    this.#values = values
  }
  /** Reads value `index` of the row it is called on: a getter for the shape's prototype. */
  static valueAt(index: number) {
    return function (this: ResultRow) {
      return this.#values[index]
    }
  }
  /** The row's values as a plain array, or `undefined` for a row this module did not shape. */
  static valuesOf(row: unknown): readonly unknown[] | undefined {
    return row instanceof ResultRow ? row.#values : undefined
  }
}

/**
 * The values of a row shaped here, in column order, as the plain array they are kept in; any
 * other row (a remote client's, D1's raw arrays) as it is. For reads that take every value by
 * position: an index served by the prototype's getters goes through V8's slow path for
 * accessors on elements, about 1 µs per row of 20 columns, a plain array's index does not.
 */
export function positionalValues<Row extends object>(row: Row): Row | readonly unknown[] {
  return ResultRow.valuesOf(row) ?? row
}

/**
 * A statement whose caller reads every row by position (made by `byPosition`). Porchlight's own
 * connection (prepared-connection.ts) answers it with each row's values as the plain array the
 * binding made, never shaping it into a row object: for a page of 50 posts, shaping rows that
 * were only to be read by index again was ~15 µs of each request. Any other client reads its
 * `sql` and `args` as those of any statement, and answers with its usual rows, which read by
 * index all the same.
 */
class StatementByPosition {
  readonly sql: string
  readonly args: InArgs
  constructor(sql: string, args: InArgs) {
    this.sql = sql
    this.args = args
  }
}

/**
 * `sql` with `args`, its rows wanted as plain arrays of values in column order.
 *
 * @example const { rows } = await client.execute(byPosition('SELECT id, name FROM t', []))
 */
export function byPosition(sql: string, args: InArgs): InStatement {
  return new StatementByPosition(sql, args)
}

/** Whether `stmt` asks for its rows by position. */
export function wantsRowsByPosition(stmt: InStatement): boolean {
  return stmt instanceof StatementByPosition
}

/**
 * How the rows of one result look: their column names, and the prototype that serves their values
 * by index. Made once per column list and kept with the prepared statement, since asking the
 * binding for a statement's columns costs as much as preparing it again.
 */
export type RowShape = {
  readonly columns: readonly string[]
  /** Each distinct name with the index of its first column: a later duplicate never wins. */
  readonly named: readonly (readonly [string, number])[]
  readonly make: new (values: unknown[]) => ResultRow
}

/** The shape of rows with these columns. */
export function rowShape(columns: readonly string[]): RowShape {
  const named: [string, number][] = []
  const seen = new Set<string>()
  columns.forEach((name, index) => {
    // A name that would hide the index view (`length`, `0`…) or replace the prototype
    // (`__proto__`) is left to the index view, as libSQL's clients leave it.
    const reserved = name === 'length' || name === '__proto__' || /^\d+$/.test(name)
    if (!reserved && !seen.has(name)) {
      seen.add(name)
      named.push([name, index])
    }
  })
  // Values by index through the prototype, not as own properties: defining a non-enumerable
  // property on every row was most of the cost of shaping a result.
  const make = class extends ResultRow {}
  // Every row of a statement has as many values as it has columns.
  Object.defineProperty(make.prototype, 'length', { value: columns.length })
  for (let index = 0; index < columns.length; index++) {
    Object.defineProperty(make.prototype, index, { get: ResultRow.valueAt(index) })
  }
  return { columns, named, make }
}

/** Whether `shape` names exactly these columns. */
export function shapeFits(shape: RowShape, columns: readonly string[]): boolean {
  return shape.columns.length === columns.length && shape.columns.every((c, i) => c === columns[i])
}

/**
 * A row as libSQL's clients shape it, and as drizzle reads it: values by index (not enumerable)
 * and by column name (enumerable; the first column of a name wins). Blobs become ArrayBuffers.
 */
export function shapeRow(shape: RowShape, values: unknown[]): Row {
  blobsAsArrayBuffers(values)
  const row = new shape.make(values) as unknown as Record<string, unknown>
  for (const [name, index] of shape.named) row[name] = values[index]
  return row as Row
}

/** A libSQL `ResultSet` of rows already shaped. */
export function resultSet(
  columns: readonly string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet {
  return {
    columns: [...columns],
    columnTypes: columns.map(() => ''),
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({
      columns,
      rows: rows.map((r) => Array.from(r as ArrayLike<unknown>)),
      rowsAffected,
      lastInsertRowid: lastInsertRowid === undefined ? null : String(lastInsertRowid),
    }),
  }
}

/** A row's blobs as libSQL's clients give them, ArrayBuffers, in place of the binding's Buffers. */
export function blobsAsArrayBuffers(values: unknown[]): unknown[] {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (value instanceof Buffer) values[i] = toArrayBuffer(value)
  }
  return values
}

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength,
  ) as ArrayBuffer
}

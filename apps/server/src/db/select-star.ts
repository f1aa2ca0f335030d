// Whether a statement's result columns follow the schema rather than its own text: a `*` in its
// column list (`SELECT *`, `SELECT t.*`, `RETURNING *`). Such a statement's column names are read
// again on every run (prepared-connection.ts), since a migration may rename, add or drop them;
// any other statement's names come from its text and are read once. A `*` that is not a column
// list, a multiplication (`count * 2`) or `count(*)`, must not count: reading the names again
// costs about as much as preparing the statement. A false alarm costs only that; a missed `*`
// would answer with stale column names, so anything that looks like a column list counts.

/** String literals, quoted names and comments: a `*` inside them selects nothing. */
const quotedOrComment =
  /'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)/g

/**
 * A `*` where a column list has one: first in it (after SELECT, DISTINCT, ALL or RETURNING),
 * after a comma, or after a table's name and a dot. A multiplication's `*` follows an operand.
 */
const starColumn = /(?:\b(?:select|distinct|all|returning)|,|\.)\s*\*/i

/**
 * Whether `sql` selects `*` (or `table.*`) anywhere, a subquery's included.
 *
 * @example selectsStar('SELECT t.* FROM t') // true
 * @example selectsStar('SELECT count(*), a * b FROM t') // false
 */
export function selectsStar(sql: string): boolean {
  return starColumn.test(sql.replace(quotedOrComment, ' '))
}

/**
 * A bounded map from SQL text to what was prepared for it on one connection, the least recently
 * used entry dropped first when full.
 *
 * Why keyed by the text: drizzle builds the same SQL text for the same query shape (values travel
 * as parameters), so a route's statements are prepared once per connection and then only bound
 * and stepped. Why bounded: some shapes vary with their input (`IN (?, ?, …)` grows with a list),
 * and each prepared statement holds memory in SQLite until it is finalized.
 */
export type StatementCache<T> = {
  /** The entry for `sql`, preparing it with `prepare` on a miss. */
  get(sql: string, prepare: (sql: string) => T): T
  /** Forgets `sql`'s entry (after it failed, so a half-run statement is never trusted again). */
  drop(sql: string): void
  /** Forgets every entry: their connection is gone. */
  clear(): void
  /** How many statements are prepared and kept. */
  readonly size: number
}

/**
 * @example
 * const statements = createStatementCache<Statement>(500)
 * const stmt = statements.get('SELECT 1', (sql) => conn.prepare(sql))
 */
export function createStatementCache<T>(capacity: number): StatementCache<T> {
  // A Map iterates in insertion order; re-inserting on every hit keeps the oldest first.
  const entries = new Map<string, T>()
  return {
    get(sql, prepare) {
      const found = entries.get(sql)
      if (found !== undefined) {
        entries.delete(sql)
        entries.set(sql, found)
        return found
      }
      const made = prepare(sql)
      if (capacity <= 0) return made
      if (entries.size >= capacity) {
        const oldest = entries.keys().next()
        if (!oldest.done) entries.delete(oldest.value)
      }
      entries.set(sql, made)
      return made
    },
    drop(sql) {
      entries.delete(sql)
    },
    clear() {
      entries.clear()
    },
    get size() {
      return entries.size
    },
  }
}

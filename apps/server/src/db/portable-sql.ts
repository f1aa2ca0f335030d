import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'

// Conditions written so that the same statement runs on every database Porchlight uses. Cloudflare
// D1 refuses statements that libSQL accepts: more than 100 bound parameters, and LIKE patterns
// longer than 50 bytes (both limits are enforced by miniflare's D1 too). A list or a search text
// that comes from a request must therefore never become one parameter per item or a LIKE pattern.

/**
 * `column IN (…values)` with the whole list bound as one JSON parameter, however long it is.
 * `inArray` binds one parameter per value: a list from a request (ids to mark read) or from a
 * page of results (the posts of a page, up to 100) passes D1's limit of 100 bound parameters.
 *
 * @example db.select().from(posts).where(inList(posts.id, postIds))
 */
export function inList(column: SQLWrapper, values: readonly string[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`
}

/**
 * Whether `text` occurs in `value`, ignoring the case of ASCII letters, as LIKE '%…%' does, with
 * nothing in `text` treated as a wildcard. `instr` has no pattern to limit, where D1 refuses a
 * LIKE pattern past 50 bytes (an owner's search for a long name answered 500 there).
 *
 * @example db.select().from(members).where(containsText(members.displayName, 'ada'))
 */
export function containsText(value: SQLWrapper, text: string): SQL {
  return sql`instr(lower(${value}), lower(${text})) > 0`
}

import { type SQL, sql } from 'drizzle-orm'
import { containsText } from '../db/portable-sql.ts'
import { submissions } from '../db/schema.ts'

// The inbox's search: a submission matches when the text occurs in one of its values, as typed,
// or in the sender's address, ignoring the case of ASCII letters, with nothing in the text a
// wildcard. Reading every submission of a site for that took about 200 ms for 100,000 of them.
// So a trigram index (`submissions_search`, migration 0010) first narrows the rows to those that
// hold every three-character piece of the text, and the exact match is checked on those only.

/** Pieces the index is asked for at most: more narrow little further, and each costs a lookup. */
const maxTrigrams = 12

/**
 * The index query for `text`: its distinct three-character pieces, each a quoted FTS5 string,
 * all required. Undefined for a text shorter than three characters, which the index cannot
 * find (such a search reads the site's submissions instead).
 */
export function trigramQuery(text: string): string | undefined {
  // Characters as SQLite's trigram tokenizer counts them: code points, not UTF-16 units.
  const chars = [...text]
  const pieces = new Set<string>()
  for (let i = 0; i + 3 <= chars.length; i++) {
    const piece = chars.slice(i, i + 3).join('')
    // A NUL ends a string inside FTS5's query parser; leaving a piece out only widens the set.
    if (!piece.includes('\0')) pieces.add(piece)
  }
  if (pieces.size === 0) return undefined
  const all = [...pieces]
  // Spread over the whole text rather than its start, so a long search still narrows by its end.
  const chosen =
    all.length <= maxTrigrams
      ? all
      : Array.from(
          { length: maxTrigrams },
          (_, i) => all[Math.round((i * (all.length - 1)) / (maxTrigrams - 1))] as string,
        )
  return chosen.map((piece) => `"${piece.replaceAll('"', '""')}"`).join(' AND ')
}

/** The condition on `submissions` for a search of `text`. */
export function submissionSearch(text: string): SQL {
  // The values as typed, not the JSON text: that would also match field names, and miss
  // whatever JSON escapes (a quote, a backslash, a line break).
  const exact = sql`(EXISTS (SELECT 1 FROM json_tree(${submissions.data}) AS v
      WHERE v.type = 'text' AND ${containsText(sql`v.value`, text)})
    OR ${containsText(submissions.email, text)})`
  const query = trigramQuery(text)
  // Too short for the index: the site's submissions are read, newest first, until a page is
  // found (quick for a common text; about 250 ms for a rare one among 100,000).
  if (query === undefined) return exact
  return sql`${submissions}.rowid IN (SELECT rowid FROM submissions_search
      WHERE submissions_search MATCH ${query}) AND ${exact}`
}

import { asc, desc, eq, isNull, sql } from 'drizzle-orm'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Database, SqlClient } from '../db/client.ts'
import { categories, members, posts, threads } from '../db/schema.ts'
import { HttpErrors } from '../http/errors.ts'
import { randomToken } from '../ids.ts'
import type { SiteScope } from '../sites/scope.ts'
import { type Actor, canReadCategory } from './permissions.ts'

// Full-text search over thread titles and post bodies (FTS5 table from migration 0004, kept in
// step by triggers). Visibility is decided here, at query time, by joining the live rows: a post
// hidden, deleted or moved a second ago is already out of the results.

/**
 * The FTS5 table, declared here for drizzle's query builder only: it is created by hand-written
 * SQL in migration 0004, and drizzle-kit reads schema.ts alone, so it never tries to manage it.
 */
const forumSearch = sqliteTable('forum_search', {
  rowid: integer('rowid').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  siteId: text('site_id').notNull(),
})

/** Words a query may hold: more only slows FTS down and rarely narrows what people look for. */
export const maxSearchTerms = 10
/**
 * Deepest result a cursor may reach. bm25 must score every match before the first row comes
 * back, so deep pages buy nothing in speed, and nobody reads page 26 of search results: past
 * this, refining the words is the answer (and scraping by search gets no further).
 */
export const maxSearchOffset = 500

/** How many of the newest matches are ranked; older ones are not found (see `searchPosts`). */
export const rankedMatches = 5000
/** Tokens around the best match in a snippet. */
const snippetTokens = 24

// Letters, digits and combining marks (so "café" typed as e + U+0301 stays one word). Everything
// else separates words, as FTS5's unicode61 tokenizer does.
const wordPattern = /[\p{L}\p{N}\p{M}]+/gu

/**
 * Turns what a reader typed into a safe FTS5 query: each word becomes a quoted string (so `"`,
 * `*`, `AND`, `NEAR(`, `-`, `^` and `column:` are just text, never syntax that could error or
 * widen the search), all words must match, and the last one matches as a prefix so results
 * appear while typing. One-character words are dropped: as prefixes they match half the index.
 * Returns `null` when no word is left.
 *
 * @example parseSearchQuery('café "au lait') // '"café" AND "au" AND "lait"*'
 */
export function parseSearchQuery(input: string): string | null {
  const words = (input.normalize('NFC').match(wordPattern) ?? [])
    .filter((word) => [...word].length > 1)
    .slice(0, maxSearchTerms)
  if (words.length === 0) return null
  return words
    .map((word, i) => {
      const quoted = `"${word.replaceAll('"', '""')}"`
      return i === words.length - 1 ? `${quoted}*` : quoted
    })
    .join(' AND ')
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

// Control characters never belong in displayed text; stripping them also removes any stray
// marker-like characters a body carried in through JSON (posting does not strip them).
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/**
 * Markers FTS5's snippet() puts around matches. They carry a random nonce per search, so no text
 * a member wrote can pose as a marker, and they hold nothing HTML escaping would touch.
 */
export function snippetMarkers() {
  const nonce = randomToken(10)
  return { nonce, open: `\u0002${nonce}o\u0003`, close: `\u0002${nonce}c\u0003` }
}

/**
 * FTS5 snippet text → inert HTML: every piece of the post's text is stripped of control
 * characters and HTML-escaped, and only then joined with our own `<mark>` tags, so a body with
 * `<script>` or `&lt;` comes out as text, and the only tags in a snippet are the marks.
 */
export function highlightSnippet(raw: string, markers: { nonce: string }): string {
  // Split keeps the captured `o`/`c` at odd positions: the marks; even positions are text.
  const parts = raw.split(new RegExp(`\u0002${markers.nonce}([oc])\u0003`))
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part === 'o' ? '<mark>' : '</mark>'
      return part.replace(controlCharacters, '').replace(/[&<>"']/g, (ch) => htmlEscapes[ch] ?? ch)
    })
    .join('')
}

export type SearchInput = { query: string; offset: number; limit: number }

/**
 * One page of matching posts the actor may see, best first. Everyone, moderators included, sees
 * only visible content here: hidden posts and threads are for the moderation tools, and one
 * rule for all readers means a snippet can never carry hidden text into a page.
 */
export async function searchPosts(
  db: Database,
  scope: SiteScope,
  actor: Actor,
  input: SearchInput,
) {
  const match = parseSearchQuery(input.query)
  if (match === null) throw HttpErrors.validation({ q: 'Type at least one word of two letters.' })
  // Ask the policy, not a role check, whether this reader may read members-only categories.
  const readsMembersOnly = canReadCategory(actor, {
    readAccess: 'members',
    threadAccess: 'members',
  })
  const markers = snippetMarkers()
  // bm25 is lower-is-better. A title hit counts five times a body hit: a thread named for the
  // words is the best answer. (Only the opening post's index row carries the title.)
  const score = sql`bm25(${forumSearch}, 5.0, 1.0)`
  // bm25 scores every match before the first row is returned, so a word in a third of a large
  // forum's posts would cost seconds of CPU. Only the newest matches are ranked: FTS5 walks a
  // term's rowids in order cheaply, so finding where the newest `rankedMatches` start is fast, and
  // the ranked query is then bounded by that rowid.
  const oldestRanked = sql`coalesce((SELECT rowid FROM ${forumSearch} AS recent
    WHERE recent.${sql.raw('forum_search')} MATCH ${match} AND recent.site_id = ${scope.siteId}
    ORDER BY rowid DESC LIMIT 1 OFFSET ${rankedMatches - 1}), 0)`
  const rows = await db
    .select({
      postId: posts.id,
      postNumber: posts.number,
      createdAt: posts.createdAt,
      threadId: threads.id,
      threadTitle: threads.title,
      categorySlug: categories.slug,
      categoryName: categories.name,
      authorId: members.id,
      authorDisplayName: members.displayName,
      authorUsername: members.username,
      authorAvatarUrl: members.avatarUrl,
      snippet: sql<string>`snippet(${forumSearch}, 1, ${markers.open}, ${markers.close}, '…', ${snippetTokens})`,
    })
    .from(forumSearch)
    // The FTS row is keyed by the post's rowid; the site is checked on both sides as well, so a
    // mismatch could never pair one site's index entry with another site's post.
    .innerJoin(posts, sql`${posts}.rowid = ${forumSearch.rowid}`)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(categories, eq(categories.id, threads.categoryId))
    .leftJoin(members, eq(members.id, posts.authorId))
    .where(
      scope.where(
        forumSearch,
        sql`${forumSearch} MATCH ${match}`,
        sql`${forumSearch.rowid} >= ${oldestRanked}`,
        eq(posts.siteId, scope.siteId),
        eq(threads.siteId, scope.siteId),
        eq(categories.siteId, scope.siteId),
        isNull(posts.deletedAt),
        eq(posts.hidden, false),
        eq(threads.hidden, false),
        readsMembersOnly ? undefined : eq(categories.readAccess, 'everyone'),
      ),
    )
    // Ties (equal scores are common for short posts) break by recency, then id, so offset pages
    // neither repeat nor skip rows between requests while nothing changes.
    .orderBy(score, desc(posts.createdAt), asc(posts.id))
    .limit(input.limit)
    .offset(input.offset)
  return rows.map((row) => ({
    threadId: row.threadId,
    threadTitle: row.threadTitle,
    postId: row.postId,
    postNumber: row.postNumber,
    category: { slug: row.categorySlug, name: row.categoryName },
    // A left join: both are set while the author's account exists (display names are required).
    author:
      row.authorId && row.authorDisplayName !== null
        ? {
            id: row.authorId,
            displayName: row.authorDisplayName,
            username: row.authorUsername,
            avatarUrl: row.authorAvatarUrl ?? null,
          }
        : null,
    snippet: highlightSnippet(row.snippet, markers),
    createdAt: row.createdAt,
  }))
}

export type SearchResult = Awaited<ReturnType<typeof searchPosts>>[number]

/** Posts re-indexed per write: a few tens of milliseconds of holding the write lock. */
const rebuildBatchSize = 1000

/**
 * Rebuilds the search index from the posts, for every site: an operator's repair
 * (`porchlight search rebuild`). The index is keyed by the posts' rowids, which SQLite may
 * renumber in a manual `VACUUM`; run this after one.
 *
 * It works through the posts in rowid order, a batch at a time, each batch one transaction that
 * replaces the index entries of its rowid range (dropping entries of posts that no longer exist).
 * Between batches it pauses at least as long as the batch held the lock, so a server using the
 * same database keeps writing while a large forum is re-indexed. Searches during the rebuild
 * find every post, from the old entries or the new ones.
 *
 * @example const indexed = await rebuildSearchIndex(client)
 */
export async function rebuildSearchIndex(
  client: SqlClient,
  options: { batchSize?: number; onProgress?: (indexed: number) => void } = {},
): Promise<number> {
  const size = options.batchSize ?? rebuildBatchSize
  let after = 0
  let indexed = 0
  for (;;) {
    const { rows } = await client.execute({
      sql: 'SELECT max(rowid) AS last, count(*) AS n FROM (SELECT rowid FROM posts WHERE rowid > ? ORDER BY rowid LIMIT ?)',
      args: [after, size],
    })
    const count = Number(rows[0]?.n ?? 0)
    const last = Number(rows[0]?.last ?? after)
    const started = Date.now()
    await client.batch(
      count === 0
        ? [{ sql: 'DELETE FROM forum_search WHERE rowid > ?', args: [after] }]
        : [
            { sql: 'DELETE FROM forum_search WHERE rowid > ? AND rowid <= ?', args: [after, last] },
            {
              sql: `INSERT INTO forum_search (rowid, title, body, site_id)
                SELECT p.rowid, CASE WHEN p.number = 1 THEN t.title ELSE '' END, p.body_source, p.site_id
                FROM posts AS p JOIN threads AS t ON t.id = p.thread_id AND t.site_id = p.site_id
                WHERE p.rowid > ? AND p.rowid <= ?`,
              args: [after, last],
            },
          ],
      'write',
    )
    if (count === 0) return indexed
    indexed += count
    after = last
    options.onProgress?.(indexed)
    await new Promise((resolve) => setTimeout(resolve, Math.max(20, Date.now() - started)))
  }
}

import { createHash } from 'node:crypto'
import { eq, gte, sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { submissions } from '../db/schema.ts'
import type { SiteScope } from '../sites/scope.ts'

// Rules on what was sent rather than how: links, words, addresses, and repeats. Each is a pure
// function over the submission, except the duplicate lookup, which reads this site's rows.

export type FieldValues = Record<string, string | readonly string[]>

/** Every value of every field, lists flattened. */
export function fieldValues(fields: FieldValues): string[] {
  return Object.values(fields).flatMap((value) => (typeof value === 'string' ? [value] : value))
}

// `www.` right after `//` belongs to a URL already counted by its scheme; after `@`, to an address.
const linkPattern = /https?:\/\/|(?<![\w/.@-])www\./gi

/** How many links the values hold: each `http://`, `https://`, and `www.` not part of one. */
export function countLinks(values: readonly string[]): number {
  let count = 0
  for (const value of values) count += value.match(linkPattern)?.length ?? 0
  return count
}

/** NFKC folds look-alikes such as full-width letters (ｖｉａｇｒａ) into plain ones. */
function foldCase(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

const wordChar = /[\p{L}\p{N}]/u

/**
 * Builds one pattern for the list. Entries match as whole words or phrases, case-insensitively:
 * substring matching flags innocent words (the "Scunthorpe problem": `cialis` in "specialist",
 * `sex` in "Essex"). A `*` at the start or end drops that boundary (`crypto*` also matches
 * "cryptocurrency"). Boundaries apply only at an entry's letters and digits, so `.ru` still
 * matches "shop.ru/…". Whitespace inside a phrase matches any run of whitespace.
 */
function blockedWordPattern(entries: readonly string[]): RegExp | null {
  const alternatives: string[] = []
  for (const entry of entries) {
    let word = foldCase(entry.trim())
    const openStart = word.startsWith('*')
    const openEnd = word.endsWith('*') && word.length > 1
    word = word.replace(/^\*|\*$/g, '').trim()
    if (word === '') continue
    const body = word
      .split(/\s+/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('\\s+')
    const start = !openStart && wordChar.test(word[0] ?? '') ? '(?<![\\p{L}\\p{N}])' : ''
    const end = !openEnd && wordChar.test(word.at(-1) ?? '') ? '(?![\\p{L}\\p{N}])' : ''
    alternatives.push(`${start}${body}${end}`)
  }
  return alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'u') : null
}

/** Whether any value contains a blocked word or phrase (see `blockedWordPattern`). */
export function containsBlockedWord(
  values: readonly string[],
  entries: readonly string[],
): boolean {
  const pattern = blockedWordPattern(entries)
  return pattern !== null && values.some((value) => pattern.test(foldCase(value)))
}

/**
 * Whether the submitter's address is blocked. Entries are addresses (`bob@example.com`) or
 * domains (`@example.com`). A domain also blocks its subdomains: whoever controls a domain
 * controls every name under it, and spam senders rotate through subdomains. Sub-addresses
 * (`bob+anything@…`) match their base address, since a `+tag` is free to vary.
 */
export function isBlockedEmail(email: string, entries: readonly string[]): boolean {
  const address = email.trim().toLowerCase()
  const at = address.lastIndexOf('@')
  if (at <= 0) return false
  const local = address.slice(0, at)
  const domain = address.slice(at + 1)
  const base = `${local.replace(/\+.*$/, '')}@${domain}`
  return entries.some((raw) => {
    const entry = raw.trim().toLowerCase()
    if (entry.startsWith('@')) {
      const blocked = entry.slice(1)
      return blocked !== '' && (domain === blocked || domain.endsWith(`.${blocked}`))
    }
    return entry === address || entry === base
  })
}

// Applied to values before hashing, so trivial variations of one message hash alike.
function normalizeForHash(value: string): string {
  return foldCase(value).replace(/\s+/g, ' ').trim()
}

/**
 * SHA-256 (hex) of the form id and the submitted fields, to recognise a repeat of a recent
 * submission. Canonical: keys sorted, values case-folded with whitespace collapsed, empty
 * values dropped, so field order, stray spaces and capitals do not make a repeat look new.
 * Names starting with `_` (control fields: `_gotcha`, `_t`, `_altcha`, `_next`), Turnstile's
 * `cf-turnstile-response`, and names in `exclude` (a custom honeypot) are left out: they change
 * on every submission, or say nothing about its content.
 */
export async function contentHash(
  formId: string,
  fields: FieldValues,
  { exclude = [] }: { exclude?: readonly string[] } = {},
): Promise<string> {
  const skipped = new Set(['cf-turnstile-response', ...exclude])
  const entries: [string, string | string[]][] = []
  for (const name of Object.keys(fields).sort()) {
    const value = fields[name]
    if (value === undefined || name.startsWith('_') || skipped.has(name)) continue
    const normalized =
      typeof value === 'string'
        ? normalizeForHash(value)
        : value.map(normalizeForHash).filter((v) => v !== '')
    if (normalized.length > 0) entries.push([name, normalized])
  }
  const canonical = JSON.stringify(['v1', formId, entries])
  // Synchronous and native (node:crypto, which Workers provide under nodejs_compat): for a few
  // hundred bytes, Web Crypto's async job costs more than the hash, and hashing in JavaScript
  // (@oslojs/crypto) took about five times as long.
  return createHash('sha256').update(canonical).digest('hex')
}

/**
 * Whether this site stored a submission with the same content hash at or after `since`, in any
 * status: a repeat of something marked spam is as unwelcome as the original. Served entirely by
 * the (site_id, content_hash, created_at) index.
 */
export async function isRecentDuplicate(
  db: Database,
  scope: SiteScope,
  hash: string,
  since: number,
): Promise<boolean> {
  const [row] = await db
    .select({ found: sql<number>`1` })
    .from(submissions)
    .where(
      scope.where(
        submissions,
        eq(submissions.contentHash, hash),
        gte(submissions.createdAt, since),
      ),
    )
    .limit(1)
  return row !== undefined
}

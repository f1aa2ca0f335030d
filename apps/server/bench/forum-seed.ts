// Builds a forum database for the scale bench: one site (made by our own `createSite`) with
// categories, members, threads and posts, written fast. The schema comes from our migrations;
// the rows are written with raw SQL through the synchronous `libsql` driver in one transaction,
// with the search trigger and the secondary indexes dropped during the load and recreated from
// their own stored SQL afterwards (an index built once is faster than one grown row by row).
// The search index is then filled by one INSERT … SELECT doing exactly what the trigger does.
// Everything a server reads is as Porchlight would have written it: post numbers gap-free per
// thread, thread counters (post_count, last_post_id, last_activity_at, version), the rendered
// HTML (see forum-content.ts), watches for every thread a member posted in.
import { rmSync } from 'node:fs'
import { createClient } from '@libsql/client'
import Database from 'libsql'
import { createPasswordHasher } from '../src/auth/password.ts'
import { systemClock } from '../src/clock.ts'
import { createDatabase } from '../src/db/client.ts'
import { migrate } from '../src/db/migrate.ts'
import { parseSearchQuery } from '../src/forum/search.ts'
import { createSite } from '../src/sites/service.ts'
import {
  fillTemplate,
  renderTemplates,
  seededId,
  seededRandom,
  threadTitle,
  vocabulary,
  zipfSampler,
} from './forum-content.ts'
import { postsPerThread, timeline } from './forum-shape.ts'

export type SeedOptions = {
  posts: number
  threads: number
  /** Posts in the one long thread (the deep-page scenario reads near its end). */
  longThread: number
  categories: number
  members: number
  seed: number
}

/** What the bench needs to know about a seeded database; written next to it as JSON. */
export type ForumManifest = {
  options: SeedOptions
  site: { id: string; publishableKey: string; origin: string }
  /** The category the thread-list scenario reads, and how many threads it holds. */
  category: { slug: string; threads: number }
  longThread: { id: string; posts: number }
  /** The thread the reply scenario posts to: `watchers` members get a notification each time. */
  replyThread: { id: string; posts: number; watchers: number }
  /** An established, verified member with no posts, who signs in for the reply scenario. */
  benchMemberId: string
  /** Search words and how many posts each query matches (as the server parses it). */
  terms: { moderate: SearchTerm; common: SearchTerm }
  counts: { posts: number; threads: number; members: number; watches: number }
  seconds: number
}

export type SearchTerm = { word: string; matches: number }

export const categorySlugs = [
  'general',
  'help',
  'ideas',
  'show-and-tell',
  'announcements',
  'off-topic',
  'feedback',
  'events',
  'jobs',
  'meta',
]

const dayMs = 86_400_000
const vocabularySize = 20_000
/** Posts in the reply scenario's thread, each by a different member, all watching. */
const replyThreadPosts = 20

/**
 * The defaults for a given size: a 1,000-post forum has 50 threads in one category, a
 * 1,000,000-post one 50,000 in eight.
 */
export function seedOptions(posts: number, overrides: Partial<SeedOptions> = {}): SeedOptions {
  return {
    posts,
    threads: Math.max(3, Math.round(posts / 20)),
    longThread: Math.min(10_000, Math.floor(posts / 2)),
    // Enough threads per category for a full first page (25) even on a small forum.
    categories: Math.max(1, Math.min(8, Math.floor(posts / 20 / 40))),
    members: Math.max(replyThreadPosts + 5, Math.round(posts / 500)),
    seed: 1,
    ...overrides,
  }
}

/**
 * Builds the database at `path` (replacing any file there) and returns its manifest.
 * `log` hears about progress.
 */
export async function seedForum(
  path: string,
  options: SeedOptions,
  log: (line: string) => void = () => {},
): Promise<ForumManifest> {
  const started = performance.now()
  const { posts: postTotal, threads: threadTotal, longThread, members: memberTotal } = options
  if (options.categories < 1 || options.categories > categorySlugs.length) {
    throw new Error(`--categories must be 1 to ${categorySlugs.length}`)
  }
  if (threadTotal < 3 || longThread + replyThreadPosts + (threadTotal - 2) > postTotal) {
    throw new Error('need at least 3 threads, and posts for the long thread plus one per thread')
  }
  if (memberTotal < replyThreadPosts + 1)
    throw new Error(`need at least ${replyThreadPosts + 1} members`)
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true })

  // Schema and site through Porchlight's own code.
  const origin = 'https://forum.example'
  const client = createClient({ url: `file:${path}` })
  let site: { id: string; publishableKey: string }
  try {
    await migrate(client)
    site = await createSite(
      { db: createDatabase(client), clock: systemClock },
      { name: 'Forum bench', origins: [origin] },
    )
  } finally {
    client.close()
  }
  // One real hash for every member: nobody signs in with a password here, but the column
  // should hold what it holds in production.
  const passwordHash = await createPasswordHasher({ maxConcurrent: 1 }).hash(
    'correct horse battery staple',
  )

  const db = new Database(path)
  db.exec(`PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY;
    PRAGMA cache_size = -524288; PRAGMA locking_mode = EXCLUSIVE; PRAGMA foreign_keys = OFF`)

  const random = seededRandom(options.seed)
  const words = vocabulary(vocabularySize, random)
  const wordRank = zipfSampler(words.length, 1, random)
  const word = () => words[wordRank()] ?? ''
  const templates = renderTemplates(random, words)
  const end = Math.floor(Date.now() / 1000) * 1000
  const start = end - 730 * dayMs

  // Dropped for the load, recreated from their own SQL afterwards.
  const deferred = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN
        ('posts', 'threads', 'watches') AND (type = 'index' OR name = 'posts_search_insert')`,
    )
    .all() as { type: string; name: string; sql: string }[]
  for (const { type, name } of deferred) db.exec(`DROP ${type.toUpperCase()} "${name}"`)

  const write = db.transaction(() => {
    // Members: a few staff, then members whose activity follows a Zipf curve (few prolific).
    const memberIds = Array.from({ length: memberTotal + 1 }, () => seededId('mem', random))
    const benchMemberId = memberIds[memberTotal] ?? ''
    const insertMember = db.prepare(`INSERT INTO members (id, site_id, email, email_verified_at,
        password_hash, display_name, username, username_key, role, status, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`)
    for (const [i, id] of memberIds.entries()) {
      const name = i === memberTotal ? 'benchmember' : `member${i}`
      const joined = start - 30 * dayMs + Math.floor(random() * 30 * dayMs)
      const role = i === 0 ? 'admin' : i <= 3 ? 'moderator' : 'member'
      insertMember.run(
        id,
        site.id,
        `${name}@forum.example`,
        joined,
        passwordHash,
        `Member ${i}`,
        name,
        name,
        role,
        joined,
        joined,
      )
    }
    const author = zipfSampler(memberTotal, 0.8, random)

    const categoryIds = categorySlugs
      .slice(0, options.categories)
      .map(() => seededId('cat', random))
    const insertCategory = db.prepare(`INSERT INTO categories (id, site_id, slug, name,
        description, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    for (const [i, id] of categoryIds.entries()) {
      const slug = categorySlugs[i] ?? ''
      insertCategory.run(
        id,
        site.id,
        slug,
        slug.replace(/-/g, ' '),
        `About ${slug}.`,
        i,
        start,
        start,
      )
    }

    const counts = postsPerThread(options, replyThreadPosts, random)
    const threadIds = Array.from({ length: threadTotal }, () => seededId('thr', random))
    const threadCategory = Int32Array.from({ length: threadTotal }, (_, i) =>
      i < 2 ? 0 : Math.floor(random() * options.categories),
    )
    const threadAuthor = Int32Array.from({ length: threadTotal }, (_, i) =>
      i === 1 ? 0 : author(),
    )
    const { postTime, postThread, postNumber, threadCreated, order } = timeline(
      counts,
      { start, end },
      random,
    )

    const insertPost = db.prepare(`INSERT INTO posts (id, site_id, thread_id, number, author_id,
        body_source, body_html, hidden, hidden_reason, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const lastPostId: string[] = new Array(threadTotal)
    const lastActivity = new Float64Array(threadTotal)
    const watchers: Set<number>[] = Array.from({ length: threadTotal }, () => new Set())
    for (const [done, i] of order.entries()) {
      const t = postThread[i] ?? 0
      const number = postNumber[i] ?? 1
      const createdAt = postTime[i] ?? 0
      // The reply thread's 20 posts are by 20 different members; openings by the thread's author.
      const by = t === 1 ? number - 1 : number === 1 ? (threadAuthor[t] ?? 0) : author()
      const template = templates[Math.floor(random() * templates.length)] ?? templates[0]
      if (!template) throw new Error('no templates')
      const body = fillTemplate(template, Array.from({ length: template.slots }, word))
      // A few posts hidden by moderators: search and pages must skip them as they do live.
      const hidden = t > 1 && random() < 0.002
      const id = seededId('pst', random)
      insertPost.run(
        id,
        site.id,
        threadIds[t],
        number,
        memberIds[by],
        body.source,
        body.html,
        hidden ? 1 : 0,
        hidden ? 'Spam' : null,
        createdAt,
      )
      lastPostId[t] = id
      lastActivity[t] = createdAt
      watchers[t]?.add(by)
      if (done % 200_000 === 199_999) log(`${done + 1} posts`)
    }

    const insertThread = db.prepare(`INSERT INTO threads (id, site_id, category_id, author_id,
        title, pinned, hidden, post_count, last_post_id, last_activity_at, created_at, version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const pinnedPerCategory = new Int32Array(options.categories)
    for (let t = 0; t < threadTotal; t++) {
      const category = threadCategory[t] ?? 0
      // Two pinned threads per category, and 0.5% hidden: the listing must skip and order them.
      const pinned = t > 1 && (pinnedPerCategory[category] ?? 0) < 2
      if (pinned) pinnedPerCategory[category] = (pinnedPerCategory[category] ?? 0) + 1
      const hidden = t > 1 && !pinned && random() < 0.005
      const title =
        t === 0 ? 'The long thread: everything about releases' : threadTitle(random, word)
      // Each post raised the version by one (see posting.ts), so a thread's version is its count.
      insertThread.run(
        threadIds[t],
        site.id,
        categoryIds[category],
        memberIds[threadAuthor[t] ?? 0],
        title,
        pinned ? 1 : 0,
        hidden ? 1 : 0,
        counts[t],
        lastPostId[t],
        lastActivity[t],
        threadCreated[t],
        counts[t],
      )
    }

    const insertWatch = db.prepare(
      `INSERT INTO watches (site_id, thread_id, member_id, level) VALUES (?, ?, ?, 'watching')`,
    )
    let watchCount = 0
    for (const [t, set] of watchers.entries()) {
      for (const m of set) {
        insertWatch.run(site.id, threadIds[t], memberIds[m])
        watchCount++
      }
    }
    return {
      benchMemberId,
      threadIds,
      categoryThreads: threadCategory.filter((c) => c === 0).length,
      watchers: watchers[1]?.size ?? 0,
      watchCount,
    }
  })
  log('writing rows')
  const written = write()

  log('building the search index and the indexes')
  db.exec(`INSERT INTO forum_search (rowid, title, body, site_id)
    SELECT p.rowid, CASE WHEN p.number = 1 THEN t.title ELSE '' END, p.body_source, p.site_id
    FROM posts p JOIN threads t ON t.id = p.thread_id ORDER BY p.rowid`)
  for (const { sql } of deferred) db.exec(sql)

  const { counted, matches } = checkSeeded(db, postTotal)

  const moderate = words[moderateRank(templates.map((t) => t.slots))] ?? ''
  const common = words[0] ?? ''
  db.exec('PRAGMA journal_mode = DELETE')
  const manifest: ForumManifest = {
    options,
    site: { id: site.id, publishableKey: site.publishableKey, origin },
    category: { slug: categorySlugs[0] ?? '', threads: written.categoryThreads },
    longThread: { id: written.threadIds[0] ?? '', posts: longThread },
    replyThread: {
      id: written.threadIds[1] ?? '',
      posts: replyThreadPosts,
      watchers: written.watchers,
    },
    benchMemberId: written.benchMemberId,
    terms: {
      moderate: { word: moderate, matches: matches(moderate) },
      common: { word: common, matches: matches(common) },
    },
    counts: { ...counted, watches: written.watchCount },
    seconds: Math.round((performance.now() - started) / 100) / 10,
  }
  db.close()
  return manifest
}

/**
 * Counts what was written and throws unless it adds up: every post there and in the search
 * index, each thread's `post_count` its last number, the counts summing to the total (with the
 * unique (thread, number) index, that makes the numbers gap-free).
 */
function checkSeeded(db: Database.Database, postTotal: number) {
  const count = (sql: string, ...args: unknown[]) =>
    Number((db.prepare(sql).get(...args) as { n: number }).n)
  const counted = {
    posts: count('SELECT count(*) AS n FROM posts'),
    threads: count('SELECT count(*) AS n FROM threads'),
    members: count('SELECT count(*) AS n FROM members'),
  }
  const problems = [
    counted.posts !== postTotal && `${counted.posts} posts, not ${postTotal}`,
    count('SELECT sum(post_count) AS n FROM threads') !== postTotal && 'post_count does not add up',
    count('SELECT count(*) AS n FROM forum_search') !== postTotal && 'search index incomplete',
    count(`SELECT count(*) AS n FROM threads t WHERE post_count <> (SELECT max(number) FROM posts p
      WHERE p.site_id = t.site_id AND p.thread_id = t.id)`) !== 0 && 'numbers have gaps',
  ].filter(Boolean)
  if (problems.length > 0) throw new Error(`the seeded database is wrong: ${problems.join('; ')}`)
  /** How many posts the server's own parsing of `term` matches. */
  const matches = (term: string) =>
    count(
      'SELECT count(*) AS n FROM forum_search WHERE forum_search MATCH ?',
      parseSearchQuery(term),
    )
  return { counted, matches }
}

/**
 * The vocabulary rank whose expected share of posts is closest to 0.1% (about 1,000 posts in a
 * million): a topic word, neither everywhere nor unique. Computed from the distribution, not
 * from counts, so every database size searches for the same word.
 */
function moderateRank(slotsPerTemplate: readonly number[]): number {
  let harmonic = 0
  for (let i = 1; i <= vocabularySize; i++) harmonic += 1 / i
  let best = 0
  let bestDistance = Number.POSITIVE_INFINITY
  for (let rank = 0; rank < vocabularySize; rank++) {
    const p = 1 / ((rank + 1) * harmonic)
    const share =
      slotsPerTemplate.reduce((sum, slots) => sum + 1 - (1 - p) ** slots, 0) /
      slotsPerTemplate.length
    const distance = Math.abs(share - 0.001)
    if (distance < bestDistance) {
      best = rank
      bestDistance = distance
    }
  }
  return best
}

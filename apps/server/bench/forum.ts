// The forum at scale: the same requests against a small forum (1,000 posts) and a large one
// (1,000,000 posts in 50,000 threads, one thread of 10,000), each served by the real Porchlight
// server, one after the other, in the same run. Paged reads (a category's first page of threads,
// a deep page of the long thread) should cost about the same on both: keyset pagination over an
// index does not care how many rows lie before or after the page. Search and posting are
// reported too; search is not expected to be flat (it ranks every match).
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSession } from '../src/auth/sessions.ts'
import { systemClock } from '../src/clock.ts'
import { createDatabase } from '../src/db/client.ts'
import { openDatabase } from '../src/entry/node.ts'
import { siteScope } from '../src/sites/scope.ts'
import { cachedForum } from './forum-cache.ts'
import { type ForumManifest, seedOptions } from './forum-seed.ts'
import { combine, type Measurement, markdownTable, measure, ms, problems, us } from './load.ts'
import { type ServerProcess, stopProcess } from './processes.ts'
import type { BenchRequest } from './scenarios.ts'
import { startPorchlight } from './setup.ts'

export type ForumScenario = {
  name: string
  request: BenchRequest
  connections: number
  /** Seconds before a request counts as timed out. */
  timeout?: number
  /** A paged read: the large forum should stay within 1.5× of the small one. */
  paged: boolean
  /** What is wrong with the first answer, or null; so a wrong id fails loudly, not as a count. */
  check: (status: number, body: unknown) => string | null
}

/** The rows, in the order they run (the reply last: it adds posts). */
export const forumScenarioNames = [
  'forum: thread list, first page',
  'forum: long thread, deep page',
  'forum: search, moderate term',
  'forum: search, very common term',
  'forum: reply to a thread',
]

type Items = { items?: { number?: number }[] }
const items = (body: unknown) => (body as Items | null)?.items ?? []

let visitor = 0
/** A different address per search: the limit is 60 searches a minute per address. */
const nextAddress = () => {
  const n = visitor++
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
}

let replies = 0
/** A reply with a little markdown, different each time, rendered by Porchlight per request. */
const replyBody = () => {
  const n = replies++
  return JSON.stringify({
    body: `Thanks for the *detailed* answer. I tried \`option ${n}\` and it works now.\n\n- first, restart\n- then check the [docs](https://example.com/docs/${n})`,
  })
}

export function forumScenarios(
  manifest: ForumManifest,
  token: string,
  connections: { read: number; write: number },
): ForumScenario[] {
  const key = { 'x-porchlight-key': manifest.site.publishableKey, origin: manifest.site.origin }
  const long = manifest.longThread
  // 90% deep in the 10,000-post thread; on a small forum, the last page of its long thread.
  const after = long.posts - Math.min(1000, Math.floor(long.posts / 10))
  const search = (word: string): BenchRequest => ({
    method: 'GET',
    path: `/v1/forum/search?q=${encodeURIComponent(word)}`,
    headers: key,
    next: () => ({ headers: { 'x-forwarded-for': nextAddress() } }),
  })
  const found = (status: number, body: unknown) =>
    status === 200 && items(body).length > 0 ? null : 'no results'
  return [
    {
      name: forumScenarioNames[0] ?? '',
      request: {
        method: 'GET',
        path: `/v1/forum/categories/${manifest.category.slug}/threads`,
        headers: key,
      },
      connections: connections.read,
      paged: true,
      check: (status, body) =>
        status === 200 && items(body).length === 25 ? null : 'expected a page of 25 threads',
    },
    {
      name: forumScenarioNames[1] ?? '',
      request: {
        method: 'GET',
        path: `/v1/forum/threads/${long.id}/posts?after=${after}`,
        headers: key,
      },
      connections: connections.read,
      paged: true,
      check: (status, body) =>
        status === 200 && items(body).length === 50 && items(body)[0]?.number === after + 1
          ? null
          : `expected posts ${after + 1}–${after + 50}`,
    },
    {
      name: forumScenarioNames[2] ?? '',
      request: search(manifest.terms.moderate.word),
      connections: connections.read,
      paged: false,
      check: found,
    },
    {
      // Seconds per request on the large forum: one connection, so the row measures a search,
      // not a queue of them.
      name: forumScenarioNames[3] ?? '',
      request: search(manifest.terms.common.word),
      connections: 1,
      timeout: 120,
      paged: false,
      check: found,
    },
    {
      name: forumScenarioNames[4] ?? '',
      request: {
        method: 'POST',
        path: `/v1/forum/threads/${manifest.replyThread.id}/posts`,
        headers: { ...key, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        next: () => ({ body: replyBody() }),
      },
      connections: connections.write,
      // Posting notifies the thread's watchers in SQL; on a large forum that can take seconds
      // (docs/performance.md), which the row should show as latency, not as failures.
      timeout: 60,
      paged: false,
      check: (status) => (status === 201 ? null : 'expected 201'),
    },
  ]
}

export type ForumOptions = {
  dir: string
  cacheDir: string
  sizes: { small: number; large: number }
  connections: { read: number; write: number }
  warmupSeconds: number
  durationSeconds: number
  rounds: number
  /** Only the rows whose name contains this. */
  only?: string
  logLevel: string
  nodeArgs: (name: string) => string[]
  /** Started servers are registered here, so the caller can stop them on any exit. */
  servers: ServerProcess[]
  log: (line: string) => void
}

export type ForumSide = {
  manifest: ForumManifest
  results: Map<string, Measurement>
  notes: string[]
}

/** Seeds (or reuses) both forums, then measures each with its own server, small first. */
export async function runForum(
  options: ForumOptions,
): Promise<{ small: ForumSide; large: ForumSide }> {
  const { log } = options
  const databases = []
  for (const posts of [options.sizes.small, options.sizes.large]) {
    databases.push(await cachedForum(seedOptions(posts), options.cacheDir, log))
  }
  const sides: ForumSide[] = []
  for (const { path, manifest } of databases) {
    const posts = manifest.counts.posts
    const copy = join(options.dir, `forum-${posts}.db`)
    copyFileSync(path, copy)
    const token = await memberToken(copy, manifest)
    const label = posts >= 1_000_000 ? `${posts / 1_000_000}M` : `${posts / 1000}k`
    const server = await startPorchlight({
      dir: options.dir,
      logLevel: options.logLevel,
      database: copy,
      // Search is limited per address; the bench sends each search from an address of its own.
      env: { TRUST_PROXY: 'x-forwarded-for' },
      name: `porchlight (forum, ${label} posts)`,
      nodeArgs: options.nodeArgs(`porchlight-forum-${label}`),
    })
    options.servers.push(server)
    const results = new Map<string, Measurement>()
    try {
      const list = forumScenarios(manifest, token, options.connections).filter(
        (s) => !options.only || s.name.includes(options.only),
      )
      for (const scenario of list) {
        log(`${scenario.name}, ${label} posts …`)
        await checkOnce(server, scenario)
        const runs: Measurement[] = []
        for (let round = 0; round < options.rounds; round++) {
          runs.push(
            await measure(
              server.url,
              scenario.request,
              {
                connections: scenario.connections,
                warmup: { seconds: options.warmupSeconds },
                measured: { seconds: options.durationSeconds },
                ...(scenario.timeout && { timeout: scenario.timeout }),
              },
              server.cpuSeconds,
            ),
          )
        }
        results.set(scenario.name, combine(runs))
      }
      if (server.child.exitCode !== null)
        throw new Error(`${server.name} died:\n${server.output()}`)
    } finally {
      await stopProcess(server)
    }
    sides.push({ manifest, results, notes: [await countersCheck(copy, manifest)] })
  }
  const [small, large] = sides
  if (!small || !large) throw new Error('forum: a database is missing')
  return { small, large }
}

/** A bearer session for the bench member, made by our own code in the copy. */
async function memberToken(path: string, manifest: ForumManifest): Promise<string> {
  const client = await openDatabase({ url: `file:${path}` })
  try {
    const { token } = await createSession(
      createDatabase(client),
      systemClock,
      siteScope(manifest.site.id),
      { memberId: manifest.benchMemberId, transport: 'bearer' },
    )
    return token
  } finally {
    client.close()
  }
}

async function checkOnce(server: ServerProcess, scenario: ForumScenario) {
  const { request } = scenario
  const extra = request.next?.()
  const res = await fetch(server.url + request.path, {
    method: request.method,
    headers: { ...request.headers, ...extra?.headers },
    ...(extra?.body !== undefined && { body: extra.body }),
    signal: AbortSignal.timeout((scenario.timeout ?? 10) * 1000),
  })
  const text = await res.text()
  let body: unknown = null
  try {
    body = JSON.parse(text)
  } catch {}
  const problem = scenario.check(res.status, body)
  if (problem) {
    throw new Error(
      `${server.name} ${request.method} ${request.path}: ${problem}: ${res.status} ${text.slice(0, 500)}`,
    )
  }
}

/**
 * After the replies: the reply thread's counters must match its posts, and every post must be
 * in the search index, as the seed left them and as posting keeps them.
 */
async function countersCheck(path: string, manifest: ForumManifest): Promise<string> {
  const client = await openDatabase({ url: `file:${path}` })
  try {
    const row = (
      await client.execute({
        sql: `SELECT t.post_count AS count, t.version AS version,
            (SELECT max(number) FROM posts p WHERE p.site_id = t.site_id AND p.thread_id = t.id) AS last,
            (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM forum_search) AS indexed
          FROM threads t WHERE t.id = ?`,
        args: [manifest.replyThread.id],
      })
    ).rows[0]
    const [count, last, version] = [Number(row?.count), Number(row?.last), Number(row?.version)]
    const added = count - manifest.replyThread.posts
    const ok = count === last && version === count && row?.posts === row?.indexed
    if (!ok) throw new Error(`forum: counters are off after the replies: ${JSON.stringify(row)}`)
    return `${added} replies stored; post_count = last number = version = ${count}; ${row?.indexed} posts indexed`
  } finally {
    client.close()
  }
}

const sizeLabel = (posts: number) =>
  posts >= 1_000_000 ? `${posts / 1_000_000}M` : posts >= 1000 ? `${posts / 1000}k` : `${posts}`

/**
 * The forum table: each row on both forums, and large ÷ small for the median latency and the
 * CPU per request (lower is better; 1.00 = size costs nothing). Paged reads must stay ≤ 1.5.
 */
export function formatForumTable(small: ForumSide, large: ForumSide): string {
  const [s, l] = [sizeLabel(small.manifest.counts.posts), sizeLabel(large.manifest.counts.posts)]
  const header = [
    'forum row',
    `${s} req/s`,
    'p50',
    'p99',
    'CPU/req',
    `${l} req/s`,
    'p50',
    'p99',
    'CPU/req',
    `p50 ${l}/${s}`,
    `CPU ${l}/${s}`,
    '≤ 1.5×',
    'non-2xx',
  ]
  const paged = new Set(forumScenarioNames.slice(0, 2))
  const body = forumScenarioNames.flatMap((name) => {
    const a = small.results.get(name)
    const b = large.results.get(name)
    if (!a || !b) return []
    const latency = b.p50 / a.p50
    const cpu = b.cpuPerRequest / a.cpuPerRequest
    return [
      [
        name,
        Math.round(a.requestsPerSecond).toString(),
        ms(a.p50),
        ms(a.p99),
        us(a.cpuPerRequest),
        b.requestsPerSecond < 10
          ? b.requestsPerSecond.toFixed(2)
          : Math.round(b.requestsPerSecond).toString(),
        ms(b.p50),
        ms(b.p99),
        us(b.cpuPerRequest),
        latency.toFixed(2),
        Number.isFinite(cpu) ? cpu.toFixed(2) : '—',
        paged.has(name) ? (latency <= 1.5 ? 'yes' : 'NO') : '—',
        `${a.non2xx + a.errors + a.timeouts} / ${b.non2xx + b.errors + b.timeouts}`,
      ],
    ]
  })
  return markdownTable(header, body)
}

/** Why the forum rows cannot be trusted; empty when every response was 2xx. */
export function forumProblems(small: ForumSide, large: ForumSide): string[] {
  return [small, large].flatMap((side) =>
    [...side.results].flatMap(([name, m]) =>
      problems(m).map((p) => `${name}, ${sizeLabel(side.manifest.counts.posts)} posts: ${p}`),
    ),
  )
}

// The forum's two reader pages against the same SQL on bare Hono: a guest's first page of a
// category's threads, and a page of 50 posts deep in the long thread, on the large bench forum.
// Porchlight serves one copy of it; the bare forum baseline (forum-baseline.ts) serves another
// with the statements Porchlight sends for those pages (forum-work.ts). Both sides are measured
// like the API rows: one warm-up each, alternating slices, rounds alternating which side leads.
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from '../src/db/migrate.ts'
import { openDatabase } from '../src/entry/node.ts'
import { shape } from './answer-shape.ts'
import { cachedForum } from './forum-cache.ts'
import { seedOptions } from './forum-seed.ts'
import { recordForumWork } from './forum-work.ts'
import { alternateSlices } from './interleave.ts'
import { combine, type LoadOptions, type Measurement, measure, type Row, us } from './load.ts'
import { type ServerProcess, stopProcess } from './processes.ts'
import type { BenchRequest } from './scenarios.ts'
import { startForumBaseline, startPorchlight } from './setup.ts'

/** The rows, by name (`--only` matches on these). */
export const forumBaselineRowNames = [
  'forum vs bare SQL: thread list, first page',
  'forum vs bare SQL: posts page (50)',
]

export type ForumRowsOptions = {
  dir: string
  cacheDir: string
  /** Posts in the forum the rows read (the large bench forum). */
  posts: number
  connections: number
  warmupSeconds: number
  durationSeconds: number
  rounds: number
  slices: number
  wanted: (name: string) => boolean
  logLevel: string
  nodeArgs: (name: string) => string[]
  /** Started servers are registered here, so the caller can stop them on any exit. */
  servers: ServerProcess[]
  log: (line: string) => void
}

/** Measures the rows `wanted` selects; returns them for `formatTable`. */
export async function runForumRows(options: ForumRowsOptions): Promise<Row[]> {
  const { dir, log } = options
  const { path, manifest } = await cachedForum(seedOptions(options.posts), options.cacheDir, log)
  // Both copies migrated and checkpointed first, so they are the same file, byte for byte.
  const ours = join(dir, 'forum-rows-porchlight.db')
  const bare = join(dir, 'forum-rows-baseline.db')
  copyFileSync(path, ours)
  const long = manifest.longThread
  // The forum rows' deep page: 90% into the long thread.
  const afterNumber = long.posts - Math.min(1000, Math.floor(long.posts / 10))
  const client = await openDatabase({ url: `file:${ours}` })
  let workFile: string
  try {
    await migrate(client)
    const work = await recordForumWork(client, manifest, { threads: 25, posts: 50, afterNumber })
    workFile = join(dir, 'forum-work.json')
    writeFileSync(workFile, JSON.stringify(work))
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  } finally {
    client.close()
  }
  copyFileSync(ours, bare)

  const visitor = { 'x-porchlight-key': manifest.site.publishableKey, origin: manifest.site.origin }
  const requests: Record<string, BenchRequest> = {
    [forumBaselineRowNames[0] ?? '']: {
      method: 'GET',
      path: `/v1/forum/categories/${manifest.category.slug}/threads`,
      headers: visitor,
    },
    [forumBaselineRowNames[1] ?? '']: {
      method: 'GET',
      path: `/v1/forum/threads/${long.id}/posts?after=${afterNumber}`,
      headers: visitor,
    },
  }
  const names = forumBaselineRowNames.filter(options.wanted)
  const [porchlight, baseline] = await Promise.all([
    startPorchlight({
      dir,
      logLevel: options.logLevel,
      database: ours,
      name: 'porchlight (forum vs bare SQL)',
      nodeArgs: options.nodeArgs('porchlight-forum-rows'),
    }),
    startForumBaseline({
      dir,
      database: bare,
      workFile,
      nodeArgs: options.nodeArgs('forum-baseline'),
    }),
  ])
  options.servers.push(porchlight, baseline)
  try {
    const rows: Row[] = []
    for (const name of names) {
      const request = requests[name]
      if (!request) continue
      const [a, b] = await Promise.all([
        fetchOnce(porchlight, request),
        fetchOnce(baseline, request),
      ])
      if (shape(a) !== shape(b)) {
        log(
          `warning: ${name} answers differ in shape:\n  Porchlight ${a.slice(0, 400)}\n  baseline   ${b.slice(0, 400)}`,
        )
      }
      const load: LoadOptions = {
        connections: options.connections,
        warmup: { seconds: options.warmupSeconds },
        measured: { seconds: options.durationSeconds },
      }
      const ofPorchlight = (slice: LoadOptions) =>
        measure(porchlight.url, request, slice, porchlight.cpuSeconds)
      const ofBaseline = (slice: LoadOptions) =>
        measure(baseline.url, request, slice, baseline.cpuSeconds)
      const pairs: { porchlight: Measurement; baseline: Measurement }[] = []
      for (let round = 0; round < options.rounds; round++) {
        log(`${name}${options.rounds > 1 ? `, round ${round + 1}` : ''} …`)
        const [p, theirs] =
          round % 2 === 0
            ? await alternateSlices(ofPorchlight, ofBaseline, load, options.slices)
            : await alternateSlices(ofBaseline, ofPorchlight, load, options.slices).then(
                ([other, mine]) => [mine, other] as const,
              )
        pairs.push({ porchlight: p, baseline: theirs })
        log(
          `  CPU/req Porchlight ${us(p.cpuPerRequest)}, forum baseline ${us(theirs.cpuPerRequest)}, ` +
            `CPU ratio ${(theirs.cpuPerRequest / p.cpuPerRequest).toFixed(2)}`,
        )
      }
      rows.push({
        name: `${name}, ${options.connections} conn.`,
        porchlight: combine(pairs.map((r) => r.porchlight)),
        baseline: combine(pairs.map((r) => r.baseline)),
        rounds: pairs,
      })
    }
    for (const server of [porchlight, baseline]) {
      if (server.child.exitCode !== null)
        throw new Error(`${server.name} died:\n${server.output()}`)
    }
    return rows
  } finally {
    await Promise.all([stopProcess(porchlight), stopProcess(baseline)])
  }
}

/** One request before the load, so a wrong path or key fails with its body, not a count. */
async function fetchOnce(server: ServerProcess, request: BenchRequest): Promise<string> {
  const res = await fetch(server.url + request.path, {
    method: request.method,
    ...(request.headers && { headers: request.headers }),
    signal: AbortSignal.timeout(10_000),
  })
  const body = await res.text()
  if (!res.ok)
    throw new Error(`${server.name} ${request.path}: ${res.status} ${body.slice(0, 500)}`)
  return body
}

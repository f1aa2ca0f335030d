// The Worker rows of `npm run bench -- --only worker`: the same requests as the Node rows, sent
// to the production Worker bundle in workerd (miniflare) over D1 and over libSQL reached by
// HTTP, and to the Node server, all three over the same data (the 1,000-post bench forum with a
// contact form that takes submissions without proof of work). Reported per row: CPU time per
// request of each server process, from /proc, and the Worker's ratio to Node.
//
// What each figure holds: on D1 the database engine runs inside workerd, so its CPU counts, as
// the embedded libSQL's does in the Node process; over HTTP the database is another process
// (Turso's side in production), so workerd's figure is the Worker's own work plus the HTTP
// client, and the database's CPU is not in it.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildWorkerBundle } from '../test/worker/worker-bundle.ts'
import { cachedForum } from './forum-cache.ts'
import { seedOptions } from './forum-seed.ts'
import {
  combine,
  type Measurement,
  markdownTable,
  measure,
  problems,
  spread,
  spreadCell,
  us,
} from './load.ts'
import { type ServerProcess, stopProcess } from './processes.ts'
import type { BenchRequest } from './scenarios.ts'
import { startPorchlight } from './setup.ts'
import { addOpenForm, rowRequests, type WorkerRowName, workerRowNames } from './worker-rows.ts'
import { startBareWorker, startWorkerSide, type WorkerDatabaseKind } from './worker-sides.ts'

export { workerRowNames }

export type WorkerBenchOptions = {
  /** A scratch folder, removed by the caller. */
  dir: string
  cacheDir: string
  warmupSeconds: number
  durationSeconds: number
  rounds: number
  /** Connections for reads; the submission row uses `writeConnections`. */
  connections: number
  writeConnections: number
  logLevel: string
  wanted: (name: string) => boolean
  log: (line: string) => void
}

type Side = {
  name: string
  /** Measured on this row only (the bare Worker answers nothing but "ok"). */
  only?: WorkerRowName
  url: string
  cpuSeconds(): number
  output(): string
  close(): Promise<void>
}

const databases: WorkerDatabaseKind[] = ['d1', 'libsql-http']

/** The row whose requests the bare Worker answers too: workerd's own cost per request. */
const floorRow = workerRowNames[0]

/** Runs the rows on Node and on both Worker databases; prints the table, returns problems. */
export async function runWorkerBench(options: WorkerBenchOptions): Promise<string[]> {
  const rows = workerRowNames.filter(options.wanted)
  if (rows.length === 0) return []
  options.log('worker: building the bundles as `wrangler deploy` does, for D1 and for Turso …')
  const bundle = await buildWorkerBundle('d1')
  const bundles = { d1: bundle, 'libsql-http': await buildWorkerBundle('turso') }
  const forum = await cachedForum(seedOptions(1000), options.cacheDir, options.log)
  const source = join(options.dir, 'worker-source.db')
  copyFileSync(forum.path, source)
  const requests = rowRequests(await addOpenForm(source, forum.manifest.site), forum.manifest)

  const starts: (() => Promise<Side>)[] = [
    () => nodeSide(options, source),
    ...databases.map((database) => () => {
      const copy = join(options.dir, `worker-${database}.db`)
      copyFileSync(source, copy)
      return startWorkerSide({
        bundle: bundles[database],
        database,
        source: copy,
        dir: options.dir,
        logLevel: options.logLevel,
      })
    }),
  ]
  if (rows.includes(floorRow)) {
    starts.push(async () => ({
      ...(await startBareWorker(bundle)),
      only: floorRow,
    }))
  }
  const sides: Side[] = []
  try {
    // One after the other: each workerd is told apart by appearing after the previous one.
    for (const start of starts) sides.push(await start())
    const { results, bad } = await measureRounds(options, sides, rows, requests)
    console.log(
      `\nThe Worker in workerd beside Node (built for D1: ${bundle.wranglerSummary}; ` +
        `for Turso: ${bundles['libsql-http'].wranglerSummary}):\n`,
    )
    const compared = sides.filter((side) => !side.only)
    console.log(
      workerTable(
        rows,
        compared.map((side) => side.name),
        results,
      ),
    )
    const floorRuns = results[sides.findIndex((side) => side.only)]?.[rows.indexOf(floorRow)]
    if (floorRuns?.length) {
      const m = combine(floorRuns)
      console.log(
        `\nA bare Worker (fetch answers "ok") under the same wrangler.toml: ${us(m.cpuPerRequest)} ` +
          `CPU per request, ${Math.round(m.requestsPerSecond)} req/s. That is workerd's HTTP ` +
          "handling and miniflare's routing in front of the Worker (the static assets' router), " +
          'inside every Worker figure above; on Cloudflare the edge does that routing.',
      )
    }
    return bad
  } finally {
    await Promise.all(sides.map((side) => side.close()))
  }
}

/**
 * Every row on every side, `rounds` times; each round starts with another side, which cancels a
 * drift in the machine's speed. Returns the measurements as [side][row] → one per round.
 */
async function measureRounds(
  options: WorkerBenchOptions,
  sides: Side[],
  rows: WorkerRowName[],
  requests: Record<WorkerRowName, BenchRequest>,
): Promise<{ results: Measurement[][][]; bad: string[] }> {
  const results = sides.map(() => rows.map(() => [] as Measurement[]))
  const bad: string[] = []
  // A row a side answers wrongly is reported and left out for that side, not measured.
  const skipped = new Set<string>()
  for (const side of sides) {
    for (const row of rows) {
      if (side.only && side.only !== row) continue
      const problem = await checkOnce(side, requests[row])
      if (problem) {
        skipped.add(`${side.name}|${row}`)
        bad.push(`${row}, ${side.name}: ${problem}`)
      }
    }
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, row] of rows.entries()) {
      for (const k of sides.map((_, n) => (n + round) % sides.length)) {
        const side = sides[k] as Side
        if ((side.only && side.only !== row) || skipped.has(`${side.name}|${row}`)) continue
        options.log(`${row}, ${side.name}${options.rounds > 1 ? `, round ${round + 1}` : ''} …`)
        const m = await measure(
          side.url,
          requests[row],
          {
            connections: row.startsWith('worker: POST')
              ? options.writeConnections
              : options.connections,
            warmup: { seconds: options.warmupSeconds },
            measured: { seconds: options.durationSeconds },
          },
          () => side.cpuSeconds(),
        )
        results[k]?.[i]?.push(m)
        bad.push(...problems(m).map((p) => `${row}, ${side.name}: ${p}\n${side.output()}`))
      }
    }
  }
  return { results, bad }
}

async function nodeSide(options: WorkerBenchOptions, source: string): Promise<Side> {
  const database = join(options.dir, 'worker-node.db')
  copyFileSync(source, database)
  const server: ServerProcess = await startPorchlight({
    dir: options.dir,
    database,
    logLevel: options.logLevel,
    name: 'porchlight (Worker rows)',
  })
  return {
    name: 'Node (libSQL file)',
    url: server.url,
    cpuSeconds: server.cpuSeconds,
    output: server.output,
    close: () => stopProcess(server),
  }
}

/** One request before the load: what is wrong with its answer (status, body, log), or null. */
async function checkOnce(side: Side, request: BenchRequest): Promise<string | null> {
  const res = await fetch(side.url + request.path, {
    method: request.method,
    ...(request.headers && { headers: request.headers }),
    ...(request.body !== undefined && { body: request.body }),
    signal: AbortSignal.timeout(10_000),
  })
  if (res.ok) return null
  return `${request.method} ${request.path}: ${res.status} ${await res.text()}\n${side.output().slice(-2000)}`
}

/** CPU per request for each side (median of the rounds, with their spread), and the ratios. */
function workerTable(rows: readonly string[], names: string[], results: Measurement[][][]): string {
  const cell = (k: number, i: number) => {
    const runs = results[k]?.[i] ?? []
    return { m: combine(runs), spread: spread(runs.map((r) => r.cpuPerRequest)) }
  }
  const [nodeName, ...workers] = names
  const header = [
    'row',
    `${nodeName} CPU/req`,
    ...workers.flatMap((w) => [`${w} CPU/req`, `÷ Node`]),
    'spread (N, D1, HTTP)',
    'req/s (N, D1, HTTP)',
  ]
  const body = rows.map((row, i) => {
    const all = names.map((_, k) => cell(k, i))
    const [node, ...perWorker] = all
    const nodeCpu = node?.m.cpuPerRequest ?? Number.NaN
    return [
      row.replace(/^worker: /, ''),
      us(nodeCpu),
      ...perWorker.flatMap((c) => [
        us(c.m.cpuPerRequest),
        `${(c.m.cpuPerRequest / nodeCpu).toFixed(2)}×`,
      ]),
      all.map((c) => spreadCell(c.spread)).join(', '),
      all.map((c) => Math.round(c.m.requestsPerSecond)).join(' / '),
    ]
  })
  return markdownTable(header, body)
}

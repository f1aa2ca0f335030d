// `node apps/server/bench/database-access.ts [--iterations 2000 --warmup 500 --rounds 3 --only drizzle]`
//
// Which way of reaching the embedded libSQL file costs the least CPU per query, measured on one
// file with the same three queries for every candidate: the site lookup of `GET /v1/site` (two
// selects in one read transaction), a thread's posts page (50 posts joined with their authors),
// and the batch that stores a contact submission (the submission and its outbox job in one write
// transaction). Candidates: the raw drivers (`@libsql/client`, Porchlight's local client with and
// without its statement cache, the `libsql` binding's synchronous API with statements prepared
// once, `node:sqlite` likewise), and drizzle on top of each, with and without `.prepare()`.
// Prints CPU µs per query (median of the rounds, and the spread between rounds) and wall µs.
// Everything runs in this one process, one query at a time: the CPU of the query path alone.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createLocalClient } from '../src/db/local-client.ts'
import { migrate } from '../src/db/migrate.ts'
import { type Candidate, candidates, type Queries } from './database-access-candidates.ts'
import { seedDatabaseAccess } from './database-access-seed.ts'

const { values: flags } = parseArgs({
  options: {
    iterations: { type: 'string', default: '2000' },
    warmup: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
})
const iterations = Number(flags.iterations)
const warmup = Number(flags.warmup)
const rounds = Number(flags.rounds)

type QueryName = keyof Queries
const queryNames: QueryName[] = ['siteLookup', 'postsPage', 'insertSubmission']

type Sample = { cpuUs: number; wallUs: number }

/** CPU and wall time per call of `run`, over `iterations` calls after `warmup` unmeasured ones. */
async function sample(run: (i: number) => Promise<unknown>, offset: number): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await run(offset + i)
  const cpu = process.cpuUsage()
  const wall = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) await run(offset + warmup + i)
  const used = process.cpuUsage(cpu)
  const wallNs = Number(process.hrtime.bigint() - wall)
  return { cpuUs: (used.user + used.system) / iterations, wallUs: wallNs / 1000 / iterations }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-database-access-'))
  const path = join(dir, 'bench.db')
  try {
    const setup = createLocalClient({ path })
    await migrate(setup)
    const world = await seedDatabaseAccess(setup)
    setup.close()

    const chosen = candidates.filter((c) => !flags.only || c.name.includes(flags.only))
    const opened: { candidate: Candidate; queries: Queries; close(): void }[] = []
    for (const candidate of chosen)
      opened.push({ candidate, ...(await candidate.open(path, world)) })

    // Every candidate must answer alike before any is timed.
    for (const { candidate, queries } of opened) {
      const site = (await queries.siteLookup()) as { origins: string[] } | null
      const page = (await queries.postsPage()) as unknown[]
      if (site?.origins.length !== world.origins || page.length !== 50) {
        throw new Error(
          `${candidate.name} answered differently: ${JSON.stringify({ site, page: page.length })}`,
        )
      }
    }

    const samples = new Map<string, Sample[]>()
    let offset = 0
    for (let round = 0; round < rounds; round++) {
      // Rotate the order so no candidate always runs first (or on a warmer cache).
      const order = opened.map(
        (_, i) => opened[(i + round) % opened.length] as (typeof opened)[number],
      )
      for (const { candidate, queries } of order) {
        for (const name of queryNames) {
          const run = queries[name]
          if (!run) continue
          const key = `${candidate.name}\t${name}`
          const taken = await sample(run, offset)
          offset += warmup + iterations
          samples.set(key, [...(samples.get(key) ?? []), taken])
        }
      }
    }
    for (const { close } of opened) close()

    printTable(chosen, samples)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function printTable(chosen: Candidate[], samples: Map<string, Sample[]>) {
  const header = ['candidate', ...queryNames.flatMap((q) => [`${q} CPU µs`, 'spread', 'wall µs'])]
  const lines = [header]
  for (const candidate of chosen) {
    const cells = [candidate.name]
    for (const name of queryNames) {
      const taken = samples.get(`${candidate.name}\t${name}`)
      if (!taken) {
        cells.push('n/a', '', '')
        continue
      }
      const cpu = taken.map((s) => s.cpuUs)
      const mid = median(cpu)
      const spread = (Math.max(...cpu) - Math.min(...cpu)) / mid
      cells.push(
        mid.toFixed(1),
        `${(spread * 100).toFixed(0)}%`,
        median(taken.map((s) => s.wallUs)).toFixed(1),
      )
    }
    lines.push(cells)
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)))
  for (const line of lines)
    console.log(line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '))
  console.log(
    `\n${iterations} calls per query after ${warmup} unmeasured, ${rounds} rounds; CPU of this process (user + system) per call.`,
  )
}

await main()

// `node apps/server/bench/soak.ts [--minutes 10 --log-level warn --snapshots <dir>]`
//
// Does memory stay bounded under a long mixed load? Starts the real server (`porchlight serve`,
// with `--expose-gc` and the bench's memory probe preloaded) on a fresh database, runs the mixed
// load of soak-load.ts for N minutes, and reports heap used and RSS after a forced GC: idle
// before the load, every minute, and after it. The probe answers over an IPC channel only this
// process holds; the server has no route for it. With --snapshots, heap snapshots are written
// after the first minute and at the end: compare them with `node apps/server/bench/heap-diff.ts`.
// Exits 1 if any request got an answer other than the one expected. See docs/performance.md
// ("Memory under a long load").
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { MemoryReport } from './memory-probe.ts'
import { killAll, type ServerProcess, stopProcess } from './processes.ts'
import { startPorchlight } from './setup.ts'
import { type LaneStats, seedSoakDatabase, soakLanes } from './soak-load.ts'

const usage = `Usage: node apps/server/bench/soak.ts [options]
  --minutes <n>       minutes of load (default 10)
  --log-level <level> Porchlight's LOG_LEVEL (default warn)
  --snapshots <dir>   write heap snapshots after minute 1 and at the end to <dir>
  --details           print each sample's V8 heap spaces and anonymous RSS
  --env KEY=VALUE     an environment variable for the server, e.g. MALLOC_ARENA_MAX=2 (repeatable)
  --node-arg=<flag>   a flag for the server's node, e.g. --node-arg=--max-semi-space-size=16
                      (repeatable)
  --only <a,b,…>      run only the lanes whose name contains one of these ("contact",
                      "registrations,sign-ins", …), to find which part of the load a growth
                      comes from; sign-ins and posts need registrations for their members`

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    'log-level': { type: 'string', default: 'warn' },
    snapshots: { type: 'string' },
    details: { type: 'boolean', default: false },
    only: { type: 'string' },
    env: { type: 'string', multiple: true },
    'node-arg': { type: 'string', multiple: true },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const minutes = Number(values.minutes)
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error(`soak: --minutes must be a positive number\n\n${usage}`)
  process.exit(1)
}
const snapshotDir = values.snapshots && resolve(values.snapshots)
const serverEnv = Object.fromEntries(
  (values.env ?? []).map((pair) => {
    const at = pair.indexOf('=')
    if (at < 1) {
      console.error(`soak: --env takes KEY=VALUE, not ${pair}\n\n${usage}`)
      process.exit(1)
    }
    return [pair.slice(0, at), pair.slice(at + 1)]
  }),
)
const log = (line: string) => console.error(`soak: ${line}`)

const dir = mkdtempSync(join(tmpdir(), 'porchlight-soak-'))
process.once('exit', () => {
  killAll()
  rmSync(dir, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nsoak: ${signal}, stopping`)
    process.exit(130)
  })
}
// Setup, the load, and a generous margin for a slow machine.
setTimeout(
  () => {
    console.error('soak: still running long after the load should have ended, giving up')
    process.exit(1)
  },
  (minutes * 60 + 300) * 1000,
).unref()

type Sample = { label: string; requests: number; cpuSeconds: number; report: MemoryReport }

let server: ServerProcess | undefined
try {
  const database = join(dir, 'soak.db')
  const site = await seedSoakDatabase(database)
  const probe = fileURLToPath(new URL('./memory-probe.ts', import.meta.url))
  server = await startPorchlight({
    dir,
    database,
    logLevel: values['log-level'],
    env: { TRUST_PROXY: 'x-forwarded-for', ...serverEnv },
    nodeArgs: [...(values['node-arg'] ?? []), '--expose-gc', '--import', probe],
    ipc: true,
    name: 'porchlight (soak)',
  })
  log(`Node ${process.version}, ${availableParallelism()} CPUs, ${minutes} min of mixed load`)
  const measure = memoryProbe(server)
  const cpu = (target: ServerProcess) => target.cpuSeconds()
  const samples: Sample[] = [
    { label: 'idle', requests: 0, cpuSeconds: cpu(server), report: await measure.memory() },
  ]
  log(formatSample(samples[0] as Sample))

  const started = Date.now()
  const until = started + minutes * 60_000
  const only = values.only?.split(',').map((part) => part.trim())
  const lanes = soakLanes(server.url, site, until).filter(
    (l) => !only || only.some((part) => l.stats.name.includes(part)),
  )
  if (lanes.length === 0) throw new Error(`no lane matches --only ${values.only}`)
  const requests = () =>
    lanes.reduce((n, l) => n + [...l.stats.statuses.values()].reduce((a, b) => a + b, 0), 0)
  const minutesDone = Math.floor(minutes)
  for (let minute = 1; minute <= minutesDone; minute++) {
    const wait = started + minute * 60_000 - Date.now()
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)))
    samples.push({
      label: `minute ${minute}`,
      requests: requests(),
      cpuSeconds: cpu(server),
      report: await measure.memory(),
    })
    log(formatSample(samples.at(-1) as Sample))
    if (minute === 1 && snapshotDir) await measure.snapshot(snapshotDir, 'minute-1')
  }
  await Promise.all(lanes.map((l) => l.done))
  // Let the outbox deliver what the last requests queued, then measure the server at rest.
  await new Promise((resolve) => setTimeout(resolve, 5000))
  samples.push({
    label: 'end',
    requests: requests(),
    cpuSeconds: cpu(server),
    report: await measure.memory(),
  })
  log(formatSample(samples.at(-1) as Sample))
  if (snapshotDir) await measure.snapshot(snapshotDir, 'end')

  console.log(`\n${formatTable(samples)}\n`)
  console.log(formatLanes(lanes.map((l) => l.stats)))
  const unexpected = lanes.flatMap((l) =>
    [...l.stats.statuses].filter(([status]) => typeof status === 'string'),
  )
  if (server.child.exitCode !== null) throw new Error(`the server died:\n${server.output()}`)
  if (unexpected.length > 0) {
    throw new Error(`unexpected answers: ${unexpected.map(([s, n]) => `${s} ×${n}`).join(', ')}`)
  }
} catch (error) {
  console.error(`soak: ${error instanceof Error ? error.message : String(error)}`)
  if (server) console.error(server.output())
  process.exitCode = 1
} finally {
  if (server) await stopProcess(server)
}

/** Asks the probe preloaded into `server` (memory-probe.ts) over its IPC channel. */
function memoryProbe(target: ServerProcess) {
  let nextId = 0
  const ask = <T>(message: Record<string, unknown>, pick: (answer: Record<string, unknown>) => T) =>
    new Promise<T>((resolvePromise, reject) => {
      const id = ++nextId
      const onMessage = (answer: Record<string, unknown>) => {
        if (answer.id !== id) return
        target.child.off('message', onMessage)
        resolvePromise(pick(answer))
      }
      target.child.on('message', onMessage)
      target.child.send({ ...message, id }, (error) => error && reject(error))
    })
  return {
    memory: () => ask({ type: 'memory' }, (answer) => answer.report as MemoryReport),
    snapshot: async (into: string, name: string) => {
      mkdirSync(into, { recursive: true })
      const path = await ask({ type: 'snapshot', path: join(into, `${name}.heapsnapshot`) }, (a) =>
        String(a.path),
      )
      log(`heap snapshot: ${path}`)
    },
  }
}

function mb(bytes: number) {
  return (bytes / 1024 / 1024).toFixed(1)
}

function formatSample({ label, requests, report }: Sample) {
  const line = `${label}: ${requests} requests, heap used ${mb(report.heapUsed)} MB, RSS ${mb(report.rss)} MB`
  if (!values.details) return line
  const spaces = Object.entries(report.spaces)
    .filter(([, space]) => space.size > 0)
    .map(([name, space]) => `${name} ${mb(space.used)}/${mb(space.size)}`)
  const anon = report.rssAnon === undefined ? '' : `, anonymous RSS ${mb(report.rssAnon)} MB`
  return `${line}${anon}, external ${mb(report.external)} MB\n  ${spaces.join(', ')}`
}

function formatTable(samples: Sample[]) {
  const rows = samples.map(({ label, requests, cpuSeconds, report }) =>
    [
      label,
      String(requests),
      cpuSeconds.toFixed(1),
      mb(report.heapUsed),
      mb(report.heapTotal),
      mb(report.external),
      mb(report.code),
      mb(report.rss),
    ].join(' | '),
  )
  return [
    '| after GC | requests | server CPU s | heap used MB | heap total MB | external MB | code MB | RSS MB |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n')
}

function formatLanes(stats: LaneStats[]) {
  const byName = new Map<string, Map<number | string, number>>()
  for (const { name, statuses } of stats) {
    const merged = byName.get(name) ?? new Map()
    for (const [status, n] of statuses) merged.set(status, (merged.get(status) ?? 0) + n)
    byName.set(name, merged)
  }
  return [...byName]
    .map(([name, statuses]) => {
      const parts = [...statuses].map(([status, n]) => `${status} ×${n}`)
      return `${name}: ${parts.join(', ') || 'none'}`
    })
    .join('\n')
}

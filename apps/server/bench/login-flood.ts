// `node apps/server/bench/login-flood.ts [--duration 10 --concurrency 2,64 …]` (--help for all)
//
// Does a flood of sign-ins starve the rest of the server? Starts the real server (LOG_LEVEL=warn)
// on a fresh database holding one site and N members with real scrypt hashes, and for each
// PASSWORD_HASH_CONCURRENCY in --concurrency measures, with autocannon:
//
//   idle    GET /v1/site and GET /healthz together, no sign-ins
//   login   POST /v1/auth/login alone, valid credentials
//   flood   the same sign-ins, and GET /v1/site and GET /healthz at the same time
//
// Every sign-in is valid and comes from an address never used before (X-Forwarded-For, with
// TRUST_PROXY=x-forwarded-for), rotating over the members: the login throttle lets each one
// through to scrypt, as it would a flood from many machines. Prints a Markdown table and exits
// 1 unless every response was 2xx. See docs/performance.md ("Sign-in floods").
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon, { type Options, type Result } from 'autocannon'
import type { BreachedPasswordChecker } from '../src/auth/breached-passwords.ts'
import { createMember } from '../src/auth/create-member.ts'
import { createPasswordHasher } from '../src/auth/password.ts'
import { readAuthSettings } from '../src/auth/settings.ts'
import { systemClock } from '../src/clock.ts'
import { createDatabase } from '../src/db/client.ts'
import { migrate } from '../src/db/migrate.ts'
import { openDatabase } from '../src/entry/node.ts'
import { siteScope } from '../src/sites/scope.ts'
import { createSite } from '../src/sites/service.ts'
import {
  freePort,
  killAll,
  type ServerProcess,
  startProcess,
  stopProcess,
  waitUntilReady,
} from './processes.ts'

const usage = `Usage: node apps/server/bench/login-flood.ts [options]
  --duration <s>            measured seconds per phase (default 10)
  --warmup <s>              unmeasured seconds before each phase (default 2)
  --members <n>             members to sign in as, in turn (default 40)
  --login-connections <n>   concurrent sign-in connections (default 20)
  --probe-connections <n>   connections for each of GET /v1/site and GET /healthz (default 10)
  --probe-rate <n>          cap each probe at n req/s (default 0: as fast as it goes)
  --concurrency <list>      PASSWORD_HASH_CONCURRENCY values to measure (default 2,64)
  --rounds <n>              repeat everything n times, alternating the order of the bounds,
                            and report medians with the range of the latencies (default 1)
  --log-level <level>       Porchlight's LOG_LEVEL (default warn)`

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    members: { type: 'string', default: '40' },
    'login-connections': { type: 'string', default: '20' },
    'probe-connections': { type: 'string', default: '10' },
    'probe-rate': { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '2,64' },
    rounds: { type: 'string', default: '1' },
    'log-level': { type: 'string', default: 'warn' },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const duration = number('duration', values.duration, 1)
const warmup = number('warmup', values.warmup, 0)
const memberCount = Math.round(number('members', values.members, 1))
const loginConnections = Math.round(number('login-connections', values['login-connections'], 1))
const probeConnections = Math.round(number('probe-connections', values['probe-connections'], 1))
const probeRate = Math.round(number('probe-rate', values['probe-rate'], 0))
const bounds = values.concurrency
  .split(',')
  .map((value) => Math.round(number('concurrency', value.trim(), 1)))
const roundCount = Math.round(number('rounds', values.rounds, 1))
const logLevel = values['log-level']

// ~~~ What is sent ~~~

type BenchRequest = {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

/** autocannon's `requests` option, which autocannon.d.ts (shared with run.ts) leaves out. */
type LoadOptions = Options & {
  requests?: { setupRequest: (request: BenchRequest) => BenchRequest }[]
  overallRate?: number
}

type Site = { publishableKey: string; origin: string }
type Member = { email: string; password: string }

/** `GET /v1/site` as a browser on the site's page sends it, and `GET /healthz`. */
function probes(site: Site): { name: string; request: BenchRequest }[] {
  return [
    {
      name: 'GET /v1/site',
      request: {
        method: 'GET',
        path: '/v1/site',
        headers: { 'x-porchlight-key': site.publishableKey, origin: site.origin },
      },
    },
    { name: 'GET /healthz', request: { method: 'GET', path: '/healthz', headers: {} } },
  ]
}

let sent = 0
/** The next sign-in: the next member, from an address no earlier sign-in came from. */
function nextLogin(site: Site, members: Member[]): BenchRequest {
  const n = sent++
  const member = members[n % members.length]
  if (!member) throw new Error('no members')
  return {
    method: 'POST',
    path: '/v1/auth/login',
    headers: {
      'content-type': 'application/json',
      'x-porchlight-key': site.publishableKey,
      origin: site.origin,
      // 10.0.0.0/8 holds 16.7 million addresses: no run comes near repeating one.
      'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
    },
    body: JSON.stringify({ email: member.email, password: member.password }),
  }
}

// ~~~ Measuring ~~~

type Measurement = {
  name: string
  requestsPerSecond: number
  p50: number
  p99: number
  total: number
  failures: number
  statusCodes: Record<string, number>
}

function load(url: string, request: BenchRequest, seconds: number, rate = 0): LoadOptions {
  return {
    url: url + request.path,
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined && { body: request.body }),
    connections: probeConnections,
    duration: seconds,
    // A sign-in waits behind every hash queued before it: seconds, not milliseconds.
    timeout: 60,
    ...(rate > 0 && { overallRate: rate }),
  }
}

function loginLoad(url: string, site: Site, members: Member[], seconds: number): LoadOptions {
  const first = nextLogin(site, members)
  return {
    ...load(url, first, seconds),
    connections: loginConnections,
    requests: [
      {
        // autocannon passes its defaults (host, port, …) in `request`: keep them.
        setupRequest: (request) => {
          const next = nextLogin(site, members)
          return { ...request, ...next, headers: { ...request.headers, ...next.headers } }
        },
      },
    ],
  }
}

function run(options: LoadOptions): PromiseLike<Result> {
  return autocannon(options)
}

function summary(name: string, result: Result): Measurement {
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
  }
}

type Phase = {
  name: string
  measurements: Measurement[]
  /** Cores the server process used on average over the measured seconds. */
  serverCores: number
  /** Failed responses during the phase's warm-up, which is otherwise discarded. */
  warmupFailures: number
}

/** A load in a phase: a `flood` runs throughout, a `probe` is warmed up, then measured. */
type Load = { name: string; kind: 'flood' | 'probe'; options: (seconds: number) => LoadOptions }

/**
 * Starts the floods, which run for --warmup + --duration seconds and are measured whole (a
 * sign-in only answers once the hashes queued before it are done, so a shorter window could
 * see none). Meanwhile the probes warm up for --warmup seconds (discarded, but checked), then
 * are measured for --duration seconds, when the flood's queue is full.
 */
async function phase(name: string, server: ServerProcess, loads: Load[]): Promise<Phase> {
  const floods = loads.filter((l) => l.kind === 'flood')
  const probes = loads.filter((l) => l.kind === 'probe')
  const flooding = floods.map((l) => run(l.options(warmup + duration)))
  const [, ...warmed] = await Promise.all([
    sleep(warmup * 1000),
    ...probes.map((l) => run(l.options(warmup))),
  ])
  const before = server.cpuSeconds()
  const started = performance.now()
  const measured = await Promise.all(probes.map((l) => run(l.options(duration))))
  if (probes.length === 0) await sleep(duration * 1000)
  const cores = (server.cpuSeconds() - before) / ((performance.now() - started) / 1000)
  const flooded = await Promise.all(flooding)
  const byName = new Map<string, Result>(
    [
      ...floods.map((l, i) => [l.name, flooded[i]] as const),
      ...probes.map((l, i) => [l.name, measured[i]] as const),
    ].filter((entry): entry is readonly [string, Result] => entry[1] !== undefined),
  )
  return {
    name,
    measurements: loads.flatMap((l) => {
      const result = byName.get(l.name)
      return result ? [summary(l.name, result)] : []
    }),
    serverCores: cores,
    warmupFailures: warmed.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Waits until the server is idle again (sign-ins abandoned at the end of a phase are still
 * hashing), so one phase's leftovers are not measured in the next.
 */
async function settle(server: ServerProcess): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const before = server.cpuSeconds()
    await sleep(500)
    if (!((server.cpuSeconds() - before) / 0.5 > 0.1)) return
  }
}

// ~~~ The server and its data ~~~

const exitWithParent = [
  '--import',
  fileURLToPath(new URL('./exit-with-parent.ts', import.meta.url)),
]
const porchlightBin = fileURLToPath(new URL('../bin/porchlight.js', import.meta.url))

/** One site and `count` verified members, made by our own services with real scrypt hashes. */
async function prepareDatabase(dir: string, count: number): Promise<Site & { members: Member[] }> {
  const client = await openDatabase({ url: `file:${join(dir, 'porchlight.db')}` })
  try {
    await migrate(client)
    const db = createDatabase(client)
    const origin = 'https://bench.example'
    const site = await createSite(
      { db, clock: systemClock },
      { name: 'Login flood', origins: [origin] },
    )
    const neverAsked: BreachedPasswordChecker = {
      isBreached: () => Promise.reject(new Error('the bench site does not check breaches')),
    }
    const deps = {
      db,
      clock: systemClock,
      // Today's parameters (the server must not rehash on sign-in), all cores: setup only.
      passwords: createPasswordHasher({ maxConcurrent: availableParallelism() }),
      breachedPasswords: neverAsked,
    }
    const members = Array.from({ length: count }, (_, i) => ({
      email: `member-${i}@bench.example`,
      password: `flood-${i}-correct-horse-battery-staple`,
    }))
    await Promise.all(
      members.map((member, i) =>
        createMember(deps, siteScope(site.id), readAuthSettings({}), {
          ...member,
          displayName: `Bench member ${i}`,
          verified: true,
        }),
      ),
    )
    return { publishableKey: site.publishableKey, origin, members }
  } finally {
    client.close()
  }
}

async function startServer(dir: string, concurrency: number): Promise<ServerProcess> {
  const port = await freePort()
  const server = startProcess({
    name: `porchlight (PASSWORD_HASH_CONCURRENCY=${concurrency})`,
    args: [...exitWithParent, porchlightBin, 'serve'],
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${join(dir, 'porchlight.db')}`,
      LOG_LEVEL: logLevel,
      DEMO_SITE: 'false',
      TRUST_PROXY: 'x-forwarded-for',
      PASSWORD_HASH_CONCURRENCY: String(concurrency),
    },
    port,
    // Not the checkout: the CLI reads a .env from where it runs, which must not change the run.
    cwd: dir,
  })
  await waitUntilReady(server, '/healthz', 20_000)
  return server
}

/** One request before the load, so a wrong route or key fails with its body, not a count. */
async function checkOnce(server: ServerProcess, request: BenchRequest): Promise<void> {
  const res = await fetch(server.url + request.path, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined && { body: request.body }),
    signal: AbortSignal.timeout(10_000),
  })
  if (!res.ok) {
    throw new Error(`${request.method} ${request.path}: ${res.status} ${await res.text()}`)
  }
}

// ~~~ The run ~~~

const dir = mkdtempSync(join(tmpdir(), 'porchlight-login-flood-'))
// Whatever happens, no server is left running and no database is left behind.
process.once('exit', () => {
  killAll()
  rmSync(dir, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nlogin-flood: ${signal}, stopping`)
    process.exit(130)
  })
}
// Setup (one hash per member), then per bound and round three phases with warm-up, two
// settlings, start and stop, and slack: generous, but finite.
const budgetSeconds =
  120 + memberCount + roundCount * bounds.length * (3 * (warmup + duration + 10) + 2 * 30 + 30)
setTimeout(() => {
  console.error(`login-flood: still running after ${budgetSeconds} s, giving up`)
  process.exit(1)
}, budgetSeconds * 1000).unref()

type Run = { concurrency: number; phases: Phase[]; peakRssMiB: number }
const runs: Run[] = []
let server: ServerProcess | undefined
try {
  const setupStarted = performance.now()
  const { members, ...site } = await prepareDatabase(dir, memberCount)
  console.error(
    `login-flood: Node ${process.version}, ${availableParallelism()} CPUs, load average ` +
      `${loadavg()[0]?.toFixed(1)}; ${memberCount} members made in ` +
      `${((performance.now() - setupStarted) / 1000).toFixed(1)} s; ${warmup} s warm-up + ` +
      `${duration} s per phase, ${roundCount} round(s); ${loginConnections} sign-in ` +
      `connections, ${probeConnections} per probe${probeRate > 0 ? ` at ${probeRate} req/s` : ''}; ` +
      `LOG_LEVEL=${logLevel}`,
  )
  const probeList = probes(site)
  for (let round = 0; round < roundCount; round++) {
    // Alternating the order cancels a drift in the machine's speed over a long run.
    const order = round % 2 === 0 ? bounds : bounds.toReversed()
    for (const concurrency of order) {
      const label = `PASSWORD_HASH_CONCURRENCY=${concurrency}`
      console.error(`login-flood: ${label}${roundCount > 1 ? `, round ${round + 1}` : ''} …`)
      server = await startServer(dir, concurrency)
      const { url } = server
      for (const probe of probeList) await checkOnce(server, probe.request)
      await checkOnce(server, nextLogin(site, members))
      const probeLoads = probeList.map(
        (p): Load => ({
          name: p.name,
          kind: 'probe',
          options: (seconds) => load(url, p.request, seconds, probeRate),
        }),
      )
      const login: Load = {
        name: 'POST /v1/auth/login',
        kind: 'flood',
        options: (seconds) => loginLoad(url, site, members, seconds),
      }
      const phases: Phase[] = []
      console.error('login-flood:   idle: probes alone')
      phases.push(await phase('idle', server, probeLoads))
      console.error('login-flood:   login: sign-ins alone')
      phases.push(await phase('login', server, [login]))
      await settle(server)
      console.error('login-flood:   flood: sign-ins and probes together')
      phases.push(await phase('flood', server, [login, ...probeLoads]))
      if (server.child.exitCode !== null) {
        throw new Error(`${server.name} died:\n${server.output()}`)
      }
      const peakRssMiB = peakRss(server)
      await settle(server)
      await stopProcess(server)
      server = undefined
      runs.push({ concurrency, phases, peakRssMiB })
    }
  }

  const combined = bounds.map((concurrency) =>
    combine(runs.filter((r) => r.concurrency === concurrency)),
  )
  console.log(formatTable(combined))
  console.log()
  console.log(formatDegradation(combined))
  console.log()
  console.log(
    `Peak server RSS: ${combined.map((c) => `bound ${c.concurrency}: ${c.peakRssMiB.toFixed(0)} MiB`).join(', ')}.`,
  )
  const bad = runs.flatMap((r) =>
    r.phases.flatMap((p) => [
      ...(p.warmupFailures > 0
        ? [`bound ${r.concurrency}, ${p.name}: ${p.warmupFailures} failures during warm-up`]
        : []),
      ...p.measurements
        .filter((m) => m.failures > 0 || m.total === 0)
        .map(
          (m) =>
            `bound ${r.concurrency}, ${p.name}, ${m.name}: ${m.failures} failed of ${m.total} ` +
            `(status codes ${JSON.stringify(m.statusCodes)})`,
        ),
    ]),
  )
  if (bad.length > 0) throw new Error(`some responses were not 2xx:\n  ${bad.join('\n  ')}`)
} catch (error) {
  console.error(`login-flood: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  if (server) await stopProcess(server)
}

/** The server's peak resident memory (VmHWM), in MiB; NaN off Linux. */
function peakRss({ child }: ServerProcess): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) / 1024
  } catch {
    return Number.NaN
  }
}

// ~~~ Output ~~~

/** A measurement over several rounds: medians, with the range of the latencies. */
type Combined = Measurement & { p50s: number[]; p99s: number[] }
type CombinedPhase = { name: string; measurements: Combined[]; serverCores: number }
type CombinedRun = { concurrency: number; phases: CombinedPhase[]; peakRssMiB: number }

function combine(of: Run[]): CombinedRun {
  const first = of[0]
  if (!first) throw new Error('nothing measured')
  return {
    concurrency: first.concurrency,
    peakRssMiB: Math.max(...of.map((r) => r.peakRssMiB)),
    phases: first.phases.map((p) => {
      const same = of.flatMap((r) => r.phases.filter((q) => q.name === p.name))
      return {
        name: p.name,
        serverCores: median(same.map((q) => q.serverCores)),
        measurements: p.measurements.map((m) => {
          const all = same.flatMap((q) => q.measurements.filter((n) => n.name === m.name))
          const sum = (pick: (n: Measurement) => number) => all.reduce((t, n) => t + pick(n), 0)
          return {
            name: m.name,
            requestsPerSecond: median(all.map((n) => n.requestsPerSecond)),
            p50: median(all.map((n) => n.p50)),
            p99: median(all.map((n) => n.p99)),
            total: sum((n) => n.total),
            failures: sum((n) => n.failures),
            statusCodes: {},
            p50s: all.map((n) => n.p50),
            p99s: all.map((n) => n.p99),
          }
        }),
      }
    }),
  }
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length % 2 === 1) return sorted[middle] ?? Number.NaN
  return ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
}

/** `12 ms`, or with several rounds the median and the range: `12 ms (9–15)`. */
function latency(value: number, all: number[]): string {
  const ms = `${Math.round(value)} ms`
  return all.length < 2 ? ms : `${ms} (${Math.min(...all)}–${Math.max(...all)})`
}

function formatTable(all: CombinedRun[]): string {
  const header = ['hash bound', 'phase', 'endpoint', 'req/s', 'p50', 'p99', 'server CPU', 'non-2xx']
  const rows = all.flatMap(({ concurrency, phases }) =>
    phases.flatMap((p) =>
      p.measurements.map((m) => [
        String(concurrency),
        p.name,
        m.name,
        m.requestsPerSecond.toFixed(m.requestsPerSecond < 100 ? 1 : 0),
        latency(m.p50, m.p50s),
        latency(m.p99, m.p99s),
        `${p.serverCores.toFixed(2)} cores`,
        String(m.failures),
      ]),
    ),
  )
  return markdown(header, rows, 3)
}

/** Each probe's latency while flooding, against the same server idle (medians). */
function formatDegradation(all: CombinedRun[]): string {
  const header = [
    'hash bound',
    'endpoint',
    'p50 idle → flood',
    'p99 idle → flood',
    'req/s idle → flood',
  ]
  const rows = all.flatMap(({ concurrency, phases }) => {
    const idle = phases.find((p) => p.name === 'idle')?.measurements ?? []
    const flood = phases.find((p) => p.name === 'flood')?.measurements ?? []
    return idle.flatMap((before) => {
      const after = flood.find((m) => m.name === before.name)
      if (!after) return []
      const change = (a: number, b: number, unit: string) =>
        `${a.toFixed(0)}${unit} → ${b.toFixed(0)}${unit} (×${(b / Math.max(a, 1)).toFixed(1)})`
      return [
        [
          String(concurrency),
          before.name,
          change(before.p50, after.p50, ' ms'),
          change(before.p99, after.p99, ' ms'),
          change(before.requestsPerSecond, after.requestsPerSecond, ''),
        ],
      ]
    })
  })
  return markdown(header, rows, 2)
}

/** A Markdown table; the first `left` columns are left-aligned, the rest right-aligned. */
function markdown(header: string[], rows: string[][], left: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const cell = (c: string, i: number) =>
    i < left ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (i < left ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

function number(name: string, value: string, min: number): number {
  const n = Number(value)
  if (Number.isFinite(n) && n >= min) return n
  console.error(`login-flood: --${name} must be a number ≥ ${min}\n\n${usage}`)
  process.exit(1)
}

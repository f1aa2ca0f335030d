// `npm run bench [-- --duration 10 --connections 50 --warmup 2 --rounds 1 --only admin]`
//
// Measures Porchlight against a bare Hono + libSQL baseline doing the same database work, in one
// run on one machine, and prints a table per endpoint: req/s, p50 and p99 latency, server CPU
// time per request, and the Porchlight/baseline ratios. Exits 1 unless every response was 2xx.
// See docs/performance.md for what each row means and how to read it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { combine, formatTable, type Measurement, measure, problems, type Row } from './load.ts'
import { killAll, type ServerProcess, stopProcess } from './processes.ts'
import { type BenchRequest, scenarios } from './scenarios.ts'
import { prepareDatabases, startBaseline, startPorchlight } from './setup.ts'

const usage = `Usage: npm run bench -- [options]
  --duration <s>      measured seconds per endpoint and side (default 10)
  --warmup <s>        unmeasured seconds before each measurement (default 2)
  --connections <n>   concurrent connections (default 50)
  --rounds <n>        repeat everything n times, alternating which side goes first, and
                      report medians with the range of the ratio (default 1)
  --only <text>       run only the scenarios whose name contains <text>
  --log-level <level> Porchlight's LOG_LEVEL: warn (default), silent, info, …
  --profile <dir>     write a CPU profile of each server to <dir> (node --cpu-prof)`

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '1' },
    only: { type: 'string' },
    'log-level': { type: 'string', default: 'warn' },
    profile: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const duration = positive('duration', values.duration)
const warmup = positive('warmup', values.warmup)
const connections = Math.round(positive('connections', values.connections))
const roundCount = Math.round(positive('rounds', values.rounds))
const logLevel = values['log-level']
const profileDir = values.profile && resolve(values.profile)

const dir = mkdtempSync(join(tmpdir(), 'porchlight-bench-'))
// Whatever happens, no server is left running and no database is left behind.
process.once('exit', () => {
  killAll()
  rmSync(dir, { recursive: true, force: true })
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, stopping`)
    process.exit(130)
  })
}

const servers: ServerProcess[] = []
try {
  const site = await prepareDatabases(dir)
  const list = scenarios(site).filter((s) => !values.only || s.name.includes(values.only))
  if (list.length === 0) throw new Error(`no scenario matches --only ${values.only}`)

  // Generous but finite: startup, then each measurement with its warm-up and some slack.
  const budgetSeconds = 60 + roundCount * list.length * 2 * (warmup + duration + 15)
  setTimeout(() => {
    console.error(`bench: still running after ${budgetSeconds} s, giving up`)
    process.exit(1)
  }, budgetSeconds * 1000).unref()

  if (profileDir) mkdirSync(profileDir, { recursive: true })
  const profile = (name: string) =>
    profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`]
      : []
  const [porchlight, baseline] = await Promise.all([
    startPorchlight({ dir, logLevel, nodeArgs: profile('porchlight') }),
    startBaseline({ dir, nodeArgs: profile('baseline') }),
  ])
  servers.push(porchlight, baseline)

  console.error(
    `bench: Node ${process.version}, ${availableParallelism()} CPUs, ${connections} connections, ` +
      `${warmup} s warm-up + ${duration} s per side, ${roundCount} round(s), ` +
      `Porchlight LOG_LEVEL=${logLevel}`,
  )
  const options = { duration, warmup, connections }
  // Each round measures both sides of a scenario back to back, alternating which goes first,
  // which cancels a drift in the machine's speed over a long run.
  const rounds = list.map(() => [] as { porchlight: Measurement; baseline: Measurement }[])
  for (let round = 0; round < roundCount; round++) {
    for (const [i, scenario] of list.entries()) {
      console.error(`bench: ${scenario.name}${roundCount > 1 ? `, round ${round + 1}` : ''} …`)
      const answers = [
        await checkOnce(porchlight, scenario.porchlight),
        await checkOnce(baseline, scenario.baseline),
      ]
      if (round === 0 && shape(answers[0]) !== shape(answers[1])) {
        console.error(
          `bench: warning: ${scenario.name} answers differ in shape, so the sides send different ` +
            `bytes:\n  Porchlight ${answers[0]}\n  baseline   ${answers[1]}`,
        )
      }
      const ofPorchlight = () =>
        measure(porchlight.url, scenario.porchlight, options, porchlight.cpuSeconds)
      const ofBaseline = () =>
        measure(baseline.url, scenario.baseline, options, baseline.cpuSeconds)
      let p: Measurement
      let b: Measurement
      if (round % 2 === 0) {
        p = await ofPorchlight()
        b = await ofBaseline()
      } else {
        b = await ofBaseline()
        p = await ofPorchlight()
      }
      rounds[i]?.push({ porchlight: p, baseline: b })
    }
  }
  for (const server of servers) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} died:\n${server.output()}`)
  }

  const rows: Row[] = list.map((scenario, i) => {
    const measured = rounds[i] ?? []
    return {
      name: scenario.name,
      porchlight: combine(measured.map((r) => r.porchlight)),
      baseline: combine(measured.map((r) => r.baseline)),
      rounds: measured,
    }
  })
  console.log(formatTable(rows))
  const bad = rows.flatMap((r) => [
    ...problems(r.porchlight).map((p) => `${r.name}, Porchlight: ${p}`),
    ...problems(r.baseline).map((p) => `${r.name}, baseline: ${p}`),
  ])
  if (bad.length > 0) throw new Error(`some responses were not 2xx:\n  ${bad.join('\n  ')}`)
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  // Graceful, so --cpu-prof can write its profiles; bounded by stopProcess's SIGKILL.
  await Promise.all(servers.map((server) => stopProcess(server)))
  if (profileDir && servers.length > 0) console.error(`bench: CPU profiles in ${profileDir}`)
}

/** One request before the load, so a wrong route or key fails with its body, not a count. */
async function checkOnce(server: ServerProcess, request: BenchRequest): Promise<string> {
  const res = await fetch(server.url + request.path, {
    method: request.method,
    ...(request.headers && { headers: request.headers }),
    ...(request.body !== undefined && { body: request.body }),
    signal: AbortSignal.timeout(5000),
  })
  const body = await res.text()
  if (!res.ok) {
    throw new Error(`${server.name} ${request.method} ${request.path}: ${res.status} ${body}`)
  }
  return body
}

/** The keys of a JSON answer, nested, without the values: what both sides must agree on. */
function shape(body: string | undefined): string {
  const of = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(of)
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, of(v)]))
    }
    return 0
  }
  try {
    return JSON.stringify(of(JSON.parse(body ?? '')))
  } catch {
    return body ?? ''
  }
}

function positive(name: string, value: string): number {
  const n = Number(value)
  if (Number.isFinite(n) && n > 0) return n
  console.error(`bench: --${name} must be a positive number\n\n${usage}`)
  process.exit(1)
}

// `npm run bench [-- --duration 10 --connections 50 --warmup 2 --rounds 1 --only admin]`
//
// Measures Porchlight against a bare Hono + libSQL baseline doing the same database work, in one
// run on one machine, and prints a table per endpoint: req/s, p50 and p99 latency, server CPU
// time per request, and the Porchlight/baseline ratios. Then the forum at scale: the same reads
// and writes on a 1,000-post and a 1,000,000-post forum, and the ratio between them. Exits 1
// unless every response was 2xx. See docs/performance.md for what each row means.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { checkContactRun, contactRowName, measureContact } from './contact.ts'
import { formatForumTable, forumProblems, forumScenarioNames, runForum } from './forum.ts'
import { cacheKey, defaultCacheDir } from './forum-cache.ts'
import { seedOptions } from './forum-seed.ts'
import { combine, formatTable, type Measurement, measure, problems, type Row } from './load.ts'
import { killAll, type ServerProcess, stopProcess } from './processes.ts'
import { type BenchRequest, type BenchSite, scenarios } from './scenarios.ts'
import { prepareDatabases, startBaseline, startPorchlight } from './setup.ts'

const usage = `Usage: npm run bench -- [options]
  --duration <s>            measured seconds per row and side (default 10)
  --warmup <s>              unmeasured seconds before each measurement (default 2)
  --connections <n>         concurrent connections for the API reads (default 50)
  --contact-connections <n> connections for the contact submissions, both sides (default 10)
  --forum-connections <n>   connections for the forum reads (default 10)
  --reply-connections <n>   connections for the forum replies (default 1: one writer, and a
                            reply on the large forum takes seconds; see docs/performance.md)
  --rounds <n>              repeat everything n times, alternating which side goes first, and
                            report medians with the range of the ratio (default 1)
  --only <text>             run only the rows whose name contains <text> ("contact", "forum",
                            "search", "admin", …)
  --contact-max <n>         at most n measured submissions per round (each needs a solved
                            proof of work; default 6000)
  --forum-posts <n>         posts in the large forum (default 1000000; 50,000 threads)
  --forum-small <n>         posts in the small forum (default 1000)
  --forum-cache <dir>       where seeded forums are kept (default $TMPDIR/porchlight-bench-cache)
  --log-level <level>       Porchlight's LOG_LEVEL: warn (default), silent, info, …
  --metrics                 Porchlight with its Prometheus metrics on (METRICS_TOKEN set), for
                            the API and contact rows: what recording them costs per request
  --profile <dir>           write a CPU profile of each server to <dir> (node --cpu-prof)`

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    'contact-connections': { type: 'string', default: '10' },
    'forum-connections': { type: 'string', default: '10' },
    'reply-connections': { type: 'string', default: '1' },
    rounds: { type: 'string', default: '1' },
    only: { type: 'string' },
    'contact-max': { type: 'string', default: '6000' },
    'forum-posts': { type: 'string', default: '1000000' },
    'forum-small': { type: 'string', default: '1000' },
    'forum-cache': { type: 'string', default: defaultCacheDir },
    'log-level': { type: 'string', default: 'warn' },
    metrics: { type: 'boolean', default: false },
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
const contactConnections = Math.round(
  positive('contact-connections', values['contact-connections']),
)
const forumConnections = Math.round(positive('forum-connections', values['forum-connections']))
const replyConnections = Math.round(positive('reply-connections', values['reply-connections']))
const roundCount = Math.round(positive('rounds', values.rounds))
const contactMax = Math.round(positive('contact-max', values['contact-max']))
const forumSizes = {
  small: Math.round(positive('forum-small', values['forum-small'])),
  large: Math.round(positive('forum-posts', values['forum-posts'])),
}
const cacheDir = resolve(values['forum-cache'])
const logLevel = values['log-level']
const profileDir = values.profile && resolve(values.profile)
const wanted = (name: string) => !values.only || name.includes(values.only)
const log = (line: string) => console.error(`bench: ${line}`)

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

// Only the names are read from this: which rows --only selects, before any database exists.
const namesOnly: BenchSite = {
  id: '',
  name: '',
  publishableKey: '',
  secretKey: '',
  origin: '',
  formId: '',
}
const apiCount = scenarios(namesOnly).filter((s) => wanted(s.name)).length
const withContact = wanted(contactRowName)
const withForum = forumScenarioNames.some(wanted)
if (apiCount === 0 && !withContact && !withForum) {
  console.error(`bench: no row matches --only ${values.only}`)
  process.exit(1)
}

// Generous but finite: startup, each measurement with its warm-up and some slack, solving the
// contact row's challenges, and seeding a forum that is not cached yet.
const perSide = warmup + duration + 15
const forumCached = [forumSizes.small, forumSizes.large].every((posts) =>
  existsSync(join(cacheDir, `forum-${posts}-${cacheKey(seedOptions(posts))}.db.json`)),
)
const budgetSeconds =
  60 +
  roundCount * apiCount * 2 * perSide +
  (withContact ? roundCount * (2 * perSide + 120 + contactMax / 20) : 0) +
  (withForum
    ? (forumCached ? 60 : 1800) + roundCount * 2 * forumScenarioNames.length * perSide + 300
    : 0)
setTimeout(() => {
  console.error(`bench: still running after ${Math.round(budgetSeconds)} s, giving up`)
  process.exit(1)
}, budgetSeconds * 1000).unref()

if (profileDir) mkdirSync(profileDir, { recursive: true })
const profile = (name: string) =>
  profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`]
    : []

const servers: ServerProcess[] = []
try {
  log(
    `Node ${process.version}, ${availableParallelism()} CPUs, ${warmup} s warm-up + ${duration} s ` +
      `per side, ${roundCount} round(s), Porchlight LOG_LEVEL=${logLevel}` +
      (values.metrics ? ', metrics on' : ''),
  )
  const bad: string[] = []
  if (apiCount > 0 || withContact) bad.push(...(await measureAgainstBaseline()))
  if (withForum) {
    const forum = await runForum({
      dir,
      cacheDir,
      sizes: forumSizes,
      connections: { read: forumConnections, write: replyConnections },
      warmupSeconds: warmup,
      durationSeconds: duration,
      rounds: roundCount,
      ...(values.only && { only: values.only }),
      logLevel,
      nodeArgs: profile,
      servers,
      log,
    })
    const { small, large } = forum
    console.log(
      `\nForum at scale (reads at ${forumConnections} connections, replies at ${replyConnections}, ` +
        'the very common search at 1):\n',
    )
    console.log(formatForumTable(small, large))
    for (const side of [small, large]) {
      const m = side.manifest
      console.log(
        `\n${m.counts.posts} posts: ${m.counts.threads} threads, ${m.counts.members} members, ` +
          `${m.counts.watches} watches; listed category "${m.category.slug}" has ` +
          `${m.category.threads} threads; long thread ${m.longThread.posts} posts; reply thread ` +
          `watched by ${m.replyThread.watchers}; search "${m.terms.moderate.word}" matches ` +
          `${m.terms.moderate.matches} posts, "${m.terms.common.word}" ${m.terms.common.matches}. ` +
          side.notes.join(' '),
      )
    }
    bad.push(...forumProblems(small, large))
  }
  if (bad.length > 0) throw new Error(`some responses were not 2xx:\n  ${bad.join('\n  ')}`)
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  // Graceful, so --cpu-prof can write its profiles; bounded by stopProcess's SIGKILL.
  await Promise.all(servers.map((server) => stopProcess(server)))
  if (profileDir && servers.length > 0) console.error(`bench: CPU profiles in ${profileDir}`)
}

/**
 * The rows that compare Porchlight with the bare baseline (the API reads and the contact
 * submission): both servers over copies of one database; prints the table, returns problems.
 */
async function measureAgainstBaseline(): Promise<string[]> {
  const site = await prepareDatabases(dir)
  const list = scenarios(site).filter((s) => wanted(s.name))
  const [porchlight, baseline] = await Promise.all([
    startPorchlight({
      dir,
      logLevel,
      nodeArgs: profile('porchlight'),
      // Recorded on every request; nothing scrapes them during the run.
      ...(values.metrics && { env: { METRICS_TOKEN: 'bench-metrics-token-0123456789abcdef' } }),
    }),
    startBaseline({ dir, nodeArgs: profile('baseline') }),
  ])
  servers.push(porchlight, baseline)
  const options = {
    connections,
    warmup: { seconds: warmup },
    measured: { seconds: duration },
  }
  // Each round measures both sides of a row back to back, alternating which goes first, which
  // cancels a drift in the machine's speed over a long run.
  type Pair = { porchlight: Measurement; baseline: Measurement }
  const rounds = list.map(() => [] as Pair[])
  const contactRounds: Pair[] = []
  for (let round = 0; round < roundCount; round++) {
    for (const [i, scenario] of list.entries()) {
      log(`${scenario.name}${roundCount > 1 ? `, round ${round + 1}` : ''} …`)
      const answers = [
        await checkOnce(porchlight, scenario.porchlight),
        await checkOnce(baseline, scenario.baseline),
      ]
      if (round === 0 && shape(answers[0]) !== shape(answers[1])) {
        log(
          `warning: ${scenario.name} answers differ in shape, so the sides send different ` +
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
    if (withContact) {
      log(`${contactRowName}${roundCount > 1 ? `, round ${round + 1}` : ''} …`)
      contactRounds.push(
        await measureContact(
          porchlight,
          baseline,
          site,
          {
            connections: contactConnections,
            warmupSeconds: warmup,
            durationSeconds: duration,
            maxRequests: contactMax,
            log,
          },
          round % 2 === 1,
        ),
      )
    }
  }
  for (const server of [porchlight, baseline]) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} died:\n${server.output()}`)
  }
  const measured = [
    ...list.map((scenario, i) => ({ name: scenario.name, pairs: rounds[i] ?? [] })),
    ...(withContact
      ? [{ name: `${contactRowName}, ${contactConnections} conn.`, pairs: contactRounds }]
      : []),
  ]
  const rows: Row[] = measured.map(({ name, pairs }) => ({
    name,
    porchlight: combine(pairs.map((r) => r.porchlight)),
    baseline: combine(pairs.map((r) => r.baseline)),
    rounds: pairs,
  }))
  console.log(formatTable(rows))
  if (withContact) {
    console.log(`\n${await checkContactRun(join(dir, 'porchlight.db'), join(dir, 'baseline.db'))}`)
  }
  await Promise.all([stopProcess(porchlight), stopProcess(baseline)])
  return rows.flatMap((r) => [
    ...problems(r.porchlight).map((p) => `${r.name}, Porchlight: ${p}`),
    ...problems(r.baseline).map((p) => `${r.name}, baseline: ${p}`),
  ])
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

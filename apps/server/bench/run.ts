// `npm run bench [-- --duration 10 --connections 50 --warmup 10 --rounds 3 --only admin]`
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
import { shape } from './answer-shape.ts'
import { authRowNames, authScenarios } from './auth-rows.ts'
import { signUpAll, startBetterAuth } from './better-auth.ts'
import { checkContactRun, contactRowName, measureContact } from './contact.ts'
import { formatForumTable, forumProblems, forumScenarioNames, runForum } from './forum.ts'
import { cacheKey, defaultCacheDir } from './forum-cache.ts'
import { forumBaselineRowNames, runForumRows } from './forum-rows.ts'
import { seedOptions } from './forum-seed.ts'
import { alternateSlices } from './interleave.ts'
import {
  combine,
  formatTable,
  type LoadOptions,
  type Measurement,
  maxSpread,
  measure,
  problems,
  type Row,
  unsteadyRows,
  us,
} from './load.ts'
import { pinCores } from './pinning.ts'
import { killAll, runServersWith, type ServerProcess, stopProcess } from './processes.ts'
import {
  type BenchRequest,
  type BenchSite,
  bareInsertRowName,
  type OtherSide,
  type Scenario,
  scenarios,
} from './scenarios.ts'
import { prepareDatabases, startBaseline, startPorchlight } from './setup.ts'
import { runWorkerBench, workerRowNames } from './worker.ts'

const usage = `Usage: npm run bench -- [options]
  --duration <s>            measured seconds per row and side (default 10)
  --warmup <s>              unmeasured seconds before each measurement (default 10: with 2
                            or 5, better-auth's CPU/req still fell from round to round and
                            the rounds disagreed by 20–45%; see docs/performance.md)
  --connections <n>         concurrent connections for the API reads (default 50)
  --contact-connections <n> connections for the contact submissions and the bare-insert row,
                            both sides (default 10)
  --login-connections <n>   concurrent sign-ins, both sides (default 10)
  --login-requests <n>      measured sign-ins per side and round, after as many as there are
                            connections for warm-up (default 40)
  --forum-connections <n>   connections for the forum reads (default 10)
  --reply-connections <n>   connections for the forum replies (default 1: one writer, and a
                            reply on the large forum takes seconds; see docs/performance.md)
  --rounds <n>              repeat everything n times, alternating which side goes first, and
                            report medians with the range and spread of the ratio (default 1)
  --slices <n>              measure the two sides of a row in n alternating slices of
                            duration ÷ n seconds each, after one warm-up each (default 5)
  --only <text>             run only the rows whose name contains <text> ("contact", "forum",
                            "search", "admin", …); the Worker's rows (worker.ts) only with
                            no --only or one naming "worker"
  --contact-max <n>         at most n measured submissions per round (each needs a solved
                            proof of work; default 6000)
  --forum-posts <n>         posts in the large forum (default 1000000; 50,000 threads)
  --forum-small <n>         posts in the small forum (default 1000)
  --forum-cache <dir>       where seeded forums are kept (default $TMPDIR/porchlight-bench-cache)
  --log-level <level>       Porchlight's LOG_LEVEL: warn (default), silent, info, …
  --metrics                 Porchlight with its Prometheus metrics on (METRICS_TOKEN set), for
                            the API and contact rows: what recording them costs per request
  --profile <dir>           write a CPU profile of each server to <dir> (node --cpu-prof)
  --no-pin                  do not pin the servers and the load generator to separate cores
                            (by default, with taskset and 2+ cores: servers on the first core,
                            the bench and its autocannon on the last)`

const { values } = parseArgs({
  allowNegative: true,
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    'contact-connections': { type: 'string', default: '10' },
    'login-connections': { type: 'string', default: '10' },
    'login-requests': { type: 'string', default: '40' },
    'forum-connections': { type: 'string', default: '10' },
    'reply-connections': { type: 'string', default: '1' },
    rounds: { type: 'string', default: '1' },
    slices: { type: 'string', default: '5' },
    only: { type: 'string' },
    'contact-max': { type: 'string', default: '6000' },
    'forum-posts': { type: 'string', default: '1000000' },
    'forum-small': { type: 'string', default: '1000' },
    'forum-cache': { type: 'string', default: defaultCacheDir },
    'log-level': { type: 'string', default: 'warn' },
    metrics: { type: 'boolean', default: false },
    profile: { type: 'string' },
    pin: { type: 'boolean', default: true },
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
const loginConnections = Math.round(positive('login-connections', values['login-connections']))
const loginRequests = Math.round(positive('login-requests', values['login-requests']))
const forumConnections = Math.round(positive('forum-connections', values['forum-connections']))
const replyConnections = Math.round(positive('reply-connections', values['reply-connections']))
const roundCount = Math.round(positive('rounds', values.rounds))
const slices = Math.round(positive('slices', values.slices))
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
  openFormId: '',
  members: [],
}
const apiCount = [
  ...scenarios(namesOnly).map((s) => s.name),
  ...Object.values(authRowNames),
].filter(wanted).length
const withAuth = Object.values(authRowNames).some(wanted)
const withContact = wanted(contactRowName)
const withForum = forumScenarioNames.some(wanted)
const withForumRows = forumBaselineRowNames.some(wanted)
// Only when asked for by name (or with no --only): they build the Worker and start workerd twice.
const withWorker = (!values.only || values.only.includes('worker')) && workerRowNames.some(wanted)
if (apiCount === 0 && !withContact && !withForum && !withForumRows && !withWorker) {
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
  // Starting better-auth and signing everyone up; then at most a second per sign-in.
  (withAuth ? 120 + roundCount * 2 * (loginConnections + loginRequests) : 0) +
  roundCount * apiCount * 2 * perSide +
  (withContact ? roundCount * (2 * perSide + 120 + contactMax / 20) : 0) +
  (withForum
    ? (forumCached ? 60 : 1800) + roundCount * 2 * forumScenarioNames.length * perSide + 300
    : 0) +
  (withForumRows
    ? (forumCached ? 60 : 1800) + roundCount * 2 * forumBaselineRowNames.length * perSide
    : 0) +
  (withWorker ? 300 + roundCount * 3 * workerRowNames.length * perSide : 0)
setTimeout(() => {
  console.error(`bench: still running after ${Math.round(budgetSeconds)} s, giving up`)
  process.exit(1)
}, budgetSeconds * 1000).unref()

if (profileDir) mkdirSync(profileDir, { recursive: true })
const profile = (name: string) =>
  profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`]
    : []

// Counted before pinning: a pinned process sees only its own core.
const machineCores = availableParallelism()
const pinning = pinCores(values.pin)
runServersWith(pinning.serverPrefix)

const servers: ServerProcess[] = []
try {
  // On stdout too: the tables' figures depend on it.
  console.log(`Cores: ${pinning.description}.`)
  log(
    `Node ${process.version}, ${machineCores} CPUs, ${warmup} s warm-up + ${duration} s ` +
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
  if (withForumRows) {
    const rows = await runForumRows({
      dir,
      cacheDir,
      posts: forumSizes.large,
      connections: forumConnections,
      warmupSeconds: warmup,
      durationSeconds: duration,
      rounds: roundCount,
      slices,
      wanted,
      logLevel,
      nodeArgs: profile,
      servers,
      log,
    })
    console.log(
      `\nThe forum's reader pages against the same SQL on bare Hono (${forumSizes.large} posts):\n`,
    )
    console.log(formatTable(rows))
    printUnsteady(rows)
    bad.push(
      ...rows.flatMap((r) => [
        ...problems(r.porchlight).map((p) => `${r.name}, Porchlight: ${p}`),
        ...problems(r.baseline).map((p) => `${r.name}, forum baseline: ${p}`),
      ]),
    )
  }
  if (withWorker) {
    bad.push(
      ...(await runWorkerBench({
        dir,
        cacheDir,
        warmupSeconds: warmup,
        durationSeconds: duration,
        rounds: roundCount,
        connections: forumConnections,
        writeConnections: contactConnections,
        logLevel,
        wanted,
        log,
      })),
    )
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
 * The rows that compare Porchlight with another server (the bare baseline, better-auth) and
 * the contact submission: each side over its own database; prints the table, returns problems.
 */
async function measureAgainstBaseline(): Promise<string[]> {
  const site = await prepareDatabases(dir)
  const [porchlight, baseline] = await Promise.all([
    startPorchlight({
      dir,
      logLevel,
      nodeArgs: profile('porchlight'),
      env: {
        // The sign-in row sends each sign-in from an address of its own (X-Forwarded-For).
        // Requests without the header are unchanged: their address is the socket's.
        TRUST_PROXY: '1',
        // Recorded on every request; nothing scrapes them during the run.
        ...(values.metrics && { METRICS_TOKEN: 'bench-metrics-token-0123456789abcdef' }),
      },
    }),
    startBaseline({ dir, nodeArgs: profile('baseline') }),
  ])
  servers.push(porchlight, baseline)
  // The servers a row can be measured against, by the name its scenario gives (`against`).
  const otherSides: Partial<Record<OtherSide, ServerProcess>> = { baseline }
  const list: Scenario[] = scenarios(site, contactConnections).filter((s) => wanted(s.name))
  if (withAuth) {
    const [betterAuth, betterAuthCached] = await Promise.all([
      startBetterAuth({ dir, variant: 'default', nodeArgs: profile('better-auth') }),
      startBetterAuth({
        dir,
        variant: 'cookie-cache',
        nodeArgs: profile('better-auth-cookie-cache'),
      }),
    ])
    servers.push(betterAuth, betterAuthCached)
    otherSides['better-auth'] = betterAuth
    otherSides['better-auth-cookie-cache'] = betterAuthCached
    await Promise.all([
      signUpAll(betterAuth, site.members),
      signUpAll(betterAuthCached, site.members),
    ])
    const auth = await authScenarios(
      site,
      { porchlight, betterAuth, betterAuthCached },
      { connections: loginConnections, requests: loginRequests },
    )
    list.push(...auth.filter((s) => wanted(s.name)))
  }
  const otherSideOf = (scenario: Scenario): ServerProcess => {
    const other = otherSides[scenario.against ?? 'baseline']
    if (!other) throw new Error(`${scenario.name}: no ${scenario.against} server was started`)
    return other
  }
  // Each round measures both sides of a row back to back, alternating which goes first, which
  // cancels a drift in the machine's speed over a long run.
  type Pair = { porchlight: Measurement; baseline: Measurement }
  const rounds = list.map(() => [] as Pair[])
  const contactRounds: Pair[] = []
  for (let round = 0; round < roundCount; round++) {
    for (const [i, scenario] of list.entries()) {
      log(`${scenario.name}${roundCount > 1 ? `, round ${round + 1}` : ''} …`)
      const other = otherSideOf(scenario)
      await scenario.before?.()
      const answers = [
        await checkOnce(porchlight, scenario.porchlight),
        await checkOnce(other, scenario.baseline),
      ]
      if (round === 0 && !scenario.ownShape && shape(answers[0]) !== shape(answers[1])) {
        log(
          `warning: ${scenario.name} answers differ in shape, so the sides send different ` +
            `bytes:\n  Porchlight ${answers[0]}\n  baseline   ${answers[1]}`,
        )
      }
      const options = {
        connections: scenario.connections ?? connections,
        warmup: scenario.requests ? { requests: scenario.requests.warmup } : { seconds: warmup },
        measured: scenario.requests
          ? { requests: scenario.requests.measured }
          : { seconds: duration },
      }
      const ofPorchlight = (slice: LoadOptions) =>
        measure(porchlight.url, scenario.porchlight, slice, porchlight.cpuSeconds)
      const ofOther = (slice: LoadOptions) =>
        measure(other.url, scenario.baseline, slice, other.cpuSeconds)
      // Counted phases (sign-ins) are too short to cut up: one slice each.
      const sliceCount = scenario.requests ? 1 : slices
      const [p, b] =
        round % 2 === 0
          ? await alternateSlices(ofPorchlight, ofOther, options, sliceCount)
          : await alternateSlices(ofOther, ofPorchlight, options, sliceCount).then(
              ([other, ours]) => [ours, other] as const,
            )
      rounds[i]?.push({ porchlight: p, baseline: b })
      // Each round's figures, so a spread can be traced to the round that moved.
      log(
        `  CPU/req Porchlight ${us(p.cpuPerRequest)}, ${other.name} ${us(b.cpuPerRequest)}, ` +
          `CPU ratio ${(b.cpuPerRequest / p.cpuPerRequest).toFixed(2)}`,
      )
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
  for (const server of [porchlight, ...Object.values(otherSides)]) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} died:\n${server.output()}`)
  }
  const measured = [
    ...list.map((scenario, i) => ({
      name: `${scenario.name}${scenario.connections ? `, ${scenario.connections} conn.` : ''}`,
      pairs: rounds[i] ?? [],
    })),
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
  printUnsteady(rows)
  if (withContact || list.some((s) => s.name === bareInsertRowName)) {
    console.log(`\n${await checkContactRun(join(dir, 'porchlight.db'), join(dir, 'baseline.db'))}`)
  }
  await Promise.all([porchlight, ...Object.values(otherSides)].map((s) => stopProcess(s)))
  return rows.flatMap((r) => [
    ...problems(r.porchlight).map((p) => `${r.name}, Porchlight: ${p}`),
    ...problems(r.baseline).map((p) => `${r.name}, other side: ${p}`),
  ])
}

/** One request before the load, so a wrong route or key fails with its body, not a count. */
async function checkOnce(server: ServerProcess, request: BenchRequest): Promise<string> {
  // A fresh body where the row needs one: the same submission in every round would be stored
  // as a duplicate (spam) from the second round on.
  const fresh = request.next?.()
  const headers = { ...request.headers, ...fresh?.headers }
  const sent = fresh?.body ?? request.body
  const res = await fetch(server.url + request.path, {
    method: request.method,
    headers,
    ...(sent !== undefined && { body: sent }),
    signal: AbortSignal.timeout(5000),
  })
  const body = await res.text()
  if (!res.ok) {
    throw new Error(`${server.name} ${request.method} ${request.path}: ${res.status} ${body}`)
  }
  return body
}

/** Lists the rows whose rounds disagree too much for their median to be quoted alone. */
function printUnsteady(rows: Row[]) {
  const unsteady = unsteadyRows(rows)
  if (unsteady.length > 0) {
    console.log(
      `\nRounds disagree by more than ${maxSpread * 100}% on the CPU ratio (spread marked !) ` +
        `for: ${unsteady.join('; ')}\nTake their medians with care, or run them again.`,
    )
  }
}

function positive(name: string, value: string): number {
  const n = Number(value)
  if (Number.isFinite(n) && n > 0) return n
  console.error(`bench: --${name} must be a positive number\n\n${usage}`)
  process.exit(1)
}

// `node apps/server/bench/backup-under-load.ts [--rows 50000 --rate 100 …]` (--help for all)
//
// What does an online backup cost the server that is being backed up? Seeds a database of a
// given size, starts the real server on it (`porchlight serve`, LOG_LEVEL=warn), sends it a
// steady stream of contact submissions (open loop: a new one every 1/rate s, whatever the
// answers do), and runs `porchlight backup` in a process of its own in the middle. Prints the
// database size, the backup's time, and the submissions' latency before and during the backup.
// Exits 1 if any submission was not acknowledged. See docs/performance.md ("Backups").
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { systemClock } from '../src/clock.ts'
import { createForm } from '../src/contact/forms.ts'
import { formSettingsSchema } from '../src/contact/schemas.ts'
import { createDatabase } from '../src/db/client.ts'
import { migrate } from '../src/db/migrate.ts'
import { openDatabase } from '../src/entry/node.ts'
import { siteScope } from '../src/sites/scope.ts'
import { createSite } from '../src/sites/service.ts'
import { freePort, killAll, startProcess, stopProcess, waitUntilReady } from './processes.ts'

const usage = `Usage: node apps/server/bench/backup-under-load.ts [options]
  --rows <n>       older submissions seeded, 2 KB of text each, about 4 KB on disk
                   (default 50000: a database of about 200 MB)
  --rate <n>       submissions per second sent to the server (default 100)
  --before <s>     seconds measured before the backup starts (default 10)
  --rounds <n>     backups, one after another, each with its own before phase (default 1)`

const { values: flags } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000' },
    rate: { type: 'string', default: '100' },
    before: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '1' },
    help: { type: 'boolean' },
  },
})
if (flags.help) {
  console.log(usage)
  process.exit(0)
}
const rows = Number(flags.rows)
const rate = Number(flags.rate)
const beforeMs = Number(flags.before) * 1000
const rounds = Number(flags.rounds)

const porchlightBin = fileURLToPath(new URL('../bin/porchlight.js', import.meta.url))
const exitWithParent = [
  '--import',
  fileURLToPath(new URL('./exit-with-parent.ts', import.meta.url)),
]
const origin = 'https://bench.example'

/** A site with an open contact form, and `rows` older submissions of ~2 KB. */
async function prepareDatabase(path: string) {
  const client = await openDatabase({ url: `file:${path}` })
  try {
    await migrate(client)
    const db = createDatabase(client)
    const site = await createSite({ db, clock: systemClock }, { name: 'Backup', origins: [origin] })
    await createForm({ db, clock: systemClock, allowPrivateWebhooks: false }, siteScope(site.id), {
      id: 'contact',
      name: 'Contact',
      enabled: true,
      settings: formSettingsSchema.parse({
        spam: { proofOfWork: 'off' },
        rateLimits: { perAddressPerHour: 100_000, perFormPerHour: 1_000_000 },
      }),
    })
    await client.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO submissions (id, site_id, form_id, status, data, spam_reasons, content_hash, created_at, updated_at)
        SELECT 'sub_seed_' || i, ?, 'contact', 'read',
          json_object('message', printf('%.2000c', 'x'), 'email', 'ann' || i || '@example.com'),
          '[]', 'seed' || i, i, i FROM n`,
      args: [rows, site.id],
    })
    return site.publishableKey
  } finally {
    client.close()
  }
}

type Sample = { at: number; ms: number; ok: boolean }

/** Sends `rate` submissions a second until stopped, each timed from send to answer. */
function submissionStream(url: string, key: string) {
  const samples: Sample[] = []
  const inFlight = new Set<Promise<void>>()
  let n = 0
  const send = () => {
    const at = performance.now()
    const request = fetch(`${url}/v1/forms/contact/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Porchlight-Key': key, Origin: origin },
      body: JSON.stringify({ message: `Submission ${++n} under load` }),
    })
      .then(async (res) => {
        await res.arrayBuffer()
        samples.push({ at, ms: performance.now() - at, ok: res.status === 201 })
      })
      .catch(() => {
        samples.push({ at, ms: performance.now() - at, ok: false })
      })
      .finally(() => inFlight.delete(request))
    inFlight.add(request)
  }
  const started = performance.now()
  let sent = 0
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * rate)
    for (; sent < due; sent++) send()
  }, 2)
  return {
    samples,
    async stop() {
      clearInterval(timer)
      await Promise.all(inFlight)
    },
  }
}

/** Runs `porchlight backup --json`; resolves to how long the copy took, by its own report. */
function runBackup(databasePath: string, out: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [porchlightBin, 'backup', '--out', out, '--json'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: `file:${databasePath}` },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let printed = ''
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk
    })
    child.once('exit', (code) =>
      code === 0
        ? resolve((JSON.parse(printed) as { durationMs: number }).durationMs)
        : reject(new Error(`porchlight backup exited ${code}`)),
    )
  })
}

function summary(samples: Sample[], seconds: number) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b)
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? Number.NaN
  return {
    count: samples.length,
    perSecond: samples.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    max: ms.at(-1) ?? Number.NaN,
    failed: samples.filter((s) => !s.ok).length,
  }
}

const dir = mkdtempSync(join(tmpdir(), 'porchlight-backup-bench-'))
process.once('exit', () => {
  killAll()
  rmSync(dir, { recursive: true, force: true })
})
// Seeding, then per round the before phase, the backup and slack: generous, but finite.
setTimeout(
  () => {
    console.error('backup-under-load: watchdog, stopping')
    process.exit(1)
  },
  10 * 60_000 + rounds * (beforeMs + 5 * 60_000),
).unref()

const databasePath = join(dir, 'porchlight.db')
const seeding = performance.now()
const key = await prepareDatabase(databasePath)
console.error(
  `seeded ${rows} submissions in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
)
const port = await freePort()
const server = startProcess({
  name: 'porchlight',
  args: [...exitWithParent, porchlightBin, 'serve'],
  env: {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${databasePath}`,
    LOG_LEVEL: 'warn',
    DEMO_SITE: 'false',
  },
  port,
  cwd: dir,
})
await waitUntilReady(server, '/readyz', 20_000)

const lines = [
  '| round | database | backup | copy | phase | submissions/s | p50 | p99 | max | failed |',
  '|---|---|---|---|---|---|---|---|---|---|',
]
let failures = 0
for (let round = 1; round <= rounds; round++) {
  const stream = submissionStream(server.url, key)
  // Warm up, then the before phase.
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const beforeStart = performance.now()
  await new Promise((resolve) => setTimeout(resolve, beforeMs))
  const out = join(dir, `backup-${round}.db`)
  const durationMs = await runBackup(databasePath, out)
  const backupEnd = performance.now()
  // The copy's own window (VACUUM INTO, its check, the flush), without the command's start-up.
  const backupStart = backupEnd - durationMs
  await new Promise((resolve) => setTimeout(resolve, 1000))
  await stream.stop()
  const size = `${(statSync(databasePath).size / 1_048_576).toFixed(0)} MB`
  const copy = `${(statSync(out).size / 1_048_576).toFixed(0)} MB`
  const took = `${(durationMs / 1000).toFixed(1)} s`
  const phases = [
    ['before', beforeStart, beforeStart + beforeMs],
    ['during backup', backupStart, backupEnd],
  ] as const
  for (const [phase, from, to] of phases) {
    const s = summary(
      stream.samples.filter((x) => x.at >= from && x.at < to),
      (to - from) / 1000,
    )
    failures += s.failed
    lines.push(
      `| ${round} | ${size} | ${took} | ${copy} | ${phase} | ${s.perSecond.toFixed(0)} | ${s.p50.toFixed(1)} ms | ${s.p99.toFixed(1)} ms | ${s.max.toFixed(1)} ms | ${s.failed} |`,
    )
  }
  rmSync(out, { force: true })
}
await stopProcess(server)
console.log(lines.join('\n'))
if (failures > 0) {
  console.error(`${failures} submissions were not acknowledged`)
  process.exit(1)
}

// The Worker as the bench serves it: the production bundle (wrangler's own build, as the workerd
// tests use it) in workerd through miniflare, listening on a real loopback port, over D1 or over
// libSQL reached by HTTP (the test suite's Hrana stand-in, as for the Turso tests). One workerd
// process per side; its CPU time is read from /proc, as the Node rows read the Node server's.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { D1Database } from '@cloudflare/workers-types'
import Database from 'libsql'
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { startLibsqlHttpServer } from '../test/support/libsql-http-server.ts'
import { startResendStandIn } from '../test/worker/resend-stand-in.ts'
import type { WorkerBundle } from '../test/worker/worker-bundle.ts'
import { mailFrom, secrets, workerOptions, workerOrigin } from '../test/worker/worker-harness.ts'
import { freePort } from './processes.ts'

export type WorkerDatabaseKind = 'd1' | 'libsql-http'

export type WorkerSide = {
  name: string
  url: string
  /** CPU seconds (user + system, all threads) of the workerd process; NaN off Linux. */
  cpuSeconds(): number
  /** What the Worker logged at warn or above, for a failed row. */
  output(): string
  close(): Promise<void>
}

/**
 * Starts the bundle in workerd on a free port over a copy of the data in `source` (a migrated
 * libSQL file): served as it is over Hrana HTTP, or copied row by row into a fresh D1 database
 * once the Worker has created the schema there with its own migrations.
 */
export async function startWorkerSide(options: {
  bundle: WorkerBundle
  database: WorkerDatabaseKind
  /** A libSQL file this side may write to (the libSQL side serves it; D1 gets a copy). */
  source: string
  /** A folder for miniflare's state. */
  dir: string
  logLevel: string
  /** Opens workerd's DevTools inspector on this port (bench/worker-profile.ts), off by default. */
  inspectorPort?: number
}): Promise<WorkerSide> {
  const cleanups: (() => unknown)[] = []
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  }
  try {
    const resend = await startResendStandIn({ apiKey: secrets.resendApiKey })
    cleanups.push(() => resend.close())
    const libsql =
      options.database === 'libsql-http'
        ? await startLibsqlHttpServer({ path: options.source, authToken: secrets.databaseToken })
        : undefined
    if (libsql) cleanups.push(() => libsql.close())

    const lines: string[] = []
    const port = await freePort()
    const before = workerdChildren()
    const mf = new Miniflare({
      ...convertV4MiniflareOptions({
        workers: [
          workerOptions(options.bundle, {
            vars: {
              LOG_LEVEL: options.logLevel,
              PUBLIC_URL: workerOrigin,
              MAIL_TRANSPORT: 'resend',
              MAIL_FROM: mailFrom,
              RESEND_API_KEY: secrets.resendApiKey,
              RESEND_BASE_URL: resend.url,
              ...(libsql && {
                DATABASE_URL: libsql.url,
                DATABASE_AUTH_TOKEN: secrets.databaseToken,
              }),
            },
            d1: options.database === 'd1',
            assetsDir: options.bundle.assetsDir,
          }),
        ],
        host: '127.0.0.1',
        port,
        // Requests reach the Worker under its public address, as Cloudflare's edge hands them
        // over: production mode, as deployed (a loopback URL would be `wrangler dev`).
        upstream: workerOrigin,
        // Miniflare's own line per request would be measured as the Worker's CPU.
        logRequests: false,
        ...(options.inspectorPort !== undefined && { inspectorPort: options.inspectorPort }),
      }),
      enableDevRegistry: false,
      resourcePersistencePath: join(options.dir, `miniflare-${options.database}`),
      handleStructuredLogs: (line) => {
        if (line.level !== 'log' && line.level !== 'info' && line.level !== 'debug') {
          lines.push(`[${line.level}] ${line.message}`)
        } else if (/"level":"(warn|error)"/.test(line.message)) lines.push(line.message)
        if (lines.length > 50) lines.shift()
      },
    })
    cleanups.push(() => mf.dispose())
    const url = (await mf.ready).origin
    const pid = [...workerdChildren()].find((p) => !before.has(p))
    if (pid === undefined) throw new Error('no workerd process appeared for the Worker')

    // The first request applies the migrations (once per isolate).
    const first = await fetch(`${url}/healthz`)
    if (!first.ok)
      throw new Error(`the Worker did not start: ${first.status} ${await first.text()}`)
    if (options.database === 'd1') {
      await copyIntoD1(options.source, (await mf.getD1Database('DB')) as unknown as D1Database)
    }
    return {
      name: `Worker on ${options.database === 'd1' ? 'D1' : 'libSQL over HTTP'}`,
      url,
      cpuSeconds: () => cpuSecondsOf(pid),
      output: () => lines.join('\n'),
      close,
    }
  } catch (error) {
    await close().catch(() => {})
    throw error
  }
}

/**
 * The least a Worker can do under the same wrangler.toml (static assets served after the Worker,
 * observability, compatibility flags): `fetch` answers "ok". Its CPU per request is what workerd
 * and miniflare's routing in front of a Worker cost, inside every Worker figure.
 */
export async function startBareWorker(bundle: WorkerBundle): Promise<WorkerSide> {
  const sameSetUp = Object.entries(
    workerOptions(bundle, { vars: {}, d1: false, assetsDir: bundle.assetsDir }),
  ).filter(([key]) => !/^modules/.test(key))
  const before = workerdChildren()
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      workers: [
        {
          ...Object.fromEntries(sameSetUp),
          modules: true,
          script: 'export default { fetch() { return new Response("ok") } }',
        },
      ],
      host: '127.0.0.1',
      port: await freePort(),
      upstream: workerOrigin,
      logRequests: false,
    }),
  )
  try {
    const url = (await mf.ready).origin
    const pid = [...workerdChildren()].find((p) => !before.has(p))
    if (pid === undefined) throw new Error('no workerd process appeared for the bare Worker')
    return {
      name: 'bare Worker',
      url,
      cpuSeconds: () => cpuSecondsOf(pid),
      output: () => '',
      close: () => mf.dispose(),
    }
  } catch (error) {
    await mf.dispose().catch(() => {})
    throw error
  }
}

/** Tables the Worker's migrations own, or that triggers fill (full-text indexes): not copied. */
function copied(table: { name: string; sql: string }, virtual: string[]): boolean {
  if (table.name === 'porchlight_migrations' || table.name.startsWith('sqlite_')) return false
  if (/^CREATE VIRTUAL TABLE/i.test(table.sql)) return false
  return !virtual.some((v) => table.name.startsWith(`${v}_`))
}

/**
 * Copies every row of `source` into `d1`, whose schema the Worker has just migrated, in one
 * batch (one transaction) with foreign keys checked at its end: some tables refer to each other
 * (a thread and its last post). The full-text indexes are filled by the schema's own triggers as
 * the posts and submissions arrive, so threads go before posts (tables in creation order).
 */
async function copyIntoD1(source: string, d1: D1Database): Promise<void> {
  const file = new Database(source, { readonly: true })
  try {
    const tables = file
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
      .all() as { name: string; sql: string }[]
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name)
    const inserts = tables
      .filter((t) => copied(t, virtual))
      .flatMap((table) =>
        (file.prepare(`SELECT * FROM "${table.name}"`).all() as Record<string, unknown>[]).map(
          (row) => {
            const columns = Object.keys(row)
            return d1
              .prepare(
                `INSERT INTO "${table.name}" (${columns.map((c) => `"${c}"`).join(', ')}) ` +
                  `VALUES (${columns.map(() => '?').join(', ')})`,
              )
              .bind(...columns.map((c) => row[c] ?? null))
          },
        ),
      )
    await d1.batch([d1.prepare('PRAGMA defer_foreign_keys = ON'), ...inserts])
  } finally {
    file.close()
  }
}

/** The workerd processes this process started (miniflare spawns workerd as a direct child). */
function workerdChildren(): Set<number> {
  const found = new Set<number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (parent === process.pid && command === 'workerd') found.add(Number(entry))
    } catch {
      // The process ended while the list was read.
    }
  }
  return found
}

/** utime + stime from /proc/<pid>/stat, in seconds (USER_HZ is 100 on Linux). */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return Number.NaN
  }
}

/**
 * The production Worker bundle running in workerd (through miniflare), with the bindings the root
 * wrangler.toml declares, read by wrangler itself: the static assets (ASSETS), the `[vars]`, and
 * the database, which is either
 * - **D1** (the toml's `DB` binding): miniflare's D1, workerd's real SQLite, in a temp folder; or
 * - **Turso**: the D1 block taken away, as the docs tell Turso users to do, and `DATABASE_URL`
 *   pointing at libSQL over Hrana HTTP (test/support/libsql-http-server.ts, the real libSQL
 *   engine behind our protocol front).
 * Email goes to a stand-in for Resend's API. Requests go in through `fetch` (miniflare's
 * dispatchFetch), exactly as Cloudflare's edge would hand them to the Worker.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { D1Database } from '@cloudflare/workers-types'
import { createClient } from '@libsql/client/web'
import Database from 'libsql'
import {
  convertV4MiniflareOptions,
  Miniflare,
  type V4MiniflareOptions,
  type WorkerdStructuredLog,
} from 'miniflare'
import { describe } from 'vitest'
import { unstable_getMiniflareWorkerOptions } from 'wrangler'
import { type Clock, systemClock } from '../../src/clock.ts'
import { createD1Database, createDatabase, type Database as Db } from '../../src/db/client.ts'
import { type LibsqlHttpServer, startLibsqlHttpServer } from '../support/libsql-http-server.ts'
import { type ResendStandIn, startResendStandIn } from './resend-stand-in.ts'
import {
  buildWorkerBundle,
  repoRoot,
  type WorkerBuild,
  type WorkerBundle,
} from './worker-bundle.ts'

/** Where requests appear to come from: a deployed Worker's host, so production mode. */
export const workerOrigin = 'https://porchlight.example.workers.dev'

/** The Worker's two databases; every scenario file runs on each. */
export const workerDatabases = ['d1', 'turso'] as const
export type WorkerDatabaseKind = (typeof workerDatabases)[number]

/**
 * Runs `scenarios` once per database, each in its own `describe` ("on d1", "on turso"). The
 * scenario files keep one harness in a module variable, set in their `beforeAll`: vitest runs the
 * two blocks one after the other, so each block's tests see its own Worker.
 */
export function onEachDatabase(scenarios: (database: WorkerDatabaseKind) => void) {
  describe.each(workerDatabases)('on %s', scenarios)
}

type DispatchInit = Parameters<Miniflare['dispatchFetch']>[1]

export type WorkerHarnessOptions = {
  database: WorkerDatabaseKind
  /**
   * The Worker's variables: `production` (the default) is a deployment set up as the docs say
   * (an https PUBLIC_URL, Resend); `toml` is exactly the shipped wrangler.toml's `[vars]`.
   */
  vars?: 'production' | 'toml'
  /** More variables on top (tests of other settings). */
  extraVars?: Record<string, string>
  /** Where requests are sent; a loopback origin is what `wrangler dev` gives. */
  origin?: string
  /** The static assets folder the ASSETS binding serves; the build's own copy by default. */
  assetsDir?: string
  /**
   * The build to run: by default the one for `database` (wrangler.toml's D1 build, or the
   * Turso build); the D1 build on Turso's settings is a Turso deployment left on the D1 build.
   */
  build?: WorkerBuild
  /**
   * Whether to wait for the Worker to start (a first `/healthz` must answer 200, so migrations
   * have run). Off for Workers that are meant to refuse.
   */
  awaitStart?: boolean
}

export type WorkerHarness = {
  database: WorkerDatabaseKind
  bundle: WorkerBundle
  mf: Miniflare
  /** The Turso stand-in (Turso only); `libsql.requests` counts the HTTP requests it answered. */
  libsql: LibsqlHttpServer | undefined
  resend: ResendStandIn
  /** Our own data layer on the same database (D1 through miniflare; Turso over HTTP). */
  deps: { db: Db; clock: Clock }
  /** The Worker's log lines (console output of the bundle), in order. */
  logs: WorkerdStructuredLog[]
  /** A request into the Worker's fetch handler: `fetch('/healthz')`. */
  fetch(path: string, init?: DispatchInit): ReturnType<Miniflare['dispatchFetch']>
  /** The response's JSON body; if it is not JSON, fails with the body and the Worker's logs. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the Worker answered
  json(response: { status: number; text(): Promise<string> }): Promise<any>
  /** Runs the Worker's scheduled handler as the cron trigger would. */
  scheduled(): Promise<{ outcome: string; noRetry: boolean }>
  /**
   * A read-only query on the database itself, past the Worker: the D1 binding from outside the
   * Worker, or the libSQL file behind the Turso stand-in.
   */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>
  /** Disposes workerd and stops the stand-ins; safe to call after a failed start. */
  close(): Promise<void>
}

export const secrets = {
  databaseToken: 'test-turso-token-7d1f0c',
  resendApiKey: 're_test_4b1e9a2c',
}

export const mailFrom = 'Porchlight <notifications@porchlight.example>'

/**
 * Builds (or reuses) the bundle, starts the stand-ins and workerd, and sends a first request so
 * the Worker's migrations have run before the caller arranges data.
 */
export async function startWorkerHarness(options: WorkerHarnessOptions): Promise<WorkerHarness> {
  const { database } = options
  const origin = options.origin ?? workerOrigin
  const cleanups: (() => unknown)[] = []
  const close = async () => {
    const errors: unknown[] = []
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup()
      } catch (error) {
        errors.push(error)
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'closing the worker harness failed')
  }
  try {
    const bundle = await buildWorkerBundle(options.build ?? database)
    const dir = mkdtempSync(join(tmpdir(), 'porchlight-workerd-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))

    const resend = await startResendStandIn({ apiKey: secrets.resendApiKey })
    cleanups.push(() => resend.close())
    let libsql: LibsqlHttpServer | undefined
    const dbPath = join(dir, 'turso.db')
    if (database === 'turso') {
      libsql = await startLibsqlHttpServer({ path: dbPath, authToken: secrets.databaseToken })
      cleanups.push(() => libsql?.close())
    }

    const logs: WorkerdStructuredLog[] = []
    const mf = new Miniflare({
      ...convertV4MiniflareOptions({
        workers: [
          workerOptions(bundle, {
            vars: {
              ...(options.vars !== 'toml' && {
                LOG_LEVEL: 'warn',
                PUBLIC_URL: workerOrigin,
                MAIL_TRANSPORT: 'resend',
                MAIL_FROM: mailFrom,
                RESEND_API_KEY: secrets.resendApiKey,
                RESEND_BASE_URL: resend.url,
              }),
              ...(libsql && {
                DATABASE_URL: libsql.url,
                DATABASE_AUTH_TOKEN: secrets.databaseToken,
              }),
              ...options.extraVars,
            },
            d1: database === 'd1',
            assetsDir: options.assetsDir ?? bundle.assetsDir,
          }),
        ],
      }),
      enableDevRegistry: false,
      resourcePersistencePath: join(dir, 'state'),
      handleStructuredLogs: (line) => {
        logs.push(line)
      },
    })
    cleanups.push(() => mf.dispose())
    await mf.ready

    let db: Db
    let query: WorkerHarness['query']
    if (libsql) {
      const client = createClient({ url: libsql.url, authToken: secrets.databaseToken })
      cleanups.push(() => client.close())
      db = createDatabase(client)
      query = async <T>(sql: string, ...params: unknown[]) => {
        const direct = new Database(dbPath, { readonly: true })
        try {
          return direct.prepare(sql).all(...params) as T[]
        } finally {
          direct.close()
        }
      }
    } else {
      const d1 = (await mf.getD1Database('DB')) as unknown as D1Database
      db = createD1Database(d1)
      query = async <T>(sql: string, ...params: unknown[]) =>
        (
          await d1
            .prepare(sql)
            .bind(...params)
            .all<T>()
        ).results
    }

    const harness: WorkerHarness = {
      database,
      bundle,
      mf,
      libsql,
      resend,
      deps: { db, clock: systemClock },
      logs,
      fetch: (path, init) => mf.dispatchFetch(new URL(path, origin), init),
      async json(response) {
        const text = await response.text()
        try {
          return JSON.parse(text)
        } catch {
          throw new Error(`Not JSON (${response.status}): ${text}\n${formatLogs(logs)}`)
        }
      },
      async scheduled() {
        const worker = await mf.getWorker()
        return worker.scheduled({ cron: '* * * * *', scheduledTime: new Date() })
      },
      query,
      close,
    }

    // The first request applies the migrations (once per isolate); wait for it so callers can
    // write through `deps` straight away.
    const first = options.awaitStart === false ? undefined : await harness.fetch('/healthz')
    if (first && first.status !== 200) {
      throw new Error(
        `The Worker did not start: ${first.status} ${await first.text()}\n${formatLogs(logs)}`,
      )
    }
    return harness
  } catch (error) {
    await close().catch(() => {})
    throw error
  }
}

export type V4WorkerOptions = Extract<V4MiniflareOptions, { workers: unknown }>['workers'][number]

/**
 * The worker as `wrangler dev` would configure it from wrangler.toml (wrangler's own reading of
 * the file), with the production build's modules in place of wrangler's dev build, the assets as
 * that build left them, and the variables set for the scenario.
 */
export function workerOptions(
  bundle: WorkerBundle,
  options: { vars: Record<string, string>; d1: boolean; assetsDir: string },
): V4WorkerOptions {
  const { workerOptions: fromToml } = unstable_getMiniflareWorkerOptions(
    join(repoRoot, 'wrangler.toml'),
  )
  const assets = fromToml.assets
  if (!assets) throw new Error('wrangler.toml declares no [assets]')
  const moduleTypes = {
    esm: 'ESModule',
    cjs: 'CommonJS',
    wasm: 'CompiledWasm',
    text: 'Text',
    data: 'Data',
  } as const
  return {
    ...fromToml,
    name: 'porchlight',
    modulesRoot: bundle.dir,
    modules: Object.entries(bundle.modules).map(([name, module]) => ({
      type: moduleTypes[module.type],
      path: join(bundle.dir, name),
      contents: module.contents,
    })),
    bindings: { ...(fromToml.bindings as Record<string, unknown>), ...options.vars },
    d1Databases: options.d1 ? fromToml.d1Databases : {},
    assets: { ...assets, directory: options.assetsDir },
  } as V4WorkerOptions
}

/** The Worker's log lines, one a line, for failure messages. */
export function formatLogs(logs: readonly WorkerdStructuredLog[]): string {
  return logs.map((l) => `[${l.level}] ${l.message}`).join('\n')
}

/**
 * Lines the Worker logged at error level: Porchlight's own JSON lines (written with console.log,
 * so workerd reports them as `log`) and anything workerd itself reported as an error.
 */
export function errorLines(logs: readonly WorkerdStructuredLog[]): string[] {
  return logs
    .filter((l) => {
      if (l.level === 'error') return true
      try {
        return (JSON.parse(l.message) as { level?: unknown }).level === 'error'
      } catch {
        return false
      }
    })
    .map((l) => l.message)
}

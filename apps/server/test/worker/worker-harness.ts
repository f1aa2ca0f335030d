/**
 * The production Worker bundle running in workerd (through miniflare), wired as on Cloudflare but
 * with local stand-ins: libSQL over Hrana HTTP (test/support/libsql-http-server.ts, the real
 * libSQL engine behind our protocol front) in place of Turso, and a stand-in for Resend's API.
 * Requests go in through `fetch` (miniflare's dispatchFetch), exactly as Cloudflare's edge would
 * hand them to the Worker.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client/web'
import Database from 'libsql'
import { Miniflare, type WorkerdStructuredLog } from 'miniflare'
import { type Clock, systemClock } from '../../src/clock.ts'
import { createDatabase, type Database as Db } from '../../src/db/client.ts'
import { type LibsqlHttpServer, startLibsqlHttpServer } from '../support/libsql-http-server.ts'
import { type ResendStandIn, startResendStandIn } from './resend-stand-in.ts'
import { buildWorkerBundle, type WorkerBundle } from './worker-bundle.ts'

/** Where requests appear to come from; any URL works, the Worker does not route by host. */
export const workerOrigin = 'https://porchlight.example.workers.dev'

type DispatchInit = Parameters<Miniflare['dispatchFetch']>[1]

export type WorkerHarness = {
  bundle: WorkerBundle
  mf: Miniflare
  /** The Turso stand-in; `libsql.requests` counts the HTTP requests it has answered. */
  libsql: LibsqlHttpServer
  resend: ResendStandIn
  /** The libSQL database file behind the stand-in, for direct assertions. */
  dbPath: string
  /** Our own data layer over `@libsql/client/web` against the stand-in: for arranging data. */
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
  /** Runs a read-only query on the database file itself, not through any of the HTTP layers. */
  query<T>(sql: string, ...params: unknown[]): T[]
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
 * the Worker's migrations have run over HTTP before the caller arranges data.
 */
export async function startWorkerHarness(): Promise<WorkerHarness> {
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
    const bundle = await buildWorkerBundle()
    const dir = mkdtempSync(join(tmpdir(), 'porchlight-workerd-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const dbPath = join(dir, 'turso.db')

    const libsql = await startLibsqlHttpServer({ path: dbPath, authToken: secrets.databaseToken })
    cleanups.push(() => libsql.close())
    const resend = await startResendStandIn({ apiKey: secrets.resendApiKey })
    cleanups.push(() => resend.close())

    const logs: WorkerdStructuredLog[] = []
    const mf = new Miniflare({
      workers: [
        {
          config: {
            name: 'porchlight',
            compatibilityDate: bundle.compatibilityDate,
            compatibilityFlags: bundle.compatibilityFlags,
            env: {
              DATABASE_URL: { type: 'text', value: libsql.url },
              DATABASE_AUTH_TOKEN: { type: 'text', value: secrets.databaseToken },
              LOG_LEVEL: { type: 'text', value: 'warn' },
              PUBLIC_URL: { type: 'text', value: workerOrigin },
              MAIL_TRANSPORT: { type: 'text', value: 'resend' },
              MAIL_FROM: { type: 'text', value: mailFrom },
              RESEND_API_KEY: { type: 'text', value: secrets.resendApiKey },
              RESEND_BASE_URL: { type: 'text', value: resend.url },
            },
            manifest: { mainModule: bundle.mainModule, modules: bundle.modules },
          },
        },
      ],
      enableDevRegistry: false,
      handleStructuredLogs: (line) => {
        logs.push(line)
      },
    })
    cleanups.push(() => mf.dispose())
    await mf.ready

    const client = createClient({ url: libsql.url, authToken: secrets.databaseToken })
    cleanups.push(() => client.close())
    const harness: WorkerHarness = {
      bundle,
      mf,
      libsql,
      resend,
      dbPath,
      deps: { db: createDatabase(client), clock: systemClock },
      logs,
      fetch: (path, init) => mf.dispatchFetch(new URL(path, workerOrigin), init),
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
      query<T>(sql: string, ...params: unknown[]) {
        const direct = new Database(dbPath, { readonly: true })
        try {
          return direct.prepare(sql).all(...params) as T[]
        } finally {
          direct.close()
        }
      },
      close,
    }

    // The first request applies the migrations (once per isolate); wait for it so callers can
    // write through `deps` straight away.
    const first = await harness.fetch('/healthz')
    if (first.status !== 200) {
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

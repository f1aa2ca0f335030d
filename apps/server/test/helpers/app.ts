import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '@libsql/client'
import { createApp } from '../../src/app.ts'
import type { Clock } from '../../src/clock.ts'
import { type Config, loadConfig } from '../../src/config.ts'
import { migrate } from '../../src/db/migrate.ts'
import { type AppDeps, createDeps, type DepsOptions } from '../../src/deps.ts'
import { openDatabase } from '../../src/entry/node.ts'
import { createLogger, type Logger } from '../../src/logger.ts'
import { createSite } from '../../src/sites/service.ts'
import { contractChecked } from '../support/contract.ts'

/** A clock tests move by hand: `clock.advance(31 * 60_000)`. */
export function manualClock(
  start = Date.UTC(2026, 10, 21, 12),
): Clock & { advance(ms: number): void } {
  let now = start
  return { now: () => now, advance: (ms) => void (now += ms) }
}

/** Log lines kept in memory, so a test can assert what was logged and the output stays quiet. */
export function memoryLogger(): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  const log = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) })
  return Object.assign(log, { lines })
}

export type TestApp = {
  app: ReturnType<typeof createApp>
  deps: AppDeps
  /** The libSQL client under `deps`, for tests that close or reopen it. */
  client: Client
  config: Config
  log: ReturnType<typeof memoryLogger>
  /** Removes the database file; call in afterEach/afterAll. */
  close(): Promise<void>
}

/**
 * The real app over a real libSQL database in a temp file, migrated. Options override config
 * (as environment variables would) and deps (clock, job handlers, delivery timing).
 */
export async function createTestApp(
  options: { env?: Record<string, string> } & Partial<Omit<DepsOptions, 'config' | 'client'>> = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-test-'))
  const config = loadConfig({
    DATABASE_URL: `file:${join(dir, 'test.db')}`,
    LOG_LEVEL: 'debug',
    ...options.env,
  })
  const client = await openDatabase(config.database)
  await migrate(client)
  const log = memoryLogger()
  // In-process requests have no socket: by default every one comes from this address.
  const socketAddress = options.socketAddress ?? (() => '203.0.113.9')
  const deps = createDeps({ log, ...options, config, client, socketAddress })
  return {
    app: contractChecked(createApp(deps)),
    deps,
    client,
    config,
    log,
    async close() {
      client.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type TestSite = Awaited<ReturnType<typeof createSite>>

/** A site with keys and allowed origins, created through the same service the CLI uses. */
export function createTestSite(
  t: TestApp,
  input: { name?: string; origins?: string[] } = {},
): Promise<TestSite> {
  return createSite(t.deps, {
    name: input.name ?? 'Test site',
    origins: input.origins ?? ['https://site.example'],
  })
}

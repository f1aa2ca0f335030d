// The ways of reaching the embedded file that database-access.ts compares, each answering the
// same three queries (database-access-queries.ts).
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import { createClient } from '@libsql/client'
import { sql } from 'drizzle-orm'
import { drizzle as drizzleProxy } from 'drizzle-orm/sqlite-proxy'
import Libsql from 'libsql'
import { createDatabase, type Database } from '../src/db/client.ts'
import { createLocalClient } from '../src/db/local-client.ts'
import { schema } from '../src/db/schema.ts'
import {
  insertJobSql,
  insertSubmissionSql,
  postsSelect,
  readSql,
  siteSelects,
  submissionInserts,
  submissionValues,
} from './database-access-queries.ts'
import type { AccessWorld } from './database-access-seed.ts'

export type Queries = {
  siteLookup(): Promise<unknown>
  postsPage(): Promise<unknown[]>
  insertSubmission?(i: number): Promise<unknown>
}

export type Candidate = {
  name: string
  open(path: string, world: AccessWorld): Promise<{ queries: Queries; close(): void }>
}

// --- drizzle over a driver ---------------------------------------------------------------------

function drizzleQueries(db: Database, world: AccessWorld): Queries {
  return {
    async siteLookup() {
      const [found, origins] = await db.batch(siteSelects(db, world.publishableKey))
      const site = found[0]
      return site ? { ...site, origins: origins.map((o) => o.origin) } : null
    },
    postsPage: () => postsSelect(db, world, 0),
    insertSubmission: (i) => db.batch(submissionInserts(db, world, i)),
  }
}

/** Drizzle's prepared queries: built and mapped once, values bound as placeholders. */
function preparedDrizzleQueries(
  db: Database,
  world: AccessWorld,
  exec: (sql: string) => Promise<unknown>,
): Queries {
  const [site, origins] = siteSelects(db, sql.placeholder('key')).map((q) => q.prepare())
  const page = postsSelect(db, world, sql.placeholder('after')).prepare()
  return {
    async siteLookup() {
      // One read transaction around both, as the batch of the unprepared form has.
      await exec('BEGIN')
      try {
        const found = (await site?.all({ key: world.publishableKey })) as { id: string }[]
        const list = (await origins?.all({ key: world.publishableKey })) as { origin: string }[]
        return found[0] ? { ...found[0], origins: list.map((o) => o.origin) } : null
      } finally {
        await exec('COMMIT')
      }
    },
    postsPage: () => page.all({ after: 0 }),
  }
}

// --- raw drivers -------------------------------------------------------------------------------

type SyncDriver = {
  all(sql: string, args: unknown[]): unknown[][]
  run(sql: string, args: unknown[]): void
  close(): void
}

function cachedLibsql(path: string): SyncDriver {
  const conn = new Libsql(path, { timeout: 5000 })
  conn.exec('PRAGMA synchronous = NORMAL')
  conn.exec('PRAGMA foreign_keys = ON')
  const cache = new Map<string, ReturnType<typeof conn.prepare>>()
  const prepared = (text: string, reader: boolean) => {
    let stmt = cache.get(text)
    if (!stmt) {
      stmt = conn.prepare(text)
      if (reader) stmt.raw(true)
      cache.set(text, stmt)
    }
    return stmt
  }
  return {
    all: (text, args) => prepared(text, true).all(args) as unknown[][],
    run: (text, args) => void prepared(text, false).run(args),
    close: () => conn.close(),
  }
}

function cachedNodeSqlite(path: string): SyncDriver {
  const conn = new DatabaseSync(path, { timeout: 5000 })
  conn.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON')
  const cache = new Map<string, StatementSync>()
  const prepared = (text: string, reader: boolean) => {
    let stmt = cache.get(text)
    if (!stmt) {
      stmt = conn.prepare(text)
      if (reader) stmt.setReturnArrays(true)
      cache.set(text, stmt)
    }
    return stmt
  }
  return {
    all: (text, args) => prepared(text, true).all(...(args as never[])) as unknown as unknown[][],
    run: (text, args) => void prepared(text, false).run(...(args as never[])),
    close: () => conn.close(),
  }
}

/** A deferred transaction, as the local client's batches run by default. */
function inTransaction<T>(driver: SyncDriver, work: () => T): T {
  driver.run('BEGIN', [])
  try {
    const result = work()
    driver.run('COMMIT', [])
    return result
  } catch (error) {
    driver.run('ROLLBACK', [])
    throw error
  }
}

function rawSyncQueries(driver: SyncDriver, world: AccessWorld): Queries {
  const text = readSql(world)
  const key = [world.publishableKey]
  return {
    siteLookup: async () =>
      inTransaction(driver, () => {
        const [found] = driver.all(text.site, key)
        const origins = driver.all(text.origins, key)
        return found ? { found, origins: origins.map((o) => o[0]) } : null
      }),
    postsPage: async () => driver.all(text.posts, text.postsArgs),
    insertSubmission: async (i) => {
      const { submission, job } = submissionValues(world, i)
      inTransaction(driver, () => {
        driver.run(insertSubmissionSql, submission)
        driver.run(insertJobSql, job)
      })
    },
  }
}

/** drizzle-orm/sqlite-proxy over a synchronous driver: drizzle's mapping on plain arrays. */
function proxyDatabase(driver: SyncDriver): Database {
  const one = (text: string, params: unknown[], method: string) => {
    if (method === 'run') {
      driver.run(text, params)
      return { rows: [] }
    }
    const rows = driver.all(text, params)
    return { rows: method === 'get' ? rows[0] : rows }
  }
  return drizzleProxy(
    async (text, params, method) => one(text, params, method) as { rows: unknown[] },
    async (batch) =>
      inTransaction(driver, () =>
        batch.map((q) => one(q.sql, q.params, q.method) as { rows: unknown[] }),
      ),
    { schema },
  ) as unknown as Database
}

// --- the list ----------------------------------------------------------------------------------

type ClientLike = Parameters<typeof createDatabase>[0]

const libsqlClient = (path: string) => createClient({ url: `file:${path}` })
const localClient = (size: number) => (path: string) =>
  createLocalClient({ path, statementCacheSize: size })

function rawClient(name: string, make: (path: string) => ClientLike): Candidate {
  return {
    name,
    async open(path, world) {
      const client = make(path)
      await client.execute('PRAGMA foreign_keys = ON')
      const text = readSql(world)
      const key = [world.publishableKey]
      return {
        queries: {
          async siteLookup() {
            const [found, origins] = await client.batch(
              [
                { sql: text.site, args: key },
                { sql: text.origins, args: key },
              ],
              'read',
            )
            const site = found?.rows[0]
            return site ? { site, origins: origins?.rows.map((o) => o.origin) ?? [] } : null
          },
          postsPage: async () =>
            (await client.execute({ sql: text.posts, args: text.postsArgs as never })).rows,
          async insertSubmission(i) {
            const { submission, job } = submissionValues(world, i)
            return client.batch(
              [
                { sql: insertSubmissionSql, args: submission as never },
                { sql: insertJobSql, args: job as never },
              ],
              'deferred',
            )
          },
        },
        close: () => client.close(),
      }
    },
  }
}

function drizzleClient(
  name: string,
  make: (path: string) => ClientLike,
  prepared = false,
): Candidate {
  return {
    name,
    async open(path, world) {
      const client = make(path)
      await client.execute('PRAGMA foreign_keys = ON')
      const db = createDatabase(client)
      const queries = prepared
        ? preparedDrizzleQueries(db, world, (text) => client.execute(text))
        : drizzleQueries(db, world)
      return { queries, close: () => client.close() }
    },
  }
}

function syncCandidate(
  name: string,
  make: (path: string) => SyncDriver,
  on: 'raw' | 'proxy' | 'prepared-proxy',
): Candidate {
  return {
    name,
    async open(path, world) {
      const driver = make(path)
      const queries =
        on === 'raw'
          ? rawSyncQueries(driver, world)
          : on === 'proxy'
            ? drizzleQueries(proxyDatabase(driver), world)
            : preparedDrizzleQueries(proxyDatabase(driver), world, async (text) =>
                driver.run(text, []),
              )
      return { queries, close: () => driver.close() }
    },
  }
}

export const candidates: Candidate[] = [
  rawClient('raw @libsql/client', libsqlClient),
  rawClient('raw local client, prepare every call', localClient(0)),
  rawClient('raw local client, statements cached', localClient(500)),
  syncCandidate('raw libsql sync, cached, arrays', cachedLibsql, 'raw'),
  syncCandidate('raw node:sqlite, cached, arrays', cachedNodeSqlite, 'raw'),
  drizzleClient('drizzle + @libsql/client', libsqlClient),
  drizzleClient('drizzle + local client, prepare every call', localClient(0)),
  drizzleClient('drizzle + local client, statements cached', localClient(500)),
  drizzleClient('drizzle .prepare() + local client, cached', localClient(500), true),
  syncCandidate('drizzle proxy + libsql sync, cached', cachedLibsql, 'proxy'),
  syncCandidate('drizzle proxy + node:sqlite, cached', cachedNodeSqlite, 'proxy'),
  syncCandidate('drizzle .prepare() + proxy + libsql sync', cachedLibsql, 'prepared-proxy'),
]

import type { Client } from '@libsql/client'
import type { LibSQLDatabase } from 'drizzle-orm/libsql'
import { drizzle } from 'drizzle-orm/libsql/web'
import { schema } from './schema.ts'

export type Database = LibSQLDatabase<typeof schema>

/**
 * Wraps a libSQL client (a local file on Node, HTTP to Turso on Workers) in drizzle. The client
 * is made by the runtime's entry; everything past this point is the same on both runtimes.
 *
 * Atomic writes use `db.batch([...])`, never `db.transaction()`: a batch is one round trip to
 * Turso and holds no lock between requests, and on a local file the client runs interactive
 * transactions on a fresh connection that lacks our per-connection pragmas.
 */
export function createDatabase(client: Client): Database {
  return drizzle(client, { schema })
}

import type { Client } from '@libsql/client'
import type { Context } from 'hono'
import { type Clock, systemClock } from './clock.ts'
import type { Config } from './config.ts'
import { createDatabase, type Database } from './db/client.ts'
import { clientAddressReader } from './http/client-address.ts'
import { createRateLimiter, type RateLimiter } from './http/rate-limit.ts'
import { createLogger, type Logger } from './logger.ts'
import type { DeliveryOptions } from './outbox/deliver.ts'
import type { JobHandlers } from './outbox/jobs.ts'
import { createOutboxRunner, type OutboxRunner } from './outbox/runner.ts'

/** Everything the app needs from its runtime, built by `entry/node.ts` or `entry/worker.ts`. */
export type AppDeps = {
  config: Config
  client: Client
  db: Database
  clock: Clock
  log: Logger
  limiter: RateLimiter
  outbox: OutboxRunner
  /** The caller's address, for rate limits and logs. */
  clientAddress: (c: Context) => string
}

export type DepsOptions = {
  config: Config
  client: Client
  clock?: Clock
  log?: Logger
  handlers?: JobHandlers
  delivery?: DeliveryOptions
  /** The peer address as the runtime knows it (the socket on Node). */
  socketAddress?: (c: Context) => string | undefined
}

/** Wires the runtime-independent parts around a database client. */
export function createDeps(options: DepsOptions): AppDeps {
  const { config, client } = options
  const clock = options.clock ?? systemClock
  const log = options.log ?? createLogger({ level: config.logLevel })
  const db: Database = createDatabase(client)
  const outbox = createOutboxRunner(
    { db, clock, log, handlers: options.handlers ?? {} },
    options.delivery,
  )
  return {
    config,
    client,
    db,
    clock,
    log,
    limiter: createRateLimiter(db, clock),
    outbox,
    clientAddress: clientAddressReader(
      config.trustProxy,
      options.socketAddress ?? (() => undefined),
    ),
  }
}

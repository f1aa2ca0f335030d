import { mkdirSync } from 'node:fs'
import type { Server, ServerResponse } from 'node:http'
import { availableParallelism } from 'node:os'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { type Client, createClient } from '@libsql/client'
import { createApp } from '../app.ts'
import type { Config } from '../config.ts'
import { migrate } from '../db/migrate.ts'
import { type AppDeps, createDeps, type DepsOptions } from '../deps.ts'
import { describeError } from '../logger.ts'
import { createSmtpTransport } from '../mail/smtp.ts'
import { fileAssets } from '../pages/file-assets.ts'

/**
 * Opens the database named by the config: a local file (created with its folder on first run),
 * an embedded replica of Turso, or Turso itself over the network.
 */
export async function openDatabase(database: Config['database']): Promise<Client> {
  const local = database.url.startsWith('file:')
  if (local) {
    const path = database.url.slice('file:'.length).split('?')[0] ?? ''
    if (path && path !== ':memory:')
      mkdirSync(dirname(path.startsWith('//') ? fileURLToPath(database.url) : path), {
        recursive: true,
      })
  }
  const client = createClient({
    url: database.url,
    ...(database.authToken && { authToken: database.authToken }),
    ...(database.syncUrl && { syncUrl: database.syncUrl }),
    ...(database.syncInterval && { syncInterval: database.syncInterval }),
  })
  if (local && !database.syncUrl) {
    // WAL lets readers work while a write commits; the busy timeout makes a second process wait
    // for a lock instead of failing at once; SQLite leaves foreign keys off unless asked.
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('PRAGMA busy_timeout = 5000')
    await client.execute('PRAGMA synchronous = NORMAL')
  }
  if (local) await client.execute('PRAGMA foreign_keys = ON')
  return client
}

export type NodeServer = {
  url: string
  deps: AppDeps
  /** Stops taking requests, lets running ones finish, delivers what is due, closes the database. */
  close(): Promise<void>
}

/**
 * Runs Porchlight on Node: open and migrate the database, serve HTTP, and deliver the outbox on
 * a timer and right after each write that queued something.
 */
export async function startNodeServer(
  options: Omit<DepsOptions, 'client' | 'socketAddress'> & { client?: Client },
): Promise<NodeServer> {
  const { config } = options
  const client = options.client ?? (await openDatabase(config.database))
  await migrate(client)
  const deps = createDeps({
    ...options,
    smtp: (url) => createSmtpTransport({ url }),
    // Leave one core for requests while passwords hash (libuv runs at most 4 at once anyway).
    hashConcurrency: Math.max(1, Math.min(4, availableParallelism() - 1)),
    // The embed bundle and the demo pages, from the checkout this runs from.
    assets: options.assets ?? fileAssets(),
    client,
    socketAddress: (c) => getConnInfo(c).remote.address,
  })
  const app = createApp(deps)
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const timer = setInterval(() => void deps.outbox.tick(), config.outboxIntervalMs)
  timer.unref()
  void deps.outbox.tick()

  let closing: Promise<void> | undefined
  // Responses sent during shutdown close their connection: otherwise close() would wait out each
  // client's keep-alive timeout (5 s), or longer while a client keeps reusing its connection.
  const unanswered = new Set<ServerResponse>()
  ;(server as Server).on('request', (_req, res) => {
    if (closing) res.shouldKeepAlive = false
    unanswered.add(res)
    res.once('close', () => unanswered.delete(res))
  })
  const close = () => {
    closing ??= (async () => {
      clearInterval(timer)
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const res of unanswered) if (!res.headersSent) res.shouldKeepAlive = false
      await stopped
      await deps.outbox
        .kick()
        .catch((error) => deps.log.error('final delivery failed', describeError(error)))
      await deps.closeMail()
      client.close()
    })()
    return closing
  }
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    deps,
    close,
  }
}

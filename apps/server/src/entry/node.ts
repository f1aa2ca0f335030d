import { mkdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { getRequestListener } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { type Client, createClient } from '@libsql/client'
import { createApp } from '../app.ts'
import { folderBackupCatalog } from '../backup/folder-catalog.ts'
import { backupScheduleProblem, startDatabaseFileDuties } from '../backup/serving.ts'
import { type Config, ConfigError, productionProblems } from '../config.ts'
import { createLocalClient } from '../db/local-client.ts'
import { localPath } from '../db/local-path.ts'
import { migrate } from '../db/migrate.ts'
import { type AppDeps, createDeps, type DepsOptions } from '../deps.ts'
import { securedServerResponse } from '../http/security-headers-node.ts'
import { fileDevMailStore } from '../mail/dev-file-store.ts'
import { createSmtpTransport } from '../mail/smtp.ts'
import { nodeMetrics } from '../metrics/node-metrics.ts'
import { fileAssets } from '../pages/file-assets.ts'
import { nodeWebhookPost } from '../webhooks/node-post.ts'
import { logLateDisconnects } from './client-disconnects.ts'
import { createDrainingServer } from './draining-server.ts'

/**
 * Opens the database named by the config: a local file (created with its folder on first run) or
 * an embedded replica of Turso, both on Porchlight's own connection (`db/local-client.ts`), or
 * Turso itself over the network.
 */
export async function openDatabase(database: Config['database']): Promise<Client> {
  if (!database.url.startsWith('file:')) {
    return createClient({
      url: database.url,
      ...(database.authToken && { authToken: database.authToken }),
    })
  }
  const path = localPath(database.url)
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const client = createLocalClient({
    path,
    ...(database.syncUrl && { syncUrl: database.syncUrl }),
    ...(database.authToken && { authToken: database.authToken }),
    ...(database.syncInterval && { syncInterval: database.syncInterval }),
    ...(database.busyTimeoutMs !== undefined && { busyBudgetMs: database.busyTimeoutMs }),
  })
  // Fail at start, not at the first request, when the file cannot be opened or is not a database.
  await client.execute('SELECT count(*) FROM sqlite_master')
  return client
}

export type NodeServer = {
  url: string
  /** The listener of `/metrics` alone, when METRICS_PORT is set. */
  metricsUrl?: string
  deps: AppDeps
  /** The database connection this server opened (closed by `close`). */
  client: Client
  /**
   * Shuts down gracefully (see `draining-server.ts`): stops accepting, answers what was accepted,
   * delivers what is due, hands back outbox jobs it could not finish, closes the database. Work
   * still running at `deadline` (default: now + SHUTDOWN_TIMEOUT_SECONDS) is cut off.
   */
  close(options?: { deadline?: number }): Promise<void>
}

/**
 * Runs Porchlight on Node: open and migrate the database, serve HTTP, and deliver the outbox on
 * a timer and right after each write that queued something.
 */
export async function startNodeServer(
  options: Omit<DepsOptions, 'client' | 'socketAddress' | 'draining'> & { client?: Client },
): Promise<NodeServer> {
  const { config } = options
  const problems = productionProblems(config)
  if (problems.length > 0) {
    throw new ConfigError(`Refusing to serve in production mode:\n  ${problems.join('\n  ')}`)
  }
  const backupProblem = backupScheduleProblem(config)
  if (backupProblem) throw new ConfigError(`Invalid environment:\n  ${backupProblem}`)
  const client = options.client ?? (await openDatabase(config.database))
  await migrate(client)
  // Prometheus, when METRICS_TOKEN or METRICS_PORT asks for it (metrics/node-metrics.ts).
  const metrics = nodeMetrics(config.metrics)
  // MAIL_TRANSPORT=dev: /dev/mail keeps its messages across restarts in a file beside the
  // database file; with a database in memory or over the network, in memory only.
  const devMailFolder = localDatabaseFolder(config.database)
  const deps = createDeps({
    ...options,
    ...metrics?.deps,
    smtp: (url) => createSmtpTransport({ url }),
    ...(devMailFolder && { devMailStore: fileDevMailStore(join(devMailFolder, 'dev-mail.json')) }),
    // Leave one core for requests while passwords hash (libuv runs at most 4 at once anyway).
    hashConcurrency: Math.max(1, Math.min(4, availableParallelism() - 1)),
    // The embed bundle and the demo pages, from the checkout this runs from.
    assets: options.assets ?? fileAssets(),
    // BACKUP_DIR's backups, listed for deployment admins in the console.
    ...(config.backup && { backups: options.backups ?? folderBackupCatalog(config.backup) }),
    // Webhooks judged by the addresses their host resolves to, connected to the one judged.
    webhookPost:
      options.webhookPost ?? nodeWebhookPost({ allowPrivate: config.allowPrivateWebhooks }),
    client,
    socketAddress: (c) => getConnInfo(c).remote.address,
    // Asked only by requests, so never before `http` below exists.
    draining: () => http.draining,
  })
  const metricsListener = await metrics?.start(deps)
  const app = createApp(deps)
  const http = createDrainingServer(
    getRequestListener(logLateDisconnects(app.fetch, deps.log), { hostname: config.host }),
    // The security headers go into each response head as it is written (cheaper than into each
    // answer); the app's request middleware sees this and leaves them to it.
    { ServerResponse: securedServerResponse({ https: config.publicUrl.startsWith('https:') }) },
  )
  const { server } = http
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
    server.listen(config.port, config.host)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const timer = setInterval(() => void deps.outbox.tick(), config.outboxIntervalMs)
  timer.unref()
  void deps.outbox.tick()
  // Holds the file so `porchlight restore` refuses while this runs; BACKUP_DIR's backups.
  const fileDuties = startDatabaseFileDuties(config, deps.log)

  let closing: Promise<void> | undefined
  const close = ({ deadline = Date.now() + config.shutdownTimeoutMs } = {}) => {
    closing ??= (async () => {
      clearInterval(timer)
      const { cut } = await http.drain({ deadline })
      if (cut > 0) {
        deps.log.warn('shutdown deadline passed: requests still running were cut off', {
          connections: cut,
        })
      }
      // Requests answered while draining may have queued emails: delivered now, within the
      // deadline, or handed back for the next start.
      await deps.outbox.close(deadline)
      await deps.closeMail()
      await metricsListener?.close()
      client.close()
      await fileDuties.stop(deadline)
    })()
    return closing
  }
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    ...(metricsListener && { metricsUrl: metricsListener.url }),
    deps,
    client,
    close,
  }
}

/** The folder of a local database file; undefined for `:memory:` and remote databases. */
function localDatabaseFolder(database: Config['database']): string | undefined {
  if (!database.url.startsWith('file:')) return undefined
  const path = localPath(database.url)
  return path === ':memory:' ? undefined : dirname(path)
}

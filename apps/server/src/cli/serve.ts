import { constants } from 'node:os'
import { type NodeServer, startNodeServer } from '../entry/node.ts'
import { createLogger, describeError, type Logger } from '../logger.ts'
import { createDemoSite } from '../sites/demo-site.ts'
import { allSites } from '../sites/queries.ts'
import type { CommandContext } from './output.ts'

/** Serves until SIGINT or SIGTERM, then shuts down gracefully. */
export async function serveCommand(ctx: CommandContext): Promise<number> {
  const { config } = ctx
  const log = createLogger({ level: config.logLevel })
  const server = await startNodeServer({ config, log })
  const { db, clock } = server.deps
  const sites = await allSites(db)
  const url = config.publicUrl
  // What this server offers a developer's browser, on every start: the owner console and the demo
  // pages (when served) and, with MAIL_TRANSPORT=dev, the mailbox that stands in for email.
  const places = [
    ...(server.deps.assets ? [`  console:    ${url}/console/`] : []),
    ...(server.deps.assets && config.demoPages ? [`  demo pages: ${url}/demo/`] : []),
    ...(server.deps.devMail && !config.production
      ? [`  dev mail:   ${url}/dev/mail (emails are not sent in development)`]
      : []),
  ]
  if (sites.length === 0 && config.demoSite) {
    const site = await createDemoSite({ db, clock }, url)
    console.log(
      banner(url, places, [
        `A demo site was created (${site.id}) with a contact form, "contact", and a forum`,
        `category, "general". It allows pages from ${new URL(url).origin} only: open them there.`,
        `  publishable key: ${site.publishableKey}`,
        `  secret key:      ${site.secretKey}`,
        '                   (shown only this once: store it now)',
      ]),
    )
  } else {
    console.log(
      banner(
        url,
        places,
        sites.length > 0
          ? sites.map((s) => `Site "${s.name}" (${s.id}): ${s.publishableKey}`)
          : [
              'There are no sites yet. Create the first one (its secret key is shown once):',
              '  npx porchlight site create --name "My site" --origin https://example.com',
            ],
      ),
    )
  }
  // The same address as the banner's: the one links, cookies and the demo site's origin use.
  // Where the socket listens is a separate fact, for operators (HOST, PORT).
  log.info('listening', {
    url,
    listen: new URL(server.url).host,
    database: redactUrl(config.database.url),
    ...(server.metricsUrl && { metrics: `${server.metricsUrl}/metrics` }),
  })

  return await untilStopped(server, log, config.shutdownTimeoutMs)
}

/**
 * Serves until SIGTERM or SIGINT, then shuts down gracefully within `timeoutMs`; resolves with
 * the exit code. A second signal exits at once: an operator's second Ctrl-C, or a supervisor
 * that is done waiting, means now.
 */
function untilStopped(server: NodeServer, log: Logger, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn('second signal: exiting at once', { signal })
        process.exit(128 + (constants.signals[signal] ?? 0))
      }
      stopping = true
      log.info('shutting down', { signal, timeoutSeconds: timeoutMs / 1000 })
      // Every step of a graceful shutdown is bounded by the deadline; this is for one that hangs
      // regardless (a stuck disk), so the process still ends before the supervisor kills it.
      setTimeout(() => {
        log.error('shutdown did not finish in time: exiting')
        process.exit(1)
      }, timeoutMs + 5000).unref()
      server.close({ deadline: Date.now() + timeoutMs }).then(
        () => {
          log.info('stopped')
          // A delivery handed back to the queue may still hold a socket open; nothing is left
          // to wait for, so it must not keep the process alive.
          setTimeout(() => process.exit(), 1000).unref()
          resolve(0)
        },
        (error: unknown) => {
          log.error('shutdown failed', describeError(error))
          resolve(1)
        },
      )
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

function banner(url: string, places: string[], lines: string[]) {
  return ['', `Porchlight is running at ${url}`, ...places, ...lines, '', ''].join('\n')
}

/** Database URLs may carry credentials in their query string; logs get the host only. */
function redactUrl(url: string) {
  return url.replace(/\?.*$/, '')
}

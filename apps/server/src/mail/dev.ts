import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { type Clock, systemClock } from '../clock.ts'
import type { AppEnv } from '../http/env.ts'
import { describeError, type Logger } from '../logger.ts'
import { devMailPage, devMailPagePolicy } from './dev-page.ts'
import type { MailMessage, MailTransport } from './message.ts'

export type DevMail = MailMessage & { sentAt: number }

export interface DevMailTransport extends MailTransport {
  /** The kept messages, newest first. */
  messages(): readonly DevMail[]
  /** Where they are kept, as `/dev/mail` says it: "in memory, …" or the store's `where`. */
  readonly keptWhere: string
}

/**
 * Where the dev transport keeps its messages between restarts (`dev-file-store.ts` on Node).
 * Without one they live in memory only.
 */
export interface DevMailStore {
  /** The kept messages, newest first; none when nothing was kept yet. Throws when unreadable. */
  load(): DevMail[]
  /** Replaces what is kept with `messages`. */
  save(messages: readonly DevMail[]): Promise<void>
  /** Where, for the page: "in dev-mail.json beside the database, across restarts". */
  readonly where: string
}

export type DevMailTransportOptions = {
  log: Logger
  clock?: Clock
  /** How many messages to keep for /dev/mail; older ones are dropped (and from the store). */
  keep?: number
  store?: DevMailStore
}

/**
 * For development: nothing leaves the machine. Each message becomes one log line (with its text
 * part, so a verification link can be copied from the terminal) and is kept for `/dev/mail`: in
 * memory, and in `store` when given, so a restart keeps the mailbox.
 *
 * @example
 * const dev = createDevMailTransport({ log, store: fileDevMailStore('data/dev-mail.json') })
 * app.route('/', devMailRoutes(dev, { peerAddress: deps.peerAddress }))
 */
export function createDevMailTransport(options: DevMailTransportOptions): DevMailTransport {
  const { log, store } = options
  const clock = options.clock ?? systemClock
  const keep = options.keep ?? 50
  let kept: DevMail[] = []
  try {
    kept = store?.load().slice(0, keep) ?? []
  } catch (error) {
    // A mailbox for development is not worth refusing to start over.
    log.warn('dev mail: the kept messages could not be read; starting with none', {
      ...describeError(error),
    })
  }
  return {
    async send(message) {
      const mail: DevMail = { ...message, sentAt: clock.now() }
      kept = [mail, ...kept].slice(0, keep)
      log.info('mail (dev transport, not sent)', {
        messageId: message.messageId,
        from: message.from,
        to: message.to,
        ...(message.replyTo && { replyTo: message.replyTo }),
        subject: message.subject,
        text: message.text,
      })
      // The message is in the log and in memory either way: a full disk costs only the restart.
      await store?.save(kept).catch((error: unknown) => {
        log.warn('dev mail: could not keep the message across restarts', {
          ...describeError(error),
        })
      })
    },
    messages: () => kept.slice(),
    keptWhere: store?.where ?? 'in memory, until the server stops',
  }
}

export type DevMailRoutesOptions = {
  /**
   * The address of the socket's peer (`deps.peerAddress`), never one read from a header: a
   * forwarded header is whatever the client wrote, and behind a proxy on the same machine every
   * visitor's header-derived address could be made to look local.
   */
  peerAddress: (c: Context) => string | undefined
}

/**
 * `GET /dev/mail` (a page) and `GET /dev/mail.json`: the messages the dev transport kept.
 * Mounted only in development with `MAIL_TRANSPORT=dev` (production refuses that transport). The
 * messages hold password-reset and verification links, so even in development only callers on
 * this machine, by the socket's own peer address, see the pages; everyone else gets a plain 404.
 */
export function devMailRoutes(dev: DevMailTransport, options: DevMailRoutesOptions) {
  return new Hono<AppEnv>()
    .use('/dev/mail', localOnly(options))
    .use('/dev/mail.json', localOnly(options))
    .get('/dev/mail.json', (c) => {
      c.header('Cache-Control', 'no-store')
      return c.json({
        messages: dev.messages().map((m) => ({ ...m, sentAt: new Date(m.sentAt).toISOString() })),
      })
    })
    .get('/dev/mail', (c) => {
      c.header('Content-Security-Policy', devMailPagePolicy)
      c.header('Cache-Control', 'no-store')
      return c.html(devMailPage(dev.messages(), dev.keptWhere))
    })
}

function localOnly(options: DevMailRoutesOptions | undefined): MiddlewareHandler {
  return async (c, next) => {
    // Checked at request time, and missing options deny, so a mistaken mount fails closed.
    const peer = options?.peerAddress?.(c)
    if (peer === undefined || !isLoopback(peer) || viaProxy(c)) return c.notFound()
    await next()
  }
}

/**
 * A proxy on this machine makes every visitor's peer address loopback; proxies say they forwarded
 * a request, and a browser on this machine never does.
 */
function viaProxy(c: Context): boolean {
  return ['forwarded', 'x-forwarded-for', 'x-real-ip', 'cf-connecting-ip', 'x-forwarded-host'].some(
    (name) => c.req.header(name) !== undefined,
  )
}

function isLoopback(address: string): boolean {
  return /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i.test(
    address,
  )
}

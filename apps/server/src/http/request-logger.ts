import type { LogFields, Logger } from '../logger.ts'

/**
 * A request's logger: every line it writes carries the request id. The child logger behind it is
 * made on the first line actually written, not per request: most requests log nothing at the
 * configured level, and building a logger for each one was garbage on every `/healthz`.
 */
class RequestLogger implements Logger {
  readonly #parent: Logger
  readonly #requestId: string
  #lines: Logger | undefined

  constructor(parent: Logger, requestId: string) {
    this.#parent = parent
    this.#requestId = requestId
  }

  /** The same logger `parent.child({ requestId })` always gave, made once when first needed. */
  #withId(): Logger {
    this.#lines ??= this.#parent.child({ requestId: this.#requestId })
    return this.#lines
  }

  debug(message: string, fields?: LogFields) {
    if (this.enabled('debug')) this.#withId().debug(message, fields)
  }
  info(message: string, fields?: LogFields) {
    if (this.enabled('info')) this.#withId().info(message, fields)
  }
  warn(message: string, fields?: LogFields) {
    if (this.enabled('warn')) this.#withId().warn(message, fields)
  }
  error(message: string, fields?: LogFields) {
    if (this.enabled('error')) this.#withId().error(message, fields)
  }
  child(fields: LogFields): Logger {
    return this.#withId().child(fields)
  }
  enabled(level: Parameters<NonNullable<Logger['enabled']>>[0]): boolean {
    return this.#parent.enabled?.(level) ?? true
  }
}

/**
 * The logger for one request: its lines carry `requestId`, exactly as `log.child({ requestId })`
 * would write them.
 *
 * @example c.set('log', requestLogger(log, id))
 */
export function requestLogger(log: Logger, requestId: string): Logger {
  return new RequestLogger(log, requestId)
}

/**
 * Database failures that are not the request's fault and will pass: the app answers them with
 * 503 and `Retry-After` instead of a 500, and timers simply try again on their next run.
 */
export type DatabaseFault = 'busy' | 'unavailable'

const busyCodes = /^SQLITE_(BUSY|LOCKED)/
// D1 reports its transient failures in the message only (Cloudflare's D1 docs list these as
// safe to retry); remote libSQL and fetch report lost connections as codes or causes.
const busyMessage = /database is locked|SQLITE_BUSY|SQLITE_LOCKED/i
const unavailableCodes = new Set([
  'HRANA_WEBSOCKET_ERROR',
  'HRANA_CLOSED_ERROR',
  'HRANA_PROTO_ERROR',
  'SERVER_ERROR',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
])
const unavailableMessage =
  /fetch failed|network connection lost|storage caused object to be reset|overloaded|D1 is temporarily unavailable|internal error in D1/i

/** Whether `error`, or any error it wraps, says another connection holds the lock it needed. */
export function isBusyError(error: unknown): boolean {
  const chain = causes(error)
  return (
    chain.some((e) => busyCodes.test(codeOf(e) ?? '')) || busyMessage.test(driverMessage(chain))
  )
}

/** The passing fault behind `error`, if it is one; `null` for anything else (a real bug). */
export function databaseFault(error: unknown): DatabaseFault | null {
  if (isBusyError(error)) return 'busy'
  const chain = causes(error)
  const unavailable =
    chain.some((e) => unavailableCodes.has(codeOf(e) ?? '')) ||
    unavailableMessage.test(driverMessage(chain))
  return unavailable ? 'unavailable' : null
}

/** `error` and its causes, outermost first (drizzle wraps driver errors in its own). */
function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  let current = error
  while (current !== undefined && current !== null && chain.length < 8) {
    chain.push(current)
    current = (current as { cause?: unknown }).cause
  }
  return chain
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * The innermost error's message: the driver's own words. Outer wrappers (drizzle's "Failed query")
 * quote the statement's parameters, which hold visitors' text and must not be mistaken for it.
 */
function driverMessage(chain: unknown[]): string {
  const innermost = chain.at(-1)
  return chain.length > 0 && innermost instanceof Error ? innermost.message : ''
}

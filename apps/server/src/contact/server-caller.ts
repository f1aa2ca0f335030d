import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { publishableKeyHeader, siteOf } from '../http/site.ts'
import { parseIp } from '../spam/ip-ranges.ts'

// A site's own server may submit its forms with the site's secret key (a contact page rendered
// on the server, a backend relaying its own form). The key vouches for the caller, so it is
// spared what only a browser can do: the proof of work, the time token, Turnstile. Everything
// about the content still applies (honeypot, blocked words, links, duplicates), and so do the
// form's hourly limit and, for the visitor the server names, the per-address limit.

/** The header a server names the visitor's address in, for limits, blocks and the record. */
export const visitorIpHeader = 'X-Porchlight-Visitor-Ip'

/** Whether the request presents a secret key; `formCaller` has checked it by the handler. */
export function fromSiteServer(c: Context): boolean {
  return /^Bearer\s+sk_/i.test(c.req.header('authorization') ?? '')
}

export const ServerCallerErrors = {
  secretKeyInBrowser: () =>
    new ApiError(
      403,
      'SECRET_KEY_IN_BROWSER',
      'A secret key reached this server from a web browser, where anyone can read it: revoke it (porchlight key revoke), and send submissions from pages with the publishable key.',
    ),
  badVisitorIp: () =>
    new ApiError(400, 'BAD_REQUEST', `${visitorIpHeader} must be one IPv4 or IPv6 address.`),
} as const

/**
 * Who is using a form: a page, by the publishable key (and a member's session, when `member` is
 * given), or the site's own server, by `Authorization: Bearer sk_…` (`server`). A publishable key
 * sent along with a secret key must be the same site's.
 */
export function formCaller(options: {
  site: MiddlewareHandler<AppEnv>
  member?: MiddlewareHandler<AppEnv>
  server: MiddlewareHandler<AppEnv>
  siteIdOfPublishableKey: (key: string) => Promise<string | undefined>
}): MiddlewareHandler<AppEnv> {
  const { site, member, server } = options
  return async (c, next) => {
    if (!fromSiteServer(c)) {
      await site(c, member ? async () => void (await member(c, next)) : next)
      return
    }
    // Browsers send Origin with every POST and every cross-origin request, and Sec-Fetch-Site
    // with every request; server runtimes send neither. A key that arrives with them sits in a
    // page, and is refused before it is even looked up: it must fail loudly in development.
    if (c.req.header('origin') !== undefined || c.req.header('sec-fetch-site') !== undefined) {
      throw ServerCallerErrors.secretKeyInBrowser()
    }
    await server(c, async () => {
      const publishable = c.req.header(publishableKeyHeader) ?? c.req.query('key')
      if (publishable && (await options.siteIdOfPublishableKey(publishable)) !== siteOf(c).id) {
        throw new ApiError(
          401,
          'INVALID_PUBLISHABLE_KEY',
          'The publishable key sent with the secret key is not the same site’s.',
        )
      }
      await next()
    })
  }
}

/**
 * The visitor a site's server submits for: the address it names in `X-Porchlight-Visitor-Ip`,
 * or `undefined` when it names none. Read only from a secret-key caller: from anyone else the
 * header would let a client pick its own address and dodge every per-address limit.
 *
 * @throws {ApiError} 400 BAD_REQUEST when the header is not one address.
 */
export function visitorIpOf(c: Context): string | undefined {
  const named = c.req.header(visitorIpHeader)
  if (named === undefined) return undefined
  const address = named.trim()
  if (!parseIp(address) || address.includes('/')) throw ServerCallerErrors.badVisitorIp()
  return address
}

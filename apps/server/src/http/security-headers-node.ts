import { type IncomingMessage, type OutgoingHttpHeaders, ServerResponse } from 'node:http'
import {
  apiSecurityHeaders,
  browserPageHeaders,
  type HeaderSet,
  headersAtResponseHead,
  isHtml,
} from './security-headers.ts'

// On Node, the security headers are written with the response head instead of being put into
// each answer by the middleware. @hono/node-server sends an answer whose headers are a plain
// object straight to the socket, but one undici `Headers` object (which setting any header
// through the context makes, and reading an answer's media type too) cost more per request
// than the rest of a `/healthz` together (docs/performance.md, "The middleware stack"). Same
// rules as request-basics.ts: the API set and the request id on every answer, the browser-page
// set on HTML pages, and a header the route set itself wins.

/** What the middleware hands the response: the id its head carries, and headers decided late. */
export type SecuredHead = {
  requestId: string | undefined
  /**
   * Headers a middleware decided once the route had answered (CORS, cors.ts), lower-case names,
   * written with the head: adding them to the answer itself would build the `Headers` object
   * this module exists to avoid. A header of the answer's own wins.
   */
  addedHeaders: [string, string][] | undefined
}

/** `writeHead(statusCode, [statusMessage], [headers])`, whichever of its forms was called. */
type HeadArguments = unknown[]
const writeHeadOfNode = ServerResponse.prototype.writeHead as (
  this: ServerResponse,
  statusCode: number,
  ...rest: HeadArguments
) => ServerResponse

const requestIdName = 'x-request-id'

/** Lower-cased names: a head's own headers replace them whatever their case. */
const lowerCased = (set: HeaderSet): HeaderSet =>
  set.map(([name, value]) => [name.toLowerCase(), value] as const)

/** A head's own headers as a plain object, or undefined when they come as a list (or none). */
function plainHeaders(rest: HeadArguments): OutgoingHttpHeaders | undefined {
  const headers = rest.length >= 2 ? rest[1] : rest[0]
  return headers && typeof headers === 'object' && !Array.isArray(headers)
    ? (headers as OutgoingHttpHeaders)
    : undefined
}

/**
 * The `ServerResponse` class for Node's HTTP server: every response head it writes carries the
 * security headers (security-headers.ts) and the request id the middleware gave it. Give it to
 * `http.createServer({ ServerResponse })`; `requestBasics` then leaves the headers to it.
 *
 * @example createServer({ ServerResponse: securedServerResponse({ https: true }) }, listener)
 */
export function securedServerResponse(options: { https: boolean }): typeof ServerResponse {
  const apiHeaders = lowerCased(apiSecurityHeaders(options))
  const pageHeaders = [...apiHeaders, ...lowerCased(browserPageHeaders)]
  const defaultsFor = (contentType: unknown) =>
    isHtml(contentType === undefined ? null : String(contentType)) ? pageHeaders : apiHeaders

  class SecuredServerResponse<Request extends IncomingMessage = IncomingMessage>
    extends ServerResponse<Request>
    implements SecuredHead
  {
    requestId: string | undefined = undefined
    addedHeaders: [string, string][] | undefined = undefined

    override writeHead(statusCode: number, ...rest: HeadArguments): this {
      const own = plainHeaders(rest)
      // The usual case (@hono/node-server passes a plain object, and nothing was set before):
      // one object, the defaults first and the head's own headers over them, each validated
      // once by Node as it writes the head.
      if (own && this.getHeaderNames().length === 0) {
        const head: OutgoingHttpHeaders = {}
        if (this.requestId !== undefined) head[requestIdName] = this.requestId
        for (const [name, value] of defaultsFor(contentTypeOf(own))) head[name] = value
        if (this.addedHeaders) for (const [name, value] of this.addedHeaders) head[name] = value
        for (const name in own) head[name.toLowerCase()] = own[name]
        writeHeadOfNode.call(this, statusCode, ...headArguments(rest, head))
        return this
      }
      // Headers set before, or a list: the defaults where missing; Node merges the head's own.
      const contentType = own ? contentTypeOf(own) : this.getHeader('content-type')
      if (this.requestId !== undefined && !this.hasHeader(requestIdName)) {
        this.setHeader(requestIdName, this.requestId)
      }
      for (const [name, value] of [...defaultsFor(contentType), ...(this.addedHeaders ?? [])]) {
        if (!this.hasHeader(name)) this.setHeader(name, value)
      }
      writeHeadOfNode.call(this, statusCode, ...rest)
      return this
    }
  }
  Object.defineProperty(SecuredServerResponse.prototype, headersAtResponseHead, { value: true })
  return SecuredServerResponse
}

/** The media type among a head's own headers, whatever the case of its name. */
function contentTypeOf(headers: OutgoingHttpHeaders): unknown {
  for (const name in headers) {
    if (name.length === 12 && name.toLowerCase() === 'content-type') return headers[name]
  }
  return undefined
}

/** writeHead's arguments with its headers replaced by `head`. */
function headArguments(rest: HeadArguments, head: OutgoingHttpHeaders): HeadArguments {
  return rest.length >= 2 ? [rest[0], head] : [head]
}

import { lookup } from 'node:dns/promises'
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { forbiddenAddressKind, isIpLiteral } from './address-policy.ts'
import { destinationProblem, hostForResolving } from './destination.ts'
import { deliveryFailure, RefusedDestinationError, type WebhookPost } from './post.ts'

// Webhooks from Node: the name is resolved once, every address it resolves to is judged, and the
// connection goes to the address that was judged. A second lookup by the HTTP client could get
// another answer (DNS rebinding: a public address for the check, 127.0.0.1 for the connection),
// so the client's own lookup is replaced by one that returns the checked address. The URL keeps
// its name, so the Host header, TLS SNI and certificate check all use the name as usual.

/** Addresses for a host name, as `getaddrinfo` (and so /etc/hosts) would give them. */
export type HostResolver = (hostname: string) => Promise<string[]>

/** The machine's resolver (`dns.lookup`: /etc/hosts, then DNS), in the order it returns them. */
export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, order: 'verbatim' })).map((entry) => entry.address)

/** A resolver that does not answer in time fails the attempt; the outbox tries again later. */
async function resolveWithin(resolve: HostResolver, host: string, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('lookup'), { code: 'ETIMEDOUT' })), ms)
  })
  try {
    return await Promise.race([resolve(host), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** A lookup that always answers `address`, in whichever shape the caller asked for. */
function pinnedLookup(address: string): LookupFunction {
  const family = isIP(address)
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }])
    else callback(null, address, family)
  }
}

function post(url: URL, options: RequestOptions, body: string): Promise<number> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(url, options, (res: IncomingMessage) => {
      resolve(res.statusCode ?? 0)
      // Only the status matters; the receiver's body is not read.
      res.destroy()
    })
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * `WebhookPost` over `node:http`/`node:https` with the destination judged by address. The resolver
 * is an option so tests can make any name resolve anywhere.
 *
 * @example nodeWebhookPost({ allowPrivate: config.allowPrivateWebhooks })
 */
export function nodeWebhookPost(options: {
  allowPrivate: boolean
  resolve?: HostResolver
}): WebhookPost {
  const resolve = options.resolve ?? systemResolver
  return async (request) => {
    const url = new URL(request.url)
    const problem = destinationProblem(url, options.allowPrivate)
    if (problem) throw new RefusedDestinationError(problem)
    const host = hostForResolving(url)
    const addresses = isIpLiteral(host)
      ? [host]
      : await resolveWithin(resolve, host, request.timeoutMs).catch((error: unknown) => {
          throw deliveryFailure(error, request.timeoutMs)
        })
    const address = addresses[0]
    if (!address) throw new Error('The host name did not resolve.')
    if (!options.allowPrivate) {
      // Every answer is judged, not only the one used: a name that mixes public and private
      // answers is either misconfigured or probing, and the next lookup might pick the other.
      for (const candidate of addresses) {
        const kind = forbiddenAddressKind(candidate)
        // The address itself is not repeated: on a split-horizon network it is internal data.
        if (kind) {
          throw new RefusedDestinationError(
            `${host} resolves to a ${kind} address; only public addresses may receive webhooks.`,
          )
        }
      }
    }
    return post(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        lookup: pinnedLookup(address),
        // A fresh connection each time: a pooled one might lead to an address judged earlier.
        agent: false,
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      request.body,
    ).catch((error: unknown) => {
      throw deliveryFailure(error, request.timeoutMs)
    })
  }
}

import { type IpRange, ipInRanges, parseIp, parseIpRange } from '../spam/ip-ranges.ts'

/**
 * Which proxies in front of the server may say who the client is.
 *
 * - `none`: nobody; the client is the socket's peer.
 * - `cloudflare`: Cloudflare's `CF-Connecting-IP`, believed only from Cloudflare's own addresses
 *   (or loopback, where `cloudflared` runs a tunnel); on Workers Cloudflare sets it itself.
 * - `hops`: this many proxies in front, each appending to `X-Forwarded-For`.
 * - `addresses`: proxies at these addresses append to `X-Forwarded-For`.
 */
export type TrustProxy =
  | { mode: 'none' }
  | { mode: 'cloudflare' }
  | { mode: 'hops'; hops: number }
  | { mode: 'addresses'; ranges: IpRange[] }

const keywords: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
}

/**
 * Parses `TRUST_PROXY`: `none`, `cloudflare`, a hop count (`1`…`10`), or a comma-separated list
 * of proxy addresses, CIDR ranges and the words `loopback`, `private`, `linklocal`.
 * `x-forwarded-for` is the earlier spelling of `1`. Returns a message when it is none of these.
 *
 * @example parseTrustProxy('loopback, 10.0.0.0/8') // { mode: 'addresses', ranges: [...] }
 */
export function parseTrustProxy(text: string): TrustProxy | string {
  const value = text.trim().toLowerCase()
  if (value === 'none' || value === 'false' || value === '0') return { mode: 'none' }
  if (value === 'cloudflare') return { mode: 'cloudflare' }
  if (value === 'x-forwarded-for') return { mode: 'hops', hops: 1 }
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    return hops <= 10 ? { mode: 'hops', hops } : 'a hop count must be 10 or fewer'
  }
  const ranges: IpRange[] = []
  for (const entry of value.split(',').map((e) => e.trim())) {
    for (const item of keywords[entry] ?? [entry]) {
      const range = parseIpRange(item)
      if (!range) {
        return `"${entry}" is not none, cloudflare, a hop count, an address, a CIDR range, loopback, private or linklocal`
      }
      ranges.push(range)
    }
  }
  return { mode: 'addresses', ranges }
}

/**
 * The client's address, given what the socket says (`peer`; undefined where the runtime has no
 * socket of its own: Workers, in-process requests) and the forwarding headers.
 *
 * `X-Forwarded-For` is read from the right: each trusted proxy appended the address it received
 * the request from, and everything left of the first untrusted entry was written by the client,
 * which may have written anything there. Taking the left-most entry would let any client pick
 * its own address and dodge every per-address limit.
 *
 * @example clientAddressFrom({ mode: 'hops', hops: 1 }, '127.0.0.1', { 'x-forwarded-for': '1.2.3.4, 5.6.7.8' }) // '5.6.7.8'
 */
export function clientAddressFrom(
  trust: TrustProxy,
  peer: string | undefined,
  header: (name: string) => string | undefined,
): string {
  const socket = peer === undefined ? undefined : canonical(peer)
  if (trust.mode === 'none') return socket ?? 'unknown'
  if (trust.mode === 'cloudflare') {
    const claimed = header('cf-connecting-ip')
    const fromCloudflare =
      socket === undefined || ipInRanges(socket, cloudflareRanges) || ipInRanges(socket, loopback)
    if (fromCloudflare && claimed && parseIp(claimed)) return canonical(claimed)
    return socket ?? 'unknown'
  }
  // The chain of hops, nearest last: the forwarded entries, then the peer itself.
  const forwarded = (header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  const chain = socket === undefined ? forwarded : [...forwarded, socket]
  if (chain.length === 0) return 'unknown'
  let index: number
  if (trust.mode === 'hops') {
    // Without a socket (in-process), the nearest hop is the caller itself: one fewer to skip.
    const skip = socket === undefined ? trust.hops - 1 : trust.hops
    index = Math.max(0, chain.length - 1 - skip)
  } else {
    index = chain.length - 1
    while (index > 0 && isTrusted(chain[index] as string, trust.ranges)) index--
  }
  const client = chain[index] as string
  // An entry a trusted proxy wrote is an address; anything else means the chain is not what the
  // setting says, and the nearest address known for certain is the safer answer.
  return parseIp(client) ? canonical(client) : (socket ?? 'unknown')
}

function isTrusted(address: string, ranges: IpRange[]): boolean {
  return parseIp(address) !== null && ipInRanges(address, ranges)
}

/** One spelling per address, so `::ffff:192.0.2.1` and `192.0.2.1` share a rate-limit bucket. */
function canonical(address: string): string {
  const ip = parseIp(address)
  if (!ip) return address
  if (ip.version === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((ip.value >> shift) & 0xffn)).join('.')
  }
  const groups: string[] = []
  for (let shift = 112n; shift >= 0n; shift -= 16n) {
    groups.push(((ip.value >> shift) & 0xffffn).toString(16))
  }
  return groups.join(':')
}

const loopback = keywords.loopback?.map((r) => parseIpRange(r) as IpRange) ?? []

// Cloudflare's published edge ranges (cloudflare.com/ips). They change rarely; an origin behind
// Cloudflare should also accept connections from nowhere else (firewall), so a stale list fails
// closed: the peer's own address is used.
const cloudflareRanges = [
  '173.245.48.0/20',
  '103.21.244.0/22',
  '103.22.200.0/22',
  '103.31.4.0/22',
  '141.101.64.0/18',
  '108.162.192.0/18',
  '190.93.240.0/20',
  '188.114.96.0/20',
  '197.234.240.0/22',
  '198.41.128.0/17',
  '162.158.0.0/15',
  '104.16.0.0/13',
  '104.24.0.0/14',
  '172.64.0.0/13',
  '131.0.72.0/22',
  '2400:cb00::/32',
  '2606:4700::/32',
  '2803:f800::/32',
  '2405:b500::/32',
  '2405:8100::/32',
  '2a06:98c0::/29',
  '2c0f:f248::/32',
].map((r) => parseIpRange(r) as IpRange)

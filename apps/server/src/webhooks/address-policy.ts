import { type IpRange, parseIp, parseIpRange } from '../spam/ip-ranges.ts'

// Which IP addresses an outbound request chosen by a site owner may reach. A shared deployment
// must not let one owner make the server call into its own network: an admin port on loopback,
// a database on 10.x, the cloud metadata service at 169.254.169.254 (or fd00:ec2::254, or
// 100.100.100.200) that hands out the machine's credentials. Ranges follow IANA's special-purpose
// address registries. IPv6 is judged by allowlist (only global unicast, 2000::/3, can be a public
// receiver); addresses that embed an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by it,
// because that is where a gateway would deliver them.

type Rule = { range: IpRange; kind: string }

function rules(table: ReadonlyArray<readonly [string, string]>): Rule[] {
  return table.map(([cidr, kind]) => {
    const range = parseIpRange(cidr)
    if (!range) throw new Error(`bad range in the address policy: ${cidr}`)
    return { range, kind }
  })
}

const ipv4Rules = rules([
  ['0.0.0.0/8', 'unspecified ("this network")'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local (cloud metadata)'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved (IETF protocol assignments)'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved (6to4 relay)'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved or broadcast'],
])

const ipv6Rules = rules([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['fc00::/7', 'unique-local (private)'],
  ['fe80::/10', 'link-local'],
  ['ff00::/8', 'multicast'],
  ['2001::/23', 'reserved (IETF protocol assignments, Teredo)'],
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
])

const globalUnicast = parseIpRange('2000::/3') as IpRange
const nat64 = parseIpRange('64:ff9b::/96') as IpRange
const sixToFour = parseIpRange('2002::/16') as IpRange

function covers(range: IpRange, value: bigint, bits: number): boolean {
  const hostBits = BigInt(bits - range.prefix)
  return value >> hostBits === range.network >> hostBits
}

function ipv4Kind(value: bigint): string | null {
  return ipv4Rules.find((rule) => covers(rule.range, value, 32))?.kind ?? null
}

function ipv6Kind(value: bigint): string | null {
  // Both carry an IPv4 address that a translator or relay would deliver to.
  if (covers(nat64, value, 128)) return ipv4Kind(value & 0xffffffffn)
  if (covers(sixToFour, value, 128)) return ipv4Kind((value >> 80n) & 0xffffffffn)
  const rule = ipv6Rules.find((r) => covers(r.range, value, 128))
  if (rule) return rule.kind
  return covers(globalUnicast, value, 128) ? null : 'reserved'
}

/**
 * Why `address` may not receive a request chosen by a site owner (`'loopback'`, `'private'`,
 * `'link-local (cloud metadata)'`…), or `null` for a public address. IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries.
 *
 * @example forbiddenAddressKind('169.254.169.254') // 'link-local (cloud metadata)'
 */
export function forbiddenAddressKind(address: string): string | null {
  const ip = parseIp(address)
  if (!ip) return 'not an IP address'
  return ip.version === 4 ? ipv4Kind(ip.value) : ipv6Kind(ip.value)
}

/** Whether `text` is an IP address literal (with or without IPv6 brackets). */
export function isIpLiteral(text: string): boolean {
  return parseIp(text) !== null
}

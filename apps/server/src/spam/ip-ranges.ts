// Addresses and CIDR ranges for the blocked-IP rule, IPv4 and IPv6. IPv6 ranges matter more
// than single IPv6 addresses: one client usually has a whole /64 to rotate through.

type ParsedIp = { version: 4 | 6; value: bigint }
export type IpRange = { version: 4 | 6; network: bigint; prefix: number }

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  let value = 0n
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null
    value = (value << 8n) | BigInt(part)
  }
  return value
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split('::')
  if (halves.length > 2) return null
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')))
  // A trailing dotted quad (`::ffff:192.0.2.1`) stands for the last two groups.
  const last = groups[groups.length - 1] ?? []
  const tail = last[last.length - 1]
  if (tail?.includes('.')) {
    const v4 = parseIpv4(tail)
    if (v4 === null) return null
    last.splice(-1, 1, (v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16))
  }
  const count = groups.reduce((n, g) => n + g.length, 0)
  if (halves.length === 1 ? count !== 8 : count > 7) return null
  const head = groups[0] ?? []
  const rest = groups[1] ?? []
  const all = [...head, ...Array<string>(8 - count).fill('0'), ...rest]
  let value = 0n
  for (const group of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null
    value = (value << 16n) | BigInt(`0x${group}`)
  }
  return value
}

/**
 * Parses an IPv4 or IPv6 address. IPv4-mapped IPv6 (`::ffff:192.0.2.1`, what a dual-stack Node
 * socket reports for IPv4 clients) becomes plain IPv4, so IPv4 rules match it.
 */
export function parseIp(text: string): ParsedIp | null {
  const address = text
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
  if (!address.includes(':')) {
    const v4 = parseIpv4(address)
    return v4 === null ? null : { version: 4, value: v4 }
  }
  const v6 = parseIpv6(address)
  if (v6 === null) return null
  if (v6 >> 32n === 0xffffn) return { version: 4, value: v6 & 0xffffffffn }
  return { version: 6, value: v6 }
}

/** Parses `192.0.2.7`, `192.0.2.0/24`, `2001:db8::/32`; `null` when it is neither. */
export function parseIpRange(text: string): IpRange | null {
  const [address = '', prefixText, extra] = text.trim().split('/')
  if (extra !== undefined) return null
  const ip = parseIp(address)
  if (!ip) return null
  const bits = ip.version === 4 ? 32 : 128
  if (prefixText === undefined) return { version: ip.version, network: ip.value, prefix: bits }
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return null
  const prefix = Number(prefixText)
  const hostBits = BigInt(bits - prefix)
  // Host bits set (`192.0.2.7/24`) are cleared rather than refused, as most firewalls do.
  return { version: ip.version, network: (ip.value >> hostBits) << hostBits, prefix }
}

function inRange(ip: ParsedIp, range: IpRange): boolean {
  if (ip.version !== range.version) return false
  const bits = ip.version === 4 ? 32 : 128
  return ip.value >> BigInt(bits - range.prefix) === range.network >> BigInt(bits - range.prefix)
}

/** The first entry that covers `ip`, or `null`; entries that do not parse never match. */
export function matchIpRange(ip: string, entries: readonly string[]): string | null {
  const parsed = parseIp(ip)
  if (!parsed) return null
  for (const entry of entries) {
    const range = parseIpRange(entry)
    if (range && inRange(parsed, range)) return entry
  }
  return null
}

/** Whether `ip` is inside any of the parsed `ranges`; an unparsable address is in none. */
export function ipInRanges(ip: string, ranges: readonly IpRange[]): boolean {
  const parsed = parseIp(ip)
  return parsed !== null && ranges.some((range) => inRange(parsed, range))
}

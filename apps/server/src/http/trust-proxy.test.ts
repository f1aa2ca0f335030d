import { describe, expect, it } from 'vitest'
import { clientAddressFrom, parseTrustProxy, type TrustProxy } from './trust-proxy.ts'

function trust(text: string): TrustProxy {
  const parsed = parseTrustProxy(text)
  if (typeof parsed === 'string') throw new Error(parsed)
  return parsed
}

/** The client address for one request: the socket's peer and the headers as they arrived. */
function clientOf(setting: string, peer: string | undefined, headers: Record<string, string>) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return clientAddressFrom(trust(setting), peer, (name) => lower[name])
}

describe('TRUST_PROXY', () => {
  it.each([
    ['none', { mode: 'none' }],
    ['cloudflare', { mode: 'cloudflare' }],
    ['x-forwarded-for', { mode: 'hops', hops: 1 }],
    ['2', { mode: 'hops', hops: 2 }],
  ])('reads %s', (text, expected) => {
    expect(parseTrustProxy(text)).toEqual(expected)
  })

  it('reads addresses, ranges and the words loopback, private, linklocal', () => {
    const parsed = trust('loopback, 10.1.2.3, 192.0.2.0/24, 2001:db8::/32, private, linklocal')
    expect(parsed.mode).toBe('addresses')
    // loopback: 2 ranges, then 3 entries, private: 4, linklocal: 2
    expect(parsed.mode === 'addresses' && parsed.ranges).toHaveLength(11)
  })

  it.each(['yes', '11', '10.0.0.0/33', 'loopback,', 'example.com'])('refuses %s', (text) => {
    expect(typeof parseTrustProxy(text)).toBe('string')
  })
})

describe('the client address', () => {
  it('is the socket peer when no proxy is trusted, whatever the headers claim', () => {
    expect(
      clientOf('none', '198.51.100.20', {
        'X-Forwarded-For': '127.0.0.1',
        'CF-Connecting-IP': '127.0.0.1',
      }),
    ).toBe('198.51.100.20')
  })

  it('is the entry the trusted hop appended, not the left-most one the client wrote (hops)', () => {
    // Client 198.51.100.20 forged "1.2.3.4"; nginx at 10.0.0.5 appended the address it saw.
    const headers = { 'X-Forwarded-For': '1.2.3.4, 198.51.100.20' }
    expect(clientOf('1', '10.0.0.5', headers)).toBe('198.51.100.20')
    // Two proxies (a load balancer, then nginx): each appended one entry.
    expect(
      clientOf('2', '10.0.0.5', { 'X-Forwarded-For': '1.2.3.4, 198.51.100.20, 10.0.0.9' }),
    ).toBe('198.51.100.20')
    // A chain shorter than the setting says: the left-most entry is the best there is.
    expect(clientOf('3', '10.0.0.5', { 'X-Forwarded-For': '198.51.100.20' })).toBe('198.51.100.20')
  })

  it('is the right-most address not of a trusted proxy (addresses)', () => {
    const headers = { 'X-Forwarded-For': '1.2.3.4, 198.51.100.20, 10.0.0.9' }
    expect(clientOf('loopback, 10.0.0.0/8', '127.0.0.1', headers)).toBe('198.51.100.20')
    // A client that is not behind the trusted proxy at all: its own header is ignored.
    expect(clientOf('10.0.0.0/8', '198.51.100.66', { 'X-Forwarded-For': '10.0.0.1' })).toBe(
      '198.51.100.66',
    )
  })

  it('never takes a junk entry: the nearest address known for certain instead', () => {
    expect(clientOf('1', '10.0.0.5', { 'X-Forwarded-For': 'evil, not-an-ip' })).toBe('10.0.0.5')
    expect(clientOf('1', '10.0.0.5', {})).toBe('10.0.0.5')
  })

  it('believes CF-Connecting-IP only from Cloudflare or a tunnel on this machine', () => {
    const headers = { 'CF-Connecting-IP': '198.51.100.20' }
    expect(clientOf('cloudflare', '162.158.1.1', headers)).toBe('198.51.100.20')
    expect(clientOf('cloudflare', '2606:4700::1', headers)).toBe('198.51.100.20')
    expect(clientOf('cloudflare', '127.0.0.1', headers)).toBe('198.51.100.20')
    // Someone who found the origin's address and forged the header:
    expect(clientOf('cloudflare', '198.51.100.66', { 'CF-Connecting-IP': '1.2.3.4' })).toBe(
      '198.51.100.66',
    )
    // On Workers there is no socket, and Cloudflare itself sets the header.
    expect(clientOf('cloudflare', undefined, headers)).toBe('198.51.100.20')
  })

  it('spells one address one way, so IPv4-mapped peers share a bucket with plain IPv4', () => {
    expect(clientOf('none', '::ffff:198.51.100.20', {})).toBe('198.51.100.20')
    expect(clientOf('1', '10.0.0.5', { 'X-Forwarded-For': '2001:DB8::1' })).toBe(
      '2001:db8:0:0:0:0:0:1',
    )
  })
})

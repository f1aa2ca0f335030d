import { describe, expect, it } from 'vitest'
import { matchIpRange, parseIp, parseIpRange } from './ip-ranges.ts'

describe('IP addresses and ranges', () => {
  it('parses IPv4 and IPv6, and treats IPv4-mapped IPv6 as IPv4', () => {
    expect(parseIp('192.0.2.7')).toEqual({ version: 4, value: 0xc0000207n })
    expect(parseIp('::ffff:192.0.2.7')).toEqual({ version: 4, value: 0xc0000207n })
    expect(parseIp('2001:db8::1')).toEqual({ version: 6, value: (0x20010db8n << 96n) | 1n })
    expect(parseIp('[2001:DB8::1]')).toEqual(parseIp('2001:0db8:0:0:0:0:0:1'))
    expect(parseIp('fe80::1%eth0')).toEqual(parseIp('fe80::1'))
    expect(parseIp('::')).toEqual({ version: 6, value: 0n })
  })

  it('refuses what is not an address', () => {
    for (const bad of [
      '',
      'unknown',
      '1.2.3',
      '1.2.3.256',
      '01.2.3.4',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      'g::1',
      '1.2.3.4::',
    ]) {
      expect(parseIp(bad), bad).toBeNull()
    }
    for (const bad of ['1.2.3.4/33', '2001:db8::/129', '1.2.3.4/x', '1.2.3.4/8/8', 'example.com']) {
      expect(parseIpRange(bad), bad).toBeNull()
    }
  })

  it('matches exact addresses and CIDR ranges of either version', () => {
    const blocked = ['198.51.100.23', '203.0.113.0/24', '2001:db8:abcd::/48']
    expect(matchIpRange('198.51.100.23', blocked)).toBe('198.51.100.23')
    expect(matchIpRange('198.51.100.24', blocked)).toBeNull()
    expect(matchIpRange('203.0.113.200', blocked)).toBe('203.0.113.0/24')
    expect(matchIpRange('::ffff:203.0.113.9', blocked)).toBe('203.0.113.0/24')
    expect(matchIpRange('203.0.114.1', blocked)).toBeNull()
    expect(matchIpRange('2001:db8:abcd:12::99', blocked)).toBe('2001:db8:abcd::/48')
    expect(matchIpRange('2001:db8:abce::1', blocked)).toBeNull()
    expect(matchIpRange('garbage', blocked)).toBeNull()
  })

  it('clears host bits in a range and lets /0 cover a whole family', () => {
    expect(matchIpRange('192.0.2.200', ['192.0.2.7/24'])).toBe('192.0.2.7/24')
    expect(matchIpRange('8.8.8.8', ['0.0.0.0/0'])).toBe('0.0.0.0/0')
    expect(matchIpRange('2001:db8::1', ['0.0.0.0/0'])).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { forbiddenAddressKind } from './address-policy.ts'
import { destinationProblem } from './destination.ts'

// Issue 9, item 4: which addresses a site owner's webhook may reach, and how URL spellings of
// loopback and private hosts are read. The delivery tests (outbound.test.ts) show the same
// rules applied to names that resolve to these addresses.

describe('forbiddenAddressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified ("this network")'],
    ['0.1.2.3', 'unspecified ("this network")'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    // Alibaba Cloud's metadata service lives in the carrier-grade NAT range.
    ['100.100.100.200', 'carrier-grade NAT'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['192.0.0.192', 'reserved (IETF protocol assignments)'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved or broadcast'],
    ['255.255.255.255', 'reserved or broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'unique-local (private)'],
    // AWS's IPv6 metadata endpoint is a unique-local address.
    ['fd00:ec2::254', 'unique-local (private)'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001::1', 'reserved (IETF protocol assignments, Teredo)'],
    // Outside global unicast (2000::/3): IPv4-compatible, discard-only, local-use NAT64.
    ['::7f00:1', 'reserved'],
    ['100::1', 'reserved'],
    ['64:ff9b:1::a00:1', 'reserved'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(forbiddenAddressKind(address)).toBe(kind)
  })

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local (cloud metadata)'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local (cloud metadata)'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
  ])('judges %s by the IPv4 address it carries (%s)', (address, kind) => {
    expect(forbiddenAddressKind(address)).toBe(kind)
  })

  it.each([
    '93.184.215.14',
    '1.1.1.1',
    '8.8.8.8',
    '100.63.255.255',
    '100.128.0.0',
    '172.32.0.1',
    '169.253.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001:82b::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('allows the public address %s', (address) => {
    expect(forbiddenAddressKind(address)).toBeNull()
  })

  it('refuses what is not an address', () => {
    expect(forbiddenAddressKind('example.com')).toBe('not an IP address')
  })
})

describe('destinationProblem, judged from the URL alone', () => {
  it.each([
    'http://localhost/',
    'http://localhost.:8080/',
    'http://localhost../',
    'http://LOCALHOST/',
    'http://LocalHost./',
    'http://api.localhost/',
    'http://127.0.0.1/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://017700000001/',
    'http://１２７.０.０.１/',
    'http://0/',
    'http://0.0.0.0:8080/',
    'http://[::1]/',
    'http://[::]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[0:0:0:0:0:ffff:127.0.0.1]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[fd00:ec2::254]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://2852039166/',
    'http://100.100.100.200/',
    'http://10.0.0.1/',
    'http://192.168.0.1./',
    'http://metadata/',
    'http://metadata.google.internal/',
    'http://printer.local/',
    'http://router.home.arpa/',
    'http://localhost.localdomain/',
  ])('refuses %s', (url) => {
    expect(destinationProblem(new URL(url), false)).toEqual(expect.any(String))
  })

  it('allows public names and addresses, and everything when private receivers are allowed', () => {
    expect(destinationProblem(new URL('https://hooks.example.com/x'), false)).toBeNull()
    expect(destinationProblem(new URL('http://93.184.215.14:8080/'), false)).toBeNull()
    expect(destinationProblem(new URL('http://localhost:3000/'), true)).toBeNull()
    expect(destinationProblem(new URL('ftp://hooks.example.com/'), true)).toBe(
      'Only http and https URLs.',
    )
  })

  it('says what kind of address was refused', () => {
    expect(destinationProblem(new URL('http://169.254.169.254/'), false)).toBe(
      'The host is a link-local (cloud metadata) address; only public addresses may receive webhooks.',
    )
  })
})

import { matchIpRange } from '../spam/ip-ranges.ts'

// Webhook URLs are chosen by site owners, and on a shared deployment one owner must not be able
// to make the server call into its own network (cloud metadata at 169.254.169.254, an admin
// port on localhost). Loopback, private, link-local and similar ranges are refused unless the
// operator allows them (ALLOW_PRIVATE_WEBHOOKS, e.g. for a receiver on the same machine).
// A public hostname that resolves to a private address is not caught here (that needs DNS at
// delivery time); on Workers, Cloudflare refuses such requests itself.

const privateRanges = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '::/128',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
]

/** Whether a webhook URL points at this machine or a private network, judged by its host. */
export function isPrivateDestination(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal')) return true
  return matchIpRange(host, privateRanges) !== null
}

// The security headers the tests expect, written out here rather than read from
// src/http/security-headers.ts, so a change there must be made in a test too.

/** The API set (OWASP's REST Security Cheat Sheet): on every answer, over https. */
export const expectedApiHeaders = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
}

/** What a browser page gets on top of it. */
export const expectedPageOnlyHeaders = {
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
}

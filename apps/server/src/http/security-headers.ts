// Which security headers each kind of answer carries. Most of the headers a browser honours act
// on documents (framing, referrers, cross-origin windows, the legacy ones of old browsers), and
// most of Porchlight's answers are JSON read by a script. Sending the document set on every
// answer cost more than the rest of a `/healthz`; the split follows OWASP's REST Security Cheat
// Sheet: the API set on every answer, the page set added to HTML pages (the demo, the console,
// the development mailbox, the API reference, the contact and unsubscribe pages).

export type HeaderSet = readonly (readonly [string, string])[]

/** What HSTS asks for: six months, subdomains included. */
const strictTransportSecurity = [
  'Strict-Transport-Security',
  'max-age=15552000; includeSubDomains',
] as const

/**
 * On every answer, whatever its kind:
 * - `nosniff`: a browser never reads a JSON answer (which may echo what a visitor wrote) as HTML
 *   or script;
 * - a policy that lets the answer, opened as a page, load nothing and be framed by no one (the
 *   drag-and-drop clickjacking OWASP names); pages set their own policy, which replaces it;
 * - `Cross-Origin-Resource-Policy: same-origin`: another site's page cannot pull an answer into
 *   its own process with a no-cors request (`<script src>`, `<img>`); reading through CORS,
 *   which the API allows for a site's own origins, is not affected;
 * - HSTS where the server is reached over https (`PUBLIC_URL`): over plain http a browser
 *   ignores it.
 * `Cache-Control: no-store` is set by the routes whose answers carry secrets or a session (sign-in,
 * account, TOTP, exports): an ETag'd forum page must stay cacheable.
 */
export function apiSecurityHeaders(options: { https: boolean }): HeaderSet {
  return [
    ['X-Content-Type-Options', 'nosniff'],
    ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ...(options.https ? [strictTransportSecurity] : []),
  ]
}

/**
 * Added to HTML pages: the browser-page set. No framing by other sites (legacy browsers read
 * `X-Frame-Options`; current ones the page's own `frame-ancestors`), no referrer leaks, a window
 * of its own (`Cross-Origin-Opener-Policy`), its own agent cluster, HTTPS only (always: a page is
 * what a person opens, and the first https visit pins it), and the old browsers' switches off.
 */
export const browserPageHeaders: HeaderSet = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  strictTransportSecurity,
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
]

/** Whether an answer is an HTML page, by its media type. */
export const isHtml = (contentType: string | null) =>
  contentType?.trimStart().toLowerCase().startsWith('text/html') === true

/**
 * Marks a Node response object whose head gets the security headers when it is written
 * (security-headers-node.ts), so the middleware need not put them into the answer itself.
 */
export const headersAtResponseHead = Symbol.for('porchlight.securityHeadersAtResponseHead')

import { forbiddenAddressKind, isIpLiteral } from './address-policy.ts'

// What can be judged from a webhook URL alone, without DNS: the host as the WHATWG URL parser
// reads it, which is also how fetch and node:http read it. The parser already turns
// `http://2130706433/`, `http://0x7f.1/` and `http://127.1/` into `127.0.0.1`, lower-cases
// `LOCALHOST`, and maps fullwidth digits; what it leaves is a trailing dot (`localhost.` is the
// same name as `localhost` to every resolver), which is dropped here before judging.
// Runs when a form is saved (a 422) and again at every delivery, on both runtimes; on Node the
// delivery also judges the addresses the name resolves to (node-post.ts).

/** Names that are never public: loopback by definition, or private to a network or machine. */
const privateSuffixes = ['localhost', 'local', 'internal', 'home.arpa', 'localdomain', 'lan']

/** The URL's host as a resolver sees it: no IPv6 brackets, no trailing dots, lower case. */
export function hostForResolving(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '')
    .toLowerCase()
}

/**
 * Why a webhook may not go to `url`, as a sentence for the owner, or `null` when its literal
 * host is allowed. With `allowPrivate` (ALLOW_PRIVATE_WEBHOOKS) only the scheme is checked.
 *
 * @example destinationProblem(new URL('http://localhost.:8080/'), false) // 'The host is …'
 */
export function destinationProblem(url: URL, allowPrivate: boolean): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only http and https URLs.'
  if (allowPrivate) return null
  const host = hostForResolving(url)
  if (isIpLiteral(host)) {
    const kind = forbiddenAddressKind(host)
    return kind
      ? `The host is a ${kind} address; only public addresses may receive webhooks.`
      : null
  }
  if (host === '') return 'The URL has no host.'
  // A name without a dot is looked up in the machine's search domains: `http://metadata/` is the
  // metadata server on some clouds, `http://intranet/` whatever the network calls that.
  if (!host.includes('.')) return 'The host must be a public domain name, not a local one.'
  if (privateSuffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
    return 'The host must be a public domain name, not a local one.'
  }
  return null
}

import type { ResolvedSite } from '../http/env.ts'

// Which relying party (RP) a site's passkeys belong to, and which pages may use them.
//
// A passkey is bound by the authenticator to one RP id (a hostname), and browsers only let a
// page use it when the page's host is that id or a subdomain of it. So the RP id decides where
// the passkeys work: `example.com` covers `www.example.com` and `app.example.com` too, while
// `app.example.com` covers only itself and its subdomains. It cannot change later without
// making every registered passkey useless, which is why it is a setting and not derived afresh.

/**
 * The site's RP id: the `passkeyRelyingPartyId` setting, or else the host of the page itself
 * (`pageOrigin`, when it is one of the site's origins), or of the site's first origin for a
 * caller without a page (or of `publicUrl` for a site with no origins yet). The page's own host
 * is the default because it is the one RP id that always works for that page, and it stays put
 * when the owner adds or removes other origins (which have no order the owner controls).
 */
export function relyingPartyIdOf(
  site: ResolvedSite,
  publicUrl: string,
  pageOrigin?: string | undefined,
): string {
  const configured = site.auth.passkeyRelyingPartyId
  if (configured) return configured
  const page = pageOrigin && site.origins.includes(pageOrigin) ? pageOrigin : undefined
  return new URL(page ?? site.origins[0] ?? publicUrl).hostname
}

/** Whether `host` is the RP id or a subdomain of it (WebAuthn §5.1.4.1, registrable suffix). */
export function hostMatchesRelyingParty(host: string, relyingPartyId: string): boolean {
  return host === relyingPartyId || host.endsWith(`.${relyingPartyId}`)
}

/**
 * The phishing check: the page the browser says ran the ceremony must be one of the site's own
 * origins, and inside the RP id. A look-alike site's page has another origin, which the browser
 * writes into the signed client data, so a relayed answer is refused here.
 */
export function originAllowed(site: ResolvedSite, origin: string, relyingPartyId: string) {
  if (!site.origins.includes(origin)) return false
  let host: string
  try {
    host = new URL(origin).hostname
  } catch {
    return false
  }
  return hostMatchesRelyingParty(host, relyingPartyId)
}

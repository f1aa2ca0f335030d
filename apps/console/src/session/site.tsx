import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { OperatorSite } from './operator-api.ts'
import { type Capability, can } from './permissions.ts'

const Context = createContext<OperatorSite | null>(null)

export const SiteProvider = Context.Provider

/** The site the page is for, and the operator's role on it; only inside a site's pages. */
export function useSite(): OperatorSite & { can(capability: Capability): boolean } {
  const site = useContext(Context)
  if (!site) throw new Error('useSite outside a site’s pages')
  return { ...site, can: (capability) => can(site.role, capability) }
}

const lastSiteKey = 'porchlight-console-site'

/** The site the operator worked on last in this browser, to open first next time. */
export function rememberSite(siteId: string) {
  try {
    localStorage.setItem(lastSiteKey, siteId)
  } catch {
    // Not kept: the console opens on the first site instead.
  }
}

export function lastSite(): string | null {
  try {
    return localStorage.getItem(lastSiteKey)
  } catch {
    return null
  }
}

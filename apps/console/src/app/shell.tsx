import type { ComponentChildren } from 'preact'
import { useLocation } from 'preact-iso/router'
import type { OperatorSite } from '../session/operator-api.ts'
import { signOut } from '../session/operator-api.ts'
import { useOperator, useSession } from '../session/session.tsx'
import { strings } from '../strings/index.ts'
import { Announcer } from '../ui/announcer.tsx'
import { SiteNav } from './nav.tsx'
import { paths } from './paths.ts'
import { GlobalShortcuts } from './shortcuts-help.tsx'
import { SiteSwitcher } from './site-switcher.tsx'
import { ThemeToggle } from './theme-toggle.tsx'

/** Deployment admins and owners of any site may create sites. */
export function canCreateSites(session: { operator: { admin: boolean }; sites: OperatorSite[] }) {
  return session.operator.admin || session.sites.some((site) => site.role === 'owner')
}

/** The frame of every signed-in page: the top bar, the site's pages, the main region. */
export function Shell({ site, children }: { site?: OperatorSite; children: ComponentChildren }) {
  const session = useOperator()
  const { signedOut } = useSession()
  const { route } = useLocation()
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {strings.app.skipToContent}
      </a>
      <header class="topbar">
        <a class="brand" href={paths.home}>
          Porchlight
        </a>
        <SiteSwitcher sites={session.sites} current={site} canCreate={canCreateSites(session)} />
        <div class="topbar-end">
          <ThemeToggle />
          <a href={paths.account} class="account-link">
            <span class="visually-hidden">{strings.nav.account}: </span>
            {session.operator.name}
          </a>
          <button
            type="button"
            class="button button-quiet"
            onClick={async () => {
              await signOut().catch(() => {})
              signedOut('signed-out')
              route(paths.signIn())
            }}
          >
            {strings.nav.signOut}
          </button>
        </div>
      </header>
      <div class={site ? 'layout layout-with-nav' : 'layout'}>
        {site && <SiteNav siteId={site.id} />}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Announcer />
      <GlobalShortcuts siteId={site?.id} />
    </div>
  )
}

/** The frame of the pages before signing in: no navigation, the same look. */
export function PlainShell({ children }: { children: ComponentChildren }) {
  return (
    <div class="shell shell-plain">
      <header class="topbar">
        <span class="brand">Porchlight</span>
        <div class="topbar-end">
          <ThemeToggle />
        </div>
      </header>
      <main id="main" class="narrow">
        {children}
      </main>
      <Announcer />
    </div>
  )
}

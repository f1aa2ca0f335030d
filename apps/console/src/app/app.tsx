import { useEffect } from 'preact/hooks'
import lazy, { ErrorBoundary } from 'preact-iso/lazy'
import { LocationProvider, Route, Router, useLocation } from 'preact-iso/router'
import { setCurrentSite } from '../api/client.ts'
import { SignInPage } from '../pages/sign-in/sign-in-page.tsx'
import { SessionProvider, useSession } from '../session/session.tsx'
import { lastSite, rememberSite, SiteProvider } from '../session/site.tsx'
import { strings } from '../strings/index.ts'
import { PageHeader } from '../ui/page.tsx'
import { Empty, ErrorNotice, Loading } from '../ui/states.tsx'
import { base, paths } from './paths.ts'
import { canCreateSites, PlainShell, Shell } from './shell.tsx'

// Every page but sign-in is its own file, loaded when first opened: the first page stays small.
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((module) => module[name]))
}
const InvitePage = page(() => import('../pages/invite/invite-page.tsx'), 'InvitePage')
const TotpSetupPage = page(() => import('../pages/account/totp-setup-page.tsx'), 'TotpSetupPage')
const AccountPage = page(() => import('../pages/account/account-page.tsx'), 'AccountPage')
const NewSitePage = page(() => import('../pages/sites/new-site-page.tsx'), 'NewSitePage')
const OverviewPage = page(() => import('../pages/overview/overview-page.tsx'), 'OverviewPage')
const InboxPage = page(() => import('../pages/inbox/inbox-page.tsx'), 'InboxPage')
const FormsPage = page(() => import('../pages/forms/forms-page.tsx'), 'FormsPage')
const FormPage = page(() => import('../pages/forms/form-page.tsx'), 'FormPage')
const MembersPage = page(() => import('../pages/members/members-page.tsx'), 'MembersPage')
const MemberPage = page(() => import('../pages/members/member-page.tsx'), 'MemberPage')
const ModerationPage = page(
  () => import('../pages/moderation/moderation-page.tsx'),
  'ModerationPage',
)
const DeliveriesPage = page(
  () => import('../pages/deliveries/deliveries-page.tsx'),
  'DeliveriesPage',
)
const SettingsPage = page(() => import('../pages/settings/settings-page.tsx'), 'SettingsPage')

/** The whole console: who is signed in, which page, which site. */
export function App() {
  return (
    <LocationProvider scope={`${base}/`}>
      <SessionProvider>
        <Console />
      </SessionProvider>
    </LocationProvider>
  )
}

function Console() {
  const { path } = useLocation()
  if (path === `${base}/sign-in`) {
    return (
      <PlainShell>
        <SignInPage />
      </PlainShell>
    )
  }
  const invite = /^\/console\/invite\/([^/]+)$/.exec(path)
  if (invite?.[1]) {
    return (
      <PlainShell>
        <ErrorBoundary>
          <InvitePage token={decodeURIComponent(invite[1])} />
        </ErrorBoundary>
      </PlainShell>
    )
  }
  return <SignedIn />
}

/** The site a path is about: `/console/sites/<id>/…`. */
function siteIdIn(path: string): string | undefined {
  const id = /^\/console\/sites\/([^/]+)/.exec(path)?.[1]
  return id === 'new' || id === undefined ? undefined : decodeURIComponent(id)
}

function SignedIn() {
  const { state, refresh } = useSession()
  const { path, url, route } = useLocation()
  const signedOut = state.status === 'signed-out'
  useEffect(() => {
    if (signedOut) route(paths.signIn(url), true)
  }, [signedOut, url, route])

  if (state.status === 'loading' || signedOut) {
    return (
      <PlainShell>
        <Loading label={strings.app.loading} />
      </PlainShell>
    )
  }
  if (state.status === 'error') {
    return (
      <PlainShell>
        <ErrorNotice error={state.error} onRetry={refresh} />
      </PlainShell>
    )
  }
  const { session } = state
  // Signed in, but the role needs two-factor sign-in first: the one thing this session may do.
  if (session.operator.totpRequired && !session.operator.totpEnabled) {
    return (
      <PlainShell>
        <ErrorBoundary>
          <TotpSetupPage required />
        </ErrorBoundary>
      </PlainShell>
    )
  }

  const siteId = siteIdIn(path)
  const site = session.sites.find((s) => s.id === siteId)
  // Set during render, before the page's own effects send its first requests.
  setCurrentSite(site?.id ?? null)
  if (site) rememberSite(site.id)
  if (siteId && !site) {
    return (
      <Shell>
        <PageHeader title={strings.errors.title} />
        <Empty>
          <p>{strings.sites.notYours}</p>
          <p>
            <a href={paths.home}>{strings.states.back}</a>
          </p>
        </Empty>
      </Shell>
    )
  }

  const routes = (
    <ErrorBoundary>
      <Router>
        <Route path={`${base}`} component={Home} />
        <Route path={`${base}/account`} component={AccountPage} />
        <Route path={`${base}/account/two-factor`} component={TotpSetupPage} />
        <Route path={`${base}/sites/new`} component={NewSitePage} />
        <Route path={`${base}/sites/:site/overview`} component={OverviewPage} />
        <Route path={`${base}/sites/:site/inbox`} component={InboxPage} />
        <Route path={`${base}/sites/:site/inbox/:id`} component={InboxPage} />
        <Route path={`${base}/sites/:site/forms`} component={FormsPage} />
        <Route path={`${base}/sites/:site/forms/:formId`} component={FormPage} />
        <Route path={`${base}/sites/:site/members`} component={MembersPage} />
        <Route path={`${base}/sites/:site/members/:id`} component={MemberPage} />
        <Route path={`${base}/sites/:site/moderation`} component={ModerationPage} />
        <Route path={`${base}/sites/:site/moderation/:tab`} component={ModerationPage} />
        <Route path={`${base}/sites/:site/deliveries`} component={DeliveriesPage} />
        <Route path={`${base}/sites/:site/settings`} component={SettingsPage} />
        <Route path={`${base}/sites/:site/settings/:tab`} component={SettingsPage} />
        <Route path={`${base}/sites/:site`} component={SiteHome} />
        <Route default component={NotFound} />
      </Router>
    </ErrorBoundary>
  )
  return (
    <Shell site={site}>{site ? <SiteProvider value={site}>{routes}</SiteProvider> : routes}</Shell>
  )
}

/** `/console/`: the site worked on last, or the first; or what to do without one. */
function Home() {
  const { state } = useSession()
  const { route } = useLocation()
  const sites = state.status === 'signed-in' ? state.session.sites : []
  const target = sites.find((s) => s.id === lastSite()) ?? sites[0]
  useEffect(() => {
    if (target) route(paths.site(target.id), true)
  }, [target, route])
  if (target || state.status !== 'signed-in') return <Loading />
  return (
    <>
      <PageHeader title={strings.app.name} />
      <Empty>
        <p>{strings.sites.none}</p>
        <p>{strings.sites.noneHint}</p>
        {canCreateSites(state.session) || state.session.operator.admin ? (
          <p>
            <a class="button button-primary" href={paths.newSite}>
              {strings.sites.newSite}
            </a>
          </p>
        ) : null}
      </Empty>
    </>
  )
}

function SiteHome({ site }: { site: string }) {
  const { route } = useLocation()
  useEffect(() => route(paths.site(site), true), [site, route])
  return <Loading />
}

function NotFound() {
  return (
    <>
      <PageHeader title={strings.states.notFound} />
      <p>
        <a href={paths.home}>{strings.states.back}</a>
      </p>
    </>
  )
}

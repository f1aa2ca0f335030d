import { paths } from '../../app/paths.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { PageHeader } from '../../ui/page.tsx'
import { Tabs } from '../../ui/tabs.tsx'
import { AuditLog } from './audit-log.tsx'
import { GeneralSettings } from './general-settings.tsx'
import { KeysSettings } from './keys-settings.tsx'
import { MembershipSettings } from './membership-settings.tsx'
import { OperatorsSettings } from './operators-settings.tsx'
import { SignInProviders } from './sign-in-providers.tsx'

const ownerTabs = ['keys', 'operators', 'audit'] as const
const allTabs = ['general', 'keys', 'membership', 'operators', 'audit'] as const
type Tab = (typeof allTabs)[number]

/** The site's settings, a tab each; keys, operators and the audit log for owners only. */
export function SettingsPage({ tab }: { tab?: string }) {
  const site = useSite()
  const visible = allTabs.filter(
    (t) => !(ownerTabs as readonly string[]).includes(t) || site.can('ownSite'),
  )
  const current: Tab = (visible as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'general'
  const t = strings.settings
  return (
    <>
      <PageHeader title={`${t.title}: ${t.tabs[current]}`} />
      <Tabs
        label={t.tabsLabel}
        current={current}
        tabs={visible.map((id) => ({
          id,
          label: t.tabs[id] ?? id,
          href: paths.site(site.id, id === 'general' ? 'settings' : `settings/${id}`),
        }))}
      />
      {current === 'general' && <GeneralSettings />}
      {current === 'keys' && <KeysSettings />}
      {current === 'membership' && <MembershipSettings />}
      {current === 'membership' && <SignInProviders />}
      {current === 'operators' && <OperatorsSettings />}
      {current === 'audit' && <AuditLog />}
    </>
  )
}

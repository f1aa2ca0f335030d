import { paths } from '../../app/paths.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { PageHeader } from '../../ui/page.tsx'
import { Tabs } from '../../ui/tabs.tsx'
import { Categories } from './categories.tsx'
import { FlagQueue } from './flag-queue.tsx'
import { ForumSettings } from './forum-settings.tsx'
import { HiddenPosts } from './hidden-posts.tsx'
import { ModerationLog } from './moderation-log.tsx'

const tabs = ['flags', 'hidden', 'log', 'categories', 'settings'] as const
type Tab = (typeof tabs)[number]

/** The site's discussions as moderators see them: a tab each. */
export function ModerationPage({ tab }: { tab?: string }) {
  const site = useSite()
  const current: Tab = (tabs as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'flags'
  const t = strings.moderation
  return (
    <>
      <PageHeader title={`${t.title}: ${t.tabs[current]}`} />
      <Tabs
        label={t.tabsLabel}
        current={current}
        tabs={tabs.map((id) => ({
          id,
          label: t.tabs[id] ?? id,
          href: paths.site(site.id, id === 'flags' ? 'moderation' : `moderation/${id}`),
        }))}
      />
      {current === 'flags' && <FlagQueue />}
      {current === 'hidden' && <HiddenPosts />}
      {current === 'log' && <ModerationLog />}
      {current === 'categories' && <Categories />}
      {current === 'settings' && <ForumSettings />}
    </>
  )
}

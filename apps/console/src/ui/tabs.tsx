/** Links between the parts of a page, each its own URL; the current one marked. */
export function Tabs({
  label,
  tabs,
  current,
}: {
  label: string
  tabs: readonly { id: string; label: string; href: string }[]
  current: string
}) {
  return (
    <nav aria-label={label}>
      <ul class="tabs">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <a href={tab.href} aria-current={tab.id === current ? 'page' : undefined}>
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

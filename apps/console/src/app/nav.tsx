import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso/router'
import { strings } from '../strings/index.ts'
import { paths, sitePages } from './paths.ts'

/** Keys for `g` then a letter: go to a page. */
export const pageKeys: Record<(typeof sitePages)[number], string> = {
  overview: 'o',
  inbox: 'i',
  forms: 'f',
  members: 'm',
  moderation: 'r',
  deliveries: 'd',
  settings: 's',
}

/** The site's pages. Behind a "Menu" button on a phone; always shown on a wider screen. */
export function SiteNav({ siteId }: { siteId: string }) {
  const { path } = useLocation()
  const [open, setOpen] = useState(false)
  // A link followed closes the menu on a phone.
  useEffect(() => setOpen(false), [path])
  return (
    <nav class={open ? 'site-nav site-nav-open' : 'site-nav'} aria-label={strings.nav.label}>
      <button
        type="button"
        class="button site-nav-toggle"
        aria-expanded={open}
        aria-controls="site-nav-list"
        onClick={() => setOpen(!open)}
      >
        {strings.nav.menu}
      </button>
      <ul id="site-nav-list">
        {sitePages.map((page) => {
          const href = paths.site(siteId, page)
          const current = path === href || path.startsWith(`${href}/`)
          return (
            <li key={page}>
              <a href={href} aria-current={current ? 'page' : undefined}>
                {strings.nav[page]}
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

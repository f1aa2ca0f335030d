import { useEffect, useRef } from 'preact/hooks'
import { useLocation } from 'preact-iso/router'
import type { OperatorSite } from '../session/operator-api.ts'
import { strings } from '../strings/index.ts'
import { paths } from './paths.ts'

/**
 * Which site the console is on, and the others the operator has: a disclosure of links (no
 * select that navigates as it changes, which would move a keyboard user on every arrow key).
 */
export function SiteSwitcher({
  sites,
  current,
  canCreate,
}: {
  sites: OperatorSite[]
  current: OperatorSite | undefined
  canCreate: boolean
}) {
  const details = useRef<HTMLDetailsElement>(null)
  const { path } = useLocation()
  useEffect(() => {
    if (details.current) details.current.open = false
  }, [path])
  return (
    <details class="site-switcher" ref={details}>
      <summary>
        <span class="visually-hidden">{strings.sites.switcher}: </span>
        {current?.name ?? strings.sites.switcher}
        {current && <span class="badge">{strings.sites.role[current.role]}</span>}
      </summary>
      <ul>
        {sites.map((site) => (
          <li key={site.id}>
            <a
              href={paths.site(site.id)}
              aria-current={site.id === current?.id ? 'true' : undefined}
            >
              {site.name} <span class="muted">{strings.sites.role[site.role]}</span>
            </a>
          </li>
        ))}
        {canCreate && (
          <li>
            <a href={paths.newSite}>{strings.sites.newSite}</a>
          </li>
        )}
      </ul>
    </details>
  )
}

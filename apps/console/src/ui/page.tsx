import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { strings } from '../strings/index.ts'

/**
 * A page's heading, and its main actions beside it. The heading takes focus when the page
 * opens, so a screen reader announces where a link led and the keyboard starts from there.
 */
export function PageHeader({
  title,
  children,
  description,
}: {
  title: string
  description?: ComponentChildren
  children?: ComponentChildren
}) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus({ preventScroll: true })
    document.title = `${title} · ${strings.app.name}`
  }, [title])
  return (
    <header class="page-header">
      <div>
        <h1 tabIndex={-1} ref={heading}>
          {title}
        </h1>
        {description && <p class="page-description">{description}</p>}
      </div>
      {children && <div class="page-actions">{children}</div>}
    </header>
  )
}

/** A titled part of a page. */
export function Section({
  title,
  children,
  actions,
  id,
}: {
  title: string
  children: ComponentChildren
  actions?: ComponentChildren
  id?: string
}) {
  const headingId = `${id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-heading`
  return (
    <section class="section" aria-labelledby={headingId}>
      <div class="section-header">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  )
}

import type { ComponentChildren } from 'preact'

/**
 * A box that scrolls sideways when its content is wider than the screen (a table on a phone, a
 * long line of code). It takes focus, so a keyboard can scroll it too (WCAG 2.1.1, axe's
 * `scrollable-region-focusable`), and it is named, so a screen reader says what it holds.
 *
 * @example
 * <ScrollRegion label="Secret keys"><table>…</table></ScrollRegion>
 */
export function ScrollRegion({
  label,
  class: className = 'table-scroll',
  children,
}: {
  label: string
  class?: string
  children: ComponentChildren
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls must take focus to scroll by keyboard.
    <section class={className} tabIndex={0} aria-label={label}>
      {children}
    </section>
  )
}

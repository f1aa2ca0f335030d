// The components' one way to make markup: a tagged template that escapes every value, so text
// from members (names, titles, notes) can only ever be text. The one exception is `raw()`, kept
// for the HTML the server renders and sanitises (posts and previews).

/**
 * Markup made by {@link html} (or, for the server's sanitised post HTML only, {@link raw}).
 *
 * @example
 * const title: Html = html`<h2>${thread.title}</h2>`
 */
export class Html {
  readonly value: string
  constructor(value: string) {
    this.value = value
  }
}

/** A value as markup: `Html` as it is, lists joined, nothing for `null`/`undefined`/`false`. */
const markup = (value: unknown): string =>
  value instanceof Html
    ? value.value
    : Array.isArray(value)
      ? value.map(markup).join('')
      : value == null || value === false
        ? ''
        : // Numeric references (`&#60;` for `<`) need no table of names.
          String(value).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/**
 * Markup with every value escaped (quotes too, so attribute values are safe when quoted, as they
 * always are here). Nested `html` and lists of it are kept as markup; `null`, `undefined` and
 * `false` are nothing, for `${cond && html`…`}` (write `${String(flag)}` for "true"/"false").
 *
 * @throws Nothing.
 * @example
 * html`<a href="#thread-${thread.id}">${thread.title}</a>` // a title "<b>" shows as text
 */
export const html = (parts: TemplateStringsArray, ...values: unknown[]): Html =>
  new Html(parts.reduce((out, part, i) => out + markup(values[i - 1]) + part))

/**
 * Trusts `serverHtml` as markup. Only for what the Porchlight server rendered and sanitised
 * (`post.html`, the composer's preview): never for anything else.
 *
 * @throws Nothing.
 * @example
 * html`<div class="body">${raw(post.html)}</div>`
 */
export const raw = (serverHtml: string): Html => new Html(serverHtml)

/**
 * Replaces the content of `view` (inside `root`) with `content`, keeping the focus, and the
 * caret in a text field, where they were: the same element (by `id`) in the new markup gets
 * them back. Components render often (polling, typing state), and keyboard and screen reader
 * users must not be thrown back to the top of the page each time.
 *
 * @throws Nothing.
 * @example
 * render(this.shadowRoot, view, html`<p>${text}</p>`)
 */
export function render(root: ShadowRoot, view: Element, content: Html): void {
  const active = root.activeElement as HTMLInputElement | null
  view.innerHTML = content.value
  const again = active?.id && (root.getElementById(active.id) as HTMLInputElement | null)
  if (!again || again === active) return
  again.focus()
  // The replaced field keeps its caret; fields without one (email, in some engines) throw.
  try {
    again.setSelectionRange(active.selectionStart, active.selectionEnd)
  } catch {}
}

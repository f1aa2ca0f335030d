/**
 * Creates an element with properties and children: `h('button', { type: 'button' }, 'Back')`.
 * Strings become text nodes, never HTML, so names and titles from members cannot inject markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = Object.assign(document.createElement(tag), properties)
  element.append(...children)
  return element
}

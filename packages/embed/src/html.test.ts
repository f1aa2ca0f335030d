import { expect, it } from 'vitest'
import { html, raw } from './html.ts'

// render() needs a DOM: test/components.test.ts runs it in Chromium.

it('escapes every value, quotes included, so it can only ever be text', () => {
  const title = `"><img src=x onerror=alert(1)> & 'more'`
  expect(html`<a title="${title}">${title}</a>`.value).toBe(
    '<a title="&#34;&#62;&#60;img src=x onerror=alert(1)&#62; &#38; &#39;more&#39;">' +
      '&#34;&#62;&#60;img src=x onerror=alert(1)&#62; &#38; &#39;more&#39;</a>',
  )
})

it('keeps nested markup and lists of it, and leaves out null, undefined and false', () => {
  const items = ['<a>', 'b'].map((item) => html`<li>${item}</li>`)
  expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>&#60;a&#62;</li><li>b</li></ul>')
  expect(html`${null}${undefined}${false}${0}${''}`.value).toBe('0')
  expect(html`<p ${false && 'hidden'}>${true && html`<b>yes</b>`}</p>`.value).toBe(
    '<p ><b>yes</b></p>',
  )
  expect(html`<button aria-pressed="${String(false)}">`.value).toBe('<button aria-pressed="false">')
})

it('inserts as markup only what raw() was given: the server-rendered post HTML', () => {
  expect(html`<div>${raw('<p>Hi <strong>all</strong></p>')}</div>`.value).toBe(
    '<div><p>Hi <strong>all</strong></p></div>',
  )
  // A plain string that looks like markup is still escaped.
  expect(html`${'<p>'}`.value).toBe('&#60;p&#62;')
})

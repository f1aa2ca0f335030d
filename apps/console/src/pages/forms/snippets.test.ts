import { describe, expect, it } from 'vitest'
import { escapeHtml, htmlSnippet, labelFor, scriptTagSnippet, sdkSnippet } from './snippets.ts'

const target = { apiUrl: 'https://api.example.com', publishableKey: 'pk_test_123' }

describe('the install snippets', () => {
  it('writes one labelled control per field, as the form checks it', () => {
    const html = htmlSnippet(
      target,
      {
        id: 'contact',
        honeypotField: '_gotcha',
        fields: {
          email: { type: 'email', required: true },
          first_name: { maxLength: 80 },
          message: { required: true, label: 'Your message' },
        },
      },
      'Send',
    )
    expect(html).toBe(
      [
        '<form method="post" action="https://api.example.com/v1/forms/contact/submissions?key=pk_test_123">',
        '  <label>Email <input name="email" type="email" required></label>',
        '  <label>First name <input name="first_name" maxlength="80"></label>',
        '  <label>Your message <textarea name="message" required></textarea></label>',
        '  <!-- A honeypot: people never see or fill it; bots do. -->',
        '  <input name="_gotcha" tabindex="-1" autocomplete="off" style="position:absolute;left:-9999px" aria-hidden="true">',
        '  <button>Send</button>',
        '</form>',
      ].join('\n'),
    )
  })

  it('offers an email and a message for a form that lists no fields', () => {
    const html = htmlSnippet(target, { id: 'open', honeypotField: 'hp', fields: {} }, 'Send')
    expect(html).toContain('<input name="email" type="email" required>')
    expect(html).toContain('<textarea name="message" required></textarea>')
    expect(html).toContain('<input name="hp" tabindex="-1"')
  })

  it('escapes what an editor typed, so a label cannot break out of the markup', () => {
    const html = htmlSnippet(
      target,
      { id: 'x', honeypotField: '_h', fields: { 'a"b': { label: '<script>alert(1)</script>' } } },
      'Go',
    )
    expect(html).toContain('name="a&quot;b"')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>')
    expect(escapeHtml('&"<>')).toBe('&amp;&quot;&lt;&gt;')
  })

  it('names the form for the script tag, and the key for both', () => {
    const tag = scriptTagSnippet(
      target,
      { id: 'contact', honeypotField: '_gotcha', fields: {} },
      'Send',
    )
    expect(tag.split('\n')[0]).toBe(
      '<script src="https://api.example.com/embed.js" data-key="pk_test_123" defer></script>',
    )
    expect(tag).toContain('data-porchlight-form="contact"')
    const sdk = sdkSnippet(target, 'contact')
    expect(sdk).toContain('createClient({ url: "https://api.example.com", key: "pk_test_123" })')
    expect(sdk).toContain('porchlight.contactForm.submit("contact", form)')
  })

  it('labels unlabelled fields from their names', () => {
    expect(labelFor('phone_number', {})).toBe('Phone number')
    expect(labelFor('x', { label: 'Given' })).toBe('Given')
  })
})

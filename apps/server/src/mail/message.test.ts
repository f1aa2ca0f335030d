import { describe, expect, it } from 'vitest'
import { escapeHtml, renderKeyValueEmail } from './message.ts'

describe('escapeHtml', () => {
  it('escapes everything that could open markup or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    )
  })
})

describe('renderKeyValueEmail', () => {
  const email = {
    title: 'New message from your contact form',
    intro: 'Someone wrote to you.\n\nReply to answer them.',
    rows: [
      ['Name', 'Ada <script>alert(1)</script>'],
      ['Message', 'First line\nSecond "line"'],
    ],
    action: { label: 'Open submissions', url: 'https://porchlight.example/x?a=1&b=2' },
    footer: 'Sent by Porchlight',
  } as const

  it('writes a readable plain-text part', () => {
    expect(renderKeyValueEmail(email).text).toBe(
      [
        'New message from your contact form',
        '',
        'Someone wrote to you.',
        '',
        'Reply to answer them.',
        '',
        'Name: Ada <script>alert(1)</script>',
        'Message:',
        '  First line',
        '  Second "line"',
        '',
        'Open submissions: https://porchlight.example/x?a=1&b=2',
        '',
        '--',
        'Sent by Porchlight',
      ].join('\n'),
    )
  })

  it('escapes every value in the HTML part', () => {
    const { html } = renderKeyValueEmail(email)
    expect(html).not.toContain('<script')
    expect(html).toContain('Ada &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('First line\nSecond &quot;line&quot;')
    expect(html).toContain('<p style="margin:0 0 12px">Someone wrote to you.</p>')
    expect(html).toContain('href="https://porchlight.example/x?a=1&amp;b=2"')
  })

  it('links only http(s) URLs', () => {
    const { html, text } = renderKeyValueEmail({
      title: 'T',
      action: { label: 'Click', url: 'javascript:alert(1)' },
    })
    expect(html).not.toContain('javascript:')
    expect(text).toBe('T')
  })
})

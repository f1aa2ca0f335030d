import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fillUrlTemplate, webUrlSchema, webUrlTemplateSchema } from './url-schemas.ts'

// The one check every stored URL passes (see test/url-settings.test.ts for each setting through
// the API). Issue 9: a URL check that threw on bad input turned `{"avatarUrl":"x"}` into a 500.

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('http://', 'https://[', 'http://%', 'https://a b', 'javascript://x', 'HTTPS://X'),
)

describe('webUrlSchema', () => {
  it('never throws, and whatever it accepts is an absolute http(s) URL with a host', () => {
    const schema = webUrlSchema()
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = schema.safeParse(text)
        if (!parsed.success) return
        const url = new URL(parsed.data)
        expect(['http:', 'https:']).toContain(url.protocol)
        expect(url.hostname).not.toBe('')
        expect(url.username + url.password).toBe('')
      }),
      { seed: 9, numRuns: 2000 },
    )
  })

  it.each([
    ['javascript:alert(1)', 'Must be an absolute URL starting with https:// or http://.'],
    ['data:text/html,x', 'Must be an absolute URL starting with https:// or http://.'],
    ['//evil.example/', 'Must be an absolute URL starting with https:// or http://.'],
    ['/relative', 'Must be an absolute URL starting with https:// or http://.'],
    ['https:evil.example', 'Must be an absolute URL starting with https:// or http://.'],
    ['https://', 'Must be an absolute URL starting with https:// or http://.'],
    ['https:/\\evil.example', 'Must be an absolute URL starting with https:// or http://.'],
    ['https://\\evil.example', 'Must not contain spaces, control characters or backslashes.'],
    ['https://a.example/\u0000', 'Must not contain spaces, control characters or backslashes.'],
    ['https://a.example/\u202e', 'Must not contain spaces, control characters or backslashes.'],
    ['https://bank.example@evil.example/', 'Must not contain a user name or password.'],
  ])('refuses %j', (text, message) => {
    expect(
      webUrlSchema()
        .safeParse(text)
        .error?.issues.map((i) => i.message),
    ).toEqual([message])
  })

  it('trims, and keeps the URL as written', () => {
    expect(webUrlSchema().parse('  https://Site.example/a?b={c}  ')).toBe(
      'https://Site.example/a?b={c}',
    )
  })

  it('takes only https and public names for images', () => {
    const avatar = webUrlSchema({ httpsOnly: true, publicHostName: true })
    expect(avatar.safeParse('https://img.example.com/a.png').success).toBe(true)
    for (const bad of [
      'http://img.example.com/a.png',
      'https://localhost/a',
      'https://10.0.0.1/a',
    ]) {
      expect(avatar.safeParse(bad).success, bad).toBe(false)
    }
  })
})

describe('URL templates', () => {
  const template = webUrlTemplateSchema({ '{action}': 'verify-email', '{token}': 'a.b' })

  it('judges a template as the URL it makes with samples filled in', () => {
    expect(template.safeParse('https://{action}.site.example/?t={token}').success).toBe(true)
    expect(template.safeParse('{action}://site.example/{token}').error?.issues[0]?.message).toBe(
      'Must be an absolute URL starting with https:// or http://.',
    )
    expect(template.safeParse('https://site.example/{token}').error?.issues[0]?.message).toBe(
      'Must contain {action} and {token}.',
    )
  })

  it('fills values URL-encoded: no value can change the scheme, host or port', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        const filled = fillUrlTemplate('https://site.example/p/{token}?x={token}', {
          '{token}': value,
        })
        expect(filled).not.toBeNull()
        expect(new URL(filled as string).origin).toBe('https://site.example')
      }),
      { seed: 9, numRuns: 1000 },
    )
  })

  it('answers null for a stored template that makes no web URL', () => {
    expect(fillUrlTemplate('javascript:alert("{token}")', { '{token}': 'x' })).toBeNull()
  })
})

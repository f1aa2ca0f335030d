import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, createTestSite, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { submissions } from '../db/schema.ts'
import { type SiteScope, siteScope } from '../sites/scope.ts'
import {
  containsBlockedWord,
  contentHash,
  countLinks,
  fieldValues,
  isBlockedEmail,
  isRecentDuplicate,
} from './content-rules.ts'

describe('counting links', () => {
  it('counts each http(s):// and bare www., once per link', () => {
    expect(countLinks(['Hello, I like your bakery.'])).toBe(0)
    expect(countLinks(['see https://a.example and http://b.example/x'])).toBe(2)
    expect(countLinks(['https://www.a.example', 'www.b.example', '(www.c.example)'])).toBe(3)
    expect(countLinks(['HTTPS://A.EXAMPLE WWW.B.EXAMPLE'])).toBe(2)
    expect(countLinks(['[url=http://x.example]http://x.example[/url]'])).toBe(2)
  })

  it('does not count words that merely contain "www" or an address', () => {
    expect(countLinks(['awww. so sweet', 'mail me at bob@www.example'])).toBe(0)
  })

  it('flattens list fields with the rest', () => {
    expect(fieldValues({ a: 'x', b: ['y', 'z'] })).toEqual(['x', 'y', 'z'])
  })
})

describe('blocked words', () => {
  const blocked = ['viagra', 'casino', 'crypto*', 'buy now', '.ru', '*coin']

  it('matches whole words and phrases, case-insensitively', () => {
    expect(containsBlockedWord(['Cheap VIAGRA here'], blocked)).toBe(true)
    expect(containsBlockedWord(['best casino!'], blocked)).toBe(true)
    expect(containsBlockedWord(['Buy\n  NOW'], blocked)).toBe(true)
  })

  it('does not flag innocent words containing a blocked one (the Scunthorpe problem)', () => {
    expect(containsBlockedWord(['occasional casinos'], ['casino'])).toBe(false)
    expect(containsBlockedWord(['I live in Essex, I am a specialist'], ['sex', 'cialis'])).toBe(
      false,
    )
    expect(containsBlockedWord(['buy nowhere'], blocked)).toBe(false)
  })

  it('lets a * at either end match the rest of a word', () => {
    expect(containsBlockedWord(['cryptocurrency offer'], blocked)).toBe(true)
    expect(containsBlockedWord(['free bitcoin'], blocked)).toBe(true)
    expect(containsBlockedWord(['cryptic crossword'], blocked)).toBe(false)
  })

  it('applies boundaries only where an entry starts or ends with a letter or digit', () => {
    expect(containsBlockedWord(['visit shop.ru/now'], blocked)).toBe(true)
    expect(containsBlockedWord(['a truly fine cake'], blocked)).toBe(false)
  })

  it('folds full-width look-alikes and treats regex characters literally', () => {
    expect(containsBlockedWord(['ｖｉａｇｒａ'], blocked)).toBe(true)
    expect(containsBlockedWord(['win $$$ (now)'], ['$$$', '(now)'])).toBe(true)
    expect(containsBlockedWord(['win aaa'], ['a.a'])).toBe(false)
  })

  it('matches nothing for an empty list or entries that are only wildcards', () => {
    expect(containsBlockedWord(['anything'], [])).toBe(false)
    expect(containsBlockedWord(['anything'], ['*', '**'])).toBe(false)
  })

  it('stays fast on a long run of letters with wildcard entries', () => {
    const started = performance.now()
    expect(containsBlockedWord(['a'.repeat(100_000)], ['*ab', 'ab*', '*a b*'])).toBe(false)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('blocked emails', () => {
  const blocked = ['spammer@example.com', '@spam.example', '@ru']

  it('matches an address exactly, ignoring case and a +tag', () => {
    expect(isBlockedEmail('Spammer@Example.com', blocked)).toBe(true)
    expect(isBlockedEmail('spammer+offer42@example.com', blocked)).toBe(true)
    expect(isBlockedEmail('friend@example.com', blocked)).toBe(false)
  })

  it('matches a domain and its subdomains, but not look-alike domains', () => {
    expect(isBlockedEmail('x@spam.example', blocked)).toBe(true)
    expect(isBlockedEmail('x@mail7.spam.example', blocked)).toBe(true)
    expect(isBlockedEmail('x@notspam.example', blocked)).toBe(false)
    expect(isBlockedEmail('x@shop.ru', blocked)).toBe(true)
  })

  it('never matches something that is not an address', () => {
    expect(isBlockedEmail('', blocked)).toBe(false)
    expect(isBlockedEmail('@spam.example', blocked)).toBe(false)
    expect(isBlockedEmail('x@example.com', ['@'])).toBe(false)
  })
})

describe('content hash', () => {
  it('is SHA-256 hex of the form and fields', async () => {
    expect(await contentHash('contact', { message: 'Hi' })).toMatch(/^[0-9a-f]{64}$/)
  })

  it('ignores field order, case, extra whitespace and empty fields', async () => {
    const a = await contentHash('contact', { name: 'Ann', message: 'Hello  there\n', phone: '' })
    const b = await contentHash('contact', { message: 'hello there', name: 'ANN' })
    expect(a).toBe(b)
  })

  it('ignores control fields, including a custom honeypot', async () => {
    const plain = await contentHash('contact', { message: 'Hi' })
    const withControls = await contentHash(
      'contact',
      { message: 'Hi', _gotcha: '', _t: '123.abc', 'cf-turnstile-response': 'tok', website: 'x' },
      { exclude: ['website'] },
    )
    expect(withControls).toBe(plain)
  })

  it('differs for another form, other content, or list values in another order', async () => {
    const base = await contentHash('contact', { message: 'Hi', topics: ['a', 'b'] })
    expect(await contentHash('support', { message: 'Hi', topics: ['a', 'b'] })).not.toBe(base)
    expect(await contentHash('contact', { message: 'Hi!', topics: ['a', 'b'] })).not.toBe(base)
    expect(await contentHash('contact', { message: 'Hi', topics: ['b', 'a'] })).not.toBe(base)
    // A value moved to another field is other content, not the same.
    expect(await contentHash('contact', { a: 'x', b: '' })).not.toBe(
      await contentHash('contact', { b: 'x' }),
    )
  })
})

describe('recent duplicates', () => {
  let clock: ReturnType<typeof manualClock>
  let t: TestApp
  let scope: SiteScope
  let otherScope: SiteScope

  beforeEach(async () => {
    clock = manualClock()
    t = await createTestApp({ clock })
    scope = siteScope((await createTestSite(t)).id)
    otherScope = siteScope((await createTestSite(t, { name: 'Other' })).id)
  })
  afterEach(() => t.close())

  async function store(siteId: string, hash: string, status: 'new' | 'spam' = 'new') {
    await t.deps.db.insert(submissions).values({
      id: `sub_${Math.random().toString(36).slice(2)}`,
      siteId,
      formId: 'contact',
      status,
      data: {},
      spamReasons: [],
      contentHash: hash,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    })
  }

  const hourAgo = () => clock.now() - 60 * 60_000

  it('finds a submission with the same hash within the window', async () => {
    const hash = await contentHash('contact', { message: 'Hi' })
    await store(scope.siteId, hash)
    clock.advance(59 * 60_000)
    expect(await isRecentDuplicate(t.deps.db, scope, hash, hourAgo())).toBe(true)
    expect(
      await isRecentDuplicate(
        t.deps.db,
        scope,
        await contentHash('contact', { message: 'Bye' }),
        hourAgo(),
      ),
    ).toBe(false)
  })

  it('forgets it once the window has passed', async () => {
    const hash = await contentHash('contact', { message: 'Hi' })
    await store(scope.siteId, hash)
    clock.advance(61 * 60_000)
    expect(await isRecentDuplicate(t.deps.db, scope, hash, hourAgo())).toBe(false)
  })

  it('counts a repeat of something already marked as spam', async () => {
    const hash = await contentHash('contact', { message: 'Hi' })
    await store(scope.siteId, hash, 'spam')
    expect(await isRecentDuplicate(t.deps.db, scope, hash, hourAgo())).toBe(true)
  })

  it("never sees another site's submissions", async () => {
    const hash = await contentHash('contact', { message: 'Hi' })
    await store(otherScope.siteId, hash)
    expect(await isRecentDuplicate(t.deps.db, scope, hash, hourAgo())).toBe(false)
    expect(await isRecentDuplicate(t.deps.db, otherScope, hash, hourAgo())).toBe(true)
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import { createTestMember } from '../../test/helpers/members.ts'
import { encodeCursor } from '../http/cursor.ts'
import { highlightSnippet, parseSearchQuery, snippetMarkers } from './search.ts'
import { createSearchHarness, postIds, type SearchHarness } from './search-test-helpers.ts'
import { xssCorpus } from './xss-corpus.ts'

describe('parseSearchQuery', () => {
  it.each([
    ['sourdough', '"sourdough"*'],
    ['sourdough starter', '"sourdough" AND "starter"*'],
    ['  Café,au-lait!  ', '"Café" AND "au" AND "lait"*'],
    // FTS5 operators and syntax are words or separators, never syntax.
    ['NEAR(a b) OR c', '"NEAR" AND "OR"*'],
    ['title:secret -spam ^start', '"title" AND "secret" AND "spam" AND "start"*'],
    ['"unclosed', '"unclosed"*'],
    ['a b c', null],
    ['***', null],
    ['', null],
    ['1 2 42', '"42"*'],
    ['say ""hi""', '"say" AND "hi"*'],
  ])('%j → %j', (input, expected) => {
    expect(parseSearchQuery(input)).toBe(expected)
  })

  it('keeps the first ten words', () => {
    const parsed = parseSearchQuery('one two three four five six seven eight nine ten eleven')
    expect(parsed?.split(' AND ')).toHaveLength(10)
    expect(parsed?.endsWith(' AND "ten"*')).toBe(true)
  })
})

describe('highlightSnippet', () => {
  const markers = snippetMarkers()
  const mark = (text: string) => `${markers.open}${text}${markers.close}`

  it('escapes the text and marks only the matches', () => {
    const raw = `<script>alert(1)</script> ${mark('secret')} &lt; "q" 'a'`
    expect(highlightSnippet(raw, markers)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; <mark>secret</mark> &amp;lt; &quot;q&quot; &#39;a&#39;',
    )
  })

  it('ignores marker look-alikes and control characters a member typed', () => {
    const forged = snippetMarkers()
    const raw = `\u0002x\u0003 ${forged.open}fake${forged.close} <mark>no</mark> ${mark('real')}`
    expect(highlightSnippet(raw, markers)).toBe(
      `x ${forged.nonce}ofake${forged.nonce}c &lt;mark&gt;no&lt;/mark&gt; <mark>real</mark>`,
    )
  })
})

describe('GET /v1/forum/search', () => {
  let h: SearchHarness
  beforeEach(async () => {
    h = await createSearchHarness()
    await h.category('general')
  })
  afterEach(() => h.close())

  it('ranks a title match above a body match and answers the documented shape', async () => {
    const inBody = await h.startThread({
      category: 'general',
      title: 'Weekend baking',
      body: 'My sourdough collapsed in the oven again.',
    })
    const inTitle = await h.startThread({
      category: 'general',
      title: 'Sourdough starter tips',
      body: 'Feed it twice a day and keep it warm.',
    })
    // Unrelated posts, so the term is rare enough for bm25 to weigh it.
    for (const word of ['tomatoes', 'roses', 'compost', 'mulch']) {
      await h.startThread({ category: 'general', title: `About ${word}`, body: `All ${word}.` })
    }
    const page = await h.search('sourdough')
    expect(postIds(page)).toEqual([inTitle.postId, inBody.postId])
    expect(page.nextCursor).toBeNull()
    expect(page.items[1]).toEqual({
      threadId: inBody.threadId,
      threadTitle: 'Weekend baking',
      postId: inBody.postId,
      postNumber: 1,
      category: { slug: 'general', name: 'General' },
      author: {
        id: h.author.id,
        displayName: expect.any(String),
        username: h.author.username,
        avatarUrl: null,
      },
      snippet: 'My <mark>sourdough</mark> collapsed in the oven again.',
      createdAt: expect.any(Number),
    })
  })

  it('matches the last word as a prefix, for search as you type', async () => {
    const { threadId, postId } = await h.startThread({
      category: 'general',
      title: 'Pruning',
      body: 'When to prune the apple trees',
    })
    const replyId = await h.reply(threadId, 'Apple pruning is best in winter.')
    expect(postIds(await h.search('appl'))).toHaveLength(2)
    expect(postIds(await h.search('apple tre'))).toEqual([postId])
    expect(postIds(await h.search('win'))).toEqual([replyId])
    // Earlier words are whole words: "app" alone as a non-final word matches nothing.
    expect(postIds(await h.search('app trees'))).toEqual([])
    expect((await h.search('pruning winter')).items[0]?.postNumber).toBe(2)
  })

  it('ignores diacritics and case both ways', async () => {
    const { postId } = await h.startThread({
      category: 'general',
      title: 'Meeting point',
      body: 'See you at the Café Zürich',
    })
    for (const q of ['cafe', 'CAFÉ', 'zurich', 'Zürich', 'cafe\u0301']) {
      const page = await h.search(q)
      expect(postIds(page), q).toEqual([postId])
    }
    expect((await h.search('zurich')).items[0]?.snippet).toBe(
      'See you at the Café <mark>Zürich</mark>',
    )
  })

  it('serves inert snippets: the body is escaped, the only tags are our marks', async () => {
    await h.startThread({
      category: 'general',
      title: 'Escaping',
      body: '<script>alert(1)</script> secret &lt;b&gt; <mark>fake</mark> \u0002forged\u0003',
    })
    const [item] = (await h.search('secret')).items
    expect(item?.snippet).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; <mark>secret</mark> &amp;lt;b&amp;gt; &lt;mark&gt;fake&lt;/mark&gt; forged',
    )
  })

  it('renders every payload of the XSS corpus inert in snippets', async () => {
    const { threadId } = await h.startThread({
      category: 'general',
      title: 'Corpus',
      body: 'xsscorpusword opening',
    })
    const bodies = xssCorpus.map((p) => `${p.markdown} xsscorpusword`)
    // Straight into the table (still through the triggers): faster than 100+ API posts.
    for (const [i, body] of bodies.entries()) {
      await h.t.deps.client.execute({
        sql: `INSERT INTO posts (id, site_id, thread_id, number, body_source, body_html, created_at)
              VALUES (?, ?, ?, ?, ?, '', ?)`,
        args: [`pst_corpus${i}`, h.site.id, threadId, i + 2, body, h.clock.now()],
      })
    }
    const snippets: string[] = []
    let cursor: string | null = null
    do {
      const res = await h.searchResponse({
        q: 'xsscorpusword',
        limit: '50',
        ...(cursor && { cursor }),
      })
      const page = (await res.json()) as { items: { snippet: string }[]; nextCursor: string | null }
      snippets.push(...page.items.map((i) => i.snippet))
      cursor = page.nextCursor
    } while (cursor)
    expect(snippets).toHaveLength(bodies.length + 1)
    for (const snippet of snippets) {
      const text = snippet.replaceAll('<mark>', '').replaceAll('</mark>', '')
      expect(text, snippet).not.toMatch(/[<>"'\u0000-\u0008]/)
      expect(text.replace(/&(amp|lt|gt|quot|#39);/g, ''), snippet).not.toContain('&')
    }
  })

  it('pages by offset cursor, without repeats, and caps the depth', async () => {
    const { threadId } = await h.startThread({
      category: 'general',
      title: 'Counting',
      body: 'walnut one',
    })
    for (let i = 0; i < 4; i++) await h.reply(threadId, `walnut ${i}`)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await h.searchResponse({ q: 'walnut', limit: '2', ...(cursor && { cursor }) })
      expect(res.status).toBe(200)
      const page = (await res.json()) as { items: { postId: string }[]; nextCursor: string | null }
      seen.push(...page.items.map((i) => i.postId))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(5)
    // The last allowed page ends the listing even when more matches exist.
    const deep = await h.searchResponse({ q: 'walnut', cursor: encodeCursor([498]), limit: '5' })
    expect(await deep.json()).toEqual({ items: [], nextCursor: null })
    for (const cursor of [encodeCursor([500]), encodeCursor([-1]), encodeCursor(['x']), 'zz%%']) {
      const res = await h.searchResponse({ q: 'walnut', cursor })
      expect(res.status, cursor).toBe(400)
      expect(await res.json()).toEqual(apiError('INVALID_CURSOR'))
    }
  })

  it('refuses queries with no searchable word, and bad limits, naming the field', async () => {
    for (const q of ['', '   ', '!!! ??', 'a b', '-', '^', ':']) {
      const res = await h.searchResponse({ q })
      expect(res.status, q).toBe(422)
      expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', { q: expect.any(String) }))
    }
    const missing = await h.searchResponse({})
    expect(await missing.json()).toEqual(apiError('VALIDATION_FAILED', { q: expect.any(String) }))
    for (const limit of ['0', '51', 'x']) {
      const res = await h.searchResponse({ q: 'walnut', limit })
      expect(await res.json()).toEqual(apiError('VALIDATION_FAILED', { limit: expect.any(String) }))
    }
  })

  it('never errors on FTS5 syntax in the query', async () => {
    await h.startThread({ category: 'general', title: 'Syntax', body: 'secret AND near words' })
    const queries = [
      '"',
      '""',
      '"secret',
      '*',
      'secret*',
      '* secret',
      'AND',
      'secret AND',
      'OR secret',
      'NOT secret',
      'NEAR(',
      'NEAR(secret words, 2)',
      '-secret',
      '^secret',
      ':',
      'title:secret',
      '{title body}: secret',
      '(secret',
      'secret)',
      '+secret',
      "secret' OR 1=1 --",
      '\u0000secret',
      '🦀 secret',
    ]
    for (const q of queries) {
      const res = await h.searchResponse({ q })
      expect([200, 422], q).toContain(res.status)
    }
    expect((await h.search('"secret')).items).toHaveLength(1)
    expect((await h.search('NEAR(secret words, 2)')).items).toHaveLength(1)
  })

  it('limits searches per address: 429 past 60 a minute', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 61; i++) {
      const res = await h.searchResponse({ q: 'walnut' }, { advance: false })
      statuses.push(res.status)
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
        expect(await res.json()).toEqual(apiError('RATE_LIMITED'))
      }
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true)
    expect(statuses[60]).toBe(429)
    h.clock.advance(120_000)
    expect((await h.searchResponse({ q: 'walnut' }, { advance: false })).status).toBe(200)
  })

  it('lets a signed-in member search with their session', async () => {
    const member = await createTestMember(h.t, h.site)
    await h.startThread({ category: 'general', title: 'Hello', body: 'chestnut season' })
    expect((await h.search('chestnut', { token: member.token })).items).toHaveLength(1)
  })
})

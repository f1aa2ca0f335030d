// What the seeded forum says: a deterministic vocabulary with a Zipf distribution (so a search
// term has the selectivity it would have in a real forum: a few words everywhere, most words
// rare), and post bodies made from a few markdown templates rendered once by Porchlight's own
// renderer. Filling a template changes only plain words, which markdown leaves as they are, so
// the stored HTML of each post is exactly what `renderPost` would produce for its source; the
// seed checks that on samples before it writes anything.

import { renderPost } from '../src/forum/markdown.ts'
import { forumUrls } from '../src/forum/posting.ts'
import { forumSettingsSchema } from '../src/forum/settings.ts'

/** A small, fast, seeded PRNG (mulberry32): the same seed builds the same forum. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const base32 = 'abcdefghijklmnopqrstuvwxyz234567'

/** An id shaped like `newId`'s (`pst_` + 24 base32 characters), from the seeded PRNG. */
export function seededId(prefix: string, random: () => number): string {
  let id = `${prefix}_`
  for (let i = 0; i < 24; i++) id += base32[Math.floor(random() * 32)]
  return id
}

const onsets = ['b', 'br', 'c', 'ch', 'd', 'f', 'g', 'gl', 'k', 'l', 'm', 'n', 'p', 'pl', 'r']
const moreOnsets = ['s', 'sk', 'st', 't', 'tr', 'v', 'w', 'z', 'th', 'sh', 'fr', 'gr', 'cl']
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea', 'io']
const codas = ['', '', '', 'n', 'r', 'l', 's', 'm', 'x', 'nd', 'rt', 'st']

/**
 * `size` distinct pronounceable made-up words (`brastel`, `quomir`), none of them an English
 * word the templates use, so a word's frequency in the index is exactly what the seed chose.
 */
export function vocabulary(size: number, random: () => number): string[] {
  const all = [...onsets, ...moreOnsets]
  const words = new Set<string>()
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
  while (words.size < size) {
    const syllables = 2 + Math.floor(random() * 2)
    let word = ''
    for (let i = 0; i < syllables; i++) word += pick(all) + pick(vowels)
    word += pick(codas)
    if (!templateWords.has(word)) words.add(word)
  }
  return [...words]
}

/**
 * Samples ranks 0…n-1 with probability ∝ 1 / (rank + 1)^s: the shape word frequencies have in
 * real text. A binary search over the cumulative weights; 10 million draws take about a second.
 */
export function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n)
  let total = 0
  for (let i = 0; i < n; i++) {
    total += 1 / (i + 1) ** s
    cumulative[i] = total
  }
  return () => {
    const target = random() * total
    let low = 0
    let high = n - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((cumulative[middle] ?? 0) < target) low = middle + 1
      else high = middle
    }
    return low
  }
}

// `{}` marks a word the seed picks. Templates use markdown a forum post would: paragraphs,
// emphasis, code, lists, links, a quote. The fixed words are ordinary English.
const bodyTemplates = [
  'Has anyone tried {} with {}? I keep getting {} when the {} is {}.',
  'Thanks, that worked. The trick was to set *{}* before {} and then restart {}.',
  'I think {} is the wrong tool here.\n\nWith {} you get {} for free, and {} stays simple.',
  'Steps that reproduce it:\n\n1. open {}\n2. enable {} and {}\n3. watch {} fail\n\nAny ideas?',
  'Same here. `{}` returns {} but only after {} and {}.',
  '> {} {} is slow\n\nIt is not {}, it is {}. See [the {} guide](https://example.com/{}) for details.',
  'We moved from {} to {} last year. **Worth it**: {}, {} and {} all got easier.',
  'Quick question about {}: does {} still need {}, or is {} enough now?',
  'Here is what I use:\n\n- {} for {}\n- {} for {}\n- {} when nothing else helps',
  'Agreed with the point about {}. I would add that {} matters more than {} in practice.',
]

const titleTemplates = [
  '{} fails after upgrading {}',
  'How do you handle {} with {}?',
  'Show and tell: {} for {}',
  'Is {} still worth it in {}?',
  '{} vs {}: which one?',
  'Trouble with {} and {}',
]

const templateWords = new Set(
  [...bodyTemplates, ...titleTemplates]
    .join(' ')
    .toLowerCase()
    .match(/[a-z]+/g) ?? [],
)

/** How many words a body or title template takes. */
const slots = (template: string) => template.split('{}').length - 1

/** Lower-case letters and digits only: markdown renders such a word as itself, anywhere. */
const placeholder = (i: number) => `qqslot${i}qq`

const fill = (text: string, words: readonly string[]) =>
  text.replace(/qqslot(\d+)qq/g, (_, i: string) => words[Number(i)] ?? '')

export type RenderedTemplate = { slots: number; source: string; html: string }

/**
 * Each body template rendered once by `renderPost`, with placeholders where the words go, as
 * Porchlight renders a post by an established member under the default forum settings. Throws
 * if filling a template would not give what rendering its filled source gives.
 */
export function renderTemplates(random: () => number, words: readonly string[]) {
  const urls = forumUrls(forumSettingsSchema.parse({}))
  const render = (source: string) =>
    renderPost(source, {
      allowImages: true,
      members: new Map(),
      mentionUrl: urls.member,
      quoteUrl: urls.post,
    }).html
  return bodyTemplates.map((template): RenderedTemplate => {
    let slot = 0
    const source = template.replace(/\{\}/g, () => placeholder(slot++))
    const rendered = { slots: slots(template), source, html: render(source) }
    for (let sample = 0; sample < 3; sample++) {
      const chosen = Array.from(
        { length: rendered.slots },
        () => words[Math.floor(random() * words.length)] ?? '',
      )
      const expected = render(fill(source, chosen))
      if (fill(rendered.html, chosen) !== expected) {
        throw new Error(`template does not render word-for-word: ${JSON.stringify(template)}`)
      }
    }
    return rendered
  })
}

/** A post's source and stored HTML: a rendered template with `words` in its slots. */
export function fillTemplate(template: RenderedTemplate, words: readonly string[]) {
  return { source: fill(template.source, words), html: fill(template.html, words) }
}

/** A thread title from a title template and words. */
export function threadTitle(random: () => number, word: () => string): string {
  const template = titleTemplates[Math.floor(random() * titleTemplates.length)] ?? '{}'
  const title = template.replace(/\{\}/g, () => word())
  return title.charAt(0).toUpperCase() + title.slice(1)
}

import MarkdownIt, { type Token } from 'markdown-it'
import { assertSafeHtml, isAllowedImageUrl, isAllowedLinkUrl, LINK_REL } from './markdown-safety.ts'

export {
  assertSafeHtml,
  isAllowedImageUrl,
  isAllowedLinkUrl,
  LINK_REL,
  UnsafeHtmlError,
} from './markdown-safety.ts'

/**
 * Forum posts: markdown in, inert HTML out, with no DOM (Workers has none), so safety comes from
 * construction rather than from sanitizing afterwards:
 *
 * - raw HTML is off, so `<script>` in a post is text;
 * - every link and image URL passes an allowlist of schemes (`isAllowedLinkUrl`);
 * - the token stream is rewritten before rendering (headings demoted, table styles dropped,
 *   links marked `ugc`, images gated, mentions and quotes linked);
 * - the HTML is then checked against an allowlist of tags and attributes (`assertSafeHtml`),
 *   because it is stored at write time and served as is for as long as the post lives.
 *
 * Rendering is synchronous and needs no database: resolve mentions first.
 *
 * @example
 * const candidates = extractMentions(body) // ['ann', 'bob'], lower-cased
 * const rows = await membersByUsername(db, scope, candidates) // ann exists, bob does not
 * const members = new Map(rows.map((m) => [m.usernameKey, { id: m.id, username: m.username }]))
 * const post = renderPost(body, {
 *   allowImages: false,
 *   members,
 *   mentionUrl: (username) => `/members/${encodeURIComponent(username)}`,
 *   quoteUrl: (postId) => `/forum/posts/${postId}`,
 * })
 * // post.html, post.mentions (member ids), post.links, post.images, post.quotedPostIds
 *
 * Quoting a post is plain markdown: a blockquote whose first paragraph starts with a link to
 * `#<post id>`. The SDK inserts it; any markdown renderer shows it sensibly (a fragment link).
 *
 *     > [@ann wrote:](#pst_abcdefghijklmnopqrstuvwx)
 *     > The quoted text.
 *
 * renders as `<blockquote class="quote"><p><a class="quote-source" href="{quoteUrl(id)}">@ann
 * wrote:</a><br>…`. Only ids shaped like ours count; any other `#…` link is an ordinary link.
 */

/** A member a mention may link to. */
export interface MentionedMember {
  id: string
  username: string
}

export interface RenderPostOptions {
  /** Site setting, and off for new members: otherwise `![alt](src)` renders as a link. */
  allowImages: boolean
  /** Members that exist, keyed by lower-cased username (the keys `extractMentions` returns). */
  members?: ReadonlyMap<string, MentionedMember>
  /** Where `@username` links to. Stored in the HTML, so it must be stable. */
  mentionUrl: (username: string) => string
  /** Where a quote's source link points. Stored in the HTML, so it must be stable. */
  quoteUrl: (postId: string) => string
}

export interface RenderedPost {
  html: string
  /** Ids of the members mentioned outside blockquotes (quoted mentions do not notify twice). */
  mentions: string[]
  /** Links the author wrote (markdown, autolinks, bare URLs, images shown as links), for limits. */
  links: number
  /** Images rendered as `<img>`. */
  images: number
  /** Posts quoted by top-level quote blockquotes, in order, without duplicates. */
  quotedPostIds: string[]
}

/** Our post ids: `pst_` and 24 lower-case base32 characters (see `newId`). */
export const POST_ID_PATTERN = /^pst_[a-z2-7]{24}$/

/**
 * Bounds the member lookup one post can cause (one `IN (…)` of at most this many names); later
 * names stay text. Discourse caps notifying mentions at 10; 50 leaves room for roll calls.
 */
export const MAX_MENTION_CANDIDATES = 50

/**
 * `@name` where the name follows the username rules (3–30 of `A-Za-z0-9_-`), is not glued to a
 * word, an address (`ann@example.org`, `x.@ann`) or a path before it, and ends where a name must.
 */
const MENTION = /(?<![\p{L}\p{N}_.+\-@/\\])@([A-Za-z0-9_-]{3,30})(?![A-Za-z0-9_@-])/gu

/**
 * One parser for every post. Options:
 * - `html: false`: raw HTML is shown as text, the core of safety without a DOM.
 * - `breaks: true`: members type posts like email or chat, where a newline is a newline
 *   (Discourse and GitHub comments do the same).
 * - `linkify: true` with linkify-it's defaults: bare `https://…` and emails become links, but not
 *   scheme-less names like `readme.md` or `config.py`, which are too often not links.
 * - `typographer: false`: code and quoted text keep the characters the author typed.
 * - `maxNesting: 20` (as the CommonMark preset): about 10 levels of lists or 20 of quotes, past
 *   any real post (markdown-it drops what nests deeper). The default, 100, makes adversarial
 *   input such as `[[[[…` or `![![…` three to four times slower to parse.
 */
const md = new MarkdownIt('default', {
  html: false,
  linkify: true,
  typographer: false,
  breaks: true,
  maxNesting: 20,
})
md.validateLink = isAllowedLinkUrl
// Link text for autolinks and bare URLs is shown as typed. The default decodes punycode and
// percent-escapes for display, so `xn--pple-43d.com` would read as a Cyrillic "аpple.com" and
// `%E2%80%AE` would become a right-to-left override: text that lies about the href.
md.normalizeLinkText = (url) => url
// No class from the fence's info string: the only classes in a post are the ones we add.
md.renderer.rules.fence = (tokens, idx) =>
  `<pre><code>${md.utils.escapeHtml(tokens[idx]?.content ?? '')}</code></pre>\n`
// `alt` is computed before rendering (see `imageTokens`); the default rule would recompute it.
md.renderer.rules.image = (tokens, idx, options, _env, renderer) =>
  renderer.renderToken(tokens, idx, options)
// Unreachable with `html: false`; escape rather than pass through should that ever change.
md.renderer.rules.html_block = (tokens, idx) => md.utils.escapeHtml(tokens[idx]?.content ?? '')
md.renderer.rules.html_inline = (tokens, idx) => md.utils.escapeHtml(tokens[idx]?.content ?? '')

/**
 * The usernames a post mentions, lower-cased, unique, at most `MAX_MENTION_CANDIDATES`: look
 * these up, then pass the members that exist to `renderPost`. Mentions in code, in links and in
 * image descriptions are not candidates.
 */
export function extractMentions(source: string): string[] {
  const names = new Set<string>()
  for (const block of md.parse(source, {})) {
    let linkDepth = 0
    for (const token of block.children ?? []) {
      if (token.type === 'link_open') linkDepth++
      else if (token.type === 'link_close') linkDepth--
      else if (token.type === 'text' && linkDepth === 0) {
        for (const match of token.content.matchAll(MENTION)) {
          if (names.size >= MAX_MENTION_CANDIDATES) return [...names]
          names.add((match[1] ?? '').toLowerCase())
        }
      }
    }
  }
  return [...names]
}

interface RenderState {
  options: RenderPostOptions
  mentions: Set<string>
  quotedPostIds: Set<string>
  links: number
  images: number
}

/** Renders a post's markdown to the HTML stored with it; throws `UnsafeHtmlError` on a bug. */
export function renderPost(source: string, options: RenderPostOptions): RenderedPost {
  const env = {}
  const tokens = md.parse(source, env)
  const state: RenderState = {
    options,
    mentions: new Set(),
    quotedPostIds: new Set(),
    links: 0,
    images: 0,
  }
  rewriteBlocks(tokens, state)
  const html = md.renderer.render(tokens, md.options, env)
  assertSafeHtml(html)
  return {
    html,
    mentions: [...state.mentions],
    links: state.links,
    images: state.images,
    quotedPostIds: [...state.quotedPostIds],
  }
}

/** A post sits under the page's own h1 and h2, so its headings start at h3. */
const HEADING_TAGS: Record<string, string> = { h1: 'h3', h2: 'h4', h3: 'h5' }

function rewriteBlocks(tokens: Token[], state: RenderState): void {
  let quoteDepth = 0
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token
    switch (token.type) {
      case 'heading_open':
      case 'heading_close':
        token.tag = HEADING_TAGS[token.tag] ?? 'h6'
        break
      case 'th_open':
      case 'td_open':
        // Column alignment comes as `style="text-align:…"`; posts carry no inline styles.
        token.attrs = null
        break
      case 'blockquote_open': {
        quoteDepth++
        const postId = markQuoteSource(tokens, i, state.options)
        // A quote inside a quote is part of the quoted text, not a new reference.
        if (postId && quoteDepth === 1) state.quotedPostIds.add(postId)
        break
      }
      case 'blockquote_close':
        quoteDepth--
        break
      case 'inline':
        token.children = rewriteInline(token.children ?? [], state, quoteDepth > 0)
        break
    }
  }
}

/**
 * If the blockquote opening at `tokens[at]` starts with `[text](#pst_…)`, points that link at
 * the quoted post, marks both, and returns the post id.
 */
function markQuoteSource(tokens: Token[], at: number, options: RenderPostOptions) {
  const link = tokens[at + 2]?.children?.[0]
  if (tokens[at + 1]?.type !== 'paragraph_open' || link?.type !== 'link_open') return null
  if (link.info === 'auto') return null
  const href = String(link.attrGet('href') ?? '')
  const postId = href.slice(1)
  if (!href.startsWith('#') || !POST_ID_PATTERN.test(postId)) return null
  // The URL comes from the site's settings; one the allowlist refuses keeps the author's `#…`.
  const source = options.quoteUrl(postId)
  ;(tokens[at] as Token).attrs = [['class', 'quote']]
  link.attrs = [
    ['class', 'quote-source'],
    ['href', isAllowedLinkUrl(source) ? source : href],
  ]
  link.meta = { ours: true }
  return postId
}

function rewriteInline(children: Token[], state: RenderState, inQuote: boolean): Token[] {
  const out: Token[] = []
  let linkDepth = 0
  for (const token of children) {
    if (token.type === 'link_open') {
      linkDepth++
      if (!token.meta?.ours) {
        token.attrSet('rel', LINK_REL)
        state.links++
      }
      out.push(token)
    } else if (token.type === 'link_close') {
      linkDepth--
      out.push(token)
    } else if (token.type === 'image') {
      for (const t of imageTokens(token, state, linkDepth > 0)) out.push(t)
    } else if (token.type === 'text' && linkDepth === 0) {
      for (const t of mentionTokens(token, state, inQuote)) out.push(t)
    } else {
      out.push(token)
    }
  }
  return out
}

/** An allowed image as `<img>`; otherwise a link to it (or, inside a link, its text). */
function imageTokens(image: Token, state: RenderState, insideLink: boolean): Token[] {
  const src = String(image.attrGet('src') ?? '')
  const title = image.attrGet('title')
  const titleAttrs: [string, string | number][] = title ? [['title', title]] : []
  const alt = plainText(image.children ?? [])
  if (state.options.allowImages && isAllowedImageUrl(src)) {
    state.images++
    image.attrs = [
      ['src', src],
      ['alt', alt],
      ...titleAttrs,
      // Lazy, so a post full of images costs nothing until read; no referrer, so image hosts
      // do not learn which thread (or private category) a reader is on.
      ['loading', 'lazy'],
      ['referrerpolicy', 'no-referrer'],
    ]
    image.children = []
    return [image]
  }
  const label = textToken(alt || src)
  if (insideLink) return [label]
  state.links++
  const open = new MarkdownIt.Token('link_open', 'a', 1)
  open.attrs = [['href', src], ...titleAttrs, ['rel', LINK_REL]]
  return [open, label, new MarkdownIt.Token('link_close', 'a', -1)]
}

/** Splits a text token around `@name`s of known members, which become mention links. */
function mentionTokens(text: Token, state: RenderState, inQuote: boolean): Token[] {
  const members = state.options.members
  if (!members?.size || !text.content.includes('@')) return [text]
  const out: Token[] = []
  let last = 0
  for (const match of text.content.matchAll(MENTION)) {
    const member = members.get((match[1] ?? '').toLowerCase())
    if (!member) continue
    if (!inQuote) state.mentions.add(member.id)
    // The URL comes from the site's settings: one the allowlist refuses (a `javascript:`
    // template stored long ago) leaves the mention as text rather than failing the post.
    const href = state.options.mentionUrl(member.username)
    if (!isAllowedLinkUrl(href)) continue
    if (match.index > last) out.push(textToken(text.content.slice(last, match.index)))
    const open = new MarkdownIt.Token('link_open', 'a', 1)
    open.attrs = [
      ['class', 'mention'],
      ['href', href],
    ]
    out.push(open, textToken(`@${member.username}`), new MarkdownIt.Token('link_close', 'a', -1))
    last = match.index + match[0].length
  }
  if (last === 0) return [text]
  if (last < text.content.length) out.push(textToken(text.content.slice(last)))
  return out
}

function textToken(content: string): Token {
  const token = new MarkdownIt.Token('text', '', 0)
  token.content = content
  return token
}

/** An image description as text: what `alt` shows, and what a link stands in with. */
function plainText(tokens: Token[]): string {
  let text = ''
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content
    else if (token.type === 'image') text += plainText(token.children ?? [])
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += ' '
  }
  return text
}

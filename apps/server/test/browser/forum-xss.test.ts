// Hostile posts from the XSS corpus (src/forum/xss-corpus.ts), posted through the API, shown by
// <porchlight-forum> in Chromium: nothing may run. The page's Content Security Policy is turned
// off for this (bypassCSP), so only the server's rendering and the component's escaping stand
// between a payload and the page. Every way a payload could show itself is watched: dialogs,
// errors, and script, frame or handler attributes appearing anywhere, shadow roots included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { xssCorpus } from '../../src/forum/xss-corpus.ts'
import { type Harness, hasChromium, startHarness } from './harness.ts'

/** The nastiest entries: raw HTML and SVG, mutation XSS, obfuscated schemes, attribute breaking. */
const chosen = [
  'script tag',
  'img onerror',
  'svg onload',
  'svg animate href',
  'math mxss',
  'iframe srcdoc',
  'details ontoggle',
  'input autofocus',
  'noscript mxss',
  'anchor javascript',
  'link entity tab',
  'link fully entity encoded',
  'link data html',
  'title escaped quote',
  'url breaking tag',
  'autolink breaking',
  'image src breaking',
  'image alt breaking',
  'fence info breaking',
  'mention breaking',
  'quote id breaking',
  'polyglot 0xsobky',
  'polyglot markdown',
  'polyglot attribute',
]
const payloads = chosen.map((name) => {
  const found = xssCorpus.find((entry) => entry.name === name)
  if (!found) throw new Error(`not in the corpus: ${name}`)
  return found
})

// Installed before any script of the page: everything a payload could trigger is recorded.
const watch = () => {
  const fired: string[] = []
  const w = window as unknown as Record<string, unknown>
  w.__xss = fired
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    w[name] = (...args: unknown[]) => {
      fired.push(`${name}(${args.join(',')})`)
    }
  }
  // Script errors only: an image that fails to load is an Event, not an ErrorEvent.
  window.addEventListener(
    'error',
    (event) => event instanceof ErrorEvent && fired.push(`error: ${event.message}`),
    true,
  )
  const dangerous = (node: Node) =>
    node instanceof Element &&
    (/^(script|iframe|object|embed|frame|base|meta)$/i.test(node.tagName) ||
      [...node.attributes].some((a) => /^on/i.test(a.name)))
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const all = node instanceof Element ? [node, ...node.querySelectorAll('*')] : []
        for (const each of all)
          if (dangerous(each)) fired.push(`inserted: ${each.outerHTML.slice(0, 120)}`)
      }
      if (record.type === 'attributes' && /^on/i.test(record.attributeName ?? '')) {
        fired.push(`attribute: ${record.attributeName}`)
      }
    }
  })
  const options = { childList: true, subtree: true, attributes: true }
  // The page's own markup (its script tag) is parsed first; from then on, nothing may appear.
  document.addEventListener('DOMContentLoaded', () => observer.observe(document, options))
  // Shadow roots are not seen from the document: watch each one as it is made.
  const attach = Element.prototype.attachShadow
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init)
    observer.observe(root, options)
    return root
  }
}

describe.skipIf(!hasChromium)('hostile posts in <porchlight-forum>', () => {
  let h: Harness
  let threadId: string

  beforeAll(async () => {
    h = await startHarness()
    // A moderator posts them: moderators are exempt from new members' limits on posts and links.
    const author = await h.member(
      '"><img src=x onerror=alert(1)>',
      'mallory@example.com',
      'moderator',
    )
    const [first, ...rest] = payloads
    const created = await h.call<{ id: string }>(
      'POST',
      '/v1/forum/threads',
      { category: 'general', title: '<svg onload=alert(1)> title', body: first?.markdown },
      author.token,
    )
    threadId = created.id
    for (const payload of rest) {
      await h.call(
        'POST',
        `/v1/forum/threads/${threadId}/posts`,
        { body: payload.markdown },
        author.token,
      )
    }
  }, 180_000)
  afterAll(async () => {
    await h?.close()
  })

  it(`runs none of ${payloads.length} payloads, in the list, the thread and the preview`, async () => {
    const page = await h.page({ bypassCSP: true })
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.addInitScript(watch)

    await page.goto(h.demo('discussions.html'))
    const forum = page.locator('porchlight-forum')
    await forum.getByRole('link', { name: '<svg onload=alert(1)> title' }).click()
    await expect.poll(() => forum.locator('article').count(), { timeout: 20_000 }).toBe(20)
    // The rest are on the next page of posts.
    await forum.getByRole('button', { name: 'Load more' }).click()
    await expect
      .poll(() => forum.locator('article').count(), { timeout: 20_000 })
      .toBe(payloads.length)
    // The payloads are there, as text: rendered, and inert.
    const text = await forum.evaluate((element) => element.shadowRoot?.textContent ?? '')
    expect(text).toContain('<script>alert(1)</script>')
    expect(text).toContain('"><img src=x onerror=alert(1)>') // the author's name

    // Hover and focus everything a payload could have attached a handler to.
    for (const link of await forum.locator('[part=post-body] a').all()) await link.hover()

    const found = await forum.evaluate((element) => {
      const all = [...(element.shadowRoot?.querySelectorAll('*') ?? [])]
      return all.flatMap((node) => {
        const problems = [...node.attributes]
          .filter(
            (a) =>
              /^on/i.test(a.name) ||
              (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) &&
                /^\s*(javascript|vbscript|data):/i.test(a.value)),
          )
          .map((a) => `${node.tagName} ${a.name}=${a.value}`)
        if (/^(script|iframe|object|embed|frame|base|meta|style|link)$/i.test(node.tagName)) {
          problems.push(node.outerHTML.slice(0, 120))
        }
        return problems
      })
    })
    expect(found).toEqual([])

    // The composer's preview is server-rendered HTML too: the same payloads, signed in.
    await page.goto(h.demo('members.html'))
    const auth = page.locator('porchlight-auth')
    await auth.getByLabel('Email', { exact: true }).fill('mallory@example.com')
    await auth.getByLabel('Password', { exact: true }).fill('correct horse battery staple')
    await auth.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => auth.getByRole('heading').textContent()).toMatch(/^Signed in/)
    await page.goto(`${h.demo('discussions.html')}#thread-${threadId}`)
    await forum.getByLabel('Your reply').fill(payloads.map((p) => p.markdown).join('\n\n'))
    await forum.getByRole('button', { name: 'Preview' }).click()
    await expect
      .poll(() => forum.locator('[part=preview]').textContent(), { timeout: 20_000 })
      .toContain('<script>alert(1)</script>')

    await page.waitForTimeout(500) // anything deferred (a timer, an image error) has had its turn
    expect(await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss)).toEqual([])
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
  }, 120_000)
})

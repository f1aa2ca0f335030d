// The READMEs' page samples in Chromium (issue 10: docs that cannot drift), against the real
// server on a socket: the embed README's script tag with its contact form, and the SDK README's
// "Contact forms" sample, bundled from the README's own text as a page's bundler would. Each
// is pasted into a page of the site's allowed origin with only the example server and key
// replaced; a visitor fills the form in and sends it (the SDK's sample first with an address
// the server refuses: the embed's form has `type="email"`, so the browser would stop that).
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../helpers/http.ts'
import { type CodeBlock, codeBlocks } from '../helpers/markdown-code-blocks.ts'
import { type Harness, hasChromium, startHarness } from './harness.ts'

const packages = fileURLToPath(new URL('../../../../packages/', import.meta.url))

/** The one block of `lang` in `section` of a README. */
function sample(readme: string, section: string, lang: string): CodeBlock {
  const found = codeBlocks(join(packages, readme)).filter(
    (block) => block.section === section && block.lang === lang,
  )
  if (found.length !== 1) throw new Error(`${readme}: ${found.length} ${lang} blocks in ${section}`)
  return found[0] as CodeBlock
}

describe.skipIf(!hasChromium)('the READMEs’ page samples in Chromium', () => {
  // The site of the READMEs: a contact form "contact", pages on the server's own origin.
  let h: Harness

  /** The README's example server and key, made real. */
  const forServer = (code: string) =>
    code
      .replaceAll('https://api.example.com', h.server.url)
      .replace(/pk_[a-z0-9]+/g, h.site.publishableKey)

  beforeAll(async () => {
    h = await startHarness()
  }, 60_000)

  afterAll(async () => {
    await h?.close()
  })

  /** Opens `html` as a page of the site's origin; returns it and when it was shown. */
  async function openPage(html: string) {
    const page = await h.page()
    await page.route(`${h.server.url}/readme-sample.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html>\n${html}` }),
    )
    await page.goto(`${h.server.url}/readme-sample.html`)
    return { page, shown: Date.now() }
  }

  /** People take longer than the time trap's 3 seconds to write; so must this test. */
  async function asAPersonWrites(page: Page, shown: number) {
    await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - shown)))
  }

  const stored = async (message: string) =>
    (await rows(h.server.deps.client, 'SELECT status, spam_reasons, data FROM submissions')).find(
      (row) => String(row.data).includes(message),
    )

  it('embed README: the script tag enhances the contact form, which sends it and follows _next', async () => {
    const tag = sample('embed/README.md', '@porchlight/embed', 'html')
    const form = sample('embed/README.md', 'Contact forms', 'html')
    const { page, shown } = await openPage(
      `<head>${forServer(tag.code)}</head><body>${forServer(form.code)}</body>`,
    )
    await page.route('https://www.example.com/thanks.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Thanks</h1>' }),
    )
    // Enhanced: the script added its status region.
    await page.locator('[data-porchlight-status]').waitFor({ state: 'attached' })
    await page.fill('#email', 'ada@example.com')
    await page.fill('#message', 'Hello from the embed README')
    await asAPersonWrites(page, shown)
    await Promise.all([
      page.waitForURL('https://www.example.com/thanks.html'),
      page.click('button'),
    ])
    expect(await page.textContent('h1')).toBe('Thanks')
    const row = await stored('Hello from the embed README')
    expect(row).toMatchObject({ status: 'new', spam_reasons: '[]' })
    expect(JSON.parse(String(row?.data))).toMatchObject({
      email: 'ada@example.com',
      message: 'Hello from the embed README',
    })
  })

  it('SDK README: the Contact forms sample shows the fields refused, then thanks the visitor', async () => {
    const block = sample('sdk/README.md', 'Contact forms', 'ts')
    // The sample's one free name, as a page would have it: the errors, shown on the page.
    const prelude = `function showErrors(message: string, fields: Record<string, string>) {
      document.body.dataset.errors = JSON.stringify({ message, fields })
    }\n`
    const bundled = await build({
      stdin: {
        contents: prelude + forServer(block.code),
        loader: 'ts',
        resolveDir: join(packages, 'sdk/test'),
        sourcefile: 'readme-contact-forms.ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      // The SDK from its sources, as inside this repository (see packages/sdk/README.md).
      conditions: ['@porchlight/source'],
      write: false,
      logLevel: 'silent',
    })
    const { page, shown } = await openPage(`<body>
      <form><input id="email" name="email"><textarea id="message" name="message"></textarea>
      <button>Send</button></form>
      <script type="module">${bundled.outputFiles[0]?.text}</script></body>`)
    await page.fill('#email', 'not an address')
    await page.fill('#message', 'Hello from the SDK README')
    await asAPersonWrites(page, shown)
    await page.click('button')
    await expect
      .poll(() => page.getAttribute('body', 'data-errors'), { timeout: 10_000 })
      .toMatch(/"email":/)
    await page.fill('#email', 'ada@example.com')
    await page.click('button')
    await page.getByText('Thank you, we will be in touch.').waitFor({ timeout: 10_000 })
    expect(await page.locator('form').count()).toBe(0)
    const row = await stored('Hello from the SDK README')
    expect(row).toMatchObject({ status: 'new', spam_reasons: '[]' })
  })
})

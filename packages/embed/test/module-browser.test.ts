// The module build (dist/index.js) in a real browser: an app that bundles its own code imports
// `install` and gets what the script tag gives, with no script tag on the page. The module is
// built as `npm run build` builds it (this package's tsup config, into a temp folder) and served,
// with a stand-in for the API, by Playwright's router.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { build, type Options } from 'tsup'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executablePath, hasChromiumFor, launchChromium } from '../../../test/support/chromium.ts'
import tsupConfig from '../tsup.config.ts'

const embed = fileURLToPath(new URL('..', import.meta.url))
// https, so the page is a secure context: crypto.subtle, which the proof of work needs.
const origin = 'https://app.test'
const key = 'pk_3mzq7kx2vbn4tr6wd5yh2fja'

const hasChromium = hasChromiumFor("the module's browser tests")

describe.skipIf(!hasChromium)(`install() in Chromium (${executablePath})`, () => {
  let dir: string
  let module: string
  let browser: Browser

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'porchlight-embed-module-'))
    await build({
      ...(tsupConfig as Options),
      // Paths in the config are relative to this package; the tests run from the repository root.
      entry: { index: join(embed, 'src/module.ts') },
      dts: false,
      outDir: dir,
      silent: true,
      config: false,
    })
    module = readFileSync(join(dir, 'index.js'), 'utf8')
    browser = await launchChromium()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('sets up the page as the script tag does: forms, elements, window.Porchlight, once', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const sent: unknown[] = []
    // The app's own code, as a bundler would ship it: it imports the package and installs.
    const app = `
      import { install } from '/node_modules/@porchlight/embed/dist/index.js'
      const first = install({ key: '${key}', strings: { formSent: 'Merci !' } })
      window.sameOnSecondCall = install({ key: 'pk_other' }) === first`
    const html = `<!doctype html><html lang="en"><body>
      <form data-porchlight-form="contact"><input name="email" value="ada@example.com"><button>Send</button></form>
      <porchlight-auth></porchlight-auth>
      <script type="module" src="/app.js"></script></body></html>`
    const salt = 'salt'
    await context.route(`${origin}/**`, (route) => {
      const { pathname } = new URL(route.request().url())
      if (pathname.endsWith('/challenge')) {
        const challenge = createHash('sha256').update(`${salt}7`).digest('hex')
        return route.fulfill({
          json: {
            algorithm: 'SHA-256',
            challenge,
            maxnumber: 10,
            salt,
            signature: 's',
            timeToken: 't',
          },
        })
      }
      if (pathname.endsWith('/submissions')) {
        sent.push({
          key: route.request().headers()['x-porchlight-key'],
          body: route.request().postDataJSON(),
        })
        return route.fulfill({ status: 201, json: { id: 'sub_1' } })
      }
      if (pathname === '/node_modules/@porchlight/embed/dist/index.js') {
        return route.fulfill({ contentType: 'text/javascript', body: module })
      }
      if (pathname === '/app.js')
        return route.fulfill({ contentType: 'text/javascript', body: app })
      if (pathname === '/') return route.fulfill({ contentType: 'text/html', body: html })
      return route.fulfill({ status: 404, body: 'not found' })
    })

    await page.goto(`${origin}/`)
    await page.waitForFunction(() => 'Porchlight' in window)
    expect(
      await page.evaluate(() => ({
        config: (window as unknown as Page).Porchlight.config,
        sameOnSecondCall: (window as unknown as Page).sameOnSecondCall,
        auth: customElements.get('porchlight-auth') !== undefined,
        forum: customElements.get('porchlight-forum') !== undefined,
        notifications: customElements.get('porchlight-notifications') !== undefined,
      })),
    ).toEqual({
      // No data-api: the page's own origin is the API's.
      config: { key, url: origin, session: 'bearer' },
      sameOnSecondCall: true,
      auth: true,
      forum: true,
      notifications: true,
    })
    // <porchlight-auth> rendered its sign-in form in its shadow root.
    await expect
      .poll(() =>
        page.evaluate(
          () => !!document.querySelector('porchlight-auth')?.shadowRoot?.querySelector('form'),
        ),
      )
      .toBe(true)

    // The form is enhanced: sent in place with the strings given to install().
    await page.click('button')
    await expect.poll(() => page.textContent('[data-porchlight-status]')).toBe('Merci !')
    expect(sent).toEqual([{ key, body: expect.objectContaining({ email: 'ada@example.com' }) }])
    await context.close()
  })
})

/** What the page's window holds once the app's script ran. */
type Page = { Porchlight: import('../src/global.ts').PorchlightEmbed; sameOnSecondCall: boolean }

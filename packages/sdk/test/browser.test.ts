// The contact form in a real browser: a real <form> read through FormData, Web Crypto's digest,
// and the page's own fetch, against the real server and the stand-in on a real socket; the page
// comes from the same origin as the API, so no CORS is in the way, and 127.0.0.1 is a secure
// context, which crypto.subtle requires.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { executablePath, hasChromiumFor, launchChromium } from '../../../test/support/chromium.ts'
// The IIFE bundle's global, `Porchlight`, as a page without a bundler sees it: the package's
// own declaration (`@porchlight/sdk/global`).
import type {} from '../src/global.ts'
import { startFormsServer } from './forms-server.ts'
import { formsServers } from './forms-servers.ts'
import { buildPageScript } from './page-script.ts'
import type { PageRoute } from './recording-front.ts'
import type { FormsScene } from './scene.ts'

const page = /* html */ `<!doctype html>
<form id="contact">
  <input name="email" value="ada@example.com">
  <textarea name="message">Hello from a real form</textarea>
  <input type="checkbox" name="topics" value="ferns" checked>
  <input type="checkbox" name="topics" value="mosses" checked>
  <input type="checkbox" name="topics" value="lichens">
  <select name="days" multiple><option selected>mon</option><option>tue</option></select>
  <input name="_gotcha" value="" hidden>
  <button name="send">Send</button>
</form>
<form id="upload">
  <input name="message" value="CV attached">
  <input type="file" name="cv">
</form>
<script src="/sdk.js"></script>`

const hasChromium = hasChromiumFor("the SDK's browser tests")

describe.skipIf(!hasChromium)(`in Chromium (${executablePath})`, () => {
  let browser: Browser
  let pages: PageRoute

  beforeAll(async () => {
    const sdk = await buildPageScript()
    pages = (req, res) => {
      if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html' }).end(page)
      else if (req.url === '/sdk.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(sdk)
      } else if (req.url === '/favicon.ico') res.writeHead(404).end()
      else return false
      return true
    }
    browser = await launchChromium()
  }, 30_000)

  afterAll(() => browser?.close())

  describe.each(formsServers)('against $name', ({ start }) => {
    let under: Awaited<ReturnType<typeof start>>
    let server: FormsScene
    let tab: Page

    beforeAll(async () => {
      under = await start()
      server = await under.scene({ pages })
      tab = await browser.newPage()
      await tab.goto(`${server.url}/`)
    }, 60_000)

    afterAll(async () => {
      await tab?.close()
      await server?.close()
      await under?.close()
    })

    it('submits a <form>: checked boxes as an array, a single selection as a string', async () => {
      server.stopClock() // sent the moment the form is shown
      const result = await tab.evaluate(async (key) => {
        const contactForm = Porchlight.createContactForm({ url: location.origin, key })
        await contactForm.prepare('contact')
        return contactForm.submit('contact', document.querySelector<HTMLFormElement>('#contact')!)
      }, server.key)

      const [stored] = await server.submissions()
      expect(result).toEqual({ id: stored?.id })
      expect(stored?.fields).toEqual({
        email: 'ada@example.com',
        message: 'Hello from a real form',
        topics: ['ferns', 'mosses'],
        days: 'mon',
      })
      const sent = JSON.parse(server.seen.find((r) => r.method === 'POST')?.body ?? '{}')
      expect(sent).toMatchObject({ _gotcha: '', _t: expect.any(String) })
      // The solution was good; the only mark is the time trap's: the form was sent at once.
      expect(stored?.spamReasons).toEqual(['too_fast'])
    })

    it('refuses a form with a file input, even an empty one, before any request', async () => {
      const before = server.seen.length
      const error = await tab.evaluate(async (key) => {
        const contactForm = Porchlight.createContactForm({ url: location.origin, key })
        const form = document.querySelector<HTMLFormElement>('#upload')!
        return contactForm.submit('contact', form).then(
          () => null,
          (e) => ({ name: e.name, code: e.code, status: e.status, message: e.message }),
        )
      }, server.key)

      expect(error).toMatchObject({
        name: 'PorchlightError',
        code: 'FILE_UPLOADS_NOT_SUPPORTED',
        status: 0,
      })
      expect(server.seen.length).toBe(before)
    })
  })

  // The stand-in alone can issue a challenge whose number is known to be the last one.
  describe('against the stand-in only', () => {
    it('keeps the page responsive while solving: timers keep firing', async () => {
      // Chromium resolves each digest without running other tasks in between; without the
      // solver's yields, not one timer would fire until the solve ended.
      const server = await startFormsServer({ pages, maxnumber: 60_000, secretNumber: 60_000 })
      const tab = await browser.newPage()
      try {
        await tab.goto(`${server.url}/`)
        const { ms, ticks, longestGap } = await tab.evaluate(async (key) => {
          const contactForm = Porchlight.createContactForm({ url: location.origin, key })
          let ticks = 0
          let last = performance.now()
          let longestGap = 0
          const timer = setInterval(() => {
            ticks++
            longestGap = Math.max(longestGap, performance.now() - last)
            last = performance.now()
          }, 1)
          const start = performance.now()
          await contactForm.prepare('contact')
          clearInterval(timer)
          const end = performance.now()
          return { ms: end - start, ticks, longestGap: Math.max(longestGap, end - last) }
        }, server.key)

        // Without yields the longest gap is nearly the whole call (all of the solve); with them
        // it is tens of milliseconds, or a few hundred on a machine busy with other work.
        expect(ticks).toBeGreaterThanOrEqual(5)
        expect(longestGap).toBeLessThan(ms * 0.75)
      } finally {
        await tab.close()
        await server.close()
      }
    }, 20_000)
  })
})

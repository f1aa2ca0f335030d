// The contact form in a real browser: a real <form> read through FormData, Web Crypto's digest,
// and the page's own fetch, against the contract stand-in on a real socket.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// The IIFE bundle's global, `Porchlight`, as a page without a bundler sees it: the package's
// own declaration (`@porchlight/sdk/global`).
import type {} from '../src/global.ts'
import { type FormsServerOptions, key, startFormsServer } from './forms-server.ts'
import { json } from './server.ts'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const root = fileURLToPath(new URL('..', import.meta.url))

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

// Runs wherever Chromium is installed (.ci/run installs it); CI must not silently skip it.
if (process.env.CI && !existsSync(executablePath))
  throw new Error(`Chromium is missing at ${executablePath}`)

describe.skipIf(!existsSync(executablePath))(`in Chromium (${executablePath})`, () => {
  let server: Awaited<ReturnType<typeof startFormsServer>>
  const options: FormsServerOptions = {}
  let browser: Browser
  let tab: Page

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: ['src/index.ts'],
      absWorkingDir: root,
      bundle: true,
      format: 'iife',
      globalName: 'Porchlight',
      write: false,
    })
    const sdk = bundle.outputFiles[0]?.text ?? ''
    // The page comes from the same origin as the API: no CORS in the way, and 127.0.0.1 is a
    // secure context, which crypto.subtle requires.
    server = await startFormsServer(options)
    options.route = (req, res) => {
      if (req.url === '/') res.writeHead(200, { 'Content-Type': 'text/html' }).end(page)
      else if (req.url === '/sdk.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(sdk)
      } else if (req.url === '/favicon.ico') json(res, 404, {})
      else return false
      return true
    }
    browser = await chromium.launch({
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    tab = await browser.newPage()
    await tab.goto(`${server.url}/`)
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('submits a <form>: checked boxes as an array, a single selection as a string', async () => {
    const result = await tab.evaluate(async (key) => {
      const contactForm = Porchlight.createContactForm({ url: location.origin, key })
      await contactForm.prepare('contact')
      return contactForm.submit('contact', document.querySelector<HTMLFormElement>('#contact')!)
    }, key)

    expect(result).toEqual({ id: 'sub_1' })
    const [submission] = server.submissions
    expect(submission?.fields).toEqual({
      email: 'ada@example.com',
      message: 'Hello from a real form',
      topics: ['ferns', 'mosses'],
      days: 'mon',
    })
    expect(submission).toMatchObject({ honeypot: '', proofOfWork: 'ok' })
    expect(submission?.timeToken).toBeDefined()
  })

  it('keeps the page responsive while solving: timers keep firing', async () => {
    // Chromium resolves each digest without running other tasks in between; without the
    // solver's yields, not one timer would fire until the solve ended.
    Object.assign(options, { maxnumber: 60_000, secretNumber: 60_000 })
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
    }, key)
    Object.assign(options, { maxnumber: undefined, secretNumber: undefined })

    // Without yields the longest gap is nearly the whole call (all of the solve); with them it
    // is tens of milliseconds, or a few hundred on a machine busy with other work.
    expect(ticks).toBeGreaterThanOrEqual(5)
    expect(longestGap).toBeLessThan(ms * 0.75)
  }, 20_000)

  it('refuses a form with a file input, even an empty one, before any request', async () => {
    const before = server.seen.length
    const error = await tab.evaluate(async (key) => {
      const contactForm = Porchlight.createContactForm({ url: location.origin, key })
      const form = document.querySelector<HTMLFormElement>('#upload')!
      return contactForm.submit('contact', form).then(
        () => null,
        (e) => ({ name: e.name, code: e.code, status: e.status, message: e.message }),
      )
    }, key)

    expect(error).toMatchObject({
      name: 'PorchlightError',
      code: 'FILE_UPLOADS_NOT_SUPPORTED',
      status: 0,
    })
    expect(server.seen.length).toBe(before)
  })
})

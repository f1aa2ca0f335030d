// The demo contact page (examples/static-site/contact.html) in Chromium, against the real Node
// server on a socket, with a real SMTP server for the owner's notification: once as a browser
// without JavaScript sees it (a plain POST and a redirect), once enhanced by the script tag.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { executablePath } from '../../../../test/support/chromium.ts'
import { rows } from '../helpers/http.ts'
import { type Harness, hasChromium, screenshots, startHarness } from './harness.ts'

// What contact.html says in place once a message is sent (its data-porchlight-success).
const sentText = 'Thank you! Your message has been sent. We will answer by email.'

describe.skipIf(!hasChromium)(`the contact page in Chromium (${executablePath})`, () => {
  // The demo site's contact form "contact" notifies owner@example.com through the SMTP server.
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  })

  afterEach(async () => {
    await h?.closePages()
  })

  afterAll(async () => {
    await h?.close()
  })

  async function fill(page: Page, fields: { email: string; message: string }) {
    await page.fill('#name', 'Ada Lovelace')
    await page.fill('#email', fields.email)
    await page.fill('#message', fields.message)
  }

  const submissions = () =>
    rows(h.server.deps.client, 'SELECT status, spam_reasons, data, email FROM submissions')

  it('works without JavaScript: a plain POST, a 303 to _next, stored, and the owner emailed', async () => {
    const page = await h.page({ javaScriptEnabled: false })
    await page.goto(h.demo('contact.html'))
    expect(await page.locator('[data-porchlight-status]').count()).toBe(0) // not enhanced
    await fill(page, { email: 'ada@example.com', message: 'Sent without JavaScript' })

    const [thanks] = await Promise.all([
      page.waitForResponse(h.demo('thanks.html')),
      page.click('button[type=submit]'),
    ])
    const post = thanks.request().redirectedFrom()
    expect(post?.method()).toBe('POST')
    expect(post?.headers()['content-type']).toBe('application/x-www-form-urlencoded')
    expect((await post?.response())?.status()).toBe(303)
    expect(await page.textContent('h1')).toBe('Thank you')

    const stored = (await submissions()).find((row) => String(row.data).includes('without'))
    expect(stored).toMatchObject({ status: 'new', spam_reasons: '[]', email: 'ada@example.com' })
    expect(JSON.parse(String(stored?.data))).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      message: 'Sent without JavaScript',
    })
    const [mail] = await h.smtp.waitForMessages(1, 15_000)
    expect(mail?.recipients).toEqual(['owner@example.com'])
    expect(mail?.headers.get('subject')).toBe('New submission: Contact on Demo site')
    expect(mail?.headers.get('reply-to')).toContain('ada@example.com')
    expect(mail?.parts.get('text/plain')).toContain('Sent without JavaScript')
  }, 60_000)

  it('with JavaScript, sends in place: proof of work solved, success announced, not spam', async () => {
    const page = await h.page()
    // The challenge is fetched and solved as soon as the form is on screen.
    const challenge = page.waitForResponse((r) => r.url().includes('/v1/forms/contact/challenge'))
    await page.goto(h.demo('contact.html'))
    const shown = Date.now()
    expect((await challenge).status()).toBe(200)
    await fill(page, { email: 'grace@example.com', message: 'Sent by the script tag' })
    // People take longer than the time trap's 3 seconds to write; so must this test.
    await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - shown)))

    const sent = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().includes('/submissions'),
    )
    await page.click('button[type=submit]')
    const request = await sent
    expect(request.headers()['content-type']).toBe('application/json')
    expect(request.postDataJSON()).toMatchObject({
      email: 'grace@example.com',
      _gotcha: '',
      _altcha: expect.any(String),
      _t: expect.any(String),
    })
    await expect
      .poll(() => page.textContent('[data-porchlight-status]'), { timeout: 20_000 })
      .toBe(sentText)
    expect(page.url()).toBe(h.demo('contact.html')) // stayed on the page
    expect(await page.inputValue('#message')).toBe('') // ready for another message

    // A JSON submission without a solved challenge would be spam (`proofOfWork: scripted`).
    const stored = (await submissions()).find((row) => String(row.data).includes('script tag'))
    expect(stored).toMatchObject({
      status: 'new',
      spam_reasons: '[]',
      email: 'grace@example.com',
    })
    const messages = await h.smtp.waitForMessages(2, 15_000)
    const mail = messages.find((m) => m.parts.get('text/plain')?.includes('Sent by the script tag'))
    expect(mail?.recipients).toEqual(['owner@example.com'])
    expect(mail?.headers.get('reply-to')).toContain('grace@example.com')
  }, 60_000)

  it("marks a bad email with the server's message and focuses it; nothing is stored", async () => {
    const page = await h.page()
    await page.goto(h.demo('contact.html'))
    const before = (await submissions()).length
    // The browser's own check lets this through; the server's does not.
    await fill(page, { email: 'ada@localhost', message: 'Hello' })
    await page.click('button[type=submit]')

    await expect
      .poll(() => page.getAttribute('#email', 'aria-invalid'), { timeout: 20_000 })
      .toBe('true')
    const describedBy = await page.getAttribute('#email', 'aria-describedby')
    expect(await page.textContent(`#${describedBy}`)).toBe('Must be an email address.')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email')
    expect(await page.textContent('[data-porchlight-status]')).toBe(
      'Please correct the marked fields.',
    )
    expect(await page.getAttribute('#message', 'aria-invalid')).toBeNull()
    expect((await submissions()).length).toBe(before)
  }, 60_000)

  it.each(['light', 'dark'] as const)(
    'keeps screenshots of the page with a refused field, in %s',
    async (colorScheme) => {
      const page = await h.page({ colorScheme, viewport: { width: 800, height: 900 } })
      await page.goto(h.demo('contact.html'))
      await fill(page, { email: 'ada@localhost', message: 'How does it look?' })
      await page.click('button[type=submit]')
      await page.waitForSelector('[data-porchlight-error]', { timeout: 20_000 })
      const path = join(screenshots, `contact-${colorScheme}.png`)
      await page.screenshot({ path, fullPage: true })
      expect(existsSync(path)).toBe(true)
      // The page follows the visitor's scheme (color-scheme: light dark).
      const text = await page.evaluate(() => getComputedStyle(document.body).color)
      expect(text).toBe(colorScheme === 'dark' ? 'rgb(255, 255, 255)' : 'rgb(0, 0, 0)')
    },
    60_000,
  )
})

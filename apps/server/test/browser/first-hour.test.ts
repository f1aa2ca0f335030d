// Issue 15, "the first hour": the rough edges a newcomer met in Chromium on the demo, each
// pinned here against the real Node server. Dev mail whose links open for real and outlive a
// restart; a page at an origin the site does not allow, said as the setup mistake it is; an
// unconfirmed member's state up front is in members-and-discussions.test.ts, beside the story
// it belongs to. Then the layout: a notice over Publish, a code line past its column, a nav
// that moved when the bell appeared, and a 404 for /favicon.ico on every page.
import type { Page, Request } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { type NodeServer, startNodeServer } from '../../src/entry/node.ts'
import { memoryLogger } from '../helpers/app.ts'
import {
  eventually,
  type Harness,
  hasChromium,
  heading,
  password,
  signIn,
  startHarness,
  status,
} from './harness.ts'

/**
 * Every response of 400 and more and every failed request the page makes, as `STATUS url`. A
 * request still in flight when the page navigates away (the bell's unread-count poll, say) is
 * cancelled by the browser with `net::ERR_ABORTED`: that is the test leaving the page, not a
 * failure, and is left out. Any other abort still counts.
 */
function failuresOf(page: Page): string[] {
  const failures: string[] = []
  // How many times the page has navigated, and how many it had when each request started.
  let navigations = 0
  const startedAt = new WeakMap<Request, number>()
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations += 1
    startedAt.set(request, navigations)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`)
  })
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText
    const leftBehind = (startedAt.get(request) ?? navigations) < navigations
    if (error === 'net::ERR_ABORTED' && leftBehind) return
    failures.push(`${error} ${request.url()}`)
  })
  return failures
}

describe.skipIf(!hasChromium)('the dev mailbox (MAIL_TRANSPORT=dev)', () => {
  let h: Harness
  let restarted: NodeServer | undefined

  beforeAll(async () => {
    h = await startHarness({ env: { MAIL_TRANSPORT: 'dev' } })
  }, 120_000)
  afterAll(async () => {
    await restarted?.close()
    await h?.close()
  })

  it('opens its links for real, links the text part, and keeps the mail across a restart', async () => {
    await h.call('POST', '/v1/auth/register', {
      email: 'ada@example.com',
      password,
      displayName: 'Ada Lovelace',
    })
    const page = await h.page()
    const failures = failuresOf(page)
    await page.goto(`${h.server.url}/dev/mail`)
    const message = page.locator('article').first()
    await message.waitFor()
    const subjects = await page.locator('article h2').allTextContents()
    expect(subjects).toHaveLength(1)

    // Issue 15: "Confirm my email" in the HTML preview loaded the page inside the preview, which
    // its `frame-ancestors 'none'` refused (a broken frame). Now it opens in a tab of its own.
    await message.locator('summary', { hasText: 'HTML' }).click()
    const preview = message.frameLocator('iframe')
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      preview.getByRole('link', { name: 'Confirm my email' }).click(),
    ])
    await tab.waitForLoadState()
    expect(tab.url()).toMatch(new RegExp(`^${h.demo('members.html')}`))
    const auth = tab.locator('porchlight-auth')
    await eventually(() => status(auth)).toBe('Your email address is confirmed.')
    expect(page.url()).toBe(`${h.server.url}/dev/mail`) // the mailbox stays where it was

    // Issue 15: the text part's addresses were plain text. Now each is a link to a new tab.
    const text = message.locator('pre').first()
    const links = text.getByRole('link')
    expect(await links.count()).toBeGreaterThan(0)
    const href = (await links.first().getAttribute('href')) ?? ''
    expect(href).toMatch(/\/demo\/members\.html\?action=verify-email&token=/)
    expect(await text.textContent()).toContain(href) // the link is the address as written
    expect(await links.first().getAttribute('target')).toBe('_blank')
    const [second] = await Promise.all([page.context().waitForEvent('page'), links.first().click()])
    await second.waitForLoadState()
    // The members page takes the one-time token out of its address: ask what was loaded.
    const loaded = await second.evaluate(() => {
      const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
      return { url: entry?.name, status: entry?.responseStatus }
    })
    expect(loaded).toEqual({ url: href, status: 200 })
    await eventually(() => heading(second.locator('porchlight-auth'))).toBeTruthy()

    // Issue 15: the mail was in memory only, and a restart emptied the mailbox.
    await h.server.close()
    restarted = await startNodeServer({
      config: { ...loadConfig(h.env), port: 0 },
      log: memoryLogger(),
    })
    await page.goto(`${restarted.url}/dev/mail`)
    expect(await page.locator('article h2').allTextContents()).toEqual(subjects)
    expect(await page.locator('article pre a').first().getAttribute('href')).toBe(href)
    // Nothing on the way failed to load (the favicon included).
    expect(failures).toEqual([])
  }, 120_000)
})

describe.skipIf(!hasChromium)('the demo in the first hour', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness()
  }, 120_000)
  afterEach(async () => {
    await h?.closePages()
  })
  afterAll(async () => {
    await h?.close()
  })

  // Issue 15: `npm start` allows http://localhost:<port>; opened at 127.0.0.1 instead, the
  // contact form said "please try again later" while sign-in named the origin and the fix.
  it('says at an origin the site does not allow that the page is not set up, in the form and sign-in alike', async () => {
    const allowed = h.server.url.replace('127.0.0.1', 'localhost')
    await h.owner('POST', '/v1/admin/origins', { origin: allowed })
    await h.owner('DELETE', `/v1/admin/origins/${encodeURIComponent(h.server.url)}`)
    try {
      const said = `This page is not set up correctly: The origin ${h.server.url} is not allowed for this site. Allow it with: npx porchlight site origins add ${h.server.url}`
      const page = await h.page()
      await page.goto(h.demo('contact.html'))
      await page.fill('#name', 'Ada Lovelace')
      await page.fill('#email', 'ada@example.com')
      await page.fill('#message', 'Hello from the wrong address')
      await page.click('button[type=submit]')
      await eventually(() => page.locator('[data-porchlight-status]').textContent()).toBe(said)

      // Signing in says the same, next to its button. (The pages' reads come from their own
      // origin here, which a browser does not name, so the discussions still show.)
      await page.goto(h.demo('members.html'))
      const auth = page.locator('porchlight-auth')
      await auth.getByLabel('Email', { exact: true }).fill('ada@example.com')
      await auth.getByLabel('Password', { exact: true }).fill(password)
      await auth.getByRole('button', { name: 'Sign in' }).click()
      await eventually(() => auth.locator('[part=note]').textContent()).toBe(said)
    } finally {
      await h.owner('POST', '/v1/admin/origins', { origin: h.server.url })
      await h.owner('DELETE', `/v1/admin/origins/${encodeURIComponent(allowed)}`)
    }
  }, 120_000)

  // Issue 15: the "1 new post" notice stuck to the bottom of the window, over Publish/Preview.
  it('never lays the new-post notice over a control', async () => {
    const ada = await h.member('Ada Notice', 'ada.notice@example.com')
    const bea = await h.member('Bea Notice', 'bea.notice@example.com')
    const { id } = await h.call<{ id: string }>(
      'POST',
      '/v1/forum/threads',
      { category: 'general', title: 'Ferns by the door', body: 'Which ones like the shade?' },
      ada.token,
    )
    // A phone's window, where the composer reaches its bottom edge.
    const page = await h.page({ viewport: { width: 390, height: 640 } })
    await signIn(h, page, ada.email)
    await page.goto(`${h.demo('discussions.html')}#thread-${id}`)
    const forum = page.locator('porchlight-forum')
    await eventually(() => heading(forum)).toBe('Ferns by the door')
    const publish = forum.getByRole('button', { name: 'Publish' })
    await forum.getByLabel('Your reply').fill('Half written')
    // The buttons at the window's bottom edge, where a notice stuck to that edge would sit.
    await publish.evaluate((button) => button.scrollIntoView({ block: 'end' }))

    await h.call('POST', `/v1/forum/threads/${id}/posts`, { body: 'Hartstongue.' }, bea.token)
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    await eventually(() => status(forum)).toBe('1 new post')

    const overlaps = await forum.evaluate((element) => {
      const root = element.shadowRoot as ShadowRoot
      const notice = (root.querySelector('[role=status]') as HTMLElement).getBoundingClientRect()
      const meets = (r: DOMRect) =>
        r.left < notice.right &&
        notice.left < r.right &&
        r.top < notice.bottom &&
        notice.top < r.bottom
      return [...root.querySelectorAll<HTMLElement>('button,input,textarea,select,a')]
        .filter((control) => meets(control.getBoundingClientRect()))
        .map((control) => control.textContent?.trim() || control.getAttribute('name'))
    })
    expect(overlaps).toEqual([])
    // The half-written reply is still there, under the notice's words.
    expect(await forum.getByLabel('Your reply').inputValue()).toBe('Half written')
  }, 120_000)

  // Issue 15: the script-tag line ran past the column on /demo/.
  it('keeps the code lines of the demo inside their column, on a phone and a desktop', async () => {
    for (const viewport of [
      { width: 390, height: 800 },
      { width: 1280, height: 800 },
    ]) {
      const page = await h.page({ viewport })
      await page.goto(h.demo('index.html'))
      const overflowing = await page.evaluate(() => {
        const column = (document.querySelector('main') as HTMLElement).getBoundingClientRect()
        return [...document.querySelectorAll<HTMLElement>('main pre, main code')]
          .filter(
            (code) =>
              code.scrollWidth > code.clientWidth + 1 ||
              code.getBoundingClientRect().right > column.right + 0.5,
          )
          .map((code) => code.textContent)
      })
      expect(overflowing, `at ${viewport.width}px`).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(viewport.width)
    }
  })

  // Issue 15: the nav grew when the bell appeared, and moved the page under it.
  it('keeps the page where it is when the bell appears', async () => {
    const member = await h.member('Cy Nav', 'cy.nav@example.com')
    const top = (page: Page) =>
      page.locator('main h1').evaluate((h1) => h1.getBoundingClientRect().top)
    const signedOut = await h.page()
    await signedOut.goto(h.demo('discussions.html'))
    await eventually(() => heading(signedOut.locator('porchlight-forum'))).toBe('General')
    const page = await h.page()
    await signIn(h, page, member.email)
    await page.goto(h.demo('discussions.html'))
    await page
      .locator('porchlight-notifications')
      .getByRole('button', { name: /^Notifications/ })
      .waitFor()
    expect(await top(page)).toBe(await top(signedOut))
  }, 120_000)

  // Issue 15: every page asked for /favicon.ico and logged a 404.
  it('loads every demo page without a failed request, signed out and signed in', async () => {
    const pages = ['index.html', 'contact.html', 'members.html', 'discussions.html', 'thanks.html']
    const member = await h.member('Dee Pages', 'dee.pages@example.com')
    const visit = async (page: Page) => {
      const failures = failuresOf(page)
      for (const name of pages) {
        await page.goto(h.demo(name), { waitUntil: 'networkidle' })
      }
      const icon = await page.goto(`${h.server.url}/favicon.ico`)
      expect(icon?.status()).toBe(200)
      expect(icon?.headers()['content-type']).toBe('image/x-icon')
      return failures
    }
    expect(await visit(await h.page())).toEqual([])
    const signedIn = await h.page()
    await signIn(h, signedIn, member.email)
    expect(await visit(signedIn)).toEqual([])
  }, 120_000)
})

// The web components in a real browser, against a stand-in API served by Playwright's router:
// what a member sees and hears in the cases the real server cannot easily be made to produce
// on cue (a slow-mode refusal, a poll landing while someone types, 150 unread notifications).
// The flows against the real server are in apps/server/test/browser.
import type { Browser, BrowserContext, Page, Route } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { executablePath, hasChromiumFor, launchChromium } from '../../../test/support/chromium.ts'
import { buildEmbed } from '../scripts/build.ts'

const origin = 'https://site.test'
const key = 'pk_test_components'

const account = {
  id: 'mem_ada',
  email: 'ada@example.com',
  emailVerified: true,
  displayName: 'Ada',
  username: 'ada',
  avatarUrl: null,
  bio: null,
  role: 'member',
  status: 'active',
  suspendedUntil: null,
  createdAt: 0,
}
const author = { id: 'mem_bea', displayName: 'Bea', username: 'bea', avatarUrl: null }
const thread = {
  id: 'thr_one',
  categoryId: 'cat_general',
  title: 'Ferns',
  author,
  pinned: false,
  locked: false,
  hidden: false,
  slowModeSeconds: 30,
  postCount: 1,
  lastActivityAt: 0,
  createdAt: 0,
}
const post = (n: number, html: string) => ({
  id: `pst_${n}`,
  threadId: thread.id,
  number: n,
  author,
  replyToId: null,
  quoteOfId: null,
  html,
  hidden: false,
  deleted: false,
  edited: false,
  editedAt: null,
  likeCount: 0,
  liked: false,
  createdAt: 0,
})
const category = {
  id: 'cat_general',
  slug: 'general',
  name: 'General',
  description: '',
  position: 0,
  readAccess: 'everyone',
  threadAccess: 'members',
}

type Answer = { status?: number; body?: unknown; headers?: Record<string, string> }
type Handler = (route: Route) => Answer

describe.skipIf(!hasChromiumFor('the browser tests'))(
  `the components in Chromium (${executablePath})`,
  () => {
    let bundle: string
    let browser: Browser
    let context: BrowserContext
    let page: Page
    /** The stand-in API: `METHOD /path` → answer. */
    let api: Map<string, Handler>
    let requests: string[]

    beforeAll(async () => {
      bundle = (await buildEmbed({ write: false })).code
      browser = await launchChromium()
    })
    afterAll(async () => {
      await browser?.close()
    })
    beforeEach(async () => {
      requests = []
      api = new Map<string, Handler>([
        ['GET /v1/auth/session', () => ({ body: { account, session: { id: 'ses_1' } } })],
        ['GET /v1/forum/categories', () => ({ body: { items: [category], nextCursor: null } })],
        [
          'GET /v1/forum/categories/general/threads',
          () => ({ body: { items: [thread], nextCursor: null } }),
        ],
        ['GET /v1/forum/threads/thr_one', () => ({ body: { ...thread, category } })],
        ['GET /v1/forum/threads/thr_one/watch', () => ({ body: { level: 'watching' } })],
        [
          'GET /v1/forum/threads/thr_one/posts',
          () => ({ body: { items: [post(1, '<p>Hello</p>')], nextCursor: 'c1', hasMore: false } }),
        ],
        ['GET /v1/notifications/unread-count', () => ({ body: { count: 0 } })],
      ])
      context = await browser.newContext()
      page = await context.newPage()
    })
    afterEach(async () => {
      await context?.close()
    })

    /** Opens a page with `body` and the script tag; `signedIn` puts Ada's session in storage. */
    async function open(body: string, { signedIn = true, head = '', hash = '' } = {}) {
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}<script src="${origin}/embed.js" data-key="${key}" defer></script></body></html>`
      if (signedIn) {
        await context.addInitScript(
          ([name, value]) => localStorage.setItem(name as string, value as string),
          [`porchlight:${key}:session`, JSON.stringify({ account, token: 'ses_1.secret' })],
        )
      }
      await context.route(`${origin}/**`, (route) => {
        const request = route.request()
        const { pathname } = new URL(request.url())
        if (pathname === '/embed.js') {
          return route.fulfill({ contentType: 'text/javascript', body: bundle })
        }
        if (pathname === '/page.html')
          return route.fulfill({ contentType: 'text/html', body: html })
        const name = `${request.method()} ${pathname}`
        requests.push(name)
        const answer = api.get(name)?.(route) ?? {
          status: 404,
          body: { error: { code: 'NOT_FOUND', message: `No stand-in for ${name}` } },
        }
        return route.fulfill({
          status: answer.status ?? 200,
          headers: answer.headers ?? {},
          json: answer.body,
        })
      })
      await page.goto(`${origin}/page.html${hash}`)
    }

    /** What has the focus, read through shadow roots: its tag and text. */
    const focused = () =>
      page.evaluate(() => {
        let active = document.activeElement
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
        return `${active?.tagName.toLowerCase()}: ${active?.textContent?.trim()}`
      })

    const inShadow = (selector: string) =>
      page.locator(selector).evaluate((element) => element.shadowRoot?.innerHTML ?? '')

    it('shows names and titles as text, whatever they contain', async () => {
      const hostile = '<img src=x onerror="window.ran=1">'
      api.set('GET /v1/forum/categories/general/threads', () => ({
        body: {
          items: [{ ...thread, title: hostile, author: { ...author, displayName: hostile } }],
          nextCursor: null,
        },
      }))
      await open('<porchlight-forum category="general"></porchlight-forum>')
      const forum = page.locator('porchlight-forum')
      await expect.poll(() => forum.getByRole('link').textContent()).toBe(hostile)
      expect(await forum.locator('img').count()).toBe(0)
      expect(await inShadow('porchlight-forum')).toContain(
        '&lt;img src=x onerror="window.ran=1"&gt;',
      )
      expect(await page.evaluate(() => 'ran' in window)).toBe(false)
    })

    it("says the server's refusals in words: slow mode with its wait, others as the server put them", async () => {
      let replies = 0
      api.set('POST /v1/forum/threads/thr_one/posts', () =>
        ++replies === 1
          ? {
              status: 429,
              headers: { 'Retry-After': '30' },
              body: { error: { code: 'SLOW_MODE', message: 'Slow mode.' } },
            }
          : { status: 409, body: { error: { code: 'SOMETHING_NEW', message: 'Not this time.' } } },
      )
      await open('<porchlight-forum category="general"></porchlight-forum>', {
        hash: '#thread-thr_one',
      })
      const forum = page.locator('porchlight-forum')
      await forum.getByLabel('Your reply').fill('Me too')
      await forum.getByRole('button', { name: 'Publish' }).click()
      const status = forum.getByRole('status')
      await expect
        .poll(() => status.textContent())
        .toBe('Slow mode is on in this thread: you can post again in 30 seconds.')
      expect(await status.getAttribute('data-state')).toBe('error')
      expect(await status.getAttribute('aria-live')).toBe('polite')
      // Nothing typed is lost.
      expect(await forum.getByLabel('Your reply').inputValue()).toBe('Me too')
      await forum.getByRole('button', { name: 'Publish' }).click()
      await expect.poll(() => status.textContent()).toBe('Not this time.')
    })

    it('keeps the focus and the caret where the member types when a poll brings new posts', async () => {
      await open('<porchlight-forum category="general" poll="1"></porchlight-forum>', {
        hash: '#thread-thr_one',
      })
      const forum = page.locator('porchlight-forum')
      const reply = forum.getByLabel('Your reply')
      await reply.fill('Half a sentence')
      await reply.press('ArrowLeft')
      api.set('GET /v1/forum/threads/thr_one/posts', () => ({
        body: {
          items: [post(1, '<p>Hello</p>'), post(2, '<p>A new one</p>')],
          nextCursor: 'c2',
          hasMore: false,
        },
      }))
      await expect.poll(() => forum.locator('article').count(), { timeout: 5_000 }).toBe(2)
      expect(await forum.getByRole('status').textContent()).toBe('1 new post')
      expect(await reply.inputValue()).toBe('Half a sentence')
      const caret = await forum.evaluate((element) => {
        const active = element.shadowRoot?.activeElement as HTMLTextAreaElement | null
        return [active?.id, active?.selectionStart]
      })
      expect(caret).toEqual(['body', 'Half a sentence'.length - 1])
      await page.keyboard.type('!')
      expect(await reply.inputValue()).toBe('Half a sentenc!e')
    })

    it('takes its words from the strings, and re-renders when they change', async () => {
      await open('<porchlight-auth></porchlight-auth>', {
        signedIn: false,
        head: `<script>window.PorchlightEmbedStrings = { authSignIn: 'Connexion' }</script>`,
      })
      const auth = page.locator('porchlight-auth')
      await expect.poll(() => auth.getByRole('heading').textContent()).toBe('Connexion')
      await page.evaluate(() =>
        (window as unknown as Embed).Porchlight.setStrings({
          authEmail: 'Courriel',
          authForgot: 'Mot de passe oublié ?',
        }),
      )
      expect(await auth.getByLabel('Courriel').count()).toBe(1)
      expect(await auth.getByRole('button', { name: 'Mot de passe oublié ?' }).count()).toBe(1)
    })

    it('shows the bell only when signed in, caps the count, and links as its href says', async () => {
      api.set('GET /v1/notifications/unread-count', () => ({ body: { count: 150 } }))
      api.set('GET /v1/notifications', () => ({
        body: {
          items: [
            {
              id: 'ntf_1',
              kind: 'mention',
              threadId: 'thr_one',
              threadTitle: 'Ferns & <friends>',
              postId: 'pst_2',
              postNumber: 2,
              actor: { id: 'mem_bea', displayName: 'Bea', username: 'bea' },
              data: null,
              read: false,
              createdAt: 0,
            },
          ],
          nextCursor: null,
        },
      }))
      await open(
        '<porchlight-notifications href="/forum.html#thread-{thread}/{number}"></porchlight-notifications>',
      )
      const notifications = page.locator('porchlight-notifications')
      const bell = notifications.getByRole('button', { name: 'Notifications, 150 unread' })
      await bell.waitFor()
      expect(await notifications.locator('[part=badge]').textContent()).toBe('99+')
      await bell.click()
      const link = notifications.getByRole('link', {
        name: 'Bea mentioned you in Ferns & <friends>',
      })
      expect(await link.getAttribute('href')).toBe('/forum.html#thread-thr_one/2')
      // A click elsewhere closes it.
      await page.mouse.click(5, 300)
      expect(await bell.getAttribute('aria-expanded')).toBe('false')

      // Signed out (in another tab, say): nothing shows.
      await page.evaluate(() => (window as unknown as Embed).Porchlight.client.session.save(null))
      await expect.poll(() => inShadow('porchlight-notifications')).not.toContain('button')
    })

    it('works from the keyboard, and takes the focus where the visitor went', async () => {
      await open('<porchlight-forum category="general"></porchlight-forum>')
      const forum = page.locator('porchlight-forum')
      await forum.getByRole('link', { name: 'Ferns' }).waitFor()
      await page.keyboard.press('Tab')
      expect(await focused()).toBe('button: Start a thread')
      await page.keyboard.press('Enter')
      expect(await focused()).toBe('input: ') // the title
      // Title, message, Publish, Preview, Cancel, then the first thread.
      for (let i = 0; i < 5; i++) await page.keyboard.press('Tab')
      expect(await focused()).toBe('a: Ferns')
      await page.keyboard.press('Enter')
      await expect.poll(focused).toBe('h2: Ferns')
      expect(page.url()).toBe(`${origin}/page.html#thread-thr_one`)
      // Flag opens its form on the first reason; Cancel gives the focus back to Flag.
      await forum.getByRole('button', { name: 'Flag' }).focus()
      await page.keyboard.press('Enter')
      expect(await focused()).toBe('input: ')
      expect(await forum.getByRole('radio', { name: 'Spam' }).isChecked()).toBe(true)
      await forum.getByRole('button', { name: 'Cancel' }).focus()
      await page.keyboard.press('Enter')
      expect(await focused()).toBe('button: Flag')
      expect(await forum.getByRole('button', { name: 'Flag' }).getAttribute('aria-expanded')).toBe(
        'false',
      )
      // Back in history: the list, with the focus on its heading.
      await page.goBack()
      await expect.poll(focused).toBe('h2: General')
    })

    it('asks guests to sign in, linking where the page says', async () => {
      await open(
        '<porchlight-forum category="general" signin-href="/members.html"></porchlight-forum>',
        {
          signedIn: false,
        },
      )
      const forum = page.locator('porchlight-forum')
      const link = forum.getByRole('link', { name: 'Sign in to take part.' })
      await link.waitFor()
      expect(await link.getAttribute('href')).toBe('/members.html')
      expect(await forum.getByRole('button', { name: 'Start a thread' }).count()).toBe(0)
      // Guests never ask for a session or notifications.
      expect(requests).not.toContain('GET /v1/auth/session')
    })
  },
)

/** The page's global, as the tests read it. */
type Embed = { Porchlight: import('../src/global.ts').PorchlightEmbed }

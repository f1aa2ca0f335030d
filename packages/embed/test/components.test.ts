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
  role: 'member' as const,
  status: 'active' as const,
  suspendedUntil: null,
  createdAt: 0,
  hasPassword: true,
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
    async function open(
      body: string,
      { signedIn = true, head = '', hash = '', account: stored = account } = {},
    ) {
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}<script src="${origin}/embed.js" data-key="${key}" defer></script></body></html>`
      if (signedIn) {
        await context.addInitScript(
          ([name, value]) => localStorage.setItem(name as string, value as string),
          [`porchlight:${key}:session`, JSON.stringify({ account: stored, token: 'ses_1.secret' })],
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

    // Issue 15: a refused Publish was said below the thread list, far from the button.
    it('says each refusal next to the action that met it, and clears it with the next action', async () => {
      api.set('POST /v1/forum/threads/thr_one/posts', () => ({
        status: 429,
        headers: { 'Retry-After': '30' },
        body: { error: { code: 'SLOW_MODE', message: 'Slow mode.' } },
      }))
      api.set('PUT /v1/forum/posts/pst_1/like', () => ({
        status: 403,
        body: { error: { code: 'POST_HIDDEN', message: 'This post is hidden.' } },
      }))
      api.set('POST /v1/forum/preview', () => ({ body: { html: '<p>Me too</p>' } }))
      await open('<porchlight-forum category="general"></porchlight-forum>', {
        hash: '#thread-thr_one',
      })
      const forum = page.locator('porchlight-forum')
      await forum.getByLabel('Your reply').fill('Me too')
      const publish = forum.getByRole('button', { name: 'Publish' })
      await publish.click()
      const note = forum.locator('[part=note]')
      const slow = 'Slow mode is on in this thread: you can post again in 30 seconds.'
      await expect.poll(() => note.textContent()).toBe(slow)
      // In the reply form, right under its buttons, and read with the button that acted.
      expect(await note.evaluate((p) => p.parentElement?.getAttribute('part'))).toBe('composer')
      expect(
        await note.evaluate((p) =>
          p.previousElementSibling?.contains(p.parentElement?.querySelector('button') ?? null),
        ),
      ).toBe(true)
      expect(await publish.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'))
      const [button, message] = [await publish.boundingBox(), await note.boundingBox()]
      expect(message && button && message.y - (button.y + button.height)).toBeLessThan(40)
      // Announced once, by the status line, which shows nothing of its own meanwhile.
      const status = forum.getByRole('status')
      expect(await status.textContent()).toBe(slow)
      expect((await status.boundingBox())?.height).toBeLessThanOrEqual(1)

      // Another action's refusal goes next to that action instead: under the post's buttons.
      await forum.getByRole('button', { name: 'Like' }).click()
      await expect.poll(() => note.textContent()).toBe('This post is hidden.')
      expect(await note.count()).toBe(1)
      expect(await note.evaluate((p) => p.previousElementSibling?.getAttribute('part'))).toBe(
        'actions',
      )
      // An action that succeeds clears it, and the old message does not come back below.
      await forum.getByRole('button', { name: 'Preview' }).click()
      await forum.locator('[part=preview]').waitFor()
      expect(await note.count()).toBe(0)
      // Empty, the status line is not shown at all (and not found by its role).
      expect(await forum.locator('[role=status]').textContent()).toBe('')
    })

    // Issue 15: an unconfirmed member got the composer, and a 403 only once they pressed Publish.
    it('shows a member with an address to confirm why they cannot post, with a working resend', async () => {
      const unconfirmed = { ...account, emailVerified: false }
      api.set('GET /v1/auth/session', () => ({
        body: { account: unconfirmed, session: { id: 'ses_1' } },
      }))
      api.set('POST /v1/forum/preview', () => ({
        status: 403,
        body: {
          error: {
            code: 'EMAIL_NOT_VERIFIED',
            message: 'Confirm your email address before posting.',
          },
        },
      }))
      let resent = 0
      api.set('POST /v1/auth/verify-email/resend', () => {
        resent++
        return { body: { status: 'sent' } }
      })
      await open('<porchlight-forum category="general"></porchlight-forum>', {
        account: unconfirmed,
      })
      const forum = page.locator('porchlight-forum')
      const refused = forum.locator('[part=refused]')
      await expect
        .poll(() => refused.textContent())
        .toContain('Confirm your email address to take part: open the link we sent you.')
      expect(await forum.getByRole('button', { name: 'Start a thread' }).count()).toBe(0)
      const resend = forum.getByRole('button', { name: 'Send the link again' })
      await resend.click()
      await expect
        .poll(() => forum.locator('[part=note]').textContent())
        .toBe('We sent you a new link.')
      expect(resent).toBe(1)
      // In a thread: no reply form, no like or flag; the likes are counted still.
      await page.evaluate(() => {
        location.hash = '#thread-thr_one'
      })
      await forum.locator('article').waitFor()
      expect(await forum.locator('[part=composer]').count()).toBe(0)
      expect(await forum.getByRole('button', { name: /^(Like|Reply|Flag)$/ }).count()).toBe(0)
      expect(await refused.count()).toBe(1)

      // Confirmed in another tab: the composer is back.
      await page.evaluate(
        (account) =>
          (window as unknown as Embed).Porchlight.client.session.save({
            account,
            token: 'ses_1.secret',
          }),
        { ...unconfirmed, emailVerified: true },
      )
      await forum.locator('[part=composer]').waitFor()
      expect(await refused.count()).toBe(0)
    })

    it('gives an unconfirmed member the composer where the site lets them post', async () => {
      const unconfirmed = { ...account, emailVerified: false }
      api.set('GET /v1/auth/session', () => ({
        body: { account: unconfirmed, session: { id: 'ses_1' } },
      }))
      api.set('POST /v1/forum/preview', () => ({ body: { html: '<p>.</p>' } }))
      await open('<porchlight-forum category="general"></porchlight-forum>', {
        account: unconfirmed,
      })
      const forum = page.locator('porchlight-forum')
      await forum.getByRole('button', { name: 'Start a thread' }).waitFor()
      expect(await forum.locator('[part=refused]').count()).toBe(0)
      expect(requests.filter((r) => r === 'POST /v1/forum/preview')).toHaveLength(1)
    })

    // Issue 15: at an origin the site does not allow, the contact form said "try again later"
    // while sign-in named the origin; every component says a setup mistake as one.
    it('says a mistake in the page setup as one, naming the fix, in every component', async () => {
      const message = `The origin ${origin} is not allowed for this site. Allow it with: npx porchlight site origins add ${origin}`
      const refusal = () => ({
        status: 403,
        body: { error: { code: 'ORIGIN_NOT_ALLOWED', message } },
      })
      for (const name of [
        'GET /v1/forum/categories',
        'GET /v1/forum/categories/general/threads',
        'GET /v1/notifications',
      ]) {
        api.set(name, refusal)
      }
      api.set('GET /v1/notifications/unread-count', () => ({ body: { count: 1 } }))
      await open(
        '<porchlight-notifications></porchlight-notifications><porchlight-forum category="general"></porchlight-forum><porchlight-auth></porchlight-auth>',
      )
      const said = `This page is not set up correctly: ${message}`
      const forum = page.locator('porchlight-forum')
      await expect.poll(() => forum.getByRole('status').textContent()).toBe(said)
      const bell = page
        .locator('porchlight-notifications')
        .getByRole('button', { name: /^Notifications/ })
      await bell.click()
      await expect
        .poll(() => page.locator('porchlight-notifications').locator('[part=note]').textContent())
        .toBe(said)
      // Signed out, then signing in again from this page.
      api.set('POST /v1/auth/logout', () => ({ status: 204 }))
      api.set('POST /v1/auth/login', refusal)
      const auth = page.locator('porchlight-auth')
      await auth.getByRole('button', { name: 'Sign out' }).click()
      await auth.getByLabel('Email').fill('ada@example.com')
      await auth.getByLabel('Password').fill('correct horse battery staple')
      await auth.getByRole('button', { name: 'Sign in' }).click()
      await expect.poll(() => auth.locator('[part=note]').textContent()).toBe(said)
    })

    // Issue 15: the demo's nav moved down when the bell appeared on signing in.
    it('takes the same room signed out as the bell signed in', async () => {
      const nav =
        '<nav style="display:flex;align-items:center;gap:1rem"><a href="#">Home</a><porchlight-notifications></porchlight-notifications></nav><p id="after">Below</p>'
      await open(nav, { signedIn: false })
      const notifications = page.locator('porchlight-notifications')
      await page.waitForFunction(() => customElements.get('porchlight-notifications'))
      const signedOut = [
        await notifications.boundingBox(),
        await page.locator('#after').boundingBox(),
      ]
      await page.evaluate(
        (account) =>
          (window as unknown as Embed).Porchlight.client.session.save({
            account,
            token: 'ses_1.secret',
          }),
        account,
      )
      await notifications.getByRole('button', { name: /^Notifications/ }).waitFor()
      const signedIn = [
        await notifications.boundingBox(),
        await page.locator('#after').boundingBox(),
      ]
      expect(signedIn).toEqual(signedOut)
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

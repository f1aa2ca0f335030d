// Screenshots of every widget on the demo pages, light and dark, kept as test artifacts in
// apps/server/test-results/screenshots/ (git-ignored) for people to look at. The assertions are
// the things a screenshot cannot be trusted to show: the scheme each element really uses, and
// that `theme` overrides the visitor's.
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  eventually,
  type Harness,
  hasChromium,
  heading,
  type Member,
  screenshots,
  signIn,
  startHarness,
} from './harness.ts'

const body = `Shade-loving ferns for a north wall:

- **Hart's-tongue** (_Asplenium scolopendrium_)
- Soft shield fern

> They want moist soil more than anything.

Water with \`rainwater\` if you can; see [the RHS guide](https://www.rhs.org.uk/).`

/** The background an element's shadow root paints, as `rgb(…)`. */
const background = (element: Locator) =>
  element.evaluate((host) => {
    const root = host.shadowRoot?.querySelector('.root') as HTMLElement
    return getComputedStyle(root).backgroundColor
  })

/** Dark enough to be a dark scheme's canvas: every channel below 80. */
const isDark = (rgb: string) => (rgb.match(/\d+/g) ?? []).slice(0, 3).every((c) => Number(c) < 80)

describe.skipIf(!hasChromium)('screenshots of the widgets, light and dark', () => {
  let h: Harness
  let ada: Member
  let threadId: string

  beforeAll(async () => {
    h = await startHarness()
    ada = await h.member('Ada Lovelace', 'ada@example.com')
    const bea = await h.member('Bea Beekeeper', 'bea@example.com')
    const thread = await h.call<{ id: string; postId: string }>(
      'POST',
      '/v1/forum/threads',
      { category: 'general', title: 'Ferns for a shady wall', body },
      ada.token,
    )
    threadId = thread.id
    await h.call(
      'POST',
      '/v1/forum/threads',
      {
        category: 'general',
        title: 'Welcome! Introduce yourself',
        body: 'Say hello.',
      },
      bea.token,
    )
    await h.call('PUT', `/v1/forum/posts/${thread.postId}/like`, undefined, bea.token)
    await h.call(
      'POST',
      `/v1/forum/threads/${threadId}/posts`,
      { body: "Hart's-tongue does well on my north wall. @nobody" },
      bea.token,
    )
  }, 180_000)
  afterEach(async () => {
    await h?.closePages()
  })
  afterAll(async () => {
    await h?.close()
  })

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true })
  }

  it.each(['light', 'dark'] as const)(
    'keeps screenshots of each widget in %s',
    async (colorScheme) => {
      const page = await h.page({ colorScheme, viewport: { width: 800, height: 900 } })

      await page.goto(h.demo('contact.html'))
      await page.locator('form').waitFor()
      await shoot(page, `widget-contact-${colorScheme}`)

      await page.goto(h.demo('members.html'))
      const auth = page.locator('porchlight-auth')
      await eventually(() => heading(auth)).toBe('Sign in')
      expect(isDark(await background(auth))).toBe(colorScheme === 'dark')
      await shoot(page, `widget-auth-${colorScheme}`)
      await auth.getByRole('button', { name: 'Create an account' }).click()
      await shoot(page, `widget-auth-register-${colorScheme}`)

      await signIn(h, page, ada.email)
      await shoot(page, `widget-auth-signed-in-${colorScheme}`)

      await page.goto(h.demo('discussions.html'))
      const forum = page.locator('porchlight-forum')
      await eventually(() => forum.getByRole('link').count()).toBe(2)
      await forum.getByRole('button', { name: 'Start a thread' }).click()
      await shoot(page, `widget-forum-list-${colorScheme}`)

      await page.goto(`${h.demo('discussions.html')}#thread-${threadId}`)
      await eventually(() => forum.locator('article').count()).toBe(2)
      await forum.getByLabel('Your reply').fill('Thank you! **Very** helpful.')
      await forum.getByRole('button', { name: 'Preview' }).click()
      await forum.locator('[part=preview] strong').waitFor()
      await forum.locator('article').nth(1).getByRole('button', { name: 'Flag' }).click()
      await shoot(page, `widget-forum-thread-${colorScheme}`)

      const notifications = page.locator('porchlight-notifications')
      const bell = notifications.getByRole('button', { name: /^Notifications/ })
      await eventually(() => bell.getAttribute('aria-label')).toBe('Notifications, 2 unread')
      await bell.click()
      await notifications.getByRole('link').first().waitFor()
      await shoot(page, `widget-notifications-${colorScheme}`)
    },
    120_000,
  )

  it('follows the theme attribute over the visitor’s setting', async () => {
    const page = await h.page({ colorScheme: 'light' })
    await page.goto(h.demo('discussions.html'))
    const forum = page.locator('porchlight-forum')
    await eventually(() => heading(forum)).toBe('General')
    expect(isDark(await background(forum))).toBe(false)
    await forum.evaluate((element) => element.setAttribute('theme', 'dark'))
    expect(isDark(await background(forum))).toBe(true)
    await shoot(page, 'widget-forum-list-theme-dark-on-light')
    // Custom properties reach into the shadow root.
    await forum.evaluate((element) =>
      (element as HTMLElement).style.setProperty('--porchlight-bg', 'rgb(1, 2, 3)'),
    )
    expect(await background(forum)).toBe('rgb(1, 2, 3)')
  }, 60_000)
})

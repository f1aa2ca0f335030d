// The demo's main flows with the keyboard alone, in Chromium against the real server: every
// control on the way is reached with Tab, in reading order, and shows where the focus is; Enter
// and Space work them. Sending the contact form, signing in, starting a thread with a preview,
// and reading notifications.
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  eventually,
  type Harness,
  hasChromium,
  heading,
  type Member,
  password,
  startHarness,
} from './harness.ts'

type Stop = { name: string; ring: boolean }

/**
 * What has the focus, through shadow roots: its name as a person reads it (its label, its
 * `aria-label` or its text), and whether it shows a focus ring (`:focus-visible` with an outline).
 */
const focused = (page: Page): Promise<Stop | null> =>
  page.evaluate(() => {
    let element = document.activeElement
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
    if (!element || element === document.body) return null
    const label = (element as HTMLInputElement).labels?.[0]
    const name =
      element.getAttribute('aria-label') ??
      label?.firstChild?.textContent ??
      element.textContent ??
      ''
    const style = getComputedStyle(element)
    const ring =
      element.matches(':focus-visible') &&
      style.outlineStyle !== 'none' &&
      Number.parseFloat(style.outlineWidth) >= 2
    return { name: name.trim(), ring }
  })

/** Presses Tab until `name` has the focus; the stops on the way, each of which must show it. */
async function tabTo(page: Page, name: string, key = 'Tab'): Promise<string[]> {
  const stops: string[] = []
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press(key)
    const stop = await focused(page)
    if (!stop) continue
    expect(stop.ring, `no visible focus on "${stop.name}"`).toBe(true)
    stops.push(stop.name)
    if (stop.name === name) return stops
  }
  throw new Error(`"${name}" was never reached with ${key}; the focus went to: ${stops.join(', ')}`)
}

describe.skipIf(!hasChromium)('the demo with the keyboard alone', () => {
  let h: Harness
  let ada: Member

  beforeAll(async () => {
    h = await startHarness()
    ada = await h.member('Ada Lovelace', 'ada@example.com')
  }, 120_000)
  afterEach(async () => {
    await h?.closePages()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('sends the contact form: the fields in order, the honeypot skipped, Enter sends', async () => {
    const page = await h.page()
    await page.goto(h.demo('contact.html'))
    expect(await tabTo(page, 'Name')).toEqual(['Home', 'Contact', 'Members', 'Discussions', 'Name'])
    await page.keyboard.type('Ada Lovelace')
    expect(await tabTo(page, 'Email')).toEqual(['Email'])
    await page.keyboard.type('ada@localhost') // the browser takes it; the server does not
    expect(await tabTo(page, 'Message')).toEqual(['Message'])
    await page.keyboard.type('Hello from the keyboard')
    expect(await tabTo(page, 'Send')).toEqual(['Send'])
    await page.keyboard.press('Enter')
    // The refused field takes the focus back, showing it.
    await eventually(() => focused(page)).toEqual({ name: 'Email', ring: true })
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('ada@example.com')
    await tabTo(page, 'Send')
    await page.keyboard.press('Space')
    await eventually(() => page.getAttribute('[data-porchlight-status]', 'data-state')).toBe('sent')
  }, 60_000)

  it('signs in, starts a thread with a preview, and reads the notifications', async () => {
    const page = await h.page()
    await page.goto(h.demo('members.html'))
    const auth = page.locator('porchlight-auth')
    await eventually(() => heading(auth)).toBe('Sign in')
    expect(await tabTo(page, 'Email')).toEqual([
      'Home',
      'Contact',
      'Members',
      'Discussions',
      'discussions', // the link in the page's text
      'Email',
    ])
    await page.keyboard.type(ada.email)
    await tabTo(page, 'Password')
    await page.keyboard.type(password)
    await page.keyboard.press('Enter')
    await eventually(() => heading(auth)).toBe('Signed in as Ada Lovelace')
    expect(await tabTo(page, 'Sign out')).toContain('Sign out')

    await page.goto(h.demo('discussions.html'))
    const forum = page.locator('porchlight-forum')
    await eventually(() => heading(forum)).toBe('General')
    await tabTo(page, 'Start a thread')
    await page.keyboard.press('Enter')
    expect(await focused(page)).toEqual({ name: 'Title', ring: true })
    await page.keyboard.type('Typed, not clicked')
    await tabTo(page, 'Message')
    await page.keyboard.type('Every **key** counts')
    expect(await tabTo(page, 'Preview')).toEqual(['Publish', 'Preview'])
    await page.keyboard.press('Space')
    await eventually(() => forum.locator('[part=preview] strong').textContent()).toBe('key')
    await tabTo(page, 'Publish', 'Shift+Tab')
    await page.keyboard.press('Enter')
    await eventually(() => heading(forum)).toBe('Typed, not clicked')
    // The new view's heading has the focus, for a screen reader to start from.
    expect((await focused(page))?.name).toBe('Typed, not clicked')

    // Bea's reply notifies Ada: the bell opens with Enter, and Escape gives the focus back.
    const bea = await h.member('Bea Beekeeper', 'bea@example.com')
    const threadId = new URL(page.url()).hash.replace('#thread-', '')
    await h.call('POST', `/v1/forum/threads/${threadId}/posts`, { body: 'Welcome!' }, bea.token)
    await page.goto(h.demo(''))
    const notifications = page.locator('porchlight-notifications')
    const bell = notifications.getByRole('button', { name: /^Notifications/ })
    await eventually(() => bell.getAttribute('aria-label')).toBe('Notifications, 1 unread')
    await tabTo(page, 'Notifications, 1 unread')
    await page.keyboard.press('Enter')
    await notifications.getByRole('link').first().waitFor()
    expect(await bell.getAttribute('aria-expanded')).toBe('true')
    await tabTo(page, 'Bea Beekeeper replied in Typed, not clicked')
    await page.keyboard.press('Escape')
    expect(await bell.getAttribute('aria-expanded')).toBe('false')
    expect(await focused(page)).toEqual({ name: 'Notifications, 1 unread', ring: true })
  }, 120_000)
})

// The demo site (examples/static-site at /demo/) passes axe-core (WCAG 2.x A and AA, and best
// practices) with no serious or critical violation, in light and dark, at 390 px and at a
// desktop's width, in every state a visitor, a member and a moderator bring it to: the
// components are audited inside their (open) shadow roots. Moderate findings are printed.
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAudit } from '../../../../test/support/axe.ts'
import {
  eventually,
  type Harness,
  hasChromium,
  heading,
  type Member,
  password,
  shadowText,
  signIn,
  startHarness,
  status,
} from './harness.ts'

describe.skipIf(!hasChromium)('accessibility of the demo site and its components', () => {
  let h: Harness
  let ada: Member
  const audit = createAudit()
  const failures: string[] = []
  const check = async (page: Page, state: string) => {
    failures.push(...(await audit.check(page, state)))
  }

  beforeAll(async () => {
    h = await startHarness()
    ada = await h.member('Ada Lovelace', 'ada@example.com')
  }, 120_000)
  beforeEach(() => {
    failures.length = 0
  })
  afterEach(async () => {
    await h?.closePages()
  })
  afterAll(async () => {
    const notes = audit.notes()
    if (notes.length)
      console.info(
        `Findings that do not fail (moderate, minor, needs review):\n${notes.join('\n')}`,
      )
    await h?.close()
  })

  it('every page signed out, and the forum empty, loading and unreachable', async () => {
    const page = await h.page()
    for (const file of ['', 'contact.html', 'members.html', 'thanks.html']) {
      await page.goto(h.demo(file))
      // As the script tag leaves them: the form enhanced, the element drawn.
      if (file === 'contact.html') {
        await page.locator('[data-porchlight-status]').waitFor({ state: 'attached' })
      }
      if (file === 'members.html') {
        await eventually(() => heading(page.locator('porchlight-auth'))).toBe('Sign in')
      }
      await check(page, `/demo/${file}`)
    }

    const forum = page.locator('porchlight-forum')
    // Loading: the first answer held back until the page is audited.
    let answer = () => {}
    const held = new Promise<void>((resolve) => {
      answer = resolve
    })
    await page.route('**/v1/forum/**', async (route) => {
      await held
      await route.continue()
    })
    await page.goto(h.demo('discussions.html'))
    await eventually(() => forum.locator('.muted').textContent()).toBe('Loading…')
    await check(page, 'discussions, loading')
    answer()
    await eventually(() => shadowText(page, 'porchlight-forum')).toContain('No threads yet')
    await check(page, 'discussions, empty')

    await page.unroute('**/v1/forum/**')
    await page.route('**/v1/forum/**', (route) => route.abort())
    await page.reload()
    await eventually(() => status(forum)).not.toBe('')
    expect(await forum.getByRole('status').getAttribute('data-state')).toBe('error')
    await check(page, 'discussions, unreachable')
    expect(failures).toEqual([])
  }, 120_000)

  it('the contact form refusing a field, and sent', async () => {
    const page = await h.page()
    await page.goto(h.demo('contact.html'))
    await page.fill('#name', 'Ada Lovelace')
    await page.fill('#email', 'ada@localhost') // the browser takes it; the server does not
    await page.fill('#message', 'Hello')
    await page.click('button[type=submit]')
    await eventually(() => page.getAttribute('#email', 'aria-invalid')).toBe('true')
    await check(page, 'contact, a field refused')
    await page.fill('#email', 'ada@example.com')
    await page.click('button[type=submit]')
    await eventually(() => page.getAttribute('[data-porchlight-status]', 'data-state')).toBe('sent')
    await check(page, 'contact, sent')
    expect(failures).toEqual([])
  }, 60_000)

  it('the sign-in forms: refused, registering, resetting, and signed in unconfirmed', async () => {
    const page = await h.page()
    await page.goto(h.demo('members.html'))
    const auth = page.locator('porchlight-auth')
    await auth.getByLabel('Email', { exact: true }).fill(ada.email)
    await auth.getByLabel('Password', { exact: true }).fill('not the password at all')
    await auth.getByRole('button', { name: 'Sign in' }).click()
    await eventually(() => status(auth)).toBe('That email and password do not match an account.')
    await check(page, 'members, sign-in refused')

    await auth.getByRole('button', { name: 'Create an account' }).click()
    await auth.getByLabel('Name', { exact: true }).fill('Dee')
    await auth.getByLabel('Email', { exact: true }).fill('dee@example.com')
    await auth.getByLabel('Password', { exact: true }).fill('short')
    await auth.getByRole('button', { name: 'Create an account' }).click()
    await eventually(() =>
      auth.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'),
    ).toBe('true')
    await check(page, 'members, registration with a field refused')

    await auth.getByRole('button', { name: 'Back to sign in' }).click()
    await auth.getByRole('button', { name: 'Forgot your password?' }).click()
    await check(page, 'members, forgotten password')

    await auth.getByRole('button', { name: 'Back to sign in' }).click()
    await auth.getByRole('button', { name: 'Create an account' }).click()
    await auth.getByLabel('Name', { exact: true }).fill('Dee')
    await auth.getByLabel('Email', { exact: true }).fill('dee@example.com')
    await auth.getByLabel('Password', { exact: true }).fill(password)
    await auth.getByRole('button', { name: 'Create an account' }).click()
    await eventually(() => heading(auth)).toBe('Signed in as Dee')
    await check(page, 'members, signed in, address not confirmed')
    expect(failures).toEqual([])
  }, 120_000)

  it('a member: the composer, a thread with posts, flagging, and notifications', async () => {
    const bea = await h.member('Bea Beekeeper', 'bea@example.com')
    const thread = await h.call<{ id: string; postId: string }>(
      'POST',
      '/v1/forum/threads',
      {
        category: 'general',
        title: 'Ferns for a shady wall',
        body: "Hart's-tongue and **soft shield fern**:\n\n> moist soil\n\n`rainwater`, [a guide](https://example.com/)",
      },
      ada.token,
    )
    await h.call('PUT', `/v1/forum/posts/${thread.postId}/like`, undefined, bea.token)
    await h.call('POST', `/v1/forum/threads/${thread.id}/posts`, { body: 'Me too.' }, bea.token)

    const page = await h.page()
    await page.goto(`${h.demo('discussions.html')}#thread-${thread.id}`)
    const forum = page.locator('porchlight-forum')
    await eventually(() => forum.locator('article').count()).toBe(2)
    await check(page, 'a thread, signed out')

    await signIn(h, page, ada.email)
    await check(page, 'members, signed in')
    await page.goto(h.demo(''))
    await check(page, '/demo/, signed in')

    await page.goto(h.demo('discussions.html'))
    await eventually(() => heading(forum)).toBe('General')
    await forum.getByRole('button', { name: 'Start a thread' }).click()
    await check(page, 'discussions, composer open')
    // The title the browser asks for; the empty message the server refuses.
    await forum.getByLabel('Title').fill('A question')
    await forum.getByRole('button', { name: 'Publish' }).click()
    await eventually(() => forum.getByLabel('Message').getAttribute('aria-invalid')).toBe('true')
    await check(page, 'discussions, composer with fields refused')
    await forum.getByLabel('Message').fill('Some **bold** words')
    await forum.getByRole('button', { name: 'Preview' }).click()
    await forum.locator('[part=preview] strong').waitFor()
    await check(page, 'discussions, composer previewing')

    await page.goto(`${h.demo('discussions.html')}#thread-${thread.id}`)
    await eventually(() => forum.locator('article').count()).toBe(2)
    const reply = forum.locator('article').nth(1)
    await reply.getByRole('button', { name: 'Like' }).click()
    await eventually(() => reply.getByRole('button', { name: 'Like · 1' }).count()).toBe(1)
    await reply.getByRole('button', { name: 'Reply', exact: true }).click()
    await reply.getByRole('button', { name: 'Flag' }).click()
    await check(page, 'a thread, signed in: liked, replying, flagging')

    const notifications = page.locator('porchlight-notifications')
    const bell = notifications.getByRole('button', { name: /^Notifications/ })
    await eventually(() => bell.getAttribute('aria-label')).toBe('Notifications, 2 unread')
    await check(page, 'notifications, 2 unread')
    await bell.click()
    await notifications.getByRole('link').first().waitFor()
    await check(page, 'notifications, open')
    await notifications.getByRole('button', { name: 'Mark all as read' }).click()
    await eventually(() => bell.getAttribute('aria-label')).toBe('Notifications, 0 unread')
    await check(page, 'notifications, open, all read')
    expect(failures).toEqual([])
  }, 180_000)

  it('a moderator: the tools, a post hidden, a thread pinned and locked', async () => {
    const mo = await h.member('Mo Moderator', 'mo@example.com', 'moderator')
    const thread = await h.call<{ id: string }>(
      'POST',
      '/v1/forum/threads',
      { category: 'general', title: 'Rules of the garden', body: 'Be kind.' },
      ada.token,
    )
    await h.call('POST', `/v1/forum/threads/${thread.id}/posts`, { body: 'Buy now!' }, ada.token)
    const page = await h.page()
    await signIn(h, page, mo.email)
    await page.goto(`${h.demo('discussions.html')}#thread-${thread.id}`)
    const forum = page.locator('porchlight-forum')
    await eventually(() => forum.locator('article').count()).toBe(2)
    const second = forum.locator('article').nth(1)
    await second.getByRole('button', { name: 'Hide' }).click()
    await check(page, 'a thread, moderator, hiding a post')
    await second.getByLabel('Reason (the author is told)').fill('Spam')
    await second.getByRole('button', { name: 'Hide the post' }).click()
    await eventually(() => second.locator('.badge').textContent()).toBe('Hidden: Spam')
    await forum.getByRole('button', { name: 'Pin' }).click()
    await eventually(() => forum.getByRole('button', { name: 'Unpin' }).count()).toBe(1)
    await forum.getByRole('button', { name: 'Lock' }).click()
    await eventually(() => forum.getByRole('button', { name: 'Unlock' }).count()).toBe(1)
    await check(page, 'a thread, moderator, post hidden, pinned and locked')

    await page.goto(h.demo('discussions.html'))
    await eventually(() => forum.getByRole('link', { name: 'Rules of the garden' }).count()).toBe(1)
    await check(page, 'discussions, pinned and locked threads')
    expect(failures).toEqual([])
  }, 120_000)
})

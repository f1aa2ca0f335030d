// The demo members and discussions pages (examples/static-site) in Chromium, against the real
// server with real email: the story from registration to moderation, told by three
// members in three browsers, and the password reset a member starts from the same page.
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  emailedLink,
  eventually,
  type Harness,
  hasChromium,
  heading,
  password,
  shadowText,
  signIn,
  startHarness,
  status,
} from './harness.ts'

/** What has the focus, read through shadow roots: its tag and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
    return `${active?.tagName.toLowerCase()}: ${active?.textContent?.trim()}`
  })

describe.skipIf(!hasChromium)('members and discussions on the demo pages', () => {
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

  it('registers, confirms by email, starts a thread; a reply is notified; a moderator hides it', async () => {
    // Ada registers on the members page and is signed in at once.
    const ada = await h.page()
    // Her page's clock runs as a real one, but can be moved on: the forum polls every 15 seconds,
    // and the test moves her time past a poll instead of waiting for it (twice, below).
    await ada.clock.install()
    await ada.goto(h.demo('members.html'))
    const auth = ada.locator('porchlight-auth')
    await auth.getByRole('button', { name: 'Create an account' }).click()
    expect(await focused(ada)).toBe('h2: Create an account')
    await auth.getByLabel('Name', { exact: true }).fill('Ada Lovelace')
    await auth.getByLabel('Email', { exact: true }).fill('ada@example.com')
    await auth.getByLabel('Password', { exact: true }).fill(password)
    await auth.getByRole('button', { name: 'Create an account' }).click()
    await eventually(() => status(auth)).toBe(
      'Welcome! We sent you a link to confirm your email address.',
    )
    expect(await heading(auth)).toBe('Signed in as Ada Lovelace')
    expect(await shadowText(ada, 'porchlight-auth')).toContain(
      'Please confirm your email address with the link we sent you.',
    )

    // Unconfirmed, she may not post yet, and is told so up front (issue 15: she used to get the
    // composer, and the refusal only on Publish): no composer, a button that sends the link again.
    await ada.goto(h.demo('discussions.html'))
    const forum = ada.locator('porchlight-forum')
    await eventually(() => heading(forum)).toBe('General')
    const refused = forum.locator('[part=refused]')
    await eventually(() => refused.textContent()).toContain(
      'Confirm your email address to take part: open the link we sent you.',
    )
    expect(await forum.getByRole('button', { name: 'Start a thread' }).count()).toBe(0)
    await refused.getByRole('button', { name: 'Send the link again' }).click()
    await eventually(() => forum.locator('[part=note]').textContent()).toBe(
      'We sent you a new link.',
    )
    // The server sent a second link: two messages to her now.
    await eventually(
      async () =>
        h.smtp.received.filter(
          (m) =>
            m.recipients.includes('ada@example.com') &&
            /action=verify-email/.test(m.parts.get('text/plain') ?? ''),
        ).length,
    ).toBe(2)

    // The link in her email opens the members page, which confirms the address.
    const mail = await h.mailTo('ada@example.com', /action=verify-email/)
    await ada.goto(emailedLink(mail, 'verify-email'))
    await eventually(() => status(auth)).toBe('Your email address is confirmed.')
    expect(await heading(auth)).toBe('Signed in as Ada Lovelace')
    expect(await shadowText(ada, 'porchlight-auth')).not.toContain('Please confirm')
    expect(ada.url()).toBe(h.demo('members.html')) // the one-time token is out of the address

    // She starts a thread, previewed as the server renders it.
    await ada.goto(h.demo('discussions.html'))
    await forum.getByRole('button', { name: 'Start a thread' }).click()
    expect(await focused(ada)).toBe('input: ')
    await forum.getByLabel('Title').fill('Ferns in the shade')
    await forum.getByLabel('Message').fill('Which **ferns** grow under oaks?')
    const preview = forum.getByRole('button', { name: 'Preview' })
    await preview.click()
    await eventually(() => forum.locator('[part=preview] strong').textContent()).toBe('ferns')
    expect(await preview.getAttribute('aria-pressed')).toBe('true')
    await forum.getByRole('button', { name: 'Publish' }).click()
    await ada.waitForURL(/#thread-thr_\w+$/)
    const threadUrl = ada.url()
    await eventually(() => heading(forum)).toBe('Ferns in the shade')
    expect(await focused(ada)).toBe('h2: Ferns in the shade')
    expect(await forum.locator('article [part=post-body]').innerHTML()).toBe(
      '<p>Which <strong>ferns</strong> grow under oaks?</p>\n',
    )
    // Back: the list, with the thread in it.
    await ada.goBack()
    await eventually(() => forum.getByRole('link', { name: 'Ferns in the shade' }).count()).toBe(1)
    expect(await heading(forum)).toBe('General')
    await ada.goForward()
    await eventually(() => heading(forum)).toBe('Ferns in the shade')

    // Bea signs in elsewhere, opens the thread from its address, and replies to Ada's post.
    await h.member('Bea Beekeeper', 'bea@example.com')
    const bea = await h.page()
    await signIn(h, bea, 'bea@example.com')
    await bea.goto(threadUrl)
    const beaForum = bea.locator('porchlight-forum')
    await eventually(() => heading(beaForum)).toBe('Ferns in the shade')
    await beaForum.getByRole('button', { name: 'Like' }).click()
    await eventually(() =>
      beaForum.getByRole('button', { name: 'Like · 1' }).getAttribute('aria-pressed'),
    ).toBe('true')
    await beaForum.getByRole('button', { name: 'Reply', exact: true }).click()
    expect(await shadowText(bea, 'porchlight-forum')).toContain('Replying to #1 by Ada Lovelace')
    await beaForum.getByLabel('Your reply').fill('Hartstongue does, in my garden.')
    await beaForum.getByRole('button', { name: 'Publish' }).click()
    await eventually(() => status(beaForum)).toBe('Published.')
    expect(await beaForum.locator('article').count()).toBe(2)
    expect(await focused(bea)).toContain('Bea Beekeeper')

    // Ada's open thread picks the reply up by itself (polling, every 15 seconds).
    await ada.clock.runFor(15_000)
    await eventually(() => forum.locator('article').count()).toBe(2)
    expect(await forum.locator('article').nth(1).textContent()).toContain('Hartstongue')
    // Her bell counts again when she comes back to the page: Bea's like and Bea's reply.
    await ada.evaluate(() => window.dispatchEvent(new Event('focus')))
    const notifications = ada.locator('porchlight-notifications')
    const bell = notifications.getByRole('button', { name: /^Notifications/ })
    await eventually(() => bell.getAttribute('aria-label')).toBe('Notifications, 2 unread')
    expect(await notifications.locator('[part=badge]').textContent()).toBe('2')
    await bell.click()
    expect(await bell.getAttribute('aria-expanded')).toBe('true')
    const item = notifications.getByRole('link', {
      name: 'Bea Beekeeper replied in Ferns in the shade',
    })
    await item.waitFor()
    expect(await notifications.getByRole('link').allTextContents()).toEqual([
      'Bea Beekeeper replied in Ferns in the shade',
      'Bea Beekeeper liked your post in Ferns in the shade',
    ])
    // Followed: read, the list closes, and the thread is where it leads.
    await item.click()
    await eventually(() => bell.getAttribute('aria-label')).toBe('Notifications, 1 unread')
    expect(await bell.getAttribute('aria-expanded')).toBe('false')
    expect(ada.url()).toBe(threadUrl)
    // Escape closes the list and gives the focus back to the bell; "Mark all as read" clears.
    await bell.click()
    await notifications.getByRole('link').first().waitFor()
    await ada.keyboard.press('Escape')
    expect(await bell.getAttribute('aria-expanded')).toBe('false')
    expect(await focused(ada)).toBe('button: 1')
    await bell.click()
    await notifications.getByRole('button', { name: 'Mark all as read' }).click()
    await eventually(() => bell.getAttribute('aria-label')).toBe('Notifications, 0 unread')

    // A moderator hides Bea's reply from the thread itself.
    await h.member('Mo Moderator', 'mo@example.com', 'moderator')
    const mo = await h.page()
    await signIn(h, mo, 'mo@example.com')
    await mo.goto(threadUrl)
    const moForum = mo.locator('porchlight-forum')
    await eventually(() => heading(moForum)).toBe('Ferns in the shade')
    const reply = moForum.locator('article').nth(1)
    await reply.getByRole('button', { name: 'Hide' }).click()
    await reply.getByLabel('Reason (the author is told)').fill('Off topic for this thread')
    await reply.getByRole('button', { name: 'Hide the post' }).click()
    await eventually(() => reply.locator('.badge').textContent()).toBe(
      'Hidden: Off topic for this thread',
    )
    expect(await reply.textContent()).toContain('Hartstongue') // moderators still read it
    expect(await reply.getByRole('button', { name: 'Show again' }).count()).toBe(1)
    // Pinned and locked in place; the buttons turn into their opposites.
    await moForum.getByRole('button', { name: 'Pin' }).click()
    await eventually(() => moForum.getByRole('button', { name: 'Unpin' }).count()).toBe(1)

    // Ada's page no longer shows the reply's words: the next poll brings the placeholder.
    await ada.clock.runFor(15_000)
    await eventually(() =>
      forum.locator('article').nth(1).locator('[part=post-body]').textContent(),
    ).toBe('[hidden by a moderator]')
    expect(await shadowText(ada, 'porchlight-forum')).not.toContain('Hartstongue')
    expect(await shadowText(ada, 'porchlight-forum')).toContain('Pinned')
  }, 240_000)

  it('marks what the server refused, and resets a forgotten password from the emailed link', async () => {
    await h.member('Cy Cyclist', 'cy@example.com')
    const page = await h.page()
    await page.goto(h.demo('members.html'))
    const auth = page.locator('porchlight-auth')

    // A wrong password is said in words; a weak one is marked on its field.
    await auth.getByLabel('Email', { exact: true }).fill('cy@example.com')
    await auth.getByLabel('Password', { exact: true }).fill('not my password at all')
    await auth.getByRole('button', { name: 'Sign in' }).click()
    await eventually(() => status(auth)).toBe('That email and password do not match an account.')
    await auth.getByRole('button', { name: 'Create an account' }).click()
    await auth.getByLabel('Name', { exact: true }).fill('Dee')
    await auth.getByLabel('Email', { exact: true }).fill('dee@example.com')
    await auth.getByLabel('Password', { exact: true }).fill('short')
    await auth.getByRole('button', { name: 'Create an account' }).click()
    const field = auth.getByLabel('Password', { exact: true })
    await eventually(() => field.getAttribute('aria-invalid')).toBe('true')
    expect(await status(auth)).toBe('Please correct the marked fields.')
    // Read with the field: the rules shown from the start, then the server's refusal.
    const described = (await field.getAttribute('aria-describedby'))?.split(' ') ?? []
    expect(described).toHaveLength(2)
    const refusal = auth.locator(`[id="${described[1]}"]`)
    expect(await refusal.getAttribute('data-porchlight-error')).not.toBeNull()
    expect(await refusal.textContent()).toMatch(/12 characters/)
    expect(await focused(page)).toBe('input: ')

    // Forgot: the link arrives by email and opens a new-password form.
    await auth.getByRole('button', { name: 'Back to sign in' }).click()
    await auth.getByRole('button', { name: 'Forgot your password?' }).click()
    await auth.getByLabel('Email', { exact: true }).fill('cy@example.com')
    await auth.getByRole('button', { name: 'Send me a link' }).click()
    await eventually(() => status(auth)).toBe(
      'If an account uses this address, we sent it a link to choose a new password.',
    )
    const mail = await h.mailTo('cy@example.com', /action=reset-password/)
    await page.goto(emailedLink(mail, 'reset-password'))
    await eventually(() => heading(auth)).toBe('Choose a new password')
    expect(page.url()).toBe(h.demo('members.html'))
    await auth.getByLabel('New password').fill('a brand new passphrase')
    await auth.getByRole('button', { name: 'Save the password' }).click()
    await eventually(() => status(auth)).toBe(
      'Your password is changed. Sign in with your new password.',
    )
    expect(await heading(auth)).toBe('Sign in')
    await auth.getByLabel('Email', { exact: true }).fill('cy@example.com')
    await auth.getByLabel('Password', { exact: true }).fill('a brand new passphrase')
    await auth.getByRole('button', { name: 'Sign in' }).click()
    await eventually(() => heading(auth)).toBe('Signed in as Cy Cyclist')

    // Signing out says so, and a porchlight:auth event tells the page.
    await page.evaluate(() => {
      document.addEventListener('porchlight:auth', (event) => {
        ;(window as unknown as { told: unknown }).told = (event as CustomEvent).detail.user
      })
    })
    await auth.getByRole('button', { name: 'Sign out' }).click()
    await eventually(() => status(auth)).toBe('You are signed out.')
    expect(await heading(auth)).toBe('Sign in')
    expect(await page.evaluate(() => (window as unknown as { told: unknown }).told)).toBeNull()
  }, 120_000)
})
